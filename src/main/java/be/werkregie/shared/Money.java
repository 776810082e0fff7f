package be.werkregie.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact amount in euro, always with two decimals (half-up rounding, as in Belgian invoicing). */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = euros("0");

    public Money {
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money euros(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    /**
     * The amount as the reader writes money: in the language of the current request (the page's language), e.g.
     * "€ 2.406.396,53" in Dutch, "2 406 396,53 €" in French, "€2,406,396.53" in English. Files for machines (CSV, the
     * API) use {@link #amount()} as a plain decimal instead.
     */
    @Override
    public String toString() {
        return format(amount, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** An amount in euro formatted for a language (nl and fr as in Belgium; en with the euro sign first). */
    public static String format(BigDecimal amount, java.util.Locale language) {
        String lang = language == null ? "nl" : language.getLanguage();
        java.util.Locale locale = switch (lang) {
            case "fr" -> java.util.Locale.forLanguageTag("fr-BE");
            case "en" -> java.util.Locale.forLanguageTag("en-IE");
            default -> java.util.Locale.forLanguageTag("nl-BE");
        };
        java.text.NumberFormat f = java.text.NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(java.util.Currency.getInstance("EUR"));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        // the narrow no-break space of French grouping is not in the PDF base fonts: the no-break space is
        return f.format(amount.setScale(2, RoundingMode.HALF_UP)).replace('\u202F', '\u00A0');
    }

    /** For pages that hold a plain decimal from a query: the same formatting. */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : format(amount, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
