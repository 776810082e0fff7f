package be.werkregie.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Values typed into HTML forms. A blank field is {@code null}; a malformed one becomes a field message (never a server
 * error), so that the page can show it next to the field.
 */
public final class FormValues {

    private FormValues() {}

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static LocalDate date(String s, String field) {
        try {
            return blank(s) ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "validation.date");
        }
    }

    public static LocalTime time(String s, String field) {
        try {
            return blank(s) ? null : LocalTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "validation.time");
        }
    }

    public static Boolean bool(String s) {
        return blank(s) ? null : Boolean.valueOf(s.trim());
    }

    /** A decimal number; a comma is accepted as the decimal separator. */
    public static BigDecimal decimal(String s, String field, String messageKey) {
        try {
            return blank(s) ? null : new BigDecimal(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, messageKey);
        }
    }

    public static UUID uuid(String s, String field, String messageKey) {
        try {
            return blank(s) ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, messageKey);
        }
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String s, String field) {
        try {
            return blank(s) ? null : Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "validation.choice");
        }
    }
}
