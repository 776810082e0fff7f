package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.Pdf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.context.Context;

/**
 * An invoice as its holder and its campus manager see it: the page, the PDF (PDF/UA, from the same template as every
 * document of the platform), the lines as CSV and the Peppol BIS 3.0 UBL e-invoice; and a partner's list of its own.
 */
@Controller
class CampusInvoiceFiles {

    private final CampusInvoices invoices;
    private final Campuses campuses;
    private final CampusEInvoice einvoice;
    private final org.thymeleaf.spring6.SpringTemplateEngine templates;

    CampusInvoiceFiles(CampusInvoices invoices, Campuses campuses, CampusEInvoice einvoice, org.thymeleaf.spring6.SpringTemplateEngine templates) {
        this.invoices = invoices;
        this.campuses = campuses;
        this.einvoice = einvoice;
        this.templates = templates;
    }

    @GetMapping("/campus/invoices")
    String mine(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("invoices", me.organisationId() == null ? List.of() : invoices.ofHolder(me.organisationId()));
        return "campus/my-invoices";
    }

    @GetMapping("/campus/invoices/{id}")
    String page(@PathVariable UUID id, Model model) {
        CampusInvoices.Invoice inv = invoices.visible(id, CurrentUser.get());
        model.addAttribute("invoice", inv);
        model.addAttribute("lines", invoices.lines(id));
        model.addAttribute("campus", campuses.campus(inv.campusId()).orElseThrow());
        model.addAttribute("manages", campuses.manages(CurrentUser.get(), inv.campusId()));
        model.addAttribute("credited", inv.credits() == null ? null : invoices.invoice(inv.credits()).orElse(null));
        return "campus/invoice";
    }

    @GetMapping("/campus/invoices/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        CampusInvoices.Invoice inv = invoices.visible(id, CurrentUser.get());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + inv.number() + ".pdf\"").body(pdfOf(inv));
    }

    byte[] pdfOf(CampusInvoices.Invoice inv) {
        Context ctx = new Context(LocaleContextHolder.getLocale());
        ctx.setVariable("invoice", inv);
        ctx.setVariable("lines", invoices.lines(inv.id()));
        ctx.setVariable("campus", campuses.campus(inv.campusId()).orElseThrow());
        ctx.setVariable("agreement", campuses.agreement(inv.agreementId()).orElseThrow());
        ctx.setVariable("reference", inv.kind().equals("INVOICE") ? CampusEInvoice.structuredReference(inv.issuedOn().getYear(),
                Integer.parseInt(inv.number().substring(5))) : null);
        ctx.setVariable("credited", inv.credits() == null ? null : invoices.invoice(inv.credits()).orElse(null));
        return Pdf.fromHtml(templates.process("campus/invoice-pdf", ctx));
    }

    @GetMapping("/campus/invoices/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        CampusInvoices.Invoice inv = invoices.visible(id, CurrentUser.get());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + inv.number() + ".csv\"")
                .body(invoices.csv(inv).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/campus/invoices/{id}.xml")
    ResponseEntity<byte[]> ubl(@PathVariable UUID id) {
        CampusInvoices.Invoice inv = invoices.visible(id, CurrentUser.get());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + inv.number() + ".xml\"")
                .body(ublOf(inv).getBytes(StandardCharsets.UTF_8));
    }

    String ublOf(CampusInvoices.Invoice inv) {
        return einvoice.ubl(inv, invoices.lines(inv.id()), campuses.campus(inv.campusId()).orElseThrow(),
                campuses.agreement(inv.agreementId()).orElseThrow(), inv.credits() == null ? null
                        : invoices.invoice(inv.credits()).map(CampusInvoices.Invoice::number).orElse(null));
    }
}
