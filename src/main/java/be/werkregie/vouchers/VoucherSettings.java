package be.werkregie.vouchers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The open parameters of the scheme (application.yml, prefix {@code werkregie.vouchers}). Rules and tariffs are
 * versioned by effective date: the version in force on the date of the request (or of the session) applies.
 */
@ConfigurationProperties("werkregie.vouchers")
public record VoucherSettings(BigDecimal contribution, BigDecimal vatRate, int validityWeeks, int windowYears,
                              int vouchersPerWindow, WindowMode windowMode, LocalDate schemeStart, List<Rules> rules,
                              List<Tariff> tariffs, int complaintMaxAgeYears, int aftercareMonths, int dossierControlSample,
                              int defenceDays, Stimulus stimulus, Misuse misuse, int mandateYears, int mandateMinExperienceYears) {

    /** How the six-year window is counted. */
    public enum WindowMode {
        /** a new window starts at the first voucher after the previous window ended (seed 002, "third and fourth voucher") */
        FROM_FIRST_VOUCHER,
        /** fixed periods of windowYears counted from the scheme start (1 July 2013, 1 July 2019, ...) */
        FIXED_PERIODS
    }

    public record Rules(LocalDate effectiveFrom, int minExperienceYears, int firstVoucherHours, int secondVoucherHours) {}

    public record Tariff(LocalDate effectiveFrom, BigDecimal hourlyExclVat) {}

    /**
     * Stimulus financing: the regulation sets the formula; this example pays amountPerGuidance for every guidance of a
     * worker from a disadvantaged group, counted up to maxPaidShare of the centre's guidances.
     */
    public record Stimulus(BigDecimal minShare, int minGuidances, BigDecimal maxPaidShare, BigDecimal amountPerGuidance) {}

    /** Thresholds of the misuse patterns (each pattern scores 50 at its threshold, 100 at twice the threshold). */
    public record Misuse(int lookbackMonths, int employerWindowDays, int employerMinVouchers, java.time.LocalTime plausibleFrom,
                         java.time.LocalTime plausibleUntil, int offHoursMinSessions, int maxHalfHoursPerCoachDay,
                         int identicalPopMinClients) {}

    public VoucherSettings {
        rules = rules.stream().sorted(Comparator.comparing(Rules::effectiveFrom)).toList();
        tariffs = tariffs.stream().sorted(Comparator.comparing(Tariff::effectiveFrom)).toList();
    }

    public Rules rulesOn(LocalDate date) {
        Rules found = rules.get(0);
        for (Rules r : rules) {
            if (!r.effectiveFrom().isAfter(date)) {
                found = r;
            }
        }
        return found;
    }

    public Tariff tariffOn(LocalDate date) {
        Tariff found = tariffs.get(0);
        for (Tariff t : tariffs) {
            if (!t.effectiveFrom().isAfter(date)) {
                found = t;
            }
        }
        return found;
    }
}
