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
 * Deny by default: every module lists its paths with the roles that may use them ({@link ModuleSecurity} beans in the
 * modules' own packages); anything else is refused.
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

    /** Whether a page controller answers this address (any method): the difference between "no access" and "not found". */
    static boolean pageExists(org.springframework.context.ApplicationContext context, jakarta.servlet.http.HttpServletRequest request) {
        // every handler mapping but the static resources' and the welcome page's (they match any address)
        for (var entry : context.getBeansOfType(org.springframework.web.servlet.HandlerMapping.class).entrySet()) {
            if (entry.getKey().equals("resourceHandlerMapping") || entry.getKey().equals("welcomePageHandlerMapping")
                    || entry.getKey().equals("welcomePageNotAcceptableHandlerMapping")) {
                continue;
            }
            try {
                if (entry.getValue().getHandler(request) != null) {
                    return true;
                }
            } catch (org.springframework.web.HttpRequestMethodNotSupportedException e) {
                return true;
            } catch (Exception e) {
                return true; // when in doubt, refuse as before
            }
        }
        return false;
    }

    /** Partner systems: HTTP Basic, stateless, so a browser session can never be abused cross-site. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, org.springframework.security.authentication.AuthenticationManager manager,
                            org.springframework.context.MessageSource messages, ObjectProvider<ModuleSecurity> modules) throws Exception {
        http.authenticationManager(manager);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> {
                    modules.orderedStream().forEach(m -> m.api(a));
                    a.anyRequest().denyAll();
                })
                .httpBasic(b -> b.authenticationEntryPoint(new ApiAuthenticationEntryPoint(messages)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
                            org.springframework.security.authentication.AuthenticationManager manager,
                            ObjectProvider<ModuleSecurity> modules, org.springframework.context.ApplicationContext context,
                            @org.springframework.beans.factory.annotation.Value("${werkregie.map.tile-url:}") String tileUrl) throws Exception {
        // map tiles are the only images from elsewhere (werkregie.map.tile-url); everything else comes from this origin
        String tiles = be.werkregie.shared.WebOrigin.of(tileUrl);
        http.authenticationManager(manager);
        http.authorizeHttpRequests(a -> {
                    modules.orderedStream().forEach(m -> m.pages(a));
                    a.anyRequest().denyAll();
                })
                // deny by default stays; but a signed-in user who mistyped an address is told "not found", not "no access"
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    response.sendError(pageExists(context, request) ? 403 : 404);
                }))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/home", true).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof org.springframework.security.authentication.LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:" + (tiles.isEmpty() ? "" : " " + tiles) + "; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.getIfAvailable() != null) {
            // Production login through the organisation's identity provider (spring.security.oauth2.client.*).
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/home", true));
        }
        return http.build();
    }
}
