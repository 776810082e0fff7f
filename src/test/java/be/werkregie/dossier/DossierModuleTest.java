package be.werkregie.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.ModuleFixtures;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonRegistration;
import be.werkregie.shared.PersonFileFact;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The dossier module on its own (with the modules it depends on, nothing else), on a database of its own: it records
 * the facts other modules publish, and a warm handover it completes is announced with {@link HandoverAcknowledged}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"werkregie.embedded-db.database=module_dossier", "werkregie.demo.enabled=false"})
class DossierModuleTest {

    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired PersonRegistration registration;
    @Autowired Dossier dossier;
    @Autowired Clock clock;
    @Autowired be.werkregie.people.Consents consents;

    @Test
    void aPublishedFileFactBecomesAnEntryInThePersonsFile(Scenario scenario) {
        ModuleFixtures f = new ModuleFixtures(organisations, users);
        CurrentUser mediator = f.user(f.organisation(OrganisationKind.EMPLOYMENT_SERVICE, "VDAB"), Role.MEDIATOR);
        UUID person = ModuleFixtures.person(registration, mediator);
        LocalDate today = LocalDate.now(clock);
        scenario.publish(new PersonFileFact(person, "ACTION", "SHARED", "Sollicitatietraining", "Twee sessies gevolgd.", today,
                        "module-test:" + person, mediator.username()))
                .andWaitForStateChange(() -> dossier.timeline(person, mediator).stream()
                        .filter(e -> e.title().equals("Sollicitatietraining")).toList(), list -> !list.isEmpty())
                .andVerify(list -> {
                    assertThat(list).hasSize(1);
                    assertThat(list.get(0).organisationName()).isEqualTo(mediator.organisationName());
                });
        // the same fact again (a replay) adds nothing
        scenario.publish(new PersonFileFact(person, "ACTION", "SHARED", "Sollicitatietraining", "Twee sessies gevolgd.", today,
                        "module-test:" + person, mediator.username()))
                .andWaitForStateChange(() -> dossier.timeline(person, mediator).stream()
                        .filter(e -> e.title().equals("Sollicitatietraining")).count())
                .andVerify(n -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void acknowledgingAHandoverAnnouncesItToTheSender(Scenario scenario) {
        ModuleFixtures f = new ModuleFixtures(organisations, users);
        UUID office = f.organisation(OrganisationKind.EMPLOYMENT_SERVICE, "VDAB kantoor");
        UUID social = f.organisation(OrganisationKind.SOCIAL_SERVICE, "OCMW");
        CurrentUser mediator = f.user(office, Role.MEDIATOR);
        UUID person = ModuleFixtures.person(registration, mediator);
        CurrentUser socialWorker = f.user(social, Role.SOCIAL_WORKER);
        // the person agrees, with the social worker, that the social service takes over (consent to act)
        consents.grant(person, social, "budgetbegeleiding", "ACT", null, LocalDate.now(clock).plusMonths(6), "IN_PERSON", null,
                socialWorker);
        UUID handover = dossier.handOver(person, social, "Eva Peeters", "eva@ocmw.example", "Budgetbegeleiding nodig",
                "module-handover:" + person, mediator);
        scenario.stimulate(() -> dossier.acknowledge(handover, "Intake gepland", socialWorker))
                .andWaitForEventOfType(HandoverAcknowledged.class)
                .matching(e -> e.handoverId().equals(handover))
                .toArriveAndVerify(e -> assertThat(e.fromOrganisationId()).isEqualTo(office));
    }
}
