package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.policy.Policies;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The voucher rules, the stimulus parameters and the misuse thresholds are dated policy values: a value scheduled by an
 * administrator is what the rule reads from its date on, and not before (the rule that runs is the rule that is set).
 */
@IntegrationTest
class VoucherPolicyRulesTest {

    @Autowired Policies policies;
    @Autowired Users users;
    @Autowired VoucherSettings settings;
    @Autowired Clock clock;

    @Test
    void aScheduledRuleChangeAppliesFromItsDate() {
        CurrentUser admin = users.find("admin").orElseThrow();
        LocalDate from = LocalDate.now(clock).plusDays(40);
        assertThat(VoucherPolicies.rulesOn(policies, from).firstVoucherHours()).isEqualTo(4);
        policies.propose(VoucherPolicies.FIRST_HOURS, from, "5", "Besluit van de Vlaamse Regering (test)", admin);
        policies.propose(VoucherPolicies.MISUSE_POP_MIN, from, "3", "Minder valse meldingen (test)", admin);

        VoucherSettings.Rules rules = VoucherPolicies.rulesOn(policies, from);
        assertThat(rules.firstVoucherHours()).isEqualTo(5);
        assertThat(rules.effectiveFrom()).as("the rules' version is the newest change in force").isEqualTo(from);
        assertThat(VoucherPolicies.rulesOn(policies, from.minusDays(1)).firstVoucherHours()).isEqualTo(4);
        // the eligibility rule the platform runs reads it
        var facts = new Eligibility.Facts(from, Eligibility.WorkSituation.EMPLOYED, from.minusYears(10), true, false);
        assertThat(Eligibility.evaluate(facts, List.of(), settings, d -> VoucherPolicies.rulesOn(policies, d)).hours()).isEqualTo(5);
        assertThat(VoucherPolicies.misuseOn(policies, settings, from).identicalPopMinClients()).isEqualTo(3);
        assertThat(VoucherPolicies.misuseOn(policies, settings, from.minusDays(1)).identicalPopMinClients()).isEqualTo(2);
        assertThat(VoucherPolicies.stimulusOn(policies, from).amountPerGuidance()).isEqualByComparingTo("150.00");
    }
}
