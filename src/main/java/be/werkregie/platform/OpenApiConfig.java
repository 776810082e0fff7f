package be.werkregie.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of the partner API in the OpenAPI document served at /v3/api-docs (copy in docs/api/openapi.json). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI werkregieApi() {
        return new OpenAPI()
                .info(new Info().title("Werkregie partner API").version("1")
                        .description("""
                                REST API for partner systems: the public search robot for career centres, the citizen's \
                                eligibility check and voucher request, the centre's take-over, session registration and \
                                guidance record, payment statements, and the employment service's quality, misuse and \
                                sanction endpoints. Authentication: HTTP Basic over TLS (OIDC client credentials in \
                                production). Errors are RFC 9457 problem details; invalid input gives 422 with one message \
                                per field in the language of Accept-Language (nl, fr, en). Writes that may be retried take \
                                a client key (requestKey, runKey, Idempotency-Key header) and are idempotent.""")
                        .license(new License().name("EUPL-1.2")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
