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
                               int goalMonths, int concessionYears, int smallNumberThreshold, List<FeeSchedule> feeSchedules,
                               List<PlacementRule> placementRules, Integer evidenceMaxBytes) {

    public record FeeSchedule(LocalDate effectiveFrom, Map<String, BigDecimal> fees) {}

    /** What counts as a successful placement from a date on: days employed within a window after the work start. */
    public record PlacementRule(LocalDate effectiveFrom, int minWorkDays, int withinDays, int maxStartAheadDays) {}

    public GuidanceSettings {
        feeSchedules = feeSchedules.stream().sorted(Comparator.comparing(FeeSchedule::effectiveFrom)).toList();
        placementRules = (placementRules == null || placementRules.isEmpty()
                ? List.of(new PlacementRule(LocalDate.of(2000, 1, 1), 28, 183, 31)) : placementRules)
                .stream().sorted(Comparator.comparing(PlacementRule::effectiveFrom)).toList();
        evidenceMaxBytes = evidenceMaxBytes == null ? 5 * 1024 * 1024 : evidenceMaxBytes;
    }

    /** The placement rule in force on the date (the earliest one when the date precedes them all). */
    public PlacementRule placementRuleOn(LocalDate date) {
        PlacementRule found = placementRules.get(0);
        for (PlacementRule r : placementRules) {
            if (!r.effectiveFrom().isAfter(date)) {
                found = r;
            }
        }
        return found;
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
