package be.werkregie.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times in the reader's language, the same way on every page, letter and message: "17 mrt 2027",
 * "17 mars 2027", "17 Mar 2027" (the Belgian and British conventions: day before month, never the American order),
 * with the time as 10:15. Pages call it as {@code @formats.date(x)} and {@code @formats.dateTime(x)}; message
 * arguments that are dates are formatted with it too ({@link LocalizedMessages}).
 */
@Component("formats")
public class Formats {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The locale whose conventions a language uses here: Belgian Dutch and French, British English. */
    public static Locale conventions(Locale locale) {
        if (locale == null) {
            return Locale.forLanguageTag("nl-BE");
        }
        switch (locale.getLanguage()) {
            case "fr": return Locale.forLanguageTag("fr-BE");
            case "en": return Locale.UK;
            case "de": return Locale.forLanguageTag("de-BE");
            default: return Locale.forLanguageTag("nl-BE");
        }
    }

    public static String date(TemporalAccessor value, Locale locale) {
        if (value == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(conventions(locale)).format(day(value));
    }

    public static String dateTime(TemporalAccessor value, Locale locale) {
        if (value == null) {
            return "";
        }
        LocalDateTime at;
        if (value instanceof OffsetDateTime o) {
            at = o.atZoneSameInstant(BRUSSELS).toLocalDateTime();
        } else if (value instanceof ZonedDateTime z) {
            at = z.withZoneSameInstant(BRUSSELS).toLocalDateTime();
        } else if (value instanceof java.time.Instant i) {
            at = LocalDateTime.ofInstant(i, BRUSSELS);
        } else if (value instanceof LocalDateTime l) {
            at = l;
        } else {
            at = day(value).atStartOfDay();
        }
        return date(at.toLocalDate(), locale) + " " + DateTimeFormatter.ofPattern("HH:mm").format(at);
    }

    private static LocalDate day(TemporalAccessor value) {
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(BRUSSELS).toLocalDate();
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(BRUSSELS).toLocalDate();
        }
        if (value instanceof java.time.Instant i) {
            return LocalDate.ofInstant(i, BRUSSELS);
        }
        return LocalDate.from(value);
    }

    /** For pages: the request's language. */
    public String date(TemporalAccessor value) {
        return date(value, LocaleContextHolder.getLocale());
    }

    public String dateTime(TemporalAccessor value) {
        return dateTime(value, LocaleContextHolder.getLocale());
    }
}
