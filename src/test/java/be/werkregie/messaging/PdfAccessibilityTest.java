package be.werkregie.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import be.werkregie.platform.Statements;
import be.werkregie.shared.Money;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every kind of PDF the platform produces — letters in each language and payment statements (with deductions and
 * enough lines to run over pages) — is a PDF/UA-1 document by veraPDF's validation, with its language, title shown as
 * the window title, bookmarks and embedded fonts.
 */
@IntegrationTest
public class PdfAccessibilityTest {

    @Autowired Clock clock;
    @Autowired ITemplateEngine templates;
    @Autowired Statements statements;

    @BeforeAll
    static void vera() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void lettersInEveryLanguageArePdfUa() throws Exception {
        LetterRenderer letters = new LetterRenderer(clock, templates);
        for (String lang : List.of("nl", "fr", "en")) {
            byte[] pdf = letters.render("Mira Janssens", "Kouter 1, 9000 Gent", "Je loopbaancheque", """
                    Beste Mira,

                    Je loopbaancheque LC-2027-000123 is klaar. Je kan hem tot 9/6/2027 gebruiken.

                    Met vriendelijke groeten""", lang);
            assertPdfUa("letter " + lang, pdf, lang);
        }
    }

    @Test
    void paymentStatementsArePdfUaAndRepeatTheirTableHeaders() throws Exception {
        List<Statements.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(new Statements.Row(List.of("LC-2027-" + i, 6, Money.euros("258.00"), Money.euros("40.00"))));
        }
        var s = new Statements.Statement("Betalingsoverzicht loopbaancheques", "Loopbaancentrum Gent", "prestaties tot 28/02/2027",
                LocalDate.of(2027, 3, 1),
                List.of(new Statements.Column("voucher", "Cheque", Statements.Column.Kind.TEXT),
                        new Statements.Column("half_hours", "Halve uren", Statements.Column.Kind.COUNT),
                        new Statements.Column("amount_incl_vat", "Incl. btw", Statements.Column.Kind.MONEY),
                        new Statements.Column("citizen_contribution", "Eigen bijdrage", Statements.Column.Kind.MONEY)),
                rows, "amount_incl_vat", Money.euros("30960.00"),
                List.of(new Statements.Deduction("LC-2027-7", "Gegronde klacht", Money.euros("43.00"))));
        byte[] pdf = statements.pdf(s);
        assertPdfUa("statement", pdf, "nl");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("the table runs over pages").isGreaterThan(1);
            assertThat(doc.getDocumentCatalog().getDocumentOutline()).as("bookmarks").isNotNull();
        }
    }

    public static void assertPdfUa(String what, byte[] pdf, String lang) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().limit(20).toList();
            assertThat(failures).as(what + " against PDF/UA-1").isEmpty();
            assertThat(result.isCompliant()).as(what + " is PDF/UA-1").isTrue();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getLanguage()).as(what + " language").startsWith(lang);
            assertThat(doc.getDocumentInformation().getTitle()).as(what + " title").isNotBlank();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).as(what + " tagged").isTrue();
        }
    }
}
