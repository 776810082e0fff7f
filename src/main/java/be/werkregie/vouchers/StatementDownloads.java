package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Payment statements (CSV and PDF) for signed-in users of the pages: the same files as the API, in the browser session
 * (the API's HTTP Basic challenge is for partner systems). A centre gets only its own; staff and analysts any.
 */
@Controller
class StatementDownloads {

    private final Payments payments;
    private final CareerCentres centres;

    StatementDownloads(Payments payments, CareerCentres centres) {
        this.payments = payments;
        this.centres = centres;
    }

    @GetMapping("/statements/vouchers/{runId}/{centreId}.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID runId, @PathVariable UUID centreId) {
        CurrentUser me = CurrentUser.get();
        String csv = payments.statementCsv(payments.statement(runId, centreId, me), payments.recoveries(runId, centreId, me));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + runId + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/statements/vouchers/{runId}/{centreId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID runId, @PathVariable UUID centreId) {
        CurrentUser me = CurrentUser.get();
        List<Payments.Line> lines = payments.statement(runId, centreId, me);
        List<Payments.Recovery> recoveries = payments.recoveries(runId, centreId, me);
        Payments.Run run = payments.find(runId).orElseThrow(() -> new NotFoundException("run"));
        String name = centres.find(centreId).map(CareerCentres.Centre::name).orElse("");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + runId + ".pdf\"")
                .body(payments.statementPdf(run, name, lines, recoveries));
    }
}
