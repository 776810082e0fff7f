package be.werkregie.guidance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The open parameters of guidance (application.yml, prefix {@code werkregie.guidance}). The fee schedule is versioned
 * by effective date; the shipped amounts are an EXAMPLE, not the contract's.
 */
@ConfigurationProperties("werkregie.guidance")
public record GuidanceSettings(int assessmentMaxMonths, int assessmentWarnDays, int choicePeriodDays, double maxDistanceKm,
                               int goalMonths, int concessionYears, int smallNumberThreshold, List<FeeSchedule> feeSchedules) {

    public record FeeSchedule(LocalDate effectiveFrom, Map<String, BigDecimal> fees) {}

    public GuidanceSettings {
        feeSchedules = feeSchedules.stream().sorted(Comparator.comparing(FeeSchedule::effectiveFrom)).toList();
    }

    /** The schedule in force on the date (the last one that started on or before it). */
    public Optional<FeeSchedule> scheduleOn(LocalDate date) {
        FeeSchedule found = null;
        for (FeeSchedule s : feeSchedules) {
            if (!s.effectiveFrom().isAfter(date)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }
}
