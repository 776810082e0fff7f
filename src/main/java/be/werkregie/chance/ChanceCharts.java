package be.werkregie.chance;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Server-side SVG charts of the audit (the same in the page and the PDF): a calibration curve against the diagonal,
 * with a text alternative; the data table beside each chart gives every value.
 */
public final class ChanceCharts {

    private static final int SIZE = 220;
    private static final int PAD = 28;

    /** A calibration curve: mean score (x) against the observed share in work (y), bins with fewer than 10 left out. */
    public String calibration(Metrics.Bin[] bins, String label) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Metrics.Bin b : bins) {
            if (b.count() < 10) {
                continue;
            }
            double x = PAD + b.meanScore() * (SIZE - 2 * PAD);
            double y = SIZE - PAD - b.observed() * (SIZE - 2 * PAD);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1d4f91\"/>", x, y));
        }
        String l = HtmlUtils.htmlEscape(label);
        int lo = PAD;
        int hi = SIZE - PAD;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + SIZE + " " + SIZE + "\" width=\"" + SIZE + "\" height=\"" + SIZE
                + "\" role=\"img\" aria-label=\"" + l + "\"><title>" + l + "</title>"
                + "<rect x=\"" + lo + "\" y=\"" + lo + "\" width=\"" + (hi - lo) + "\" height=\"" + (hi - lo) + "\" fill=\"none\" stroke=\"#6b6b6b\"/>"
                + "<line x1=\"" + lo + "\" y1=\"" + hi + "\" x2=\"" + hi + "\" y2=\"" + lo + "\" stroke=\"#6b6b6b\" stroke-dasharray=\"4 3\"/>"
                + "<polyline points=\"" + points.toString().trim() + "\" fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\"/>" + dots
                + "<text x=\"" + lo + "\" y=\"" + (SIZE - 8) + "\" font-size=\"10\">0</text>"
                + "<text x=\"" + (hi - 6) + "\" y=\"" + (SIZE - 8) + "\" font-size=\"10\">1</text>"
                + "<text x=\"4\" y=\"" + (lo + 4) + "\" font-size=\"10\">1</text></svg>";
    }
}
