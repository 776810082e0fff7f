package be.werkregie.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.werkregie.IntegrationTest;
import be.werkregie.TestPeople;
import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.people.Consents;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ClientFileIntegrationTest {

    @Autowired java.time.Clock clock;

    @Autowired PersonRegistration registration;
    @Autowired PersonDirectory people;
    @Autowired Consents consents;
    @Autowired Dossier dossier;
    @Autowired AuditTrail audit;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    CurrentUser mediator;
    CurrentUser partner;
    CurrentUser social;
    UUID person;

    @BeforeEach
    void setUp() {
        mediator = users.find("mediator").orElseThrow();
        partner = users.find("partner").orElseThrow();
        social = users.find("socialworker").orElseThrow();
        person = registration.register(TestPeople.person("Dossier", List.of("LETTER"), null, null, "Kouter 1"), mediator);
    }

    @Test
    void aPartnerSeesAPersonOnlyWithAnActiveConsent() {
        assertThat(people.maySee(partner, person)).isFalse();
        assertThatThrownBy(() -> people.get(person, partner, "test")).isInstanceOf(NotFoundException.class);
        UUID consent = consents.grant(person, partner.organisationId(), "begeleiding", "ACT", null, LocalDate.now(clock).plusMonths(3), "IN_PERSON", null, partner);
        assertThat(people.maySee(partner, person)).isTrue();
        consents.revoke(person, consent, partner);
        assertThat(people.maySee(partner, person)).isFalse();
    }

    @Test
    void anExpiredConsentGivesNoAccess() {
        consents.grant(person, partner.organisationId(), "begeleiding", "SEE", LocalDate.now(clock).minusMonths(2), LocalDate.now(clock), "IN_PERSON", null, partner);
        assertThat(consents.isActive(person, partner.organisationId())).isTrue();
        // a day later it has expired: simulate by moving the window into the past
        jdbc.sql("update consent set valid_from = ?, expires_on = ? where person_id = ?")
                .params(LocalDate.now(clock).minusDays(30), LocalDate.now(clock).minusDays(1), person).update();
        assertThat(consents.isActive(person, partner.organisationId())).isFalse();
        assertThat(people.maySee(partner, person)).isFalse();
        assertThat(consents.of(person).get(0).expiredOn(LocalDate.now(clock))).isTrue();
    }

    @Test
    void refusesAConsentThatEndsBeforeItStartsOrIsTooLong() {
        assertThatThrownBy(() -> consents.grant(person, partner.organisationId(), "x", "SEE", LocalDate.now(clock), LocalDate.now(clock).minusDays(1), "IN_PERSON", null, partner))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> consents.grant(person, partner.organisationId(), "x", "SEE", LocalDate.now(clock), LocalDate.now(clock).plusYears(10), "IN_PERSON", null, partner))
                .isInstanceOf(InvalidInputException.class);
        assertThat(consents.of(person)).isEmpty();
    }

    @Test
    void eachOrganisationSeesOnlyTheEntriesItMaySee() {
        consents.grant(person, partner.organisationId(), "begeleiding", "ACT", null, LocalDate.now(clock).plusMonths(3), "IN_PERSON", null, partner);
        consents.grant(person, social.organisationId(), "welzijn", "SEE", null, LocalDate.now(clock).plusMonths(3), "IN_PERSON", null, social);
        dossier.add(person, "NOTE", "SHARED", "PES step", "shared by the PES", LocalDate.now(clock), null, mediator);
        dossier.add(person, "NOTE", "ORGANISATION", "PES internal", "only PES", LocalDate.now(clock), null, mediator);
        dossier.add(person, "NOTE", "CONFIDENTIAL", "Medical note", "medical, partner only", LocalDate.now(clock), null, partner);

        assertThat(titles(dossier.timeline(person, social))).containsExactly("PES step");
        assertThat(titles(dossier.timeline(person, partner))).containsExactlyInAnyOrder("PES step", "Medical note");
        assertThat(titles(dossier.timeline(person, mediator))).containsExactlyInAnyOrder("PES step", "PES internal");
    }

    @Test
    void everyReadIsAuditedAndTheTrailCannotBeChanged() {
        long before = audit.count(person, AuditTrail.Action.READ, "PROFILE");
        people.get(person, mediator, "test read");
        dossier.timeline(person, mediator);
        assertThat(audit.count(person, AuditTrail.Action.READ, "PROFILE")).isEqualTo(before + 1);
        assertThat(audit.count(person, AuditTrail.Action.READ, "DOSSIER")).isGreaterThanOrEqualTo(1);
        assertThat(audit.forPerson(person, 10)).anyMatch(e -> e.username().equals("mediator") && e.purpose().equals("test read"));
        assertThatThrownBy(() -> jdbc.sql("update audit_event set purpose = 'x' where person_id = ?").param(person).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where person_id = ?").param(person).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aWarmHandoverNeedsConsentAndIsAcknowledgedOnceByTheReceiver() {
        assertThatThrownBy(() -> dossier.handOver(person, social.organisationId(), "Eva", "09 123 45 67", "context", null, mediator))
                .isInstanceOf(InvalidInputException.class);
        consents.grant(person, social.organisationId(), "welzijn", "ACT", null, LocalDate.now(clock).plusMonths(3), "IN_PERSON", null, social);
        UUID h = dossier.handOver(person, social.organisationId(), "Eva", "09 123 45 67", "Needs help with debts", "key-1", mediator);
        assertThat(dossier.handOver(person, social.organisationId(), "Eva", "09 123 45 67", "Needs help with debts", "key-1", mediator))
                .as("a retried handover is not duplicated").isEqualTo(h);
        assertThat(dossier.inbox(social.organisationId())).extracting(Handover::id).contains(h);
        assertThatThrownBy(() -> dossier.acknowledge(h, null, partner)).isInstanceOf(NotFoundException.class);
        dossier.acknowledge(h, "Afspraak gepland", social);
        assertThat(dossier.handover(h).orElseThrow().acknowledged()).isTrue();
        assertThat(dossier.inbox(social.organisationId())).extracting(Handover::id).doesNotContain(h);
        assertThatThrownBy(() -> dossier.acknowledge(h, null, social)).isInstanceOf(InvalidInputException.class);
        // both sides see it, and the social worker sees the PES's shared steps after the handover
        assertThat(dossier.handoversOf(person, social)).extracting(Handover::id).contains(h);
        assertThat(dossier.handoversOf(person, mediator)).extracting(Handover::id).contains(h);
        assertThat(titles(dossier.timeline(person, social))).anyMatch(t -> t.startsWith("Warme overdracht"));
    }

    @Test
    void aRetriedEntryWithTheSameKeyIsStoredOnce() {
        UUID a = dossier.add(person, "ACTION", "SHARED", "Sollicitatie", "CV verstuurd", LocalDate.now(clock), "retry-1", mediator);
        UUID b = dossier.add(person, "ACTION", "SHARED", "Sollicitatie", "CV verstuurd", LocalDate.now(clock), "retry-1", mediator);
        assertThat(b).isEqualTo(a);
        assertThat(dossier.timeline(person, mediator)).filteredOn(e -> e.title().equals("Sollicitatie")).hasSize(1);
    }

    @Test
    void badEntriesChangeNothing() {
        int before = dossier.timeline(person, mediator).size();
        assertThatThrownBy(() -> dossier.add(person, "NOTE", "SHARED", "", "", LocalDate.now(clock).plusDays(3), null, mediator))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .contains("title", "body", "occurredOn"));
        assertThatThrownBy(() -> dossier.add(person, "NOTE", "PUBLIC", "t", "<script>alert(1)</script>", LocalDate.now(clock), null, mediator))
                .isInstanceOf(InvalidInputException.class);
        assertThat(dossier.timeline(person, mediator)).hasSize(before);
    }

    private static List<String> titles(List<DossierEntry> entries) {
        return entries.stream().map(DossierEntry::title).toList();
    }

    /**
     * "My clients": a social service lists exactly the people with an active consent to it, a consent that ends within
     * 30 days stands out, the list is audited per person, and other roles do not get the page.
     */
    @Test
    void aSocialWorkersClientsAreThePeopleWithAnActiveConsent() throws Exception {
        UUID soon = registration.register(TestPeople.person("Binnenkort", List.of("LETTER"), null, null, "Kouter 2"), mediator);
        consents.grant(person, social.organisationId(), "Begeleiding", "SEE", LocalDate.now(clock), LocalDate.now(clock).plusYears(1),
                "IN_PERSON", null, social);
        consents.grant(soon, social.organisationId(), "Begeleiding", "ACT", LocalDate.now(clock).minusMonths(1),
                LocalDate.now(clock).plusDays(10), "IN_PERSON", null, social);
        List<PersonDirectory.Client> clients = people.clientsOf(social, 2000);
        assertThat(clients).extracting(c -> c.person().id()).contains(person, soon);
        assertThat(clients).allSatisfy(c -> assertThat(consents.isActive(c.person().id(), social.organisationId())).isTrue());
        assertThat(people.clientsOf(mediator, 100)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and purpose = 'my clients'").param(soon)
                .query(Long.class).single()).isPositive();

        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/clients?q=Binnenkort")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(social)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Binnenkort").contains("loopt bijna af").contains("Inkijken en handelen")
                .doesNotContain("Kouter 1");
        int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/clients")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(partner)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Autowired org.springframework.web.context.WebApplicationContext context;
}
