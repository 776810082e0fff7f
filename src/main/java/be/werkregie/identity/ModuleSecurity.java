package be.werkregie.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The URL rules of one module, declared by that module (a bean in its own package). {@link SecurityConfig} applies
 * every module's rules and then refuses everything else: deny by default stays. Rules of different modules must not
 * overlap; within a module, the first rule that matches wins. Row-level rules (which person, which centre) stay in the
 * modules' services, which check the actor themselves.
 */
public interface ModuleSecurity {

    /** Rules for the partner API ({@code /api/**}, HTTP Basic, stateless). */
    default void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {}

    /** Rules for the pages (form login, CSRF). */
    default void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {}
}
