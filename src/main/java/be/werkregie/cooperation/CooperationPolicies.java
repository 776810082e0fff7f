package be.werkregie.cooperation;

import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import be.werkregie.policy.Policies;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The open parameters of local cooperation as dated policy: how many days the employment service has to confirm the
 * intake of a referral (the pact's "how fast a question gets an answer"), and the disclosure threshold of the public
 * dashboard (statistical offices use 5 to 10).
 */
@Component
class CooperationPolicies implements PolicyCatalogue {

    static final String INTAKE_DAYS = "cooperation.intake-days";
    static final String THRESHOLD = "cooperation.disclosure-threshold";
    static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    private final Policies policies;

    CooperationPolicies(@Lazy Policies policies) {
        this.policies = policies;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        return List.of(
                PolicyDefinition.integer(INTAKE_DAYS, false, 1, 60, "Days within which the employment service confirms the intake of a referral",
                        PolicyDefinition.since(SINCE, 10)),
                PolicyDefinition.integer(THRESHOLD, false, 3, 20, "Smallest count the public dashboard shows (smaller counts are hidden)",
                        PolicyDefinition.since(SINCE, 5)));
    }

    int intakeDays(LocalDate on) {
        return policies.integerOn(INTAKE_DAYS, on);
    }

    int threshold(LocalDate on) {
        return policies.integerOn(THRESHOLD, on);
    }
}
