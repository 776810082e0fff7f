package be.werkregie.vouchers;

import static org.springframework.http.HttpMethod.GET;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Career vouchers: the public search robot, the citizen's vouchers, the centres' pages and API, administration. */
@Component
class VoucherSecurity implements ModuleSecurity {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/api/career-centres", "/api/career-centres/*").permitAll()
                .requestMatchers("/api/me/vouchers", "/api/me/vouchers/**").hasRole("CITIZEN")
                .requestMatchers("/api/centre/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                .requestMatchers(GET, "/api/voucher-admin/**").hasAnyRole("ADMINISTRATOR", "ANALYST")
                .requestMatchers("/api/voucher-admin/**").hasRole("ADMINISTRATOR");
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/loopbaancentra", "/loopbaancentra/*").permitAll()
                .requestMatchers("/me/vouchers", "/me/vouchers/**", "/pay/demo/**").hasRole("CITIZEN")
                .requestMatchers("/centre/**").hasAnyRole("PARTNER_STAFF", "PARTNER_MANAGER")
                .requestMatchers("/vouchers/admin", "/vouchers/admin/**").hasRole("ADMINISTRATOR")
                .requestMatchers(GET, "/statements/vouchers/*/*.csv", "/statements/vouchers/*/*.pdf")
                        .hasAnyRole("ADMINISTRATOR", "ANALYST", "MEDIATOR", "PARTNER_STAFF", "PARTNER_MANAGER");
    }
}
