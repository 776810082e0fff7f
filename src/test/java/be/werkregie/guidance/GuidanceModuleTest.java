package be.werkregie.guidance;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The guidance module with only the modules it needs (messaging is not among them), on a database of its own: an
 * assessment publishes {@link AssessmentCompleted} for the invitation, and the decision as a fact for the person's file.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"werkregie.embedded-db.database=module_guidance", "werkregie.demo.enabled=false"})
class GuidanceModuleTest {

    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired PersonRegistration registration;
    @Autowired Assessments assessments;
    @Autowired Clock clock;

    @Test
    void anAssessmentInvitesTheClientAndRecordsTheDecision(Scenario scenario) {
        ModuleFixtures f = new ModuleFixtures(organisations, users);
        CurrentUser mediator = f.user(f.organisation(OrganisationKind.EMPLOYMENT_SERVICE, "VDAB"), Role.MEDIATOR);
        UUID client = ModuleFixtures.person(registration, mediator);
        assessments.startIntake(client, LocalDate.now(clock).minusMonths(2), mediator);
        var input = new Assessments.AssessmentInput(client, "Magazijnmedewerker", Routing.Indication.NONE,
                Map.of("MOBILITY", Routing.Impact.LIMITED), "BASIC", null, List.of(), "Wil snel aan de slag.", "module-" + client);
        scenario.stimulate(() -> assessments.record(input, mediator))
                .andWaitForEventOfType(AssessmentCompleted.class)
                .matching(e -> e.personId().equals(client))
                .toArriveAndVerify((e, a) -> {
                    assertThat(e.assessmentId()).isEqualTo(a.id());
                    assertThat(e.offerCode()).isEqualTo("BASIC");
                    assertThat(e.chooseBy()).isAfter(LocalDate.now(clock));
                });
        scenario.stimulate(() -> assessments.record(input, mediator))
                .andWaitForEventOfType(PersonFileFact.class)
                .matching(e -> e.personId().equals(client))
                .toArriveAndVerify(e -> assertThat(e.kind()).isEqualTo("DECISION"));
    }
}
