package be.werkregie.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.ModuleFixtures;
import be.werkregie.guidance.AssessmentCompleted;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonRegistration;
import be.werkregie.vouchers.VoucherIssued;
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
 * Messaging reacts to other modules' events without being called: an issued voucher and a completed assessment each
 * reach the person as one message in their channel, also when the event is delivered twice.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"werkregie.embedded-db.database=module_messaging", "werkregie.demo.enabled=false"})
class MessagingModuleTest {

    /** A real SMTP server: the e-mail channel delivers for real. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP).withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig());

    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired PersonRegistration registration;
    @Autowired Messenger messenger;
    @Autowired Clock clock;

    UUID person() {
        ModuleFixtures f = new ModuleFixtures(organisations, users);
        CurrentUser mediator = f.user(f.organisation(OrganisationKind.EMPLOYMENT_SERVICE, "VDAB"), Role.MEDIATOR);
        return ModuleFixtures.person(registration, mediator);
    }

    @Test
    void anIssuedVoucherReachesThePersonOnce(Scenario scenario) {
        UUID person = person();
        UUID voucher = UUID.randomUUID();
        VoucherIssued event = new VoucherIssued(voucher, person, "LC-MOD-1", LocalDate.now(clock).plusWeeks(12), 4);
        scenario.publish(event)
                .andWaitForStateChange(() -> messenger.ofPerson(person).stream().filter(m -> m.template().equals("voucherIssued")).toList(),
                        list -> !list.isEmpty())
                .andVerify(list -> assertThat(list).hasSize(1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length > 0);
        // a redelivered event (the registry retries after a crash) sends nothing twice
        scenario.publish(event)
                .andWaitForStateChange(() -> messenger.ofPerson(person).stream().filter(m -> m.template().equals("voucherIssued")).count())
                .andVerify(n -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void aCompletedAssessmentInvitesThePersonToChooseAPartner(Scenario scenario) {
        UUID person = person();
        scenario.publish(new AssessmentCompleted(UUID.randomUUID(), person, "BASIC", "Basisaanbod", LocalDate.now(clock).plusDays(14)))
                .andWaitForStateChange(() -> messenger.ofPerson(person).stream().filter(m -> m.template().equals("guidanceChoice")).toList(),
                        list -> !list.isEmpty())
                .andVerify(list -> assertThat(list.get(0).channel()).isEqualTo("EMAIL"));
    }
}
