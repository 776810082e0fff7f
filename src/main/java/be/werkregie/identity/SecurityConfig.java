package be.werkregie.identity;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Deny by default: every path is listed with the roles that may use it; anything else is refused.
 * The matrix is documented in docs/access-control.md and walked by AccessControlMatrixTest.
 * Row-level rules (which person a role may see) are enforced in the services.
 */
@Configuration
class SecurityConfig {

    static final String[] STAFF_WITH_CLIENTS = {"MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER", "ADMINISTRATOR"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt (delegating), with successful checks remembered for 5 minutes: see VerifiedPasswordCache
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), java.time.Duration.ofMinutes(5),
                10_000);
    }

    /** Password sign-in, form and HTTP Basic alike, through the login throttle. */
    @Bean
    org.springframework.security.authentication.AuthenticationManager authenticationManager(Users users, PasswordEncoder passwords,
                                                                                          LoginThrottle throttle) {
        var dao = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new org.springframework.security.authentication.ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    /** Partner systems: HTTP Basic, stateless, so a browser session can never be abused cross-site. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, org.springframework.security.authentication.AuthenticationManager manager,
                            org.springframework.context.MessageSource messages) throws Exception {
        http.authenticationManager(manager);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/api/career-centres", "/api/career-centres/*", "/api/guidance/offers",
                                "/api/guidance/partners").permitAll()
                        .requestMatchers("/api/mediation/**").hasRole("MEDIATOR")
                        .requestMatchers("/api/partner/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                        .requestMatchers(GET, "/api/guidance-admin/**").hasAnyRole("ADMINISTRATOR", "ANALYST")
                        .requestMatchers("/api/guidance-admin/**").hasRole("ADMINISTRATOR")
                        .requestMatchers("/api/me/**").hasRole("CITIZEN")
                        .requestMatchers("/api/centre/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                        .requestMatchers(GET, "/api/voucher-admin/**").hasAnyRole("ADMINISTRATOR", "ANALYST")
                        .requestMatchers("/api/voucher-admin/**").hasRole("ADMINISTRATOR")
                        .requestMatchers(GET, "/api/people", "/api/people/*", "/api/people/*/dossier").hasAnyRole(STAFF_WITH_CLIENTS)
                        .requestMatchers(POST, "/api/people").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                        .requestMatchers(POST, "/api/people/*/dossier").hasAnyRole("MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER")
                        .requestMatchers(POST, "/api/people/*/consents").hasAnyRole("MEDIATOR", "SOCIAL_WORKER")
                        .requestMatchers(POST, "/api/people/*/messages").hasAnyRole("MEDIATOR", "ADMINISTRATOR")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(new ApiAuthenticationEntryPoint(messages)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
                            org.springframework.security.authentication.AuthenticationManager manager) throws Exception {
        http.authenticationManager(manager);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/error", "/about", "/geo", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/static-page.html", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(GET, "/loopbaancentra", "/loopbaancentra/*", "/begeleiding", "/begeleiding/*").permitAll()
                        .requestMatchers("/guidance/mediator", "/guidance/mediator/**").hasRole("MEDIATOR")
                        .requestMatchers("/partner/trajectories", "/partner/trajectories/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                        .requestMatchers("/guidance/admin", "/guidance/admin/**").hasRole("ADMINISTRATOR")
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers("/home").authenticated()
                        .requestMatchers("/centre/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                        .requestMatchers("/vouchers/admin", "/vouchers/admin/**").hasRole("ADMINISTRATOR")
                        .requestMatchers("/me", "/me/**").hasRole("CITIZEN")
                        .requestMatchers(GET, "/people/new").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                        .requestMatchers(POST, "/people").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                        .requestMatchers(GET, "/people", "/people/*").hasAnyRole(STAFF_WITH_CLIENTS)
                        .requestMatchers(POST, "/people/*/entries", "/people/*/handovers").hasAnyRole("MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER")
                        .requestMatchers(POST, "/people/*/break-glass").hasRole("ADMINISTRATOR")
                        .requestMatchers(POST, "/handovers/*/acknowledge").hasAnyRole("MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER")
                        .requestMatchers(POST, "/people/*/consents", "/people/*/consents/*/revoke", "/people/*/channels")
                                .hasAnyRole("MEDIATOR", "SOCIAL_WORKER")
                        .requestMatchers(GET, "/people/*/messages").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                        .requestMatchers(POST, "/people/*/messages").hasAnyRole("MEDIATOR", "ADMINISTRATOR")
                        .requestMatchers(GET, "/messages", "/messages/letters", "/messages/letters/*.pdf", "/messages/sms/*.csv",
                                "/messages/phone-tasks").hasAnyRole("MEDIATOR", "ADMINISTRATOR")
                        .requestMatchers(POST, "/messages/letters/close", "/messages/letters/*/printed", "/messages/sms/export",
                                "/messages/sms/*/sent", "/messages/*/bounced",
                                "/messages/phone-tasks/*/done").hasAnyRole("MEDIATOR", "ADMINISTRATOR")
                        .requestMatchers(GET, "/statements/vouchers/*/*.csv", "/statements/vouchers/*/*.pdf")
                                .hasAnyRole("ADMINISTRATOR", "ANALYST", "MEDIATOR", "PARTNER_STAFF", "PARTNER_MANAGER")
                        .requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
                        .requestMatchers("/accounts/locks", "/accounts/locks/**").hasRole("ADMINISTRATOR")
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/home", true).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof org.springframework.security.authentication.LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.getIfAvailable() != null) {
            // Production login through the organisation's identity provider (spring.security.oauth2.client.*).
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/home", true));
        }
        return http.build();
    }
}
