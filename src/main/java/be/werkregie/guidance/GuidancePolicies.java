package be.werkregie.guidance;

import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Guidance's dated policy values: the result fee per KOW group and the definition of a successful placement. */
@Component
class GuidancePolicies implements PolicyCatalogue {

    static final String FEE = "guidance.result-fee.";
    static final String MIN_WORK_DAYS = "guidance.placement.min-work-days";
    static final String CHOICE_DAYS = "guidance.choice-period-days";
    static final String GOAL_MONTHS = "guidance.goal-months";
    static final String MAX_DISTANCE_KM = "guidance.max-distance-km";

    private final GuidanceSettings settings;

    GuidancePolicies(GuidanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        List<PolicyDefinition> out = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        settings.feeSchedules().forEach(s -> groups.addAll(s.fees().keySet()));
        for (String g : groups) {
            List<PolicyDefinition.Dated> values = settings.feeSchedules().stream().filter(s -> s.fees().containsKey(g))
                    .map(s -> new PolicyDefinition.Dated(s.effectiveFrom(), s.fees().get(g).toPlainString())).toList();
            out.add(PolicyDefinition.decimal(FEE + g, true, "0", "100000", "Result fee for a client of KOW group " + g + " (EUR)", values));
        }
        out.add(PolicyDefinition.integer(MIN_WORK_DAYS, false, 1, 365, "Days employed that make a placement successful",
                settings.placementRules().stream().map(r -> new PolicyDefinition.Dated(r.effectiveFrom(), String.valueOf(r.minWorkDays())))
                        .toList()));
        LocalDate start = LocalDate.of(2026, 1, 1);
        out.add(PolicyDefinition.integer(CHOICE_DAYS, false, 1, 90, "Days a client has to choose a partner before the assignment",
                PolicyDefinition.since(start, settings.choicePeriodDays())));
        out.add(PolicyDefinition.integer(GOAL_MONTHS, false, 1, 36, "Months from the start of a trajectory to its goal date",
                PolicyDefinition.since(start, settings.goalMonths())));
        out.add(PolicyDefinition.integer(MAX_DISTANCE_KM, false, 1, 300, "Greatest distance (km) of an automatic assignment",
                PolicyDefinition.since(start, (int) Math.round(settings.maxDistanceKm()))));
        return out;
    }
}
