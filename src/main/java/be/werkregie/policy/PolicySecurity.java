package be.werkregie.policy;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The policy pages are for administrators of the employment service. */
@Component
class PolicySecurity implements ModuleSecurity {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/policy", "/policy/**").hasRole("ADMINISTRATOR");
    }
}
