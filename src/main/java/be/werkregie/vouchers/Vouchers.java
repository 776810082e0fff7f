package be.werkregie.vouchers;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Role;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Money;
import be.werkregie.shared.NationalNumber;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests, hand-over and registration of career vouchers. */
@Service
public class Vouchers {

    /** The ten career themes of the registration (+ other). */
    public static final List<String> THEMES = List.of("JOB_TARGET", "LABOUR_MARKET", "QUALITIES", "WORKABLE_WORK", "GROWTH",
            "MEANING", "MOTIVES", "WORK_LIFE_BALANCE", "RELATIONS", "LEADERSHIP", "OTHER");
    public static final List<String> MODES = List.of("FACE_TO_FACE", "E_COACHING");
    private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final String COLUMNS = """
            v.id, v.code, v.person_id, v.package_start, v.number_in_package, v.requested_on, v.valid_until, v.hours,
            v.rules_version, v.contribution, v.contribution_paid_at is not null, v.status, v.centre_id, o.name, v.taken_over_on,
            v.themes, v.career_question, v.agreement_present, v.attendance_present, v.pop_present, v.synthesis_on,
            v.aftercare_on, v.used_half_hours, v.pop_text
            """;

    private final JdbcClient jdbc;
    private final VoucherSettings settings;
    private final AuditTrail audit;
    private final PaymentProvider payments;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.transaction.support.TransactionTemplate batch;

    /**
     * Registers a batch in one database commit: every item still has its own key, rules and audit (a refused item
     * changes nothing and is answered with its problems); the answer is sent after the one commit.
     */
    public <T> T inOneCommit(java.util.function.Supplier<T> work) {
        return batch.execute(status -> work.get());
    }

    private final be.werkregie.platform.Idempotency idempotency;

    private final be.werkregie.people.PersonDirectory people;

    private final be.werkregie.platform.Locks locks;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final be.werkregie.policy.Policies policies;

    Vouchers(be.werkregie.policy.Policies policies, org.springframework.context.ApplicationEventPublisher events, be.werkregie.platform.Locks locks, be.werkregie.people.PersonDirectory people, be.werkregie.platform.Idempotency idempotency, JdbcClient jdbc, VoucherSettings settings, AuditTrail audit, PaymentProvider payments, Clock clock, org.springframework.transaction.PlatformTransactionManager txManager) {
        this.policies = policies;
        this.events = events;
        this.locks = locks;
        this.people = people;
        this.idempotency = idempotency;
        // one registration = one transaction; inside a batch (inOneCommit) it joins the batch's one transaction: the
        // registration is one statement that never fails on a rule, so a refused item has changed nothing
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(txManager);
        this.batch = new org.springframework.transaction.support.TransactionTemplate(txManager);
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
        this.payments = payments;
        this.clock = clock;
    }

    /** What a person declares when checking the right or requesting a voucher. */
    public record Declaration(Eligibility.WorkSituation situation, LocalDate experienceSince, Boolean ownInitiative,
                              Boolean inOutplacement, String employerName, String sector) {}

    public Eligibility.Result check(UUID personId, Declaration d) {
        validate(d);
        return Eligibility.evaluate(facts(d, today()), past(personId), settings, day -> VoucherPolicies.rulesOn(policies, day));
    }

    /**
     * Requests a voucher for the person. Idempotent on {@code requestKey}: a retry returns the first voucher. Refused
     * with a {@link VoucherRefusedException} that explains the rule and the date the person will qualify.
     */
    @Transactional
    public Voucher request(UUID personId, Declaration d, String requestKey, CurrentUser actor) {
        new Validator().required("requestKey", requestKey, 100).throwIfInvalid();
        validate(d);
        // same key → the first request's voucher, also for a parallel double submit (it waits for the first)
        UUID id = idempotency.once("voucher-request", personId, requestKey, d, () -> requestNew(personId, d, personId + ":" + requestKey, actor));
        return find(id).orElseThrow();
    }

