package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Misuse detection on the demo history (one centre has a planted employer cluster, late-evening sessions and a copied
 * POP), the case workflow, and sanctions that only become final after the 15-day defence period.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MisuseIntegrationTest {

    @Autowired java.time.Clock clock;

    @Autowired Misuse misuse;
    @Autowired Payments payments;
    @Autowired CareerCentres centres;
    @Autowired SearchRobot robot;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    CurrentUser admin() {
        return users.find("admin").orElseThrow();
    }

    UUID suspiciousCentre() {
        return jdbc.sql("select centre_id from vc_voucher where code = 'LC-DEMO-TV1'").query(UUID.class).single();
    }

    Misuse.Case caseOf(String pattern) {
        return misuse.cases(null).stream().filter(c -> c.pattern().equals(pattern) && c.centreId().equals(suspiciousCentre()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + pattern + " case"));
    }

    String problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).messageKey();
        }
        throw new AssertionError("expected invalid input");
    }

    @Test
    void detectsThePlantedPatternsWithAnExplainableScoreAndOnlyThere() {
        misuse.detect();
        Misuse.Case employer = caseOf("EMPLOYER_CLUSTER");
        assertThat(employer.subject()).isEqualTo("Transport Vermeulen NV");
        assertThat(employer.observed()).isEqualTo(7);
        assertThat(employer.threshold()).isEqualTo(5);
        assertThat(employer.score()).isEqualByComparingTo("70.00");
        assertThat(employer.evidence()).contains("LC-DEMO-TV1", "LC-DEMO-TV7");
        assertThat(employer.explanation()).contains("7 cheques", "Transport Vermeulen NV", "score = min(100, 50 × 7 / 5) = 70.00");

        Misuse.Case offHours = caseOf("OFF_HOURS");
        assertThat(offHours.observed()).isEqualTo(4);
        assertThat(offHours.score()).isEqualByComparingTo("66.67");

        Misuse.Case pop = caseOf("IDENTICAL_POP");
        assertThat(pop.observed()).isEqualTo(3);
        assertThat(pop.score()).isEqualByComparingTo("75.00");
        assertThat(pop.evidence()).containsExactly("LC-DEMO-TV1", "LC-DEMO-TV2", "LC-DEMO-TV3");

        // the random demo history does not trip the employer and POP patterns anywhere else
        assertThat(misuse.cases(null)).filteredOn(c -> List.of("EMPLOYER_CLUSTER", "IDENTICAL_POP").contains(c.pattern()))
                .allMatch(c -> c.centreId().equals(suspiciousCentre()));

        // re-running is idempotent: no duplicate cases
        long count = jdbc.sql("select count(*) from vc_misuse_case").query(Long.class).single();
        misuse.detect();
        assertThat(jdbc.sql("select count(*) from vc_misuse_case").query(Long.class).single()).isEqualTo(count);
    }

    @Test
    void scoreIsFiftyAtTheThresholdAndCappedAtHundred() {
        assertThat(Misuse.score(5, 5)).isEqualByComparingTo("50");
        assertThat(Misuse.score(10, 5)).isEqualByComparingTo("100");
        assertThat(Misuse.score(40, 5)).isEqualByComparingTo("100");
        assertThat(Misuse.score(1, 3)).isEqualByComparingTo("16.67");
    }

    @Test
    void popFingerprintIgnoresCaseSpacingAndPunctuation() {
        assertThat(Vouchers.popHash("Mijn doel:  een job,\nmet meer afwisseling."))
                .isEqualTo(Vouchers.popHash("mijn doel een job met meer afwisseling"));
        assertThat(Vouchers.popHash("Mijn doel: een job")).isNotEqualTo(Vouchers.popHash("Mijn doel: een andere job"));
    }

    @Test
    void caseWorkflowAndSanctionsRespectTheDefencePeriod() throws Exception {
        misuse.detect();
        UUID centre = suspiciousCentre();
        Misuse.Case c = caseOf("IDENTICAL_POP");
        CurrentUser admin = admin();

        // no sanction before the case is founded; no conclusion before the investigation
        assertThat(problem(() -> misuse.propose(c.id(), new Misuse.SanctionInput("RECOVERY", new BigDecimal("100.00"), "m", "k-" + c.id()),
                admin))).isEqualTo("misuse.notFounded");
        assertThat(problem(() -> misuse.conclude(c.id(), true, "gegrond", admin))).isEqualTo("misuse.notInvestigating");
        assertThat(misuse.investigate(c.id(), admin).status().name()).isEqualTo("INVESTIGATING");
        assertThat(misuse.investigate(c.id(), admin).status().name()).isEqualTo("INVESTIGATING");
        assertThat(problem(() -> misuse.conclude(c.id(), null, " ", admin))).isEqualTo("validation.choice");
        assertThat(misuse.conclude(c.id(), true, "Drie identieke POP's, bevestigd na dossierstudie.", admin).status().name())
                .isEqualTo("FOUNDED");
        assertThat(problem(() -> misuse.investigate(c.id(), admin))).isEqualTo("misuse.alreadyDecided");
        // a decided case is not overwritten by the next detection
        misuse.detect();
        assertThat(misuse.find(c.id()).status().name()).isEqualTo("FOUNDED");

        // bad sanction input changes nothing
        long sanctionsBefore = jdbc.sql("select count(*) from vc_sanction").query(Long.class).single();
        assertThat(problem(() -> misuse.propose(c.id(), new Misuse.SanctionInput("RECOVERY", new BigDecimal("-5"), "m", "k1"), admin)))
                .isEqualTo("sanction.amount");
        assertThat(problem(() -> misuse.propose(c.id(), new Misuse.SanctionInput("RECOVERY", new BigDecimal("1.001"), "m", "k1"), admin)))
                .isEqualTo("sanction.amount");
        assertThat(problem(() -> misuse.propose(c.id(), new Misuse.SanctionInput("FINE", null, "m", "k1"), admin)))
                .isEqualTo("validation.choice");
        assertThat(problem(() -> misuse.propose(c.id(), new Misuse.SanctionInput("MANDATE_SUSPENSION", new BigDecimal("5"), "m", "k1"),
                admin))).isEqualTo("sanction.noAmount");
        assertThat(jdbc.sql("select count(*) from vc_sanction").query(Long.class).single()).isEqualTo(sanctionsBefore);

        // proposing is idempotent on the request key; the defence period is 15 days
        String key = "recovery-" + c.id();
        Misuse.Sanction recovery = misuse.propose(c.id(), new Misuse.SanctionInput("RECOVERY", new BigDecimal("412.50"),
                "Terugvordering van de begeleidingen met een gekopieerd POP.", key), admin);
        assertThat(misuse.propose(c.id(), new Misuse.SanctionInput("RECOVERY", new BigDecimal("412.50"), "nogmaals", key), admin).id())
                .isEqualTo(recovery.id());
        assertThat(recovery.status().name()).isEqualTo("PROPOSED");
        assertThat(recovery.defenceUntil()).isEqualTo(LocalDate.now(clock).plusDays(15));

        // not final during the defence period
        assertThat(problem(() -> misuse.decide(recovery.id(), true, "definitief", admin))).isEqualTo("sanction.defenceRunning");

        // the centre sees its own sanction and defends itself once; another centre does not see it
        CurrentUser mgr = manager(centre);
        UUID otherCentre = jdbc.sql("select organisation_id from vc_centre where organisation_id <> ? limit 1").param(centre)
                .query(UUID.class).single();
        assertThat(misuse.sanctionsOfOwnCentre(centre)).extracting(Misuse.Sanction::id).contains(recovery.id());
        assertThat(misuse.sanctionsOfOwnCentre(otherCentre)).extracting(Misuse.Sanction::id).doesNotContain(recovery.id());
        assertThatThrownBy(() -> misuse.defend(recovery.id(), otherCentre, "niet van ons")).isInstanceOf(NotFoundException.class);
        mvc.perform(post("/api/centre/sanctions/" + recovery.id() + "/defence").with(httpBasic(mgr.username(), "werkregie"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"defence\":\"De POP's zijn een sjabloon dat we nu aanpassen.\"}"))
                .andExpect(status().isOk());
        assertThat(problem(() -> misuse.defend(recovery.id(), centre, "nog eens"))).isEqualTo("sanction.defenceGiven");

        // after the defence period (simulated by moving the deadline) the sanction can become final: it is recovered in the next run
        jdbc.sql("update vc_sanction set defence_until = ? where id = ?").params(LocalDate.now(clock).minusDays(1), recovery.id()).update();
        Misuse.Sanction fin = misuse.decide(recovery.id(), true, "Verweer gelezen; terugvordering blijft.", admin);
        assertThat(fin.status().name()).isEqualTo("FINAL");
        assertThat(problem(() -> misuse.decide(recovery.id(), false, "toch niet", admin))).isEqualTo("sanction.notProposed");
        Payments.Run run = payments.run(LocalDate.now(clock), "misuse-run-" + c.id(), admin);
        List<Payments.Recovery> recovered = payments.recoveries(run.id(), centre, admin);
        assertThat(recovered).extracting(r -> r.amount().amount()).contains(new BigDecimal("412.50"));
        assertThat(payments.statementCsv(payments.statement(run.id(), centre, admin), recovered)).contains(";-412.50;");

        // a revocation after its defence period takes the centre out of the search robot at once
        Misuse.Sanction revocation = misuse.propose(c.id(), new Misuse.SanctionInput("MANDATE_REVOCATION", null,
                "Herhaald misbruik.", "revoke-" + c.id()), admin);
        assertThat(centres.mandatesOf(centre)).anyMatch(m -> m.status().name().equals("APPROVED"));
        jdbc.sql("update vc_sanction set defence_until = ? where id = ?").params(LocalDate.now(clock).minusDays(1), revocation.id()).update();
        misuse.decide(revocation.id(), true, "Erkenning ingetrokken.", admin);
        assertThat(centres.mandatesOf(centre)).noneMatch(m -> m.status().name().equals("APPROVED"));
        CareerCentres.Site site = centres.sites(centre).get(0);
        assertThat(robot.search(new SearchRobot.Query(null, site.latitude(), site.longitude(), 5, null, null, null, null, null, 100, 0)).hits())
                .noneMatch(h -> h.centre().id().equals(centre));
    }

    @Test
    void onlyAdministratorsRunTheDetectionAndDecide() throws Exception {
        mvc.perform(post("/api/voucher-admin/misuse/detection").with(httpBasic("coach", "werkregie"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/voucher-admin/misuse/cases").with(httpBasic("mediator", "werkregie"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/voucher-admin/misuse/cases").with(httpBasic("analyst", "werkregie"))).andExpect(status().isOk());
        mvc.perform(post("/api/voucher-admin/misuse/detection").with(httpBasic("analyst", "werkregie"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/voucher-admin/misuse/detection").with(httpBasic("admin", "werkregie"))).andExpect(status().isOk());
        mvc.perform(get("/api/centre/sanctions").with(httpBasic("coach", "werkregie"))).andExpect(status().isOk());
    }

    CurrentUser manager(UUID centre) {
        String name = "mgr-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "werkregie", "Zaakvoerder", centre, null, "nl", Set.of(Role.PARTNER_MANAGER));
        return users.find(name).orElseThrow();
    }
}
