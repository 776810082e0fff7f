package be.werkregie.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Dated policy values: seeded from the configuration, in force from their date and not before, four eyes for money. */
@IntegrationTest
class PolicyIntegrationTest {

    @Autowired Policies policies;
    @Autowired Users users;
    @Autowired Clock clock;

    String problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
        }
        throw new AssertionError("expected invalid input");
    }

    CurrentUser secondAdministrator() {
        String name = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, "werkregie", "Tweede beheerder", users.find("admin").orElseThrow().organisationId(), null, "nl",
                Set.of(Role.ADMINISTRATOR));
        return users.find(name).orElseThrow();
    }

    @Test
    void everyPolicyValueIsDescribedInThreeLanguages() throws java.io.IOException {
        for (String file : List.of("messages.properties", "messages_fr.properties", "messages_en.properties")) {
            java.util.Properties texts = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("src/main/resources/i18n", file))) {
                texts.load(in);
            }
            for (var d : policies.definitions()) {
                String key = d.key().startsWith("guidance.result-fee.") ? "policy.description.guidance.result-fee"
                        : "policy.description." + d.key();
                assertThat(texts.getProperty(key)).as("%s in %s", key, file).isNotBlank();
            }
        }
    }

    @Test
    void theConfigurationSeedsDatedValuesThatRulesReadOnTheirDate() {
        assertThat(policies.decimalOn("vouchers.tariff.hourly-excl-vat", LocalDate.of(2019, 12, 31))).isEqualByComparingTo("137.50");
        assertThat(policies.decimalOn("vouchers.tariff.hourly-excl-vat", LocalDate.of(2020, 1, 1))).isEqualByComparingTo("140.25");
        assertThat(policies.integerOn("vouchers.mandate-years", LocalDate.now(clock))).isEqualTo(6);
        assertThat(policies.decimalOn("guidance.result-fee.D", LocalDate.now(clock))).isEqualByComparingTo("3000.00");
        assertThat(policies.history("vouchers.tariff.hourly-excl-vat")).filteredOn(v -> !v.effectiveFrom().isAfter(LocalDate.of(2020, 1, 1)))
                .hasSize(2).allMatch(v -> v.setBy().equals("configuration"));
    }

    @Test
    void aChangeTakesEffectOnItsDateAndNotBeforeAndNeverRetroactively() {
        CurrentUser admin = users.find("admin").orElseThrow();
        LocalDate today = LocalDate.now(clock);
        assertThat(problem(() -> policies.propose("consent.max-years", today.minusDays(1), "2", "besluit", admin)))
                .isEqualTo("effectiveFrom:policy.notRetroactive");
        assertThat(problem(() -> policies.propose("consent.max-years", today.plusDays(10), "2.5", "besluit", admin)))
                .isEqualTo("value:validation.wholeNumber");
        assertThat(problem(() -> policies.propose("consent.max-years", today.plusDays(10), "99", "besluit", admin)))
                .isEqualTo("value:validation.range");
        Policies.Value v = policies.propose("consent.max-years", today.plusDays(10), "2", "Besluit van de raad van bestuur (test)", admin);
        assertThat(v.status()).isEqualTo("APPROVED");
        assertThat(policies.integerOn("consent.max-years", today.plusDays(9))).isEqualTo(3);
        assertThat(policies.integerOn("consent.max-years", today.plusDays(10))).isEqualTo(2);
        assertThat(policies.integerOn("consent.max-years", today)).isEqualTo(3);
    }

    @Test
    void aMoneyValueNeedsASecondAdministrator() {
        CurrentUser admin = users.find("admin").orElseThrow();
        LocalDate from = LocalDate.now(clock).plusDays(30);
        Policies.Value proposed = policies.propose("vouchers.tariff.hourly-excl-vat", from, "150,00", "Indexering (test)", admin);
        assertThat(proposed.status()).isEqualTo("PROPOSED");
        assertThat(policies.decimalOn("vouchers.tariff.hourly-excl-vat", from)).as("not in force before approval").isEqualByComparingTo("140.25");
        assertThat(problem(() -> policies.decide(proposed.id(), true, admin))).isEqualTo("decision:policy.fourEyes");
        CurrentUser second = secondAdministrator();
        assertThat(policies.decide(proposed.id(), true, second).status()).isEqualTo("APPROVED");
        assertThat(policies.decimalOn("vouchers.tariff.hourly-excl-vat", from)).isEqualByComparingTo("150.00");
        assertThat(policies.decimalOn("vouchers.tariff.hourly-excl-vat", from.minusDays(1))).isEqualByComparingTo("140.25");
        assertThatThrownBy(() -> policies.decide(proposed.id(), true, second)).isInstanceOf(be.werkregie.shared.ConflictException.class);
    }
}
