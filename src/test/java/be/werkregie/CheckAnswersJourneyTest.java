package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.werkregie.identity.Users;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Check your answers" before steps that cannot be undone (issue 11): the first post shows what will happen and changes
 * nothing (the step is tried and rolled back), a mistake shows on the form with what was typed, "change" returns to the
 * form with the input kept, and only the confirmation does it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CheckAnswersJourneyTest {

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    @Test
    void stoppingATrajectoryIsCheckedFirstAndKeepsWhatWasTyped() throws Exception {
        var partner = users.loadUserByUsername("partner");
        UUID org = users.find("partner").orElseThrow().organisationId();
        // a trajectory of a client who is not one of the demo's personas (other tests follow those)
        UUID t = jdbc.sql("""
                select id from gd_trajectory where partner_id = ? and status = 'ACTIVE'
                  and person_id not in (select person_id from app_user where person_id is not null)
                order by started_on desc limit 1""")
                .param(org).query(UUID.class).single();
        // a mistake: shown on the form, with the input kept, nothing stopped
        MvcResult wrong = mvc.perform(post("/partner/trajectories/" + t + "/stop").with(csrf()).with(user(partner))
                .param("motivation", "").param("contactName", "Sofie Claes").param("contactDetails", "")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(wrong)).contains("id=\"errors\"").contains("value=\"Sofie Claes\"");
        assertThat(status(t)).isEqualTo("ACTIVE");
        // complete: the check page, still nothing stopped
        MvcResult check = mvc.perform(post("/partner/trajectories/" + t + "/stop").with(csrf()).with(user(partner))
                .param("motivation", "Zorg eerst voor herstel na de operatie.").param("contactName", "Sofie Claes")
                .param("contactDetails", "09 123 45 67")).andReturn();
        assertThat(body(check)).contains("Traject stopzetten?").contains("Zorg eerst voor herstel na de operatie.")
                .contains("name=\"confirmed\" value=\"true\"").contains("class=\"warning\"");
        assertThat(status(t)).isEqualTo("ACTIVE");
        // change: back on the form with everything kept
        MvcResult change = mvc.perform(post("/partner/trajectories/" + t + "/stop").with(csrf()).with(user(partner))
                .param("motivation", "Zorg eerst voor herstel na de operatie.").param("contactName", "Sofie Claes")
                .param("contactDetails", "09 123 45 67").param("confirmed", "change")).andReturn();
        assertThat(body(change)).contains("Zorg eerst voor herstel na de operatie.</textarea>").contains("value=\"09 123 45 67\"");
        assertThat(status(t)).isEqualTo("ACTIVE");
        // confirmed: stopped
        MvcResult done = mvc.perform(post("/partner/trajectories/" + t + "/stop").with(csrf()).with(user(partner))
                .param("motivation", "Zorg eerst voor herstel na de operatie.").param("contactName", "Sofie Claes")
                .param("contactDetails", "09 123 45 67").param("confirmed", "true")).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(status(t)).isEqualTo("STOPPED");
    }

    @Test
    void aPaymentRunShowsWhatItWouldPayAndPaysNothingUntilConfirmed() throws Exception {
        var admin = users.loadUserByUsername("admin");
        long runs = jdbc.sql("select count(*) from vc_payment_run").query(Long.class).single();
        long paidLines = jdbc.sql("select count(*) from vc_payment_line").query(Long.class).single();
        String key = UUID.randomUUID().toString();
        MvcResult check = mvc.perform(post("/vouchers/admin/payment-runs").with(csrf()).with(user(admin))
                .param("performedUntil", "2027-03-16").param("runKey", key)).andReturn();
        assertThat(check.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(check)).contains("Betaalronde uitvoeren?").contains("name=\"runKey\" value=\"" + key + "\"");
        assertThat(jdbc.sql("select count(*) from vc_payment_run").query(Long.class).single()).as("no run yet").isEqualTo(runs);
        assertThat(jdbc.sql("select count(*) from vc_payment_line").query(Long.class).single()).as("nothing paid").isEqualTo(paidLines);
        MvcResult done = mvc.perform(post("/vouchers/admin/payment-runs").with(csrf()).with(user(admin))
                .param("performedUntil", "2027-03-16").param("runKey", key).param("confirmed", "true")).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from vc_payment_run").query(Long.class).single()).isEqualTo(runs + 1);
    }

    @Autowired be.werkregie.identity.Organisations organisations;
    @Autowired be.werkregie.people.PersonRegistration registration;
    @Autowired be.werkregie.vouchers.Vouchers vouchers;
    @Autowired java.time.Clock clock;

    @Test
    void aCitizenPaysTheContributionOnTheProvidersPageAndGetsAReceipt() throws Exception {
        ModuleFixtures f = new ModuleFixtures(organisations, users);
        var mediator = f.user(f.organisation(be.werkregie.identity.OrganisationKind.EMPLOYMENT_SERVICE, "VDAB"),
                be.werkregie.identity.Role.MEDIATOR);
        UUID person = ModuleFixtures.person(registration, mediator);
        String name = "pay-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "journey-test-wachtwoord", "Vera", null, person, "nl", java.util.Set.of(be.werkregie.identity.Role.CITIZEN));
        var citizen = users.find(name).orElseThrow();
        var v = vouchers.request(person, new be.werkregie.vouchers.Vouchers.Declaration(
                be.werkregie.vouchers.Eligibility.WorkSituation.EMPLOYED, java.time.LocalDate.now(clock).minusYears(10), true, false,
                "Bouwgroep Schelde", null), "journey-req-" + name, citizen);
        var who = users.loadUserByUsername(name);
        // to the provider's page
        MvcResult toProvider = mvc.perform(post("/me/vouchers/" + v.id() + "/contribution").with(csrf()).with(user(who))).andReturn();
        String page = toProvider.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/pay/demo/DEMO-");
        MvcResult provider = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page).with(user(who)))
                .andReturn();
        assertThat(body(provider)).contains("Demo-betaalprovider").contains("name=\"action\" value=\"pay\"");
        // someone else cannot see or pay it
        MvcResult other = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
                .with(user(users.loadUserByUsername("nina")))).andReturn();
        assertThat(other.getResponse().getStatus()).isEqualTo(404);
        // back without paying: the voucher still waits, and says so
        String reference = page.substring("/pay/demo/".length(), page.indexOf('?'));
        MvcResult early = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/me/vouchers/" + v.id() + "/receipt").with(user(who))).andReturn();
        assertThat(early.getResponse().getRedirectedUrl()).startsWith("/me/vouchers");
        assertThat(vouchers.find(v.id()).orElseThrow().status()).isEqualTo(be.werkregie.vouchers.Voucher.Status.AWAITING_PAYMENT);
        // paid: back to the receipt, the voucher is issued
        MvcResult paid = mvc.perform(post("/pay/demo/" + reference).with(csrf()).with(user(who)).param("action", "pay")).andReturn();
        assertThat(paid.getResponse().getRedirectedUrl()).isEqualTo("/me/vouchers/" + v.id() + "/receipt");
        MvcResult receipt = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/me/vouchers/" + v.id() + "/receipt").with(user(who))).andReturn();
        assertThat(body(receipt)).contains("Betaling ontvangen").contains(reference).contains("Een loopbaancentrum zoeken");
        assertThat(vouchers.find(v.id()).orElseThrow().status()).isEqualTo(be.werkregie.vouchers.Voucher.Status.ISSUED);
    }

    private String status(UUID trajectory) {
        return jdbc.sql("select status from gd_trajectory where id = ?").param(trajectory).query(String.class).single();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
