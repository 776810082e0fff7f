package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.audit.AuditTrail;
import be.werkregie.dossier.Dossier;
import be.werkregie.guidance.Assessments;
import be.werkregie.guidance.GuidancePayments;
import be.werkregie.guidance.Routing;
import be.werkregie.guidance.Trajectories;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.identity.Users;
import be.werkregie.messaging.Batches;
import be.werkregie.people.PersonRegistration;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.vouchers.Eligibility;
import be.werkregie.vouchers.Misuse;
import be.werkregie.vouchers.Payments;
import be.werkregie.vouchers.Quality;
import be.werkregie.vouchers.Vouchers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trust issue's classes under races on the real PostgreSQL: money runs pay exactly what they mark paid, every
 * transition that moves money, capacity or rights is a compare-and-set (16 parallel attempts, one winner, the others a
 * clear conflict), and every retried write is idempotent (same key → same answer, one effect, one audit record).
 */
@IntegrationTest
class TrustConcurrencyTest {

    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired Vouchers vouchers;
    @Autowired Payments payments;
    @Autowired GuidancePayments guidancePayments;
    @Autowired Trajectories trajectories;
    @Autowired Assessments assessments;
    @Autowired Quality quality;
    @Autowired Misuse misuse;
    @Autowired Dossier dossier;
    @Autowired Batches batches;
    @Autowired AuditTrail audit;
    @Autowired PersonRegistration registration;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Runs the task n times at the same moment; each outcome is "ok:<value>" or the first message key of the refusal. */
    static List<String> parallel(int n, Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 16));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return "ok:" + task.call();
                } catch (InvalidInputException e) {
                    return e.problems().get(0).messageKey();
                }
            }));
        }
        go.countDown();
        List<String> out = new ArrayList<>();
        for (Future<String> f : futures) {
            out.add(f.get()); // an unexpected exception (a would-be 500) fails the test here
        }
        pool.shutdown();
        return out;
    }

    UUID voucherInGuidance(CurrentUser coach, int hours) {
        UUID id = UUID.randomUUID();
        UUID person = jdbc.sql("select id from person where persona is null order by id offset 7 limit 1").query(UUID.class).single();
        jdbc.sql("""
                insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                  rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, agreement_present)
                values (?,?,?,?,1,?,?,?,'2020-01-01',40.00,?,'IN_GUIDANCE',?,?,true)""")
                .params(id, "TRUST-" + id.toString().substring(0, 8), person, today().minusDays(20), today().minusDays(20),
                        today().plusDays(60), hours, OffsetDateTime.now(clock), coach.organisationId(), today().minusDays(18)).update();
        return id;
    }

    // ---- 2. money runs pay exactly what they mark paid ----

    /** A session is cancelled or paid, never both, when cancellations race payment runs; the voucher's hours follow. */
    @Test
    void cancellationsRacingPaymentRunsCancelOrPayEachSessionNeverBoth() throws Exception {
        CurrentUser coach = users.find("coach").orElseThrow();
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID v = voucherInGuidance(coach, 4);
        List<UUID> sessions = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            sessions.add(vouchers.registerSession(v, new Vouchers.SessionInput(today(), java.time.LocalTime.of(9, 0).plusMinutes(30L * k), 1,
                    "FACE_TO_FACE", null), "race-cancel-" + v + "-" + k, coach));
        }
        // without a reason: refused field by field, nothing cancelled, the hours unchanged
        int usedBefore = jdbc.sql("select used_half_hours from vc_voucher where id = ?").param(v).query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vouchers.cancelSession(sessions.get(0), "  ", coach))
                .isInstanceOfSatisfying(be.werkregie.shared.InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.messageKey())
                                .containsExactly("reason:session.cancelReasonRequired"));
        assertThat(jdbc.sql("select count(*) from vc_session where voucher_id = ? and cancelled_at is not null").param(v)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select used_half_hours from vc_voucher where id = ?").param(v).query(Integer.class).single())
                .isEqualTo(usedBefore);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> work = new ArrayList<>();
        for (UUID session : sessions) {
            work.add(pool.submit(() -> {
                try {
                    vouchers.cancelSession(session, "dubbel geregistreerd", coach);
                } catch (be.werkregie.shared.InvalidInputException paidFirst) {
                    assertThat(paidFirst.problems()).extracting(p -> p.messageKey()).containsExactly("session.alreadyPaid");
                }
                return null;
            }));
        }
        for (int r = 0; r < 2; r++) {
            work.add(pool.submit(() -> payments.run(today(), "race-cancel-run-" + UUID.randomUUID(), admin)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long both = jdbc.sql("select count(*) from vc_session where voucher_id = ? and cancelled_at is not null and payment_run_id is not null")
                .param(v).query(Long.class).single();
        long neither = jdbc.sql("select count(*) from vc_session where voucher_id = ? and cancelled_at is null and payment_run_id is null")
                .param(v).query(Long.class).single();
        assertThat(both).as("cancelled and paid").isZero();
        assertThat(neither).as("every session was either cancelled or paid").isZero();
        int used = jdbc.sql("select used_half_hours from vc_voucher where id = ?").param(v).query(Integer.class).single();
        long paid = jdbc.sql("select coalesce(sum(half_hours), 0) from vc_session where voucher_id = ? and cancelled_at is null")
                .param(v).query(Long.class).single();
        assertThat(used).as("the voucher counts only the sessions that were not cancelled").isEqualTo((int) paid);
        long lined = jdbc.sql("select coalesce(sum(half_hours), 0) from vc_payment_line where voucher_id = ?").param(v).query(Long.class).single();
        assertThat(lined).as("the payment lines hold exactly the sessions not cancelled").isEqualTo(paid);
    }

    @Test
    void voucherPaymentRunsRacingRegistrationsPayEveryClaimedHalfHourOnALine() throws Exception {
        CurrentUser coach = users.find("coach").orElseThrow();
        CurrentUser admin = users.find("admin").orElseThrow();
        List<UUID> list = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            list.add(voucherInGuidance(coach, 4)); // 8 half hours each
        }
        AtomicBoolean registering = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<?>> work = new ArrayList<>();
        for (UUID v : list) {
            work.add(pool.submit(() -> {
                for (int k = 0; k < 8; k++) {
                    vouchers.registerSession(v, new Vouchers.SessionInput(today(), java.time.LocalTime.of(10, 0), 1, "FACE_TO_FACE", null),
                            "race-pay-" + v + "-" + k, coach);
                }
                return null;
            }));
        }
        for (int r = 0; r < 3; r++) {
            work.add(pool.submit(() -> {
                int n = 0;
                while (registering.get() && n++ < 40) {
                    payments.run(today(), "race-run-" + UUID.randomUUID(), admin);
                }
                return null;
            }));
        }
        for (int i = 0; i < list.size(); i++) {
            work.get(i).get();
        }
        registering.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        payments.run(today(), "race-final-" + UUID.randomUUID(), admin);
        // per run and voucher: the half hours marked paid are exactly the half hours on the run's line
        List<Map<String, Object>> mismatches = jdbc.sql("""
                with marked as (select payment_run_id as run, voucher_id, sum(half_hours) hh from vc_session
                                where payment_run_id is not null group by 1, 2),
                     lined as (select run_id as run, voucher_id, sum(half_hours) hh from vc_payment_line group by 1, 2)
                select * from marked m full join lined l on l.run = m.run and l.voucher_id = m.voucher_id
                where m.hh is distinct from l.hh""").query().listOfRows();
        assertThat(mismatches).isEmpty();
        for (UUID v : list) {
            assertThat(jdbc.sql("select coalesce(sum(half_hours), 0) from vc_payment_line where voucher_id = ?").param(v)
                    .query(Long.class).single()).as("paid half hours of " + v).isEqualTo(8);
            assertThat(jdbc.sql("select count(*) from vc_session where voucher_id = ? and payment_run_id is null").param(v)
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void guidancePaymentRunsRacingOutputsPayEveryClaimedOutputOnALine() throws Exception {
        CurrentUser partner = users.find("partner").orElseThrow();
        CurrentUser admin = users.find("admin").orElseThrow();
        List<UUID> active = jdbc.sql("""
                select t.id from gd_trajectory t where t.partner_id = ? and t.status = 'ACTIVE'
                and not exists (select 1 from gd_action a where a.trajectory_id = t.id and a.kind = 'INDICATION_REPORT') limit 6""")
                .param(partner.organisationId()).query(UUID.class).list();
        assertThat(active).isNotEmpty();
        jdbc.sql("update gd_action set occurred_on = least(occurred_on, ?) where trajectory_id = any(?)")
                .params(today(), active.toArray(new UUID[0])).update();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (UUID t : active) {
            work.add(pool.submit(() -> trajectories.registerAction(t, "INDICATION_REPORT", today(), "verslag", "verslag.pdf",
                    ("%PDF-1.4 " + UUID.randomUUID()).getBytes(), "race-output-" + t, partner)));
        }
        for (int r = 0; r < 3; r++) {
            work.add(pool.submit(() -> {
                for (int n = 0; n < 5; n++) {
                    guidancePayments.run(today(), "race-gd-run-" + UUID.randomUUID(), admin);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        guidancePayments.run(today(), "race-gd-final-" + UUID.randomUUID(), admin);
        List<Map<String, Object>> mismatches = jdbc.sql("""
                with marked as (select payment_run_id as run, trajectory_id, count(*) n from gd_action
                                where formal_output and payment_run_id is not null group by 1, 2),
                     lined as (select run_id as run, trajectory_id, count(*) n from gd_payment_line where kind = 'OUTPUT' group by 1, 2)
                select * from marked m full join lined l on l.run = m.run and l.trajectory_id = m.trajectory_id
                where m.n is distinct from l.n""").query().listOfRows();
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.sql("select count(*) from gd_action where trajectory_id = any(?) and kind = 'INDICATION_REPORT' and payment_run_id is null")
                .param(active.toArray(new UUID[0])).query(Long.class).single()).isZero();
    }

    /** A partner's output is cancelled or paid, never both, when cancellations race guidance payment runs. */
    @Test
    void outputCancellationsRacingGuidancePaymentRunsCancelOrPayEachOutputNeverBoth() throws Exception {
        CurrentUser partner = users.find("partner").orElseThrow();
        CurrentUser admin = users.find("admin").orElseThrow();
        List<UUID> active = jdbc.sql("""
                select t.id from gd_trajectory t where t.partner_id = ? and t.status = 'ACTIVE'
                and not exists (select 1 from gd_action a where a.trajectory_id = t.id and a.kind = 'WORKPLACE_LEARNING_START')
                order by t.id desc limit 8""")
                .param(partner.organisationId()).query(UUID.class).list();
        assertThat(active).isNotEmpty();
        Map<UUID, UUID> outputs = new java.util.HashMap<>();
        for (UUID t : active) {
            outputs.put(t, trajectories.registerAction(t, "WORKPLACE_LEARNING_START", today(), "begeleiding bij de start", "start.pdf",
                    ("%PDF-1.4 " + UUID.randomUUID()).getBytes(), "race-cancel-output-" + t, partner));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (var e : outputs.entrySet()) {
            work.add(pool.submit(() -> {
                try {
                    trajectories.cancelAction(e.getKey(), e.getValue(), "dubbel geregistreerd", partner);
                } catch (be.werkregie.shared.ConflictException paid) {
                    assertThat(paid.problems().get(0).messageKey()).isEqualTo("guidance.actionPaid");
                }
                return null;
            }));
        }
        for (int r = 0; r < 2; r++) {
            work.add(pool.submit(() -> guidancePayments.run(today(), "race-cancel-gd-" + UUID.randomUUID(), admin)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        UUID[] ids = outputs.values().toArray(new UUID[0]);
        assertThat(jdbc.sql("select count(*) from gd_action where id = any(?) and cancelled_at is not null and payment_run_id is not null")
                .param(ids).query(Long.class).single()).as("cancelled and paid").isZero();
        guidancePayments.run(today(), "race-cancel-gd-final-" + UUID.randomUUID(), admin);
        assertThat(jdbc.sql("select count(*) from gd_action where id = any(?) and cancelled_at is null and payment_run_id is null")
                .param(ids).query(Long.class).single()).as("every output was either cancelled or paid").isZero();
        // the payment lines hold exactly the outputs that were not cancelled
        long paid = jdbc.sql("select count(*) from gd_action where id = any(?) and payment_run_id is not null").param(ids)
                .query(Long.class).single();
        long lined = jdbc.sql("""
                select count(*) from gd_payment_line l join gd_action a on a.payment_run_id = l.run_id and a.trajectory_id = l.trajectory_id
                where a.id = any(?) and l.kind = 'OUTPUT' and l.reference like 'WORKPLACE_LEARNING_START%'""").param(ids).query(Long.class).single();
        assertThat(lined).isEqualTo(paid);
    }

    @Test
    void smsExportsRacingTheQueueMarkSentOnlyWhatWasInTheirFile() throws Exception {
        UUID person = jdbc.sql("select id from person order by id limit 1").query(UUID.class).single();
        String marker = "race-sms-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int q = 0; q < 3; q++) {
            int queue = q;
            work.add(pool.submit(() -> {
                for (int k = 0; k < 30; k++) {
                    jdbc.sql("""
                            insert into message (id, person_id, channel, recipient, language, template, subject, body, status,
                              idempotency_key, attempt, created_at) values (?,?,'SMS','0470 00 00 00','nl','free',?,'tekst','AWAITING_EXPORT',?,1,?)""")
                            .params(UUID.randomUUID(), person, marker, marker + "-" + queue + "-" + k, OffsetDateTime.now(clock)).update();
                }
                return null;
            }));
        }
        List<UUID> exports = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int e = 0; e < 2; e++) {
            work.add(pool.submit(() -> {
                for (int n = 0; n < 10; n++) {
                    batches.exportSms("race").ifPresent(id -> {
                        // the file is read, then confirmed: only its own lines become SENT
                        int lines = batches.smsLines(id).size();
                        assertThat(batches.confirmSms(id, "race")).isEqualTo(lines);
                        exports.add(id);
                    });
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        batches.exportSms("race").ifPresent(id -> batches.confirmSms(id, "race"));
        // every SENT message of ours was in a confirmed export's file; none is lost while shown as sent
        assertThat(jdbc.sql("""
                select count(*) from message m left join sms_export e on e.id = m.sms_export_id
                where m.subject = ? and m.status = 'SENT' and (e.id is null or e.confirmed_at is null)""").param(marker)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from message where subject = ? and status = 'SENT'").param(marker).query(Long.class).single())
                .isEqualTo(90);
    }

    // ---- 3. transitions that move money, capacity or rights are compare-and-set ----

    @Test
    void aComplaintIsDecidedOnceWithOneRecoveryUnderSixteenParallelDecisions() throws Exception {
        CurrentUser coach = users.find("coach").orElseThrow();
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID voucher = voucherInGuidance(coach, 3);
        vouchers.registerSession(voucher, new Vouchers.SessionInput(today(), java.time.LocalTime.of(10, 0), 2, "FACE_TO_FACE", null),
                "complaint-session-" + voucher, coach);
        payments.run(today(), "complaint-run-" + voucher, admin);
        UUID person = jdbc.sql("select person_id from vc_voucher where id = ?").param(voucher).query(UUID.class).single();
        UUID complaint = quality.fileComplaint(voucher, person, "CONTENT", today().minusDays(2), "Niet geholpen", "c-" + voucher, null);
        List<String> outcomes = parallel(16, () -> {
            quality.decideComplaint(complaint, "FOUNDED", "REFUND_AND_RECOVERY", "Gegrond", admin);
            return "decided";
        });
        assertThat(outcomes).filteredOn(o -> o.startsWith("ok:")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("ok:")).hasSize(15).allMatch(o -> o.equals("complaint.notOpen"));
        assertThat(jdbc.sql("select count(*) from vc_recovery where voucher_id = ?").param(voucher).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSanctionGetsOneDefenceUnderSixteenParallelDefences() throws Exception {
        UUID centre = users.find("coach").orElseThrow().organisationId();
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                insert into vc_misuse_case (id, centre_id, pattern, score, explanation, detected_on, status, case_key)
                values (?,?,'OFF_HOURS',60,'test',?,'FOUNDED',?)""").params(caseId, centre, today(), "trust-" + caseId).update();
        UUID sanction = UUID.randomUUID();
        jdbc.sql("""
                insert into vc_sanction (id, centre_id, misuse_case_id, kind, amount, motivation, proposed_on, defence_until, status,
                  request_key, proposed_by) values (?,?,?,'RECOVERY',100.00,'test',?,?,'PROPOSED',?,'admin')""")
                .params(sanction, centre, caseId, today(), today().plusDays(15), "trust-s-" + sanction).update();
        List<String> outcomes = parallel(16, () -> misuse.defend(sanction, centre, "Ons verweer").id());
        assertThat(outcomes).filteredOn(o -> o.startsWith("ok:")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("ok:")).hasSize(15)
                .allMatch(o -> o.equals("sanction.defenceGiven") || o.equals("sanction.notProposed"));
    }

    @Test
    void theLastFreePlaceOfASiteGoesToOneClientOfSixteen() throws Exception {
        CurrentUser mediator = users.find("mediator").orElseThrow();
        UUID site = jdbc.sql("select site_id from gd_site_capacity where offer_code = 'BASIC' order by site_id limit 1").query(UUID.class).single();
        int taken = jdbc.sql("select count(*) from gd_trajectory where site_id = ? and offer_code = 'BASIC' and status = 'ACTIVE'")
                .param(site).query(Integer.class).single();
        int capacity = jdbc.sql("select capacity from gd_site_capacity where site_id = ? and offer_code = 'BASIC'").param(site)
                .query(Integer.class).single();
        jdbc.sql("update gd_site_capacity set capacity = ? where site_id = ? and offer_code = 'BASIC'").params(taken + 1, site).update();
        try {
            raceForTheLastPlace(site, taken, mediator);
        } finally {
            // other tests choose this site too: give it back its capacity (plus the place this test used)
            jdbc.sql("update gd_site_capacity set capacity = ? where site_id = ? and offer_code = 'BASIC'")
                    .params(Math.max(capacity, taken + 1) + 1, site).update();
        }
    }

    private void raceForTheLastPlace(UUID site, int taken, CurrentUser mediator) throws Exception {
        List<UUID> referrals = new ArrayList<>();
        for (UUID person : jdbc.sql("""
                select p.id from person p where p.persona is null and not exists (select 1 from gd_referral r where r.person_id = p.id)
                and not exists (select 1 from gd_trajectory t where t.person_id = p.id) order by p.id limit 16""").query(UUID.class).list()) {
            UUID assessment = UUID.randomUUID();
            jdbc.sql("""
                    insert into gd_assessment (id, person_id, assessment_started, decided_on, job_target, indication, context_factors,
                      proposed_product, product, explanation, mediator) values (?,?,?,?,'x','NONE','{}','BASIC','BASIC','x','mediator')""")
                    .params(assessment, person, today().minusDays(5), today().minusDays(2)).update();
            UUID referral = UUID.randomUUID();
            jdbc.sql("""
                    insert into gd_referral (id, assessment_id, person_id, offer_code, referred_on, choose_by, status)
                    values (?,?,?,'BASIC',?,?,'WAITING')""").params(referral, assessment, person, today().minusDays(2), today().plusDays(12)).update();
            referrals.add(referral);
        }
        assertThat(referrals).hasSize(16);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<String> outcomes = parallel(16, () -> trajectories.choose(referrals.get(next.getAndIncrement()), site, mediator).id());
        assertThat(outcomes).filteredOn(o -> o.startsWith("ok:")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("ok:")).hasSize(15).allMatch(o -> o.equals("guidance.noCapacity"));
        assertThat(jdbc.sql("select count(*) from gd_trajectory where site_id = ? and offer_code = 'BASIC' and status = 'ACTIVE'")
                .param(site).query(Integer.class).single()).isEqualTo(taken + 1);
    }

    // ---- 4. retries are safe: same key → same answer, one effect, one audit record ----

    @Test
    void parallelRetriesOfOneKeyHaveOneEffectAndTheSameAnswer() throws Exception {
        CurrentUser mediator = users.find("mediator").orElseThrow();
        UUID person = registration.register(TestPeople.person("Retry", List.of("LETTER"), null, null, "Kouter 2"), mediator);

        // dossier entry ×8
        List<String> entries = parallel(8, () -> dossier.add(person, "NOTE", "SHARED", "Gesprek", "Tekst", today(), "retry-entry", mediator));
        assertThat(Set.copyOf(entries)).hasSize(1).allMatch(o -> o.startsWith("ok:"));
        assertThat(jdbc.sql("select count(*) from dossier_entry where person_id = ? and title = 'Gesprek'").param(person)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(audit.count(person, AuditTrail.Action.WRITE, "DOSSIER")).isEqualTo(1);

        // assessment ×8
        Assessments.AssessmentInput in = new Assessments.AssessmentInput(person, "Magazijnier", Routing.Indication.NONE, Map.of(),
                "BASIC", null, List.of(), null, "retry-assessment-" + person);
        List<String> assessed = parallel(8, () -> assessments.record(in, mediator).id());
        assertThat(Set.copyOf(assessed)).hasSize(1).allMatch(o -> o.startsWith("ok:"));
        assertThat(jdbc.sql("select count(*) from gd_assessment where person_id = ?").param(person).query(Long.class).single()).isEqualTo(1);

        // choice ×5: the same choice is the same trajectory
        UUID referral = assessments.referralsOf(person, mediator).get(0).id();
        UUID site = jdbc.sql("""
                select c.site_id from gd_site_capacity c join gd_contract k on k.partner_id = (select partner_id from gd_site where id = c.site_id)
                where c.offer_code = 'BASIC' and k.offer_code = 'BASIC' and k.status = 'ACTIVE' and c.capacity >
                  (select count(*) from gd_trajectory t where t.site_id = c.site_id and t.offer_code = 'BASIC' and t.status = 'ACTIVE')
                order by c.site_id desc limit 1""").query(UUID.class).single();
        List<String> chosen = parallel(5, () -> trajectories.choose(referral, site, mediator).id());
        assertThat(Set.copyOf(chosen)).hasSize(1).allMatch(o -> o.startsWith("ok:"));
        assertThat(jdbc.sql("select count(*) from gd_trajectory where referral_id = ?").param(referral).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void parallelVoucherRequestsAndComplaintsWithOneKeyMakeOneOfEach() throws Exception {
        CurrentUser admin = users.find("admin").orElseThrow();
        String name = "retry-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = registration.register(TestPeople.person("Vera", List.of("EMAIL"), name + "@mail.example", null, "Kerkstraat 1"), admin);
        users.create(name, "werkregie", "Vera", null, person, "nl", Set.of(Role.CITIZEN));
        CurrentUser me = users.find(name).orElseThrow();
        Vouchers.Declaration d = new Vouchers.Declaration(Eligibility.WorkSituation.EMPLOYED, today().minusYears(10), true, false,
                "Bouwgroep Schelde", null);
        List<String> requested = parallel(10, () -> vouchers.request(person, d, "retry-voucher", me).id());
        assertThat(Set.copyOf(requested)).hasSize(1).allMatch(o -> o.startsWith("ok:"));
        assertThat(jdbc.sql("select count(*) from vc_voucher where person_id = ?").param(person).query(Long.class).single()).isEqualTo(1);

        UUID voucher = UUID.fromString(requested.get(0).substring(3));
        List<String> complaints = parallel(3, () -> quality.fileComplaint(voucher, person, "ALLOCATION", today(), "Te lang gewacht",
                "retry-complaint", me));
        assertThat(Set.copyOf(complaints)).hasSize(1).allMatch(o -> o.startsWith("ok:"));
        assertThat(jdbc.sql("select count(*) from vc_complaint where voucher_id = ?").param(voucher).query(Long.class).single()).isEqualTo(1);
    }
}
