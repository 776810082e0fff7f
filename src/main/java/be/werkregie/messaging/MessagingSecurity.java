package be.werkregie.messaging;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import be.werkregie.identity.ModuleSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The outbox for staff: a person's messages, letters, SMS files and phone calls. */
@Component
class MessagingSecurity implements ModuleSecurity {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(POST, "/api/people/*/messages").hasAnyRole("MEDIATOR", "ADMINISTRATOR");
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers(GET, "/me/messages").hasRole("CITIZEN")
                .requestMatchers(GET, "/people/*/messages").hasAnyRole("MEDIATOR", "SOCIAL_WORKER", "ADMINISTRATOR")
                .requestMatchers(POST, "/people/*/messages").hasAnyRole("MEDIATOR", "ADMINISTRATOR")
                .requestMatchers(GET, "/messages", "/messages/letters", "/messages/letters/*.pdf", "/messages/sms/*.csv",
                        "/messages/phone-tasks").hasAnyRole("MEDIATOR", "ADMINISTRATOR")
                .requestMatchers(POST, "/messages/letters/close", "/messages/letters/*/printed", "/messages/sms/export",
                        "/messages/sms/*/sent", "/messages/*/bounced", "/messages/phone-tasks/*/done").hasAnyRole("MEDIATOR", "ADMINISTRATOR");
    }
}
