package be.werkregie.guidance;

import be.werkregie.identity.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner's payment statement (CSV and PDF) in the browser session, for the partner itself, administrators and
 * analysts: the same files as the API, without the API's HTTP Basic challenge.
 */
@Controller
class GuidanceStatementDownloads {

    private final GuidancePayments payments;
    private final be.werkregie.identity.Organisations organisations;

    GuidanceStatementDownloads(GuidancePayments payments, be.werkregie.identity.Organisations organisations) {
        this.payments = payments;
        this.organisations = organisations;
    }

    @GetMapping("/statements/guidance/{runId}/{partnerId}.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID runId, @PathVariable UUID partnerId) {
        String csv = payments.csv(payments.statement(runId, partnerId, CurrentUser.get()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + runId + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/statements/guidance/{runId}/{partnerId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID runId, @PathVariable UUID partnerId) {
        var lines = payments.statement(runId, partnerId, CurrentUser.get());
        String name = organisations.find(partnerId).map(o -> o.name()).orElse("");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + runId + ".pdf\"")
                .body(payments.pdf(name, lines));
    }
}
