package be.werkregie.shared;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders well-formed XHTML (from a Thymeleaf template) to a tagged PDF/UA-1 document with OpenHTMLtoPDF: the
 * structure tree follows the HTML (headings, paragraphs, tables with their header cells), the document language is
 * the {@code lang} of {@code <html>}, the title is the {@code <title>} (shown as the window title), bookmarks come from
 * {@code <bookmarks>} in the head, table headers repeat on every page ({@code thead}), and the fonts are embedded
 * (Liberation Sans, SIL Open Font License; the templates use the family "Werkregie Sans").
 * {@code PdfAccessibilityTest} validates every kind of PDF with veraPDF.
 */
public final class Pdf {

    /** The font family the PDF templates name. */
    public static final String FONT = "Werkregie Sans";

    private Pdf() {}

    public static byte[] fromHtml(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            font(builder, "Regular", 400, FontStyle.NORMAL);
            font(builder, "Bold", 700, FontStyle.NORMAL);
            font(builder, "Italic", 400, FontStyle.ITALIC);
            font(builder, "BoldItalic", 700, FontStyle.ITALIC);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String face, int weight, FontStyle style) {
        String resource = "/liberation/LiberationSans-" + face + ".ttf";
        builder.useFont(() -> {
            InputStream in = Pdf.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the class path");
            }
            return in;
        }, FONT, weight, style, true);
    }
}
