package be.werkregie.vouchers;

/** Belgian enterprise number (ondernemingsnummer): 10 digits starting with 0 or 1, last two = 97 − (first 8 mod 97). */
final class EnterpriseNumber {

    private EnterpriseNumber() {}

    static String normalise(String raw) {
        String digits = raw == null ? "" : raw.replaceAll("(?i)^BE|[ .]", "");
        return digits.length() == 9 ? "0" + digits : digits;
    }

    static boolean isValid(String raw) {
        String n = normalise(raw);
        if (!n.matches("[01][0-9]{9}")) {
            return false;
        }
        long base = Long.parseLong(n.substring(0, 8));
        return 97 - (base % 97) == Long.parseLong(n.substring(8));
    }

    static String generate(long base) {
        long b = base % 100_000_000L;
        String first = String.format("%08d", b);
        if (first.charAt(0) > '1') {
            first = "0" + first.substring(1);
            b = Long.parseLong(first);
        }
        return first + String.format("%02d", 97 - (b % 97));
    }
}
