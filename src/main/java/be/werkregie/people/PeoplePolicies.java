package be.werkregie.people;

import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The people module's dated policy values. */
@Component
class PeoplePolicies implements PolicyCatalogue {

    static final String CONSENT_MAX_YEARS = "consent.max-years";

    private final int maxYears;

    PeoplePolicies(@Value("${werkregie.consent.max-years:3}") int maxYears) {
        this.maxYears = maxYears;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        return List.of(PolicyDefinition.integer(CONSENT_MAX_YEARS, false, 1, 10, "Longest consent a person can give at once (years)",
                PolicyDefinition.since(LocalDate.of(2020, 1, 1), maxYears)));
    }
}
