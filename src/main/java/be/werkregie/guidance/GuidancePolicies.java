package be.werkregie.guidance;

import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
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
        return out;
    }
}
