package be.werkregie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.werkregie.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document is public, describes every partner endpoint the issues ask for, and is written to
 * docs/api/openapi.json so that the committed copy moves with the code.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ApiDocumentationTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void openApiDocumentDescribesThePartnerApi() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode doc = json.readTree(body);
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        for (String p : new String[] {"/api/career-centres", "/api/career-centres/{id}", "/api/me/vouchers/eligibility",
                "/api/me/vouchers", "/api/centre/vouchers", "/api/centre/vouchers/{id}/sessions",
                "/api/centre/statements/{runId}.csv", "/api/voucher-admin/payment-runs",
                "/api/voucher-admin/payment-runs/{runId}/statements/{centreId}.pdf", "/api/voucher-admin/misuse/cases",
                "/api/centre/sanctions/{id}/defence", "/api/centre/sessions", "/api/guidance/partners",
                "/api/partner/trajectories", "/api/partner/trajectories/{id}/actions", "/api/partner/trajectories/{id}/outcome",
                "/api/partner/trajectories/{id}/stop", "/api/partner/statements/{runId}.csv", "/api/mediation/assessments",
                "/api/guidance-admin/payment-runs/{runId}/statements/{partnerId}.pdf"}) {
            assertThat(paths.has(p)).as("documented: " + p).isTrue();
        }
        assertThat(paths.propertyNames()).allMatch(p -> p.startsWith("/api/"));
        assertThat(doc.path("components").path("securitySchemes").has("basic")).isTrue();
        lint(doc);
        Path out = Path.of("docs/api/openapi.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
    }

    /**
     * The rules of Spectral's "spectral:oas" ruleset that a generated document can break, checked on every build (the
     * committed copy is also linted with Spectral itself: tools/lint-openapi.sh): every operation has a summary, a
     * description, a unique operationId and a defined tag; every response a description; every operation its error
     * answers with an example; the document its contact, license, servers and tag descriptions.
     */
    static void lint(JsonNode doc) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        JsonNode info = doc.path("info");
        for (String f : new String[] {"title", "description", "version"}) {
            if (info.path(f).asString("").isBlank()) {
                problems.add("info." + f + " is missing");
            }
        }
        if (info.path("contact").isMissingNode()) {
            problems.add("info.contact is missing");
        }
        if (info.path("license").path("url").isMissingNode()) {
            problems.add("info.license.url is missing");
        }
        if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
            problems.add("servers are missing");
        }
        java.util.Set<String> tags = new java.util.HashSet<>();
        doc.path("tags").forEach(t -> {
            tags.add(t.path("name").asString());
            if (t.path("description").asString("").isBlank()) {
                problems.add("tag " + t.path("name").asString() + " has no description");
            }
        });
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> documented = new java.util.HashSet<>();
        for (String path : doc.path("paths").propertyNames()) {
            if (path.endsWith("/")) {
                problems.add(path + " ends with a slash");
            }
            JsonNode item = doc.path("paths").path(path);
            for (String method : item.propertyNames()) {
                JsonNode op = item.path(method);
                String where = method.toUpperCase() + " " + path;
                documented.add(where);
                if (op.path("summary").asString("").isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (op.path("description").asString("").isBlank()) {
                    problems.add(where + ": no description");
                }
                String id = op.path("operationId").asString("");
                if (id.isBlank() || !ids.add(id)) {
                    problems.add(where + ": operationId missing or not unique: " + id);
                }
                if (!op.path("tags").isArray() || op.path("tags").isEmpty()) {
                    problems.add(where + ": no tag");
                }
                op.path("tags").forEach(t -> {
                    if (!tags.contains(t.asString())) {
                        problems.add(where + ": tag " + t.asString() + " is not defined");
                    }
                });
                boolean errorAnswer = false;
                for (String code : op.path("responses").propertyNames()) {
                    JsonNode r = op.path("responses").path(code);
                    if (r.path("description").asString("").isBlank()) {
                        problems.add(where + " " + code + ": no description");
                    }
                    if (code.startsWith("4")) {
                        errorAnswer = true;
                        if (r.path("content").path("application/problem+json").path("examples").isEmpty()) {
                            problems.add(where + " " + code + ": no example");
                        }
                    }
                }
                if (!errorAnswer) {
                    problems.add(where + ": no error answer (4xx)");
                }
            }
        }
        for (String named : OpenApiConfig.texts().keySet()) {
            if (!documented.contains(named)) {
                problems.add("openapi/operations.txt describes " + named + ", which does not exist");
            }
        }
        assertThat(problems).isEmpty();
    }
}
