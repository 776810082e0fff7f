package be.werkregie.campus;

import static org.springframework.http.HttpMethod.GET;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Career campuses: the public agenda and calendar feeds by secret address for anyone; availability and booking for the
 * employment service's staff and partners; the management (approvals, agreements, invoices, occupancy) for campus
 * managers and administrators (the services check which campus).
 */
@Component
class CampusSecurity implements ModuleSecurity {

    static final String[] BOOKERS = {"CAMPUS_MANAGER", "MEDIATOR", "PARTNER_STAFF", "PARTNER_MANAGER", "ADMINISTRATOR"};
    static final String[] MANAGERS = {"CAMPUS_MANAGER", "ADMINISTRATOR"};

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/api/campus/agenda/**").permitAll()
                .requestMatchers("/api/campus/manage/**").hasAnyRole(MANAGERS)
                .requestMatchers("/api/campus/**").hasAnyRole(BOOKERS);
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/loopbaancampus", "/loopbaancampus/**").permitAll()
                .requestMatchers(GET, "/campus/feeds/*").permitAll()
                .requestMatchers("/campus/manage", "/campus/manage/**").hasAnyRole(MANAGERS)
                .requestMatchers("/campus", "/campus/**").hasAnyRole(BOOKERS);
    }
}
