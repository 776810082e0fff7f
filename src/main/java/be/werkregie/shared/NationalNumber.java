package be.werkregie.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Belgian national number (INSZ / rijksregisternummer): YYMMDD, a 3-digit sequence (odd for men,
 * even for women) and a 2-digit check = 97 - (first nine digits mod 97). For people born in 2000
 * or later the check is computed over "2" followed by the nine digits. Bis numbers add 20 or 40
 * to the month.
 */
public record NationalNumber(String value) {

    public NationalNumber {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        value = digits(value);
    }

    public static NationalNumber of(String raw) {
        return new NationalNumber(raw);
    }

    /** The message key of what is wrong with this input, or empty when it is a valid national number. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("validation.nationalNumber.empty");
        }
        if (!raw.matches("[0-9 .\\-]{11,15}")) {
            return Optional.of("validation.nationalNumber.format");
        }
        String d = digits(raw);
        if (d.length() != 11) {
            return Optional.of("validation.nationalNumber.format");
        }
        if (century(d) == 0) {
            return Optional.of("validation.nationalNumber.checksum");
        }
        if (birthDateOf(d).isEmpty()) {
            return Optional.of("validation.nationalNumber.date");
        }
        return Optional.empty();
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** 'M' or 'F' as encoded by the parity of the sequence number. */
    public char sex() {
        return Integer.parseInt(value.substring(6, 9)) % 2 == 1 ? 'M' : 'F';
    }

    public String formatted() {
        return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6) + "-"
                + value.substring(6, 9) + "." + value.substring(9);
    }

    /** Builds a valid number for a birth date and sequence (used by the demo generator and tests). */
    public static NationalNumber generate(LocalDate birthDate, int sequence) {
        String base = String.format("%02d%02d%02d%03d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), sequence);
        long n = Long.parseLong(base) + (birthDate.getYear() >= 2000 ? 2_000_000_000L : 0L);
        long check = 97 - (n % 97);
        return new NationalNumber(base + String.format("%02d", check));
    }

    private static String digits(String raw) {
        return raw.replaceAll("[^0-9]", "");
    }

    /** 1900 or 2000 depending on which check rule matches, 0 when none does. */
    private static int century(String d) {
        long first9 = Long.parseLong(d.substring(0, 9));
        int check = Integer.parseInt(d.substring(9));
        if (97 - (first9 % 97) == check) {
            return 1900;
        }
        if (97 - ((2_000_000_000L + first9) % 97) == check) {
            return 2000;
        }
        return 0;
    }

    private static Optional<LocalDate> birthDateOf(String d) {
        int year = century(d) + Integer.parseInt(d.substring(0, 2));
        int month = Integer.parseInt(d.substring(2, 4));
        if (month > 40) {
            month -= 40;
        } else if (month > 20) {
            month -= 20;
        }
        int day = Integer.parseInt(d.substring(4, 6));
        try {
            // whether the birth date lies in the future is decided against the platform clock by the caller
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return formatted();
    }
}
