package be.werkregie.cooperation;

import static org.springframework.http.HttpMethod.GET;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Local cooperation: the dashboard and the published action plans are public (no login); referrals for social workers,
 * the employment service's mediators and administrators (and the person, for their own); the agreement editor for
 * administrators, partner managers and local-government staff (the service checks which municipality); the event feed
 * for the organisations that take part in referrals. The services check the actor again.
 */
@Component
class CooperationSecurity implements ModuleSecurity {

    static final String[] REFERRERS = {"SOCIAL_WORKER", "MEDIATOR", "ADMINISTRATOR"};
    static final String[] EDITORS = {"ADMINISTRATOR", "PARTNER_MANAGER", "LOCAL_GOVERNMENT"};

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/api/cooperation/dashboard.csv", "/api/cooperation/dashboard/**").permitAll()
                .requestMatchers("/api/cooperation/feed").hasAnyRole(REFERRERS)
                .requestMatchers("/api/cooperation/**").hasAnyRole(REFERRERS);
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/samenwerking", "/samenwerking/**").permitAll()
                .requestMatchers(GET, "/cooperation/referrals/*").hasAnyRole("SOCIAL_WORKER", "MEDIATOR", "ADMINISTRATOR", "CITIZEN")
                .requestMatchers("/cooperation/referrals", "/cooperation/referrals/**").hasAnyRole(REFERRERS)
                .requestMatchers("/cooperation/agreements", "/cooperation/agreements/**").hasAnyRole(EDITORS);
    }
}
