package be.werkregie.identity;

import static org.springframework.http.HttpMethod.GET;

import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Public pages, sign-in, static files, operations and the OpenAPI document; the administrators' sign-in locks. */
@Component
@Order(0)
class IdentitySecurity implements ModuleSecurity {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/", "/login", "/error", "/about", "/geo", "/geo/outline.json", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                        "/static-page.html", "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs.yaml").permitAll()
                .requestMatchers("/home").authenticated()
                .requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
                .requestMatchers("/accounts/locks", "/accounts/locks/**").hasRole("ADMINISTRATOR");
    }
}
