package be.werkregie.chance;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Kans Op Werk: only the roles that run and audit the model (analysts, administrators); never mediators or partners. */
@Component
class ChanceSecurity implements ModuleSecurity {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/chance", "/chance/**").hasAnyRole("ANALYST", "ADMINISTRATOR");
    }
}
