package be.werkregie.guidance;

import static org.springframework.http.HttpMethod.GET;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Guidance 2027: the public landing page, the citizen's choice, mediators, partners and the administration. */
@Component
class GuidanceSecurity implements ModuleSecurity {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/api/guidance/offers", "/api/guidance/partners").permitAll()
                .requestMatchers("/api/me/guidance", "/api/me/guidance/**").hasRole("CITIZEN")
                .requestMatchers("/api/mediation/**").hasRole("MEDIATOR")
                .requestMatchers("/api/partner/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                .requestMatchers(GET, "/api/guidance-admin/**").hasAnyRole("ADMINISTRATOR", "ANALYST")
                .requestMatchers("/api/guidance-admin/**").hasRole("ADMINISTRATOR");
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/begeleiding", "/begeleiding/*").permitAll()
                .requestMatchers("/me/guidance", "/me/guidance/**").hasRole("CITIZEN")
                .requestMatchers("/guidance/mediator", "/guidance/mediator/**").hasRole("MEDIATOR")
                .requestMatchers("/partner/trajectories", "/partner/trajectories/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                .requestMatchers("/guidance/admin", "/guidance/admin/**").hasRole("ADMINISTRATOR")
                // the partner's own statements, and any for staff (GuidancePayments.statement checks which)
                .requestMatchers(GET, "/statements/guidance/*/*.csv", "/statements/guidance/*/*.pdf")
                .hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER", "ADMINISTRATOR", "ANALYST");
    }
}
