package be.werkregie.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a printed letter to PDF from the same Thymeleaf templates as the web pages. */
@Component
class LetterRenderer {

    private final ITemplateEngine templates;

    private final java.time.Clock clock;

    LetterRenderer(java.time.Clock clock, ITemplateEngine templates) {
        this.clock = clock;
        this.templates = templates;
    }

    byte[] render(String recipientName, String address, String subject, String body, String language) {
        Context ctx = new Context(Locale.forLanguageTag(language));
        ctx.setVariable("name", recipientName);
        ctx.setVariable("address", address);
        ctx.setVariable("subject", subject);
        ctx.setVariable("paragraphs", List.of(body.split("\\n\\s*\\n")));
        ctx.setVariable("date", LocalDate.now(clock));
        ctx.setVariable("lang", language);
        return be.werkregie.shared.Pdf.fromHtml(templates.process("messaging/letter", ctx));
    }

    static byte[] merge(List<byte[]> pdfs) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] pdf : pdfs) {
                merger.addSource(new RandomAccessReadBuffer(pdf));
            }
            merger.setDestinationStream(out);
            merger.mergeDocuments(null);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pageCount(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
