package be.werkregie.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the partner API in the OpenAPI document served at /v3/api-docs (copy in docs/api/openapi.json):
 * what a partner's developer reads. Every operation gets its summary and description from
 * {@code openapi/operations.txt}, and its error answers (problem details, RFC 9457) with an example: 400 for a
 * malformed body, 401 and 403 for the secured ones, 404 where the path names a record, 422 with one message per field
 * for input. {@code ApiDocumentationTest} lints the document (the rules of Spectral's OpenAPI ruleset that apply).
 */
@Configuration
class OpenApiConfig {

    /** Operations anyone may call without signing in. */
    static final Set<String> PUBLIC = Set.of("GET /api/career-centres", "GET /api/career-centres/{id}", "GET /api/guidance/partners",
            "GET /api/guidance/offers");

    static final Map<String, String> TAGS = Map.of(
            "voucher-api", "Career vouchers: the public search robot, the citizen's vouchers, the centres' work and the employment service's administration.",
            "guidance-api", "Guidance 2027: assessments, the landing page and choice, assignment, trajectories, outputs, results and payments.",
            "client-file-api", "People, consents and the shared dossier.",
            "messaging-api", "Messages to a person in their own channel and language.");

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
                        .contact(new Contact().name("Werkregie").url("https://github.com/werkregie"))
                        .license(new License().name("EUPL-1.2").url("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12")))
                .servers(List.of(new Server().url("/").description("This instance")))
                .tags(TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Tag().name(e.getKey()).description(e.getValue())).toList())
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer operationTexts() {
        Map<String, String[]> texts = texts();
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String key = method.name() + " " + path;
            String[] t = texts.get(key);
            if (t != null) {
                op.setSummary(t[0]);
                op.setDescription(t[1]);
            }
            errors(key, path, method, op);
            }));
        };
    }

    private static void errors(String key, String path, PathItem.HttpMethod method, Operation op) {
        // answers derived from the exception handlers (e.g. 404 "Not Found" with a plain string): the same problem shape
        new java.util.ArrayList<>(op.getResponses().keySet()).stream().filter(code -> code.startsWith("4") || code.startsWith("5"))
                .forEach(code -> op.getResponses().addApiResponse(code, problem(
                        code.equals("404") ? "No such record, or not one the caller may see." : "An error (RFC 9457 problem detail).",
                        Integer.parseInt(code), code.equals("404") ? "Not Found" : "Error", code.equals("404") ? "Not found." : "See detail.")));
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        if (write) {
            op.getResponses().addApiResponse("400", problem("The request is not valid JSON or not of the expected shape.",
                    400, "Bad Request", "The request body could not be read."));
        }
        if (!PUBLIC.contains(key)) {
            op.getResponses().addApiResponse("401", problem("Not signed in: send HTTP Basic credentials.", 401, "Unauthorized",
                    "Sign in to use this operation."));
            op.getResponses().addApiResponse("403", problem("Signed in, but this role or organisation may not do this.", 403,
                    "Forbidden", "You have no access to this."));
        } else {
            op.setSecurity(List.of());
        }
        if (path.contains("{")) {
            op.getResponses().addApiResponse("404", problem("No such record, or not one the caller may see.", 404, "Not Found",
                    "Not found."));
        }
        if (write || path.equals("/api/career-centres") || path.equals("/api/people") || path.equals("/api/guidance/partners")) {
            ApiResponse invalid = problem("Invalid input: one message per field, in the language of Accept-Language; nothing was changed.",
                    422, "Unprocessable Entity", "Not everything is filled in correctly.");
            invalid.getContent().get("application/problem+json").getExamples().get("example").setValue(Map.of(
                    "type", "about:blank", "title", "Unprocessable Entity", "status", 422,
                    "detail", "Not everything is filled in correctly.",
                    "errors", List.of(Map.of("field", "performedUntil", "message", "Enter a date like 17/03/2027."))));
            op.getResponses().addApiResponse("422", invalid);
        }
    }

    private static ApiResponse problem(String description, int status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
                        .addExamples("example", new io.swagger.v3.oas.models.examples.Example().value(example))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("The field, as named in the request."));
        error.addProperty("message", new StringSchema().description("What is wrong, in plain words."));
        ObjectSchema s = new ObjectSchema();
        s.description("A problem detail (RFC 9457).");
        s.addProperty("type", new StringSchema());
        s.addProperty("title", new StringSchema());
        s.addProperty("status", new IntegerSchema());
        s.addProperty("detail", new StringSchema());
        s.addProperty("errors", new ArraySchema().items(error).description("For 422: one entry per field."));
        return s;
    }

    static Map<String, String[]> texts() {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                OpenApiConfig.class.getResourceAsStream("/openapi/operations.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s*\\|\\s*", 3);
                out.put(parts[0].trim(), new String[] {parts[1].trim(), parts[2].trim()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
