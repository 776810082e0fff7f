package be.werkregie.chance;

import be.werkregie.policy.Policies;
import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The chance module's dated policy values: the KOW group boundaries (the lowest score of each group but the last), the
 * fairness band for error-rate ratios in the audit, and the fewest ended trajectories before a partner's corrected
 * outflow is shown. Example values; the contract and the audit set the real ones.
 */
@Component
class ChancePolicies implements PolicyCatalogue {

    static final String BOUNDARY = "chance.group-boundary.";
    static final String BAND_LOW = "chance.fairness.ratio-low";
    static final String BAND_HIGH = "chance.fairness.ratio-high";
    static final String OUTFLOW_MIN = "chance.outflow.min-ended";
    static final String OUTCOME_DAYS = "chance.outcome.min-work-days";
    static final String OUTCOME_MONTHS = "chance.outcome.months";
    static final LocalDate SINCE = LocalDate.of(2026, 1, 1);
    /** Example boundaries: above 50% a short distance to work (as today's model), 35–50% medium, then 20%. */
    static final Map<String, String> DEFAULT_BOUNDARIES = Map.of("A", "0.50", "B", "0.35", "C", "0.20");

    private final List<String> groups;
    private final Policies policies;

    ChancePolicies(@Value("${werkregie.chance.groups:A,B,C,D}") List<String> groups, @Lazy Policies policies) {
        this.groups = List.copyOf(groups);
        this.policies = policies;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        List<PolicyDefinition> out = new ArrayList<>();
        for (int i = 0; i < groups.size() - 1; i++) {
            String g = groups.get(i);
            out.add(PolicyDefinition.decimal(BOUNDARY + g, false, "0", "1",
                    "KOW group " + g + ": lowest chance of work (0–1) in the group", PolicyDefinition.since(SINCE,
                            DEFAULT_BOUNDARIES.getOrDefault(g, String.valueOf(0.5 - 0.15 * i)))));
        }
        out.add(PolicyDefinition.decimal(BAND_LOW, false, "0.5", "1", "Fairness audit: lowest acceptable error-rate ratio between groups",
                PolicyDefinition.since(SINCE, "0.80")));
        out.add(PolicyDefinition.decimal(BAND_HIGH, false, "1", "2", "Fairness audit: highest acceptable error-rate ratio between groups",
                PolicyDefinition.since(SINCE, "1.25")));
        out.add(PolicyDefinition.integer(OUTFLOW_MIN, false, 5, 10_000,
                "Ended trajectories a partner needs before its outflow corrected for KOW is shown", PolicyDefinition.since(SINCE, 20)));
        out.add(PolicyDefinition.integer(OUTCOME_DAYS, false, 1, 365,
                "The outcome the model predicts: at least this many days worked (any work: interim, part-time, IBO)",
                PolicyDefinition.since(SINCE, 28)));
        out.add(PolicyDefinition.integer(OUTCOME_MONTHS, false, 1, 24,
                "The outcome the model predicts: within this many months from the start of the unemployment spell",
                PolicyDefinition.since(SINCE, 6)));
        return out;
    }

    /** The groups with their lowest score on the date, highest first; the last group has none (everything below). */
    Map<String, BigDecimal> boundariesOn(LocalDate on) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.size() - 1; i++) {
            out.put(groups.get(i), policies.decimalOn(BOUNDARY + groups.get(i), on));
        }
        return out;
    }

    /**
     * The result fee per group on the date, read from the policy store (the guidance module declares the values; the
     * store is shared, so this is no dependency on guidance). Groups without a fee are absent.
     */
    Map<String, BigDecimal> feesOn(LocalDate on) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String g : groups) {
            if (policies.definition("guidance.result-fee." + g).isPresent()) {
                out.put(g, policies.decimalOn("guidance.result-fee." + g, on));
            }
        }
        return out;
    }

    List<String> groups() {
        return groups;
    }

    /** The group of a score under the given boundaries (highest group whose lowest score the score reaches). */
    String groupOf(double score, Map<String, BigDecimal> boundaries) {
        for (Map.Entry<String, BigDecimal> b : boundaries.entrySet()) {
            if (score >= b.getValue().doubleValue()) {
                return b.getKey();
            }
        }
        return groups.get(groups.size() - 1);
    }

    double bandLow(LocalDate on) {
        return policies.decimalOn(BAND_LOW, on).doubleValue();
    }

    double bandHigh(LocalDate on) {
        return policies.decimalOn(BAND_HIGH, on).doubleValue();
    }

    /** The outcome the model predicts on the date: at least {@code minWorkDays} days worked within {@code months} months. */
    KowGroups.Outcome outcomeOn(LocalDate on) {
        return new KowGroups.Outcome(policies.integerOn(OUTCOME_DAYS, on), policies.integerOn(OUTCOME_MONTHS, on));
    }

    int outflowMinimum(LocalDate on) {
        return policies.integerOn(OUTFLOW_MIN, on);
    }
}
