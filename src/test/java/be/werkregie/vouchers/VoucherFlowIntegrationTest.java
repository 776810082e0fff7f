package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.werkregie.IntegrationTest;
import be.werkregie.TestPeople;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.messaging.Messenger;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole voucher flow on the real database: request, pay, take over, register, pay the centre, close, survey. */
@IntegrationTest
class VoucherFlowIntegrationTest {

    @Autowired java.time.Clock clock;

    @Autowired Vouchers vouchers;
    @Autowired DemoPaymentProvider demoProvider;
    @Autowired Payments payments;
    @Autowired Quality quality;
    @Autowired SearchRobot robot;
    @Autowired PersonRegistration registration;
    @Autowired PersonDirectory people;
    @Autowired Users users;
    @Autowired Organisations organisations;
    @Autowired Messenger messenger;
    @Autowired VoucherSettings settings;
    @Autowired JdbcClient jdbc;

    Vouchers.Declaration worker() {
        return new Vouchers.Declaration(Eligibility.WorkSituation.EMPLOYED, LocalDate.now(clock).minusYears(10), true, false,
                "Bouwgroep Schelde", null);
    }

    CurrentUser citizen() {
        String name = "vc-" + UUID.randomUUID().toString().substring(0, 8);
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID person = registration.register(TestPeople.person("Vera", List.of("EMAIL"), name + "@mail.example", null,
                "Kerkstraat 1"), admin);
        users.create(name, "werkregie", "Vera", null, person, "nl", Set.of(Role.CITIZEN));
        return users.find(name).orElseThrow();
    }