    private UUID requestNew(UUID personId, Declaration d, String key, CurrentUser actor) {
        // one request at a time per person, so two parallel requests cannot both use the last voucher of a window
        if (!people.exists(personId)) {
            throw new NotFoundException("person");
        }
        locks.lock("voucher-request", personId);
        LocalDate today = today();
        Eligibility.Result r = Eligibility.evaluate(facts(d, today), past(personId), settings, day -> VoucherPolicies.rulesOn(policies, day));
        if (!r.eligible()) {
            throw new VoucherRefusedException(r);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                  rules_version, contribution, status, employer_name, sector, request_key)
                values (?,?,?,?,?,?,?,?,?,?,'AWAITING_PAYMENT',?,?,?)""")
                .params(id, newCode(today), personId, r.packageStart(), r.numberInPackage(), today,
                        today.plusWeeks(policies.integerOn(VoucherPolicies.VALIDITY_WEEKS, today)), r.hours(), r.rulesVersion(),
                        policies.decimalOn(VoucherPolicies.CONTRIBUTION, today),
                        blankToNull(d.employerName()), blankToNull(d.sector()), key)
                .update();
        String reference = payments.start(id, new Money(policies.decimalOn(VoucherPolicies.CONTRIBUTION, today)), "Loopbaancheque");
        jdbc.sql("update vc_voucher set payment_reference = ? where id = ?").params(reference, id).update();
        audit.record(actor, personId, AuditTrail.Action.WRITE, "VOUCHERS", "voucher requested", "number " + r.numberInPackage());
        return id;
    }

    /** The citizen confirms the €40 contribution; once the provider reports it paid, the voucher is issued and sent. */
    /**
     * Where the citizen pays the contribution of a voucher awaiting payment: the provider's payment page, which returns
     * to {@code returnPath}. A reference the provider does not know (made by another provider) is started again.
     */
    @Transactional
    public String checkoutUrl(UUID voucherId, UUID personId, String returnPath) {
        Voucher v = find(voucherId).filter(x -> x.personId().equals(personId)).orElseThrow(() -> new NotFoundException("voucher"));
        if (v.status() != Voucher.Status.AWAITING_PAYMENT) {
            throw InvalidInputException.of("payment", "voucher.alreadyPaid");
        }
        String reference = jdbc.sql("select payment_reference from vc_voucher where id = ?").param(voucherId).query(String.class).single();
        if (!payments.knows(reference)) {
            LocalDate today = LocalDate.now(clock);
            reference = payments.start(voucherId, new Money(policies.decimalOn(VoucherPolicies.CONTRIBUTION, today)), "Loopbaancheque " + v.code());
            jdbc.sql("update vc_voucher set payment_reference = ? where id = ? and status = 'AWAITING_PAYMENT'").params(reference, voucherId).update();
        }
        return payments.checkoutUrl(reference, returnPath);
    }

    /** The provider's reference of the voucher's contribution (for the receipt). */
    public String paymentReference(UUID voucherId) {
        return jdbc.sql("select payment_reference from vc_voucher where id = ?").param(voucherId).query(String.class).single();
    }

    @Transactional
    public Voucher confirmContribution(UUID voucherId, UUID personId, CurrentUser actor) {
        Voucher v = find(voucherId).filter(x -> x.personId().equals(personId)).orElseThrow(() -> new NotFoundException("voucher"));
        if (v.status() != Voucher.Status.AWAITING_PAYMENT) {
            return v; // a retried confirmation changes nothing
        }
        String reference = jdbc.sql("select payment_reference from vc_voucher where id = ?").param(voucherId).query(String.class).single();
        if (!payments.isPaid(reference)) {
            throw InvalidInputException.of("payment", "voucher.notPaid");
        }
        var move = v.payContribution();
        int changed = jdbc.sql("""
                update vc_voucher set contribution_paid_at = ?, status = ? where id = ? and status = ?""")
                .params(java.time.OffsetDateTime.now(clock), move.toName(), voucherId, move.fromName()).update();
        if (changed == 1) {
            audit.record(actor, personId, AuditTrail.Action.WRITE, "VOUCHERS", "contribution paid", v.code());
            events.publishEvent(new VoucherIssued(voucherId, personId, v.code(), v.validUntil(), v.hours()));
        }
        return find(voucherId).orElseThrow();
    }

    public List<Voucher> ofPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from vc_voucher v left join identity_v_organisation o on o.id = v.centre_id"
                        + " where v.person_id = ? order by v.requested_on desc, v.number_in_package desc")
                .param(personId).query(this::map).list();
    }

    public Optional<Voucher> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from vc_voucher v left join identity_v_organisation o on o.id = v.centre_id where v.id = ?")
                .param(id).query(this::map).optional();
    }

    /** A voucher of the signed-in centre; another centre's voucher does not exist for this caller. */
    public Voucher ofCentre(UUID voucherId, CurrentUser actor) {
        UUID centre = centreOf(actor);
        Voucher v = find(voucherId).filter(x -> centre.equals(x.centreId())).orElseThrow(() -> new NotFoundException("voucher"));
        audit.record(actor, v.personId(), AuditTrail.Action.READ, "VOUCHERS", "guidance registration", v.code());
        return v;
    }

    public List<Voucher> ofCentre(CurrentUser actor) {
        List<Voucher> list = jdbc.sql("select " + COLUMNS + " from vc_voucher v left join identity_v_organisation o on o.id = v.centre_id"
                        + " where v.centre_id = ? order by v.taken_over_on desc limit 500")
                .param(centreOf(actor)).query(this::map).list();
        audit.recordReads(actor, list.stream().map(Voucher::personId).toList(), "VOUCHERS", "centre's voucher list");
        return list;
    }

    /** The names a centre sees for its own clients (one query); every name shown is an audited read. */
    public java.util.Map<UUID, String> clientNames(List<Voucher> list, CurrentUser actor) {
        UUID centre = centreOf(actor);
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        if (list.isEmpty()) {
            return names;
        }
        List<Voucher> own = list.stream().filter(v -> centre.equals(v.centreId())).toList();
        jdbc.sql("""
                select v.id, p.first_name || ' ' || p.last_name from vc_voucher v join people_v_person p on p.id = v.person_id
                where v.centre_id = ? and v.id = any(?)""")
                .params(centre, own.stream().map(Voucher::id).toArray(UUID[]::new))
                .query((rs, i) -> names.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        audit.recordReads(actor, own.stream().map(Voucher::personId).toList(), "VOUCHERS", "client names");
        return names;
    }

    /**
     * The citizen hands the voucher to a centre, which takes it over with the voucher code and the citizen's national
     * number, within the voucher's 12-week validity. Idempotent for the same centre.
     */
    @Transactional
    public Voucher takeOver(String code, String nationalNumber, CurrentUser actor) {
        UUID centre = centreOf(actor);
        Validator v = new Validator().required("code", code, 40).required("nationalNumber", nationalNumber, 20);
        v.throwIfInvalid();
        NationalNumber.problem(nationalNumber).ifPresent(p -> {
            throw InvalidInputException.of("nationalNumber", p);
        });
        // the national number is resolved by the people module (its table is not ours); then the voucher row is locked
        UUID holder = people.idByNationalNumber(NationalNumber.of(nationalNumber).value())
                .orElseThrow(() -> InvalidInputException.of("code", "voucher.unknown"));
        Voucher found = jdbc.sql("select " + COLUMNS + " from vc_voucher v left join identity_v_organisation o on o.id = v.centre_id"
                        + " where upper(v.code) = ? and v.person_id = ? for update of v")
                .params(code.trim().toUpperCase(), holder).query(this::map).optional()
                .orElseThrow(() -> InvalidInputException.of("code", "voucher.unknown"));
        if (found.status() == Voucher.Status.IN_GUIDANCE && centre.equals(found.centreId())) {
            return found;
        }
        LocalDate today = today();
        var move = found.takeOver(today);
        be.werkregie.shared.ConflictException.unlessChanged(
                jdbc.sql("update vc_voucher set centre_id = ?, taken_over_on = ?, status = ? where id = ? and status = ?")
                        .params(centre, today, move.toName(), found.id(), move.fromName()).update(), "code", "voucher.alreadyTaken");
        audit.record(actor, found.personId(), AuditTrail.Action.WRITE, "VOUCHERS", "voucher taken over", found.code());
        return find(found.id()).orElseThrow();
    }

    /** One session to register, in half hours. */
    public record SessionInput(LocalDate date, LocalTime startTime, Integer halfHours, String mode, UUID coachId) {}

    /**
     * Registers a session. Idempotent per centre on the client-supplied key: a retry returns the first session and
     * changes nothing. Hours can never exceed the voucher's hours: one statement raises the voucher's counter only when
     * the session fits (PostgreSQL re-checks that condition on the newest row when registrations race) and inserts the
     * session; a rejected registration is explained field by field, and changes nothing.
     */
    public UUID registerSession(UUID voucherId, SessionInput in, String idempotencyKey, CurrentUser actor) {
        UUID centre = centreOf(actor);
        Validator val = new Validator().required("idempotencyKey", idempotencyKey, 100);
        val.check(in.date() != null, "date", "validation.date");
        val.pastOrToday("date", in.date(), clock);
        val.check(in.halfHours() != null && in.halfHours() >= 1, "halfHours", "voucher.halfHoursPositive");
        val.range("halfHours", in.halfHours(), 1, 16); // one session is at most a working day (8 hours)
        val.check(in.mode() != null && MODES.contains(in.mode()), "mode", "validation.choice");
        val.throwIfInvalid();
        String key = centre + ":" + idempotencyKey.trim();
        try {
            // a refusal is returned, not thrown, inside the transaction: in a batch the one transaction goes on
            Object outcome = transactions.execute(status -> register(voucherId, centre, in, key, actor));
            if (outcome instanceof RuntimeException refused) {
                throw refused;
            }
            return (UUID) outcome;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same key raced with itself: the first registration won, this retry returns it
            return jdbc.sql("select id from vc_session where idempotency_key = ?").param(key).query(UUID.class).single();
        }
    }

    /** The new (or earlier) session's id, or the refusal as an exception to throw outside the transaction. */
    private Object register(UUID voucherId, UUID centre, SessionInput in, String key, CurrentUser actor) {
        UUID id = UUID.randomUUID();
        record Outcome(UUID existing, UUID inserted, UUID personId) {}
        // One statement decides: the voucher row is locked and re-read at its newest version (FOR UPDATE re-checks the
        // conditions after a concurrent registration), the session is inserted only when it fits, and a key that exists
        // (a retry, or the same key racing with itself) inserts nothing and changes no counter. The statement never
        // fails on a rule, so a batch needs no savepoint per item.
        Outcome o = jdbc.sql("""
                with v as (
                  select v.id, v.person_id from vc_voucher v
                  where v.id = :voucher and v.centre_id = :centre and v.status = :status
                    and (v.taken_over_on is null or v.taken_over_on <= :date)
                    and v.used_half_hours + :hh <= v.hours * 2
                    and (cast(:coach as uuid) is null or exists (select 1 from vc_coach_centre k
                         where k.coach_id = cast(:coach as uuid) and k.organisation_id = :centre and k.accepted_at is not null))
                  for update of v),
                ins as (
                  insert into vc_session (id, voucher_id, centre_id, coach_id, session_date, start_time, half_hours, mode,
                    idempotency_key, registered_by)
                  select :id, v.id, :centre, cast(:coach as uuid), :date, :start, :hh, :mode, :key, :user from v
                  on conflict (idempotency_key) do nothing
                  returning id),
                upd as (
                  update vc_voucher x set used_half_hours = x.used_half_hours + :hh
                  where x.id = :voucher and exists (select 1 from ins)
                  returning x.person_id)
                select (select id from vc_session where idempotency_key = :key), (select id from ins), (select person_id from upd)""")
                .param("key", key).param("hh", in.halfHours()).param("voucher", voucherId).param("centre", centre)
                .param("status", Voucher.Status.IN_GUIDANCE.name())
                .param("date", in.date()).param("coach", in.coachId()).param("id", id).param("start", in.startTime())
                .param("mode", in.mode()).param("user", actor.username())
                .query((rs, i) -> new Outcome(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .single();
        if (o.inserted() == null && o.existing() != null) {
            return o.existing(); // the key was used before: the first registration's answer
        }
        if (o.inserted() == null) {
            // the same key may have been committed by a parallel request while this statement waited
            var raced = jdbc.sql("select id from vc_session where idempotency_key = ?").param(key).query(UUID.class).optional();
            if (raced.isPresent()) {
                return raced.get();
            }
            return whyRefused(voucherId, centre, in);
        }
        audit.record(actor, o.personId(), AuditTrail.Action.WRITE, "VOUCHERS", "session registered",
                in.date() + " " + in.halfHours() + " half hours " + in.mode());
        events.publishEvent(new SessionRegistered(o.inserted(), voucherId, centre, in.date(), in.halfHours(), in.mode()));
        return o.inserted();
    }

    /** The reason a registration was refused, in the words of the rules (read after the refusal; nothing changed). */
    private RuntimeException whyRefused(UUID voucherId, UUID centre, SessionInput in) {
        Voucher v = find(voucherId).filter(x -> centre.equals(x.centreId())).orElse(null);
        if (v == null) {
            return new NotFoundException("voucher");
        }
        Validator rules = new Validator();
        rules.check(v.acceptsSessions(), "voucherId", "voucher.notInGuidance");
        rules.check(v.takenOverOn() == null || !in.date().isBefore(v.takenOverOn()), "date", "voucher.beforeTakeOver",
                v.takenOverOn());
        rules.check(in.halfHours() <= v.halfHoursLeft(), "halfHours", "voucher.overLimit", v.halfHoursLeft(), v.hours());
        if (in.coachId() != null) {
            boolean works = jdbc.sql("select count(*) from vc_coach_centre where coach_id = ? and organisation_id = ? and accepted_at is not null")
                    .params(in.coachId(), centre).query(Long.class).single() > 0;
            rules.check(works, "coachId", "voucher.unknownCoach");
        }
        try {
            rules.throwIfInvalid();
        } catch (InvalidInputException e) {
            return e;
        }
        return InvalidInputException.of("voucherId", "voucher.notInGuidance");
    }

    public List<Session> sessions(UUID voucherId) {
        return jdbc.sql("""
                select s.id, s.voucher_id, s.coach_id, c.name, s.session_date, s.start_time, s.half_hours, s.mode,
                  s.payment_run_id is not null, s.cancelled_at is not null, s.cancel_reason
                from vc_session s left join vc_coach c on c.id = s.coach_id where s.voucher_id = ? order by s.session_date, s.start_time""")
                .param(voucherId).query((rs, i) -> new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalTime.class), rs.getInt(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10),
                        rs.getString(11)))
                .list();
    }

    /**
     * Cancels a session registered by mistake, with a reason, until a payment run has claimed it: a guarded
     * compare-and-set (not paid, not cancelled) that gives the half hours back to the voucher in the same transaction.
     * A payment run racing it claims the session or leaves it, never both. Cancelling again changes nothing.
     */
    @Transactional
    public void cancelSession(UUID sessionId, String reason, CurrentUser actor) {
        record Row(UUID voucherId, UUID centreId, int halfHours, boolean paid, boolean cancelled, UUID personId) {}
        Row row = jdbc.sql("""
                select s.voucher_id, s.centre_id, s.half_hours, s.payment_run_id is not null, s.cancelled_at is not null, v.person_id
                from vc_session s join vc_voucher v on v.id = s.voucher_id where s.id = ?""").param(sessionId)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getObject(6, UUID.class)))
                .optional().filter(r -> r.centreId().equals(actor.organisationId())).orElseThrow(() -> new NotFoundException("session"));
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "session.cancelReasonRequired");
        }
        int changed = jdbc.sql("""
                update vc_session set cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                where id = ? and payment_run_id is null and cancelled_at is null""")
                .params(java.time.OffsetDateTime.now(clock), actor.username(), reason.trim(), sessionId).update();
        if (changed == 0) {
            if (jdbc.sql("select payment_run_id is not null from vc_session where id = ?").param(sessionId).query(Boolean.class).single()) {
                throw InvalidInputException.of("sessionId", "session.alreadyPaid");
            }
            return; // already cancelled: a retry
        }
        jdbc.sql("update vc_voucher set used_half_hours = used_half_hours - ? where id = ?").params(row.halfHours(), row.voucherId()).update();
        audit.record(actor, row.personId(), AuditTrail.Action.WRITE, "VOUCHERS", "session cancelled", reason.trim());
    }

    /** Whether the voucher already has a session on that day at that time of that length (a likely double registration). */
    public boolean hasIdenticalSession(UUID voucherId, LocalDate date, LocalTime start, int halfHours) {
        return jdbc.sql("""
                select exists (select 1 from vc_session where voucher_id = ? and session_date = ? and half_hours = ?
                  and start_time is not distinct from ? and cancelled_at is null)""")
                .params(voucherId, date, halfHours, start).query(Boolean.class).single();
    }

    /** The guidance record of a voucher: themes, career question, mandatory documents, synthesis and aftercare. */
    public record GuidanceInput(List<String> themes, String careerQuestion, Boolean agreementPresent, Boolean attendancePresent,
                                Boolean popPresent, LocalDate synthesisOn, LocalDate aftercareOn, String popText) {
        public GuidanceInput(List<String> themes, String careerQuestion, Boolean agreementPresent, Boolean attendancePresent,
                             Boolean popPresent, LocalDate synthesisOn, LocalDate aftercareOn) {
            this(themes, careerQuestion, agreementPresent, attendancePresent, popPresent, synthesisOn, aftercareOn, null);
        }
    }

    @Transactional
    public Voucher updateGuidance(UUID voucherId, GuidanceInput in, CurrentUser actor) {
        Voucher v = ofCentre(voucherId, actor);
        List<String> themes = in.themes() == null ? List.of() : in.themes().stream().distinct().toList();
        Validator val = new Validator();
        val.check(THEMES.containsAll(themes), "themes", "validation.choice");
        val.text("careerQuestion", in.careerQuestion(), 2000);
        val.text("popText", in.popText(), 20000);
        val.pastOrToday("synthesisOn", in.synthesisOn(), clock);
        val.pastOrToday("aftercareOn", in.aftercareOn(), clock);
        if (in.synthesisOn() != null && v.takenOverOn() != null) {
            val.check(!in.synthesisOn().isBefore(v.takenOverOn()), "synthesisOn", "voucher.beforeTakeOver", v.takenOverOn());
        }
        if (in.aftercareOn() != null) {
            val.check(in.synthesisOn() != null && !in.aftercareOn().isBefore(in.synthesisOn()), "aftercareOn", "voucher.aftercareAfterSynthesis");
            int aftercare = in.synthesisOn() == null ? 0 : policies.integerOn(VoucherPolicies.AFTERCARE_MONTHS, in.synthesisOn());
            val.check(in.synthesisOn() == null || !in.aftercareOn().isAfter(in.synthesisOn().plusMonths(aftercare)),
                    "aftercareOn", "voucher.aftercareWindow", aftercare);
        }
        if (in.synthesisOn() != null) {
            val.check(Boolean.TRUE.equals(in.popPresent()) || in.popText() != null && !in.popText().isBlank(), "popPresent",
                    "voucher.popBeforeSynthesis");
        }
        val.throwIfInvalid();
        // the guidance record is kept while the voucher is in guidance or closed (a correction); the synthesis closes it
        val.check(v.status() == Voucher.Status.IN_GUIDANCE || v.status() == Voucher.Status.CLOSED, "voucherId", "voucher.notInGuidance");
        val.throwIfInvalid();
        var move = v.recordSynthesis(in.synthesisOn());
        boolean closing = move.isPresent();
        String popText = blankToNull(in.popText());
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update vc_voucher set themes = ?::text[], career_question = ?, agreement_present = ?, attendance_present = ?,
                  pop_present = ?, synthesis_on = ?, aftercare_on = ?, status = ?,
                  pop_text = coalesce(?, pop_text), pop_hash = coalesce(?, pop_hash)
                where id = ? and status = ?""")
                .params(themes.toArray(String[]::new), blankToNull(in.careerQuestion()), Boolean.TRUE.equals(in.agreementPresent()),
                        Boolean.TRUE.equals(in.attendancePresent()), Boolean.TRUE.equals(in.popPresent()) || popText != null,
                        in.synthesisOn(), in.aftercareOn(), closing ? move.get().toName() : v.status().name(), popText,
                        popText == null ? null : popHash(popText), voucherId, v.status().name())
                .update(), "voucherId", "voucher.changedMeanwhile");
        audit.record(actor, v.personId(), AuditTrail.Action.WRITE, "VOUCHERS", "guidance updated", v.code());
        if (closing) {
            events.publishEvent(new VoucherClosed(voucherId, v.personId(), v.centreId(), in.synthesisOn()));
        }
        return find(voucherId).orElseThrow();
    }

    /** The fingerprint of a POP: case, punctuation and spacing do not matter, so a copied POP is found. */
    static String popHash(String text) {
        String normal = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Vouchers not handed to a centre within their validity lapse (daily, and before every payment run). */
    @Transactional
    public int lapseExpired() {
        return jdbc.sql("update vc_voucher set status = ? where status = any(?) and valid_until < ?")
                .params(Voucher.Status.LAPSED.name(),
                        be.werkregie.shared.Lifecycle.names(Voucher.Status.LIFECYCLE.sources(Voucher.Status.LAPSED)), today())
                .update();
    }

    UUID centreOf(CurrentUser actor) {
        if (actor.organisationKind() != OrganisationKind.CAREER_CENTRE || !actor.hasAny(Role.PARTNER_STAFF, Role.PARTNER_MANAGER)) {
            throw new NotFoundException("voucher");
        }
        return actor.organisationId();
    }

    List<Eligibility.PastVoucher> past(UUID personId) {
        LocalDate today = today();
        return jdbc.sql("select package_start, requested_on, status, valid_until from vc_voucher where person_id = ?")
                .param(personId).query((rs, i) -> {
                    String status = rs.getString(3);
                    LocalDate validUntil = rs.getObject(4, LocalDate.class);
                    boolean lapsed = status.equals("LAPSED") || status.equals("CANCELLED")
                            || (status.equals("AWAITING_PAYMENT") || status.equals("ISSUED")) && validUntil.isBefore(today);
                    boolean open = !lapsed && (status.equals("ISSUED") || status.equals("AWAITING_PAYMENT"));
                    return new Eligibility.PastVoucher(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                            !lapsed, open);
                }).list();
    }

    private void validate(Declaration d) {
        Validator v = new Validator();
        v.check(d.situation() != null, "situation", "validation.choice");
        v.check(d.experienceSince() != null, "experienceSince", "validation.date");
        v.pastOrToday("experienceSince", d.experienceSince(), clock);
        v.check(d.experienceSince() == null || d.experienceSince().getYear() >= 1940, "experienceSince", "validation.date");
        v.check(d.ownInitiative() != null, "ownInitiative", "validation.choice");
        v.check(d.inOutplacement() != null, "inOutplacement", "validation.choice");
        v.text("employerName", d.employerName(), 200);
        v.text("sector", d.sector(), 100);
        v.throwIfInvalid();
    }

    private static Eligibility.Facts facts(Declaration d, LocalDate on) {
        return new Eligibility.Facts(on, d.situation(), d.experienceSince(), d.ownInitiative(), d.inOutplacement());
    }

    private String newCode(LocalDate on) {
        StringBuilder b = new StringBuilder("LC").append(on.getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            b.append(CODE_CHARS[random.nextInt(CODE_CHARS.length)]);
        }
        return b.toString();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Voucher map(ResultSet rs, int i) throws SQLException {
        Array themes = rs.getArray(16);
        Voucher.Status status = Voucher.Status.valueOf(rs.getString(12));
        LocalDate validUntil = rs.getObject(7, LocalDate.class);
        if (Voucher.Status.lapses(status, validUntil, today())) {
            status = Voucher.Status.LAPSED;
        }
        return new Voucher(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class),
                rs.getInt(5), rs.getObject(6, LocalDate.class), validUntil, rs.getInt(8), rs.getObject(9, LocalDate.class),
                rs.getBigDecimal(10), rs.getBoolean(11), status, rs.getObject(13, UUID.class), rs.getString(14),
                rs.getObject(15, LocalDate.class), themes == null ? List.of() : Arrays.asList((String[]) themes.getArray()),
                rs.getString(17), rs.getBoolean(18), rs.getBoolean(19), rs.getBoolean(20), rs.getObject(21, LocalDate.class),
                rs.getObject(22, LocalDate.class), rs.getInt(23), rs.getString(24));
    }
}
