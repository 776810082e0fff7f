package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.ModuleFixtures;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonRegistration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The vouchers module with only the modules it needs (not messaging, not guidance), on a database of its own: a
 * citizen's paid contribution issues the voucher and announces it with {@link VoucherIssued}, once.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(properties = {"werkregie.embedded-db.database=module_vouchers", "werkregie.demo.enabled=false"})
class VouchersModuleTest {

    @Autowired Organisations organisations;
    @Autowired Users users;
    @Autowired PersonRegistration registration;
    @Autowired Vouchers vouchers;
    @Autowired DemoPaymentProvider demoProvider;
    @Autowired Clock clock;

    @Test
    void aPaidContributionIssuesTheVoucherAndAnnouncesIt(Scenario scenario) {
        ModuleFixtures f = new ModuleFixtures(organisations, users);
        CurrentUser mediator = f.user(f.organisation(OrganisationKind.EMPLOYMENT_SERVICE, "VDAB"), Role.MEDIATOR);
        UUID person = ModuleFixtures.person(registration, mediator);
        String name = "cit-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "module-test-wachtwoord", "Vera", null, person, "nl", Set.of(Role.CITIZEN));
        CurrentUser citizen = users.find(name).orElseThrow();
        Voucher requested = vouchers.request(person, new Vouchers.Declaration(Eligibility.WorkSituation.EMPLOYED,
                LocalDate.now(clock).minusYears(10), true, false, "Bouwgroep Schelde", null), "module-req", citizen);
        demoProvider.pay(vouchers.paymentReference(requested.id()));
        scenario.stimulate(() -> vouchers.confirmContribution(requested.id(), person, citizen))
                .andWaitForEventOfType(VoucherIssued.class)
                .matching(e -> e.voucherId().equals(requested.id()))
                .toArriveAndVerify((e, issued) -> {
                    assertThat(issued.status()).isEqualTo(Voucher.Status.ISSUED);
                    assertThat(e.code()).isEqualTo(issued.code());
                    assertThat(e.validUntil()).isEqualTo(issued.validUntil());
                    assertThat(e.hours()).isEqualTo(4);
                });
    }
}