    CurrentUser otherCentreUser() {
        UUID other = organisations.ofKind(OrganisationKind.CAREER_CENTRE).get(1).id();
        String name = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "werkregie", "Andere coach", other, null, "nl", Set.of(Role.PARTNER_STAFF));
        return users.find(name).orElseThrow();
    }

    @Test
    void fromRequestToPaymentAndSurvey() throws Exception {
        CurrentUser me = citizen();
        Voucher v = vouchers.request(me.personId(), worker(), "req-1", me);
        assertThat(v.status()).isEqualTo(Voucher.Status.AWAITING_PAYMENT);
        assertThat(v.hours()).isEqualTo(4);
        assertThat(v.validUntil()).isEqualTo(v.requestedOn().plusWeeks(12));
        assertThat(vouchers.request(me.personId(), worker(), "req-1", me).id()).as("a retried request").isEqualTo(v.id());
        assertThat(vouchers.ofPerson(me.personId())).hasSize(1);

        // not paid at the provider: refused, the voucher waits
        final UUID requestedId = v.id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vouchers.confirmContribution(requestedId, me.personId(), me))
                .isInstanceOf(be.werkregie.shared.InvalidInputException.class);
        // paid on the demo provider's page (twice: a double click pays once), then confirmed on return
        String reference = vouchers.paymentReference(v.id());
        assertThat(demoProvider.pay(reference)).isTrue();
        assertThat(demoProvider.pay(reference)).as("a second click pays nothing more").isFalse();
        v = vouchers.confirmContribution(v.id(), me.personId(), me);
        assertThat(v.status()).isEqualTo(Voucher.Status.ISSUED);
        final String code = v.code();
        final UUID voucherId = v.id();
        assertThat(v.status()).isEqualTo(Voucher.Status.ISSUED);
        // messaging reacts to VoucherIssued after the commit (event publication registry), so the message arrives shortly
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> messenger.ofPerson(me.personId()).stream().anyMatch(m -> m.template().equals("voucherIssued")));
        assertThatThrownBy(() -> vouchers.request(me.personId(), worker(), "req-2", me))
                .isInstanceOfSatisfying(VoucherRefusedException.class,
                        e -> assertThat(e.result().refusals()).extracting(Eligibility.Refusal::rule).containsExactly("openVoucher"));

        CurrentUser coach = users.find("coach").orElseThrow();
        Person p = people.getForSystem(me.personId(), "test");
        assertThat(problem(() -> vouchers.takeOver("LC-NOPE", p.nationalNumber(), coach))).isEqualTo("voucher.unknown");
        Voucher taken = vouchers.takeOver(code.toLowerCase(), p.nationalNumber(), coach);
        assertThat(taken.status()).isEqualTo(Voucher.Status.IN_GUIDANCE);
        assertThat(vouchers.takeOver(code, p.nationalNumber(), coach).id()).as("idempotent for the same centre").isEqualTo(voucherId);

        // another centre sees nothing of it
        CurrentUser other = otherCentreUser();
        UUID id = voucherId;
        assertThatThrownBy(() -> vouchers.ofCentre(id, other)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> vouchers.registerSession(id, session(LocalDate.now(clock), 2), "x", other)).isInstanceOf(NotFoundException.class);
        assertThat(vouchers.ofCentre(other)).noneMatch(x -> x.id().equals(id));
        assertThatThrownBy(() -> vouchers.takeOver(code, p.nationalNumber(), other)).isInstanceOf(InvalidInputException.class);

        // half hours, idempotent, never over the voucher
        UUID s1 = vouchers.registerSession(id, session(LocalDate.now(clock), 3), "s1", coach);
        assertThat(vouchers.registerSession(id, session(LocalDate.now(clock), 3), "s1", coach)).isEqualTo(s1);
        vouchers.registerSession(id, session(LocalDate.now(clock), 5), "s2", coach);
        assertThat(problem(() -> vouchers.registerSession(id, session(LocalDate.now(clock), 1), "s3", coach))).isEqualTo("voucher.overLimit");
        assertThat(problem(() -> vouchers.registerSession(id, session(LocalDate.now(clock), -2), "s4", coach))).isEqualTo("voucher.halfHoursPositive");
        assertThat(problem(() -> vouchers.registerSession(id, session(LocalDate.now(clock).plusDays(1), 1), "s5", coach))).isEqualTo("validation.dateInFuture");
        assertThat(vouchers.sessions(id)).hasSize(2);
        assertThat(vouchers.find(id).orElseThrow().usedHalfHours()).isEqualTo(8);

        // payment: exactly what was performed, once
        Payments.Run run = payments.run(LocalDate.now(clock), "run-" + id, admin());
        assertThat(payments.run(LocalDate.now(clock), "run-" + id, admin()).id()).isEqualTo(run.id());
        List<Payments.Line> lines = payments.statement(run.id(), coach.organisationId(), coach).stream()
                .filter(l -> l.voucherId().equals(id)).toList();
        assertThat(lines).hasSize(1);
        boolean vat = jdbc.sql("select vat_liable from vc_centre where organisation_id = ?").param(coach.organisationId())
                .query(Boolean.class).single();
        Tariffs.Amount expected = Tariffs.forHalfHours(8, LocalDate.now(clock), vat, settings);
        assertThat(lines.get(0).exclVat().amount()).isEqualByComparingTo("561.00");
        assertThat(lines.get(0).inclVat()).isEqualTo(expected.inclVat());
        assertThat(lines.get(0).contribution().amount()).isEqualByComparingTo("40.00");
        assertThat(lines.get(0).netCost().amount()).isEqualByComparingTo(expected.inclVat().amount().subtract(new BigDecimal("40")));
        Payments.Run again = payments.run(LocalDate.now(clock), "run-again-" + id, admin());
        assertThat(payments.statement(again.id(), coach.organisationId(), coach)).noneMatch(l -> l.voucherId().equals(id));
        assertThatThrownBy(() -> payments.statement(run.id(), coach.organisationId(), other)).isInstanceOf(NotFoundException.class);
        String csv = payments.statementCsv(lines, List.of());
        assertThat(csv).contains(code + ";8;561.00;");
        byte[] pdf = payments.statementPdf(run, "Centrum", lines, List.of());
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        }

        // closing needs the POP; then the survey
        assertThat(problem(() -> vouchers.updateGuidance(id, new Vouchers.GuidanceInput(List.of("MEANING"), "Wat nu?", true, true,
                false, LocalDate.now(clock), null), coach))).isEqualTo("voucher.popBeforeSynthesis");
        Voucher closed = vouchers.updateGuidance(id, new Vouchers.GuidanceInput(List.of("MEANING", "GROWTH"), "Wat nu?", true, true,
                true, LocalDate.now(clock), null), coach);
        assertThat(closed.status()).isEqualTo(Voucher.Status.CLOSED);
        assertThat(problem(() -> quality.answerSurvey(id, me.personId(), new Quality.SurveyInput(List.of(8, 9), true, null, null, null))))
                .isEqualTo("scores");
        quality.answerSurvey(id, me.personId(), new Quality.SurveyInput(List.of(8, 9, 9, 8, 7, 9, 8, 8, 9, 10, 8), true, "Fijn", null, null));
        assertThat(quality.surveyAnswered(id)).isTrue();
        assertThat(quality.satisfaction(coach.organisationId(), LocalDate.now(clock).minusDays(1), LocalDate.now(clock)).satisfactionPercent())
                .isNotNull();

        // second voucher of the window: 3 hours since 2020
        Voucher second = vouchers.request(me.personId(), worker(), "req-3", me);
        assertThat(second.numberInPackage()).isEqualTo(2);
        assertThat(second.hours()).isEqualTo(3);

        // a complaint about something more than a year ago is recorded as inadmissible
        quality.fileComplaint(id, me.personId(), "CONTENT", LocalDate.now(clock).minusYears(1).minusDays(1), "Te laat gemeld", me);
        assertThat(quality.complaintsOfPerson(me.personId())).extracting(Quality.Complaint::status).containsExactly(Quality.Complaint.Status.INADMISSIBLE);
    }

    @Test
    void badInputChangesNothing() {
        CurrentUser me = citizen();
        long before = jdbc.sql("select count(*) from vc_voucher").query(Long.class).single();
        assertThatThrownBy(() -> vouchers.request(me.personId(), new Vouchers.Declaration(null, LocalDate.now(clock).plusDays(3), null,
                null, "<script>x</script>", null), "k", me)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                        .contains("situation", "experienceSince", "ownInitiative", "inOutplacement", "employerName"));
        assertThatThrownBy(() -> vouchers.request(me.personId(), new Vouchers.Declaration(Eligibility.WorkSituation.EMPLOYED,
                LocalDate.now(clock).minusYears(3), true, false, null, null), "k2", me))
                .isInstanceOfSatisfying(VoucherRefusedException.class, e -> assertThat(e.result().qualifiesOn())
                        .isEqualTo(LocalDate.now(clock).minusYears(3).plusYears(7)));
        assertThat(jdbc.sql("select count(*) from vc_voucher").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void searchRobotFindsActiveCentresByDistanceAndText() {
        SearchRobot.Result r = robot.search(new SearchRobot.Query("Gent", null, null, 50, null, null, null, null, null, 100, 0));
        assertThat(r.total()).isPositive();
        assertThat(r.hits()).isSortedAccordingTo(java.util.Comparator.comparingDouble(SearchRobot.Hit::distanceKm));
        assertThat(r.hits()).allMatch(h -> h.distanceKm() <= 50);
        // Dutch stemming: "zelfstandige" finds profiles that only say "zelfstandigen"; a word nobody uses finds nothing
        assertThat(jdbc.sql("select count(*) from vc_centre where profile ~* '\\mzelfstandige\\M'").query(Long.class).single()).isZero();
        SearchRobot.Result text = robot.search(new SearchRobot.Query("9000", null, null, 50, null, null, null, null, "zelfstandige", 100, 0));
        assertThat(text.total()).isPositive();
        assertThat(robot.search(new SearchRobot.Query("9000", null, null, 50, null, null, null, null, "xylofoonbouw", 100, 0)).total()).isZero();
        assertThat(problem(() -> robot.search(new SearchRobot.Query("Atlantis", null, null, 10, null, null, null, null, null, null, null))))
                .isEqualTo("validation.municipality.unknown");
        assertThat(problem(() -> robot.search(new SearchRobot.Query("Gent", null, null, 7, null, null, null, null, null, null, null))))
                .isEqualTo("validation.choice");
    }

    private CurrentUser admin() {
        return users.find("admin").orElseThrow();
    }

    static Vouchers.SessionInput session(LocalDate date, int halfHours) {
        return new Vouchers.SessionInput(date, null, halfHours, "FACE_TO_FACE", null);
    }

    static String problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).messageKey().equals("survey.scores") ? "scores" : e.problems().get(0).messageKey();
        }
        return "no problem";
    }
}
