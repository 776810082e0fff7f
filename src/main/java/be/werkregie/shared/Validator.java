package be.werkregie.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field problems; {@link #throwIfInvalid()} raises them all at once. */
public final class Validator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[a-zA-Z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ./()-]{8,20}$");
    /** Markup or script in a free-text field is refused rather than silently stored. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!]|javascript:", Pattern.CASE_INSENSITIVE);

    /** NUL and other control characters (except tab and line breaks) never belong in a text. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final List<InvalidInputException.FieldProblem> problems = new ArrayList<>();

    public Validator required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "validation.required");
        } else {
            text(field, value, maxLength);
        }
        return this;
    }

    public Validator text(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (value.length() > maxLength) {
            add(field, "validation.tooLong", maxLength);
        } else if (CONTROL.matcher(value).find()) {
            add(field, "validation.controlCharacters");
        } else if (MARKUP.matcher(value).find()) {
            add(field, "validation.markup");
        }
        return this;
    }

    public Validator email(String field, String value) {
        if (value != null && !value.isBlank() && (value.length() > 254 || !EMAIL.matcher(value.trim()).matches())) {
            add(field, "validation.email");
        }
        return this;
    }

    public Validator phone(String field, String value) {
        if (value != null && !value.isBlank() && !PHONE.matcher(value.trim()).matches()) {
            add(field, "validation.phone");
        }
        return this;
    }

    /** The earliest and latest date any field of the platform accepts (birth dates, history, expiry, plans). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** A date that happened: not after today by the platform clock, and not before {@link #EARLIEST}. */
    public Validator pastOrToday(String field, LocalDate value, java.time.Clock clock) {
        if (value != null && value.isAfter(LocalDate.now(clock))) {
            add(field, "validation.dateInFuture");
        }
        return sensibleDate(field, value);
    }

    /** Any date lies between {@link #EARLIEST} and {@link #LATEST}: a year like +999999999 is a typing error. */
    public Validator sensibleDate(String field, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            add(field, "validation.dateOutOfRange", EARLIEST.getYear(), LATEST.getYear());
        }
        return this;
    }

    /** A whole number within bounds (half hours, capacities, counts). */
    public Validator range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "validation.range", min, max);
        }
        return this;
    }

    public Validator check(boolean ok, String field, String key, Object... args) {
        if (!ok) {
            add(field, key, args);
        }
        return this;
    }

    public Validator add(String field, String key, Object... args) {
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new InvalidInputException.FieldProblem(field, key, args));
        }
        return this;
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
