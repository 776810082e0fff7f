package be.werkregie.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One open parameter, declared by the module whose rules read it. {@code defaults} are the dated values of the
 * configuration (application.yml): they seed the store once; after that the store is the truth.
 */
public record PolicyDefinition(String key, Kind kind, boolean money, BigDecimal min, BigDecimal max, String description,
                               List<Dated> defaults) {

    public enum Kind { DECIMAL, INTEGER }

    public record Dated(LocalDate effectiveFrom, String value) {}

    public static PolicyDefinition decimal(String key, boolean money, String min, String max, String description, List<Dated> defaults) {
        return new PolicyDefinition(key, Kind.DECIMAL, money, new BigDecimal(min), new BigDecimal(max), description, defaults);
    }

    public static PolicyDefinition integer(String key, boolean money, int min, int max, String description, List<Dated> defaults) {
        return new PolicyDefinition(key, Kind.INTEGER, money, BigDecimal.valueOf(min), BigDecimal.valueOf(max), description, defaults);
    }

    public static List<Dated> since(LocalDate from, Object value) {
        return List.of(new Dated(from, String.valueOf(value)));
    }
}
