package be.werkregie.platform;

import be.werkregie.shared.Money;
import be.werkregie.shared.Pdf;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The statement of one payee for one payment run, for every scheme: a table of lines with their columns, the
 * deductions settled in the run, and what is payable; as CSV (semicolon separated, plain decimals, one header row)
 * and as a PDF. A scheme maps its own lines to a {@link Statement}; the layout and the arithmetic of the total are the
 * same everywhere.
 */
@Component
public class Statements {

    /** A column: its CSV key, its label on the PDF, and what it holds (numbers are right-aligned). */
    public record Column(String key, String label, Kind kind) {

        public enum Kind { TEXT, COUNT, MONEY }

        public boolean numeric() {
            return kind != Kind.TEXT;
        }

        /** What a deduction line shows in this column when it is not the deducted amount. */
        String zero() {
            return switch (kind) {
                case TEXT -> "";
                case COUNT -> "0";
                case MONEY -> "0.00";
            };
        }
    }

    /** One line; the values are shown in the column order (Money and numbers plain in CSV). */
    public record Row(List<Object> values) {}

    /** A deduction (a recovery) settled in the run, subtracted from the payable amount. */
    public record Deduction(String reference, String reason, Money amount) {}

    /** {@code totalColumn}: the key of the column whose sum is the statement's total (shown under it on the PDF). */
    public record Statement(String title, String payee, String period, LocalDate madeOn, List<Column> columns, List<Row> rows,
                            String totalColumn, Money total, List<Deduction> deductions) {

        public Money deducted() {
            return deductions.stream().map(Deduction::amount).reduce(Money.ZERO, Money::plus);
        }

        public Money payable() {
            return total.minus(deducted());
        }
    }

    private final ITemplateEngine templates;

    Statements(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The CSV: the columns' keys, one row per line, then one row per deduction with the reference in the first column
     * prefixed {@code RECOVERY}, its amount negative in the {@code deductionColumn} and zeros elsewhere.
     */
    public static String csv(Statement s, String... deductionColumns) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(";", s.columns().stream().map(Column::key).toList())).append('\n');
        for (Row r : s.rows()) {
            b.append(String.join(";", r.values().stream().map(Statements::plain).toList())).append('\n');
        }
        List<String> negative = List.of(deductionColumns);
        for (Deduction d : s.deductions()) {
            StringBuilder line = new StringBuilder("RECOVERY ").append(d.reference() == null ? "" : d.reference());
            for (Column c : s.columns().subList(1, s.columns().size())) {
                line.append(';');
                if (negative.contains(c.key())) {
                    line.append(d.amount().amount().negate().toPlainString());
                } else {
                    line.append(c.zero());
                }
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    public byte[] pdf(Statement s) {
        Context ctx = new Context(Locale.forLanguageTag("nl"));
        ctx.setVariable("s", s);
        return Pdf.fromHtml(templates.process("platform/statement-pdf", ctx));
    }

    static String plain(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Money m) {
            return m.amount().toPlainString();
        }
        if (o instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return o.toString().replace(';', ',').replace('\n', ' ');
    }
}
