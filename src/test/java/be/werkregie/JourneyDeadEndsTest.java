package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.werkregie.identity.Users;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The dead ends found by walking the roles (issue 11), as a class: a browser request gets an HTML page with a way
 * forward, a mistyped address is "not found" (not "no access"), a stop from the demo can be acknowledged, and a social
 * worker finds the person she has just registered (with the person's consent, recorded with the registration).
 */
@IntegrationTest
@AutoConfigureMockMvc
class JourneyDeadEndsTest {

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired be.werkregie.people.PersonRegistration registration;
    @Autowired be.werkregie.guidance.GuidancePayments guidancePayments;

    @Test
    void aMistypedAddressIsNotFoundAndAnUnallowedOneIsNoAccess() throws Exception {
        MvcResult typo = mvc.perform(get("/peopel/123").with(user(users.loadUserByUsername("mediator"))).accept("text/html"))
                .andReturn();
        assertThat(typo.getResponse().getStatus()).isEqualTo(404);
        MvcResult denied = mvc.perform(get("/vouchers/admin").with(user(users.loadUserByUsername("mediator"))).accept("text/html"))
                .andReturn();
        assertThat(denied.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aMediatorAcknowledgesADemoStop() throws Exception {
        // every stop in the demo is a real one: a warm handover in the client's file, with a contact and a motivation
        assertThat(jdbc.sql("select count(*) from gd_trajectory where status = 'STOPPED'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from gd_trajectory t where t.status = 'STOPPED'
                  and not exists (select 1 from handover h where h.id = t.handover_id and h.contact_name <> '' and h.context <> '')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from gd_trajectory t join handover h on h.id = t.handover_id
                where t.status = 'STOPPED' and (t.handover_acknowledged_on is null) <> (h.acknowledged_at is null)""")
                .query(Long.class).single()).as("the trajectory and its handover agree on being acknowledged").isZero();
        UUID stop = jdbc.sql("select id from gd_trajectory where status = 'STOPPED' and handover_acknowledged_on is null limit 1")
                .query(UUID.class).optional().orElseThrow(() -> new AssertionError("the demo has stops still to acknowledge"));
        MvcResult r = mvc.perform(post("/guidance/mediator/trajectories/" + stop + "/acknowledgement").with(csrf())
                .with(user(users.loadUserByUsername("mediator"))).param("nextStep", "Gesprek over gezondheid en werk gepland."))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/guidance/mediator");
        assertThat(jdbc.sql("select next_step from gd_trajectory where id = ?").param(stop).query(String.class).single())
                .isEqualTo("Gesprek over gezondheid en werk gepland.");
    }

    @Test
    void aSocialWorkerRegistersWithTheConsentAndFindsThePersonSheRegistered() throws Exception {
        var social = users.loadUserByUsername("socialworker");
        String nn = TestPeople.nationalNumber();
        // without the person's consent: refused, with a message, nothing stored
        MvcResult refused = mvc.perform(post("/people").with(csrf()).with(user(social)).param("nationalNumber", nn)
                .param("firstName", "Nina").param("lastName", "Testpersoon").param("municipality", "Gent").param("street", "Kouter 1")
                .param("language", "nl").param("preferredChannels", "LETTER").param("status", "NON_ACTIVE_WITHOUT_BENEFIT")
                .param("education", "LOW")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("Kies hoe de persoon toestemming gaf.").contains("Vul dit veld in.");
        assertThat(jdbc.sql("select count(*) from people_v_person where first_name = 'Nina' and last_name = 'Testpersoon'")
                .query(Long.class).single()).as("nothing stored without the consent").isZero();
        // with it: registered, and she is taken to the person's page, which she may open
        MvcResult ok = mvc.perform(post("/people").with(csrf()).with(user(social)).param("nationalNumber", nn)
                .param("firstName", "Nina").param("lastName", "Testpersoon").param("municipality", "Gent").param("street", "Kouter 1")
                .param("language", "nl").param("preferredChannels", "LETTER").param("status", "NON_ACTIVE_WITHOUT_BENEFIT")
                .param("education", "LOW").param("purpose", "Begeleiding naar werk en welzijn").param("scope", "ACT")
                .param("recordedVia", "IN_PERSON").param("expiresOn", LocalDate.now(clock).plusMonths(6).toString())).andReturn();
        assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(302);
        String page = ok.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/people/");
        MvcResult person = mvc.perform(get(page).with(user(social))).andReturn();
        assertThat(person.getResponse().getStatus()).isEqualTo(200);
        assertThat(person.getResponse().getContentAsString()).contains("Nina");
    }

    @Test
    void guidanceStatementsOpenInTheBrowserForThePartnerAndForStaff() throws Exception {
        // a payment run of the demo's outputs and verified results (a retried key changes nothing)
        guidancePayments.run(LocalDate.now(clock), "journeys-statements", users.find("admin").orElseThrow());
        var line = jdbc.sql("select run_id, partner_id from gd_payment_line limit 1")
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).single();
        String pdf = "/statements/guidance/" + line[0] + "/" + line[1] + ".pdf";
        MvcResult admin = mvc.perform(get(pdf).with(user(users.loadUserByUsername("admin")))).andReturn();
        assertThat(admin.getResponse().getStatus()).isEqualTo(200);
        assertThat(admin.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(admin.getResponse().getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        MvcResult csv = mvc.perform(get("/statements/guidance/" + line[0] + "/" + line[1] + ".csv")
                .with(user(users.loadUserByUsername("admin")))).andReturn();
        assertThat(csv.getResponse().getContentAsString()).startsWith("kind;reference;client;amount");
        // the payee opens its own statement; staff of another partner find no such statement
        String payeeName = "payee-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(payeeName, "werkregie", "Partner van de lijn", line[1], null, "nl", java.util.Set.of(be.werkregie.identity.Role.PARTNER_STAFF));
        assertThat(mvc.perform(get(pdf).with(user(users.loadUserByUsername(payeeName)))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        UUID other = jdbc.sql("select id from identity_v_organisation where kind = 'PARTNER' and id <> ? limit 1").param(line[1])
                .query(UUID.class).single();
        String strangerName = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(strangerName, "werkregie", "Andere partner", other, null, "nl", java.util.Set.of(be.werkregie.identity.Role.PARTNER_STAFF));
        assertThat(mvc.perform(get(pdf).with(user(users.loadUserByUsername(strangerName)))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/guidance/admin").with(user(users.loadUserByUsername("admin")))).andReturn().getResponse()
                .getContentAsString()).contains("/statements/guidance/" + line[0] + "/" + line[1] + ".pdf");
    }

    @Test
    void aSearchPastItsLimitSaysSoAndShowsWhereEachPersonLives() throws Exception {
        var mediator = users.find("mediator").orElseThrow();
        for (int i = 0; i < 51; i++) {
            registration.register(new be.werkregie.people.NewPerson(TestPeople.nationalNumber(), "Jan" + (char) ('a' + i % 26), "Zoekmeer",
                    "9000", "Kouter " + (i + 1), null, null, "nl", "nl", java.util.List.of("LETTER"), "JOB_SEEKER", "MEDIUM", false, false,
                    java.util.Map.of(), null), mediator);
        }
        String html = mvc.perform(get("/people").param("q", "Zoekmeer").with(user(users.loadUserByUsername("mediator"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Meer dan 50 personen gevonden").contains("Gent");
        assertThat(html.split("Zoekmeer, ").length - 1).isEqualTo(50);
    }

    @Test
    void aRefusedAssessmentKeepsItsContextFactorsAndFlankingActions() throws Exception {
        var mediator = users.find("mediator").orElseThrow();
        UUID client = registration.register(new be.werkregie.people.NewPerson(TestPeople.nationalNumber(), "Kees", "Formulier", "9000",
                "Kouter 9", null, null, "nl", "nl", java.util.List.of("LETTER"), "JOB_SEEKER", "MEDIUM", false, false, java.util.Map.of(),
                null), mediator);
        // a large health factor points to the specialised offer: choosing basic without a reason is refused
        String html = mvc.perform(post("/guidance/mediator/people/" + client + "/assessment").with(csrf())
                        .with(user(users.loadUserByUsername("mediator"))).param("jobTarget", "Magazijnier").param("indication", "NONE")
                        .param("factor.HEALTH", "LARGE").param("product", "BASIC").param("overrideReason", "")
                        .param("flanking", "LANGUAGE_COACHING").param("requestKey", "keep-" + client))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Magazijnier");
        assertThat(html).containsPattern("value=\"LARGE\"[^>]*selected");
        assertThat(html).containsPattern("value=\"LANGUAGE_COACHING\"[^>]*checked");
    }
}
