package be.werkregie.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads the text fields of a {@link FormObject} into typed values. A blank field is {@code null}; a malformed field is
 * recorded as a field problem and read as {@code null}, so that all problems of a form are reported together; call
 * {@link #done()} after reading to refuse the form when any field was malformed. Never a server error.
 */
public final class FormReader {

    private final Validator problems = new Validator();

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public LocalDate date(String field, String s) {
        try {
            return blank(s) ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            problems.add(field, "validation.date");
            return null;
        }
    }

    public LocalTime time(String field, String s) {
        try {
            return blank(s) ? null : LocalTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            problems.add(field, "validation.time");
            return null;
        }
    }

    public Integer integer(String field, String s, String messageKey) {
        try {
            return blank(s) ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            problems.add(field, messageKey);
            return null;
        }
    }

    /** A decimal number; a comma is accepted as the decimal separator. */
    public BigDecimal decimal(String field, String s, String messageKey) {
        try {
            return blank(s) ? null : new BigDecimal(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(field, messageKey);
            return null;
        }
    }

    public UUID uuid(String field, String s, String messageKey) {
        try {
            return blank(s) ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            problems.add(field, messageKey);
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, String s, Class<E> type) {
        try {
            return blank(s) ? null : Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            problems.add(field, "validation.choice");
            return null;
        }
    }

    /** A yes/no radio: blank is unanswered ({@code null}). */
    public static Boolean yesNo(String s) {
        return blank(s) ? null : Boolean.valueOf(s.trim());
    }

    /** A check box: present (any value) is ticked. */
    public static boolean ticked(String s) {
        return s != null;
    }

    public static String text(String s) {
        return blank(s) ? null : s;
    }

    /** Refuses the form, field by field, when any field could not be read. */
    public void done() {
        problems.throwIfInvalid();
    }
}
