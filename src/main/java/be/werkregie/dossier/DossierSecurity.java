package be.werkregie.dossier;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The client file: people, entries, handovers, consents and channels, for staff; "my file" for the citizen. */
@Component
class DossierSecurity implements ModuleSecurity {

    static final String[] STAFF_WITH_CLIENTS = {"MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER", "ADMINISTRATOR"};

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/api/me").hasRole("CITIZEN")
                .requestMatchers(GET, "/api/people", "/api/people/*", "/api/people/*/dossier").hasAnyRole(STAFF_WITH_CLIENTS)
                .requestMatchers(POST, "/api/people").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                .requestMatchers(POST, "/api/people/*/dossier").hasAnyRole("MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER")
                .requestMatchers(POST, "/api/people/*/consents").hasAnyRole("MEDIATOR", "SOCIAL_WORKER");
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/me", "/me/views", "/me/consents", "/me/consents/**", "/me/channels").hasRole("CITIZEN")
                .requestMatchers(GET, "/people/new").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                .requestMatchers(GET, "/clients").hasRole("SOCIAL_WORKER")
                .requestMatchers(POST, "/people").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                .requestMatchers(GET, "/people", "/people/*").hasAnyRole(STAFF_WITH_CLIENTS)
                .requestMatchers(POST, "/people/*/entries", "/people/*/handovers").hasAnyRole("MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER")
                .requestMatchers(POST, "/people/*/break-glass").hasRole("ADMINISTRATOR")
                .requestMatchers(POST, "/handovers/*/acknowledge").hasAnyRole("MEDIATOR", "PARTNER_STAFF", "SOCIAL_WORKER")
                .requestMatchers(POST, "/people/*/consents", "/people/*/consents/*/revoke", "/people/*/channels")
                        .hasAnyRole("MEDIATOR", "SOCIAL_WORKER");
    }
}
