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
        Path out = Path.of("docs/api/openapi.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
    }
}
