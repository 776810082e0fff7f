package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.werkregie.audit.AuditTrail;
import be.werkregie.dossier.Dossier;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.people.Consents;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import be.werkregie.platform.DemoDate;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NationalNumber;
import be.werkregie.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The trust issue's rules that are not races: consent scopes, consent given by the person only, break-glass reads,
 * sign-in throttling, demo safety, audited lists with a readable trail, the demo anchored to its date, and the small
 * things (search, persona national numbers, statement downloads in the browser session).
 */
@IntegrationTest
@AutoConfigureMockMvc
class TrustRulesIntegrationTest {

    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired Consents consents;
    @Autowired PersonDirectory people;
    @Autowired PersonRegistration registration;
    @Autowired Dossier dossier;
    @Autowired AuditTrail audit;
    @Autowired DemoDate demoDate;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwords;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    String problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
        }
        throw new AssertionError("expected invalid input");
    }

    // ---- 5. consent means what it says ----

    @Test
    void aSeeConsentReadsButNeverWritesAndNoOrganisationGivesAnotherOneAccess() {
        CurrentUser mediator = users.find("mediator").orElseThrow();
        CurrentUser social = users.find("socialworker").orElseThrow();
        CurrentUser genk = users.find("socialworker.genk").orElseThrow();
        UUID person = registration.register(TestPeople.person("Scope", List.of("LETTER"), null, null, "Kouter 3"), mediator);
        long entries = jdbc.sql("select count(*) from dossier_entry where person_id = ?").param(person).query(Long.class).single();

        consents.grant(person, social.organisationId(), "welzijn", "SEE", null, today().plusMonths(3), "IN_PERSON", null, social);
        assertThat(people.maySee(social, person)).isTrue();
        assertThat(people.mayAct(social, person)).isFalse();
        assertThat(problem(() -> dossier.add(person, "NOTE", "SHARED", "t", "b", today(), null, social)))
                .isEqualTo("consent:validation.consent.readOnly");
        assertThat(problem(() -> dossier.handOver(person, genk.organisationId(), "x", "y", "z", null, social)))
                .isEqualTo("consent:validation.consent.readOnly");
        // consent laundering: an organisation cannot give another organisation access, whatever its own scope
        assertThat(problem(() -> consents.grant(person, genk.organisationId(), "doorverwijzing", "ACT", null, today().plusMonths(3),
                "IN_PERSON", null, social))).isEqualTo("organisationId:validation.consent.ownOrganisationOnly");
        assertThat(problem(() -> consents.grant(person, genk.organisationId(), "doorverwijzing", "ACT", null, today().plusMonths(3),
                "IN_PERSON", null, mediator))).isEqualTo("organisationId:validation.consent.ownOrganisationOnly");
        assertThat(people.maySee(genk, person)).isFalse();
        // staff record how the person gave it; a form needs its reference
        assertThat(problem(() -> consents.grant(person, social.organisationId(), "welzijn", "ACT", null, today().plusMonths(3),
                "SIGNED_FORM", null, social))).isEqualTo("evidence:validation.required");
        consents.grant(person, social.organisationId(), "welzijn", "ACT", null, today().plusMonths(3), "SIGNED_FORM", "F-2027-17", social);
        assertThat(people.mayAct(social, person)).isTrue();
        dossier.add(person, "NOTE", "SHARED", "Huisbezoek", "Gesprek thuis", today(), null, social);
        assertThat(jdbc.sql("select count(*) from dossier_entry where person_id = ?").param(person).query(Long.class).single())
                .isEqualTo(entries + 1);
        // the person sees every consent, with how it was given, and can revoke any
        assertThat(consents.of(person)).extracting(c -> c.recordedVia()).contains("IN_PERSON", "SIGNED_FORM");
    }

    @Test
    void thePersonGivesAndRevokesConsentsThemself() {
        CurrentUser mira = users.find("mira").orElseThrow();
        CurrentUser genk = users.find("socialworker.genk").orElseThrow();
        UUID id = consents.grant(mira.personId(), genk.organisationId(), "hulp", "SEE", null, today().plusMonths(1), mira);
        assertThat(people.maySee(genk, mira.personId())).isTrue();
        // another organisation cannot revoke it for the person
        CurrentUser social = users.find("socialworker").orElseThrow();
        assertThat(problem(() -> consents.revoke(mira.personId(), id, social))).isEqualTo("consent:validation.consent.unknown");
        consents.revoke(mira.personId(), id, mira);
        assertThat(people.maySee(genk, mira.personId())).isFalse();
    }

    @Test
    void confidentialEntriesOpenToAnAdministratorOnlyByBreakingTheGlassWhichThePersonSees() {
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID mira = users.find("mira").orElseThrow().personId();
        assertThat(dossier.timeline(mira, admin)).noneMatch(e -> e.visibility().name().equals("CONFIDENTIAL"));
        assertThat(problem(() -> dossier.breakGlass(mira, "kort", admin))).isEqualTo("reason:validation.breakGlass.reason");
        var confidential = dossier.breakGlass(mira, "Klacht over de sociale dienst (dossier K-17)", admin);
        assertThat(confidential).isNotEmpty().allMatch(e -> e.visibility().name().equals("CONFIDENTIAL"));
        assertThat(audit.page(mira, admin.organisationId(), null, null, 1, 50).events())
                .anyMatch(e -> e.part().equals("DOSSIER_CONFIDENTIAL") && e.purpose().contains("dossier K-17") && e.role().equals("ADMINISTRATOR"));
        CurrentUser mediator = users.find("mediator").orElseThrow();
        assertThatThrownBy(() -> dossier.breakGlass(mira, "Ik wil het gewoon lezen", mediator)).isInstanceOf(NotFoundException.class);
    }

    // ---- 8. authentication abuse and production safety ----

    @Test
    void thirtyWrongPasswordsLockTheAccountForFormAndBasicUntilAnAdministratorUnlocksIt() throws Exception {
        String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "juist-wachtwoord", "Slot", users.find("mediator").orElseThrow().organisationId(), null, "nl",
                Set.of(Role.MEDIATOR));
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "fout-" + i)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        }
        mvc.perform(post("/login").param("username", name).param("password", "juist-wachtwoord")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?locked"));
        mvc.perform(get("/api/people?q=x").with(httpBasic(name, "juist-wachtwoord"))).andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("select count(*) from audit_event where part = 'LOGIN' and detail like ?").param("account:" + name + "%")
                .query(Long.class).single()).isPositive();
        CurrentUser admin = users.find("admin").orElseThrow();
        mvc.perform(post("/accounts/locks/unlock").param("subject", "account:" + name).with(user(admin))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/people?q=x").with(httpBasic(name, "juist-wachtwoord"))).andExpect(status().isOk());
    }

    @Test
    void outsideDemoModeTheApplicationRefusesDemoAccountsAndTheDemoPassword() {
        assertThat(users.demoAccounts()).as("the demo marks its accounts").isPositive();
        var environment = new org.springframework.mock.env.MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/prod")
                .withProperty("werkregie.demo.enabled", "");
        new be.werkregie.platform.EmbeddedDatabaseEnvironment().postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());
        assertThat(environment.getProperty("werkregie.demo.enabled")).as("an external database: demo off unless switched on").isEqualTo("false");
        var embedded = new org.springframework.mock.env.MockEnvironment().withProperty("werkregie.demo.enabled", "")
                .withProperty("werkregie.embedded-db.enabled", "false");
        new be.werkregie.platform.EmbeddedDatabaseEnvironment().postProcessEnvironment(embedded, new org.springframework.boot.SpringApplication());
        assertThat(embedded.getProperty("werkregie.demo.enabled")).isEqualTo("false");
        assertThatThrownBy(() -> be.werkregie.identity.ProductionSafetyAccess.check(users, passwords)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo mode is off");
    }

    // ---- 9. every read is audited, and the person can read the audit ----

    @Test
    void listsAreAuditedInOneWriteAndThePersonPagesThroughTheWholeTrailInPlainWords() throws Exception {
        CurrentUser mediator = users.find("mediator").orElseThrow();
        UUID bernard = users.find("bernard").orElseThrow().personId();
        long before = audit.count(bernard, AuditTrail.Action.READ, "GUIDANCE");
        mvc.perform(get("/guidance/mediator").with(user(mediator))).andExpect(status().isOk());
        long lists = jdbc.sql("select count(*) from audit_event where username = 'mediator' and purpose in ('open intakes','waiting referrals','stops to acknowledge')")
                .query(Long.class).single();
        assertThat(lists).isPositive();
        for (int i = 0; i < 120; i++) {
            people.get(bernard, mediator, "paging test " + i);
        }
        var first = audit.page(bernard, null, null, null, 1, 50);
        assertThat(first.total()).isGreaterThanOrEqualTo(120);
        assertThat(first.pages()).isGreaterThanOrEqualTo(3);
        var last = audit.page(bernard, null, null, null, first.pages(), 50);
        assertThat(last.events()).isNotEmpty();
        assertThat(audit.page(bernard, mediator.organisationId(), today(), today(), 1, 500).total()).isGreaterThanOrEqualTo(120);
        assertThat(audit.page(bernard, null, today().plusDays(1), null, 1, 50).total()).isZero();
        String html = mvc.perform(get("/me/views").param("page", "2").with(user(users.find("bernard").orElseThrow())).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("A mediator of").contains("viewed").contains("Page 2 of").doesNotContain("READ · ");
        assertThat(audit.count(bernard, AuditTrail.Action.READ, "GUIDANCE")).isGreaterThanOrEqualTo(before);
    }

    // ---- 1. time: the demo is anchored to a stored date ----

    @Test
    void theDemoHistoryIsAnchoredToItsStoredDateWithDeadlinesAroundIt() {
        assertThat(demoDate.today()).isEqualTo(today());
        assertThat(jdbc.sql("select demo_date from platform_demo_date").query(LocalDate.class).single()).isEqualTo(demoDate.today());
        long waiting = jdbc.sql("select count(*) from gd_referral where status = 'WAITING'").query(Long.class).single();
        long late = jdbc.sql("select count(*) from gd_referral where status = 'WAITING' and choose_by < ?").param(today()).query(Long.class).single();
        assertThat(waiting).isPositive();
        assertThat(late).as("some choice deadlines passed, most not").isPositive().isLessThan(waiting);
    }

    // ---- 11. small things ----

    @Test
    void searchFindsCompoundNamesCommasAccentsAndAPartialNationalNumber() {
        CurrentUser mediator = users.find("mediator").orElseThrow();
        UUID bernard = users.find("bernard").orElseThrow().personId();
        UUID mira = users.find("mira").orElseThrow().personId();
        UUID frederic = users.find("frederic").orElseThrow().personId();
        assertThat(people.search("De Wilde", mediator, 50)).extracting(Person::id).contains(bernard);
        assertThat(people.search("bernard de wilde", mediator, 50)).extracting(Person::id).contains(bernard);
        assertThat(people.search("Kovalenko, Mira", mediator, 50)).extracting(Person::id).contains(mira);
        assertThat(people.search("frederic lambert", mediator, 50)).extracting(Person::id).contains(frederic);
        String nn = jdbc.sql("select national_number from person where id = ?").param(mira).query(String.class).single();
        assertThat(people.search(nn.substring(0, 6), mediator, 200)).extracting(Person::id).contains(mira);
    }

    @Test
    void thePersonasNationalNumbersMatchTheirSex() {
        for (String woman : List.of("mira", "anja", "nina")) {
            UUID id = users.find(woman).orElseThrow().personId();
            String nn = jdbc.sql("select national_number from person where id = ?").param(id).query(String.class).single();
            assertThat(NationalNumber.of(nn).sex()).as(woman).isEqualTo('F');
        }
        for (String man : List.of("angelo", "frederic", "bernard", "abdel", "bjorn")) {
            UUID id = users.find(man).orElseThrow().personId();
            String nn = jdbc.sql("select national_number from person where id = ?").param(id).query(String.class).single();
            assertThat(NationalNumber.of(nn).sex()).as(man).isEqualTo('M');
        }
    }

    @Test
    void statementDownloadsWorkInTheBrowserSessionAndAMandateNeedsACareerCentre() throws Exception {
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID run = jdbc.sql("select id from vc_payment_run order by created_at limit 1").query(UUID.class).single();
        UUID centre = jdbc.sql("select centre_id from vc_payment_line where run_id = ? limit 1").param(run).query(UUID.class).single();
        mvc.perform(get("/statements/vouchers/" + run + "/" + centre + ".pdf").with(user(admin))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("application/pdf"));
        mvc.perform(get("/statements/vouchers/" + run + "/" + centre + ".csv").with(user(users.find("analyst").orElseThrow())))
                .andExpect(status().isOk());
        CurrentUser partner = users.find("partnermanager").orElseThrow();
        mvc.perform(get("/statements/vouchers/" + run + "/" + centre + ".csv").with(user(partner))).andExpect(status().isNotFound());
        UUID notACentre = users.find("partner").orElseThrow().organisationId();
        String manager = "pm-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(manager, "werkregie", "Manager", notACentre, null, "nl", Set.of(Role.PARTNER_MANAGER));
        mvc.perform(post("/api/centre/mandate-applications").with(httpBasic(manager, "werkregie")).contentType("application/json")
                        .content("{\"enterpriseNumber\":\"0403.170.701\",\"qualityCertificate\":\"x\",\"experienceYears\":5,\"vision\":\"v\",\"coachFollowUp\":\"c\"}"))
                .andExpect(status().isUnprocessableEntity());
    }
}
