package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Misuse detection in the user–employer–centre relation, the case workflow and sanctions.
 *
 * <p>Every pattern compares an observed number with a configurable threshold and scores
 * {@code min(100, 50 × observed / threshold)}: 50 at the threshold, 100 at twice the threshold. The case stores the
 * observed number, the threshold, the period and the evidence (voucher codes), so that the score explains itself.
 * Patterns:
 * <ul>
 *   <li>EMPLOYER_CLUSTER: many vouchers of one employer's staff taken over by one centre within a short window;</li>
 *   <li>OFF_HOURS: sessions registered outside plausible hours or on a Sunday;</li>
 *   <li>OVERLOADED_COACH_DAY: days on which one coach registered more half hours than a working day holds;</li>
 *   <li>IDENTICAL_POP: the same POP text in dossiers of different clients.</li>
 * </ul>
 * A case goes OPEN → INVESTIGATING → FOUNDED or UNFOUNDED. Only a founded case can lead to a sanction (payment reduction,
 * recovery, mandate suspension or revocation); a sanction is PROPOSED first and can only become FINAL after the
 * centre's defence period (15 days by default) has passed.
 */
@Service
public class Misuse {

    private static final Logger log = LoggerFactory.getLogger(Misuse.class);

    public static final List<String> PATTERNS = List.of("EMPLOYER_CLUSTER", "OFF_HOURS", "OVERLOADED_COACH_DAY", "IDENTICAL_POP");
    public static final List<String> SANCTION_KINDS = List.of("PAYMENT_REDUCTION", "RECOVERY", "MANDATE_SUSPENSION",
            "MANDATE_REVOCATION");

    public record Case(UUID id, UUID centreId, String centreName, String pattern, int observed, int threshold, BigDecimal score,
                       String subject, List<String> evidence, LocalDate periodFrom, LocalDate periodTo, String explanation,
                       LocalDate detectedOn, Status status, String decisionNote, String decidedBy, LocalDate decidedOn) {

        /** Open → investigating → founded or unfounded (the reasoning recorded); only a founded case leads to a sanction. */
        public enum Status {
            OPEN, INVESTIGATING, FOUNDED, UNFOUNDED;

            public static final be.werkregie.shared.Lifecycle<Status> LIFECYCLE = be.werkregie.shared.Lifecycle.of(Status.class)
                    .from(OPEN, INVESTIGATING)
                    .from(INVESTIGATING, FOUNDED, UNFOUNDED)
                    .build();
        }

        public be.werkregie.shared.Lifecycle.Transition<Status> conclude(boolean founded) {
            return Status.LIFECYCLE.move(status, founded ? Status.FOUNDED : Status.UNFOUNDED, "status", "misuse.notInvestigating");
        }
    }

    public record Sanction(UUID id, UUID centreId, String centreName, UUID caseId, String kind, Money amount, String motivation,
                           LocalDate proposedOn, LocalDate defenceUntil, String defence, LocalDate defenceOn, Status status,
                           String decisionNote, LocalDate finalOn) {

        /** Proposed (the centre may defend itself once, within the period) → final after the period, or withdrawn. */
        public enum Status {
            PROPOSED, FINAL, WITHDRAWN;

            public static final be.werkregie.shared.Lifecycle<Status> LIFECYCLE = be.werkregie.shared.Lifecycle.of(Status.class).from(PROPOSED, FINAL, WITHDRAWN).build();
        }

        public boolean isProposed() {
            return status == Status.PROPOSED;
        }

        /** Final or withdrawn, once; final only once the defence period is over. */
        public be.werkregie.shared.Lifecycle.Transition<Status> decide(boolean makeFinal, LocalDate today) {
            var move = Status.LIFECYCLE.move(status, makeFinal ? Status.FINAL : Status.WITHDRAWN, "status", "sanction.notProposed");
            if (makeFinal && !today.isAfter(defenceUntil)) {
                throw InvalidInputException.of("final", "sanction.defenceRunning", defenceUntil, defenceUntil.plusDays(1));
            }
            return move;
        }
    }

    public record SanctionInput(String kind, BigDecimal amount, String motivation, String requestKey) {}

    private final JdbcClient jdbc;
    private final VoucherSettings settings;
    private final CareerCentres centres;
    private final Clock clock;

    private final be.werkregie.policy.Policies policies;

    Misuse(be.werkregie.policy.Policies policies, JdbcClient jdbc, VoucherSettings settings, CareerCentres centres, Clock clock) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.settings = settings;
        this.centres = centres;
        this.clock = clock;
    }

    /** The explainable score: 50 at the threshold, 100 at twice the threshold. */
    static BigDecimal score(int observed, int threshold) {
        BigDecimal s = BigDecimal.valueOf(50L * observed).divide(BigDecimal.valueOf(Math.max(1, threshold)), 2, RoundingMode.HALF_UP);
        return s.min(BigDecimal.valueOf(100).setScale(2));
    }

    // ---- detection ----

    /**
     * Runs every pattern over the look-back period. Re-running is idempotent: a case is keyed by pattern, centre and
     * subject; an open case gets the newest figures, a decided case is left as it was.
     */
    @Transactional
    public int detect() {
        LocalDate to = today();
        VoucherSettings.Misuse m = VoucherPolicies.misuseOn(policies, settings, to);
        LocalDate from = to.minusMonths(m.lookbackMonths());
        int found = 0;
        // 1. many vouchers of one employer's staff at one centre within the window
        found += upsert("EMPLOYER_CLUSTER", m.employerMinVouchers(), jdbc.sql("""
                with w as (
                  select v.centre_id, lower(v.employer_name) emp, min(v.employer_name) over (partition by v.centre_id, lower(v.employer_name)) employer,
                    v.taken_over_on start_on,
                    count(*) over (partition by v.centre_id, lower(v.employer_name) order by v.taken_over_on
                                   range between current row and make_interval(days => :days) following) n
                  from vc_voucher v
                  where v.employer_name is not null and v.centre_id is not null and v.taken_over_on between :from and :to),
                best as (
                  select distinct on (centre_id, emp) centre_id, emp, employer, start_on, n from w
                  where n >= :min order by centre_id, emp, n desc, start_on)
                select b.centre_id, b.employer, b.n, b.start_on, b.start_on + :days,
                  array(select v.code from vc_voucher v where v.centre_id = b.centre_id and lower(v.employer_name) = b.emp
                        and v.taken_over_on between b.start_on and b.start_on + :days order by v.taken_over_on, v.code limit 25),
                  b.emp
                from best b""")
                .param("days", m.employerWindowDays()).param("from", from).param("to", to).param("min", m.employerMinVouchers())
                .query(Misuse::mapFinding).list());
        // 2. sessions outside plausible hours or on a Sunday
        found += upsert("OFF_HOURS", m.offHoursMinSessions(), jdbc.sql("""
                select s.centre_id, null, count(*), min(s.session_date), max(s.session_date),
                  (array_agg(distinct v.code)), extract(year from cast(:to as date))::text
                from vc_session s join vc_voucher v on v.id = s.voucher_id
                where s.session_date between :from and :to and s.cancelled_at is null
                  and (s.start_time < :early or s.start_time + make_interval(mins => 30 * s.half_hours) > :late
                       or s.start_time + make_interval(mins => 30 * s.half_hours) < s.start_time
                       or extract(isodow from s.session_date) = 7)
                group by s.centre_id having count(*) >= :min""")
                .param("from", from).param("to", to).param("early", m.plausibleFrom()).param("late", m.plausibleUntil())
                .param("min", m.offHoursMinSessions())
                .query(Misuse::mapFinding).list());
        // 3. a coach who registered more half hours in one day than a working day holds (over all centres)
        found += upsert("OVERLOADED_COACH_DAY", 1, jdbc.sql("""
                with d as (
                  select s.coach_id, s.session_date, sum(s.half_hours) hh from vc_session s
                  where s.coach_id is not null and s.session_date between :from and :to and s.cancelled_at is null
                  group by s.coach_id, s.session_date having sum(s.half_hours) > :max)
                select s.centre_id, min(c.name), count(distinct (d.coach_id, d.session_date)), min(d.session_date), max(d.session_date),
                  (array_agg(distinct v.code)), string_agg(distinct d.coach_id::text, ',')
                from d join vc_session s on s.coach_id = d.coach_id and s.session_date = d.session_date and s.cancelled_at is null
                join vc_voucher v on v.id = s.voucher_id join vc_coach c on c.id = d.coach_id
                group by s.centre_id""")
                .param("from", from).param("to", to).param("max", m.maxHalfHoursPerCoachDay())
                .query(Misuse::mapFinding).list());
        // 4. the same POP text in the dossiers of different clients of one centre
        found += upsert("IDENTICAL_POP", m.identicalPopMinClients(), jdbc.sql("""
                select v.centre_id, null, count(distinct v.person_id), min(v.taken_over_on), max(coalesce(v.synthesis_on, v.taken_over_on)),
                  (array_agg(v.code order by v.code)), v.pop_hash
                from vc_voucher v where v.pop_hash is not null and v.taken_over_on between :from and :to
                group by v.centre_id, v.pop_hash having count(distinct v.person_id) >= :min""")
                .param("from", from).param("to", to).param("min", m.identicalPopMinClients())
                .query(Misuse::mapFinding).list());
        log.info("Misuse detection: {} findings between {} and {}", found, from, to);
        return found;
    }

    private record Finding(UUID centreId, String subject, int observed, LocalDate from, LocalDate to, List<String> evidence,
                           String key) {}

    private static Finding mapFinding(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(6);
        List<String> evidence = a == null ? List.of() : Arrays.asList((String[]) a.getArray());
        evidence = evidence.subList(0, Math.min(25, evidence.size()));
        return new Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), evidence, rs.getString(7));
    }

    private int upsert(String pattern, int threshold, List<Finding> findings) {
        for (Finding f : findings) {
            BigDecimal score = score(f.observed(), threshold);
            String explanation = explain(pattern, f, threshold, score);
            jdbc.sql("""
                    insert into vc_misuse_case (id, centre_id, pattern, score, explanation, detected_on, status, case_key, observed,
                      threshold, subject, evidence, period_from, period_to)
                    values (?,?,?,?,?,?,'OPEN',?,?,?,?,?::text[],?,?)
                    on conflict (case_key) do update set score = excluded.score, explanation = excluded.explanation,
                      observed = excluded.observed, threshold = excluded.threshold, evidence = excluded.evidence,
                      period_from = excluded.period_from, period_to = excluded.period_to
                    where vc_misuse_case.status = 'OPEN'""")
                    .params(UUID.randomUUID(), f.centreId(), pattern, score, explanation, today(),
                            pattern + ":" + f.centreId() + ":" + f.key(), f.observed(), threshold, f.subject(),
                            f.evidence().toArray(String[]::new), f.from(), f.to())
                    .update();
        }
        return findings.size();
    }

    /** A plain explanation stored with the case (Dutch, the working language of the inspection). */
    static String explain(String pattern, Finding f, int threshold, BigDecimal score) {
        String why = switch (pattern) {
            case "EMPLOYER_CLUSTER" -> String.format("%d cheques van werknemers van %s overgenomen door dit centrum tussen %s en %s "
                    + "(drempel: %d binnen het venster)", f.observed(), f.subject(), f.from(), f.to(), threshold);
            case "OFF_HOURS" -> String.format("%d sessies geregistreerd buiten de plausibele uren of op zondag tussen %s en %s "
                    + "(drempel: %d)", f.observed(), f.from(), f.to(), threshold);
            case "OVERLOADED_COACH_DAY" -> String.format("%d dagen waarop coach %s meer halve uren registreerde dan een werkdag telt, "
                    + "tussen %s en %s (drempel: %d)", f.observed(), f.subject(), f.from(), f.to(), threshold);
            case "IDENTICAL_POP" -> String.format("hetzelfde POP bij %d verschillende klanten tussen %s en %s (drempel: %d)",
                    f.observed(), f.from(), f.to(), threshold);
            default -> pattern;
        };
        return why + String.format("; score = min(100, 50 × %d / %d) = %s", f.observed(), threshold, score.toPlainString());
    }

    // ---- cases ----

    private static final String CASE_SELECT = """
            select m.id, m.centre_id, o.name, m.pattern, m.observed, m.threshold, m.score, m.subject, m.evidence, m.period_from,
              m.period_to, m.explanation, m.detected_on, m.status, m.decision_note, m.decided_by, m.decided_on
            from vc_misuse_case m join identity_v_organisation o on o.id = m.centre_id""";

    private static Case mapCase(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(9);
        return new Case(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getInt(6), rs.getBigDecimal(7), rs.getString(8), a == null ? List.of() : Arrays.asList((String[]) a.getArray()),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                rs.getObject(13, LocalDate.class), Case.Status.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16),
                rs.getObject(17, LocalDate.class));
    }

    /** Cases, highest score first; status null gives all. */
    public List<Case> cases(String status) {
        return status == null
                ? jdbc.sql(CASE_SELECT + " order by m.score desc, m.detected_on desc, m.id limit 500").query(Misuse::mapCase).list()
                : jdbc.sql(CASE_SELECT + " where m.status = ? order by m.score desc, m.detected_on desc, m.id limit 500")
                        .param(status).query(Misuse::mapCase).list();
    }

    public Case find(UUID caseId) {
        return jdbc.sql(CASE_SELECT + " where m.id = ?").param(caseId).query(Misuse::mapCase).optional()
                .orElseThrow(() -> new NotFoundException("case"));
    }

    /** OPEN → INVESTIGATING. Repeating it changes nothing. */
    @Transactional
    public Case investigate(UUID caseId, CurrentUser actor) {
        Case c = find(caseId);
        if (c.status() == Case.Status.OPEN) {
            var move = Case.Status.LIFECYCLE.move(c.status(), Case.Status.INVESTIGATING, "status", "misuse.alreadyDecided");
            jdbc.sql("update vc_misuse_case set status = ?, decided_by = ? where id = ? and status = ?")
                    .params(move.toName(), actor.username(), caseId, move.fromName()).update();
        } else if (c.status() != Case.Status.INVESTIGATING) {
            throw InvalidInputException.of("status", "misuse.alreadyDecided");
        }
        return find(caseId);
    }

    /** INVESTIGATING → FOUNDED or UNFOUNDED, with the reasoning. */
    @Transactional
    public Case conclude(UUID caseId, Boolean founded, String note, CurrentUser actor) {
        Case c = find(caseId);
        Validator v = new Validator();
        v.check(c.status() == Case.Status.INVESTIGATING, "status", "misuse.notInvestigating");
        v.check(founded != null, "founded", "validation.choice");
        v.required("note", note, 5000);
        v.throwIfInvalid();
        var move = c.conclude(founded);
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql(
                        "update vc_misuse_case set status = ?, decision_note = ?, decided_by = ?, decided_on = ? where id = ? and status = ?")
                .params(move.toName(), note.trim(), actor.username(), today(), caseId, move.fromName()).update(),
                "status", "misuse.notInvestigating");
        return find(caseId);
    }

    // ---- sanctions ----

    private static final String SANCTION_SELECT = """
            select s.id, s.centre_id, o.name, s.misuse_case_id, s.kind, s.amount, s.motivation, s.proposed_on, s.defence_until,
              s.defence, s.defence_on, s.status, s.decision_note, s.final_on
            from vc_sanction s join identity_v_organisation o on o.id = s.centre_id""";

    private static Sanction mapSanction(ResultSet rs, int i) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(6);
        return new Sanction(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), amount == null ? null : new Money(amount), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), rs.getString(10), rs.getObject(11, LocalDate.class), Sanction.Status.valueOf(rs.getString(12)),
                rs.getString(13), rs.getObject(14, LocalDate.class));
    }

    public List<Sanction> sanctions() {
        return jdbc.sql(SANCTION_SELECT + " order by s.proposed_on desc, s.id limit 500").query(Misuse::mapSanction).list();
    }

    public List<Sanction> sanctionsOfCase(UUID caseId) {
        return jdbc.sql(SANCTION_SELECT + " where s.misuse_case_id = ? order by s.proposed_on, s.id").param(caseId)
                .query(Misuse::mapSanction).list();
    }

    /** The sanctions against the signed-in user's own centre: the centre can read them and put forward its defence. */
    public List<Sanction> sanctionsOfOwnCentre(UUID centreId) {
        return jdbc.sql(SANCTION_SELECT + " where s.centre_id = ? order by s.proposed_on desc, s.id").param(centreId)
                .query(Misuse::mapSanction).list();
    }

    private Sanction sanction(UUID id) {
        return jdbc.sql(SANCTION_SELECT + " where s.id = ?").param(id).query(Misuse::mapSanction).optional()
                .orElseThrow(() -> new NotFoundException("sanction"));
    }

    /**
     * Proposes a sanction on a founded case. The centre gets the defence period (15 days by default) to respond; the
     * sanction has no effect before it is made final. Idempotent on the request key.
     */
    @Transactional
    public Sanction propose(UUID caseId, SanctionInput in, CurrentUser actor) {
        Case c = find(caseId);
        Validator v = new Validator();
        v.required("requestKey", in.requestKey(), 100);
        v.check(c.status() == Case.Status.FOUNDED, "caseId", "misuse.notFounded");
        v.check(in.kind() != null && SANCTION_KINDS.contains(in.kind()), "kind", "validation.choice");
        boolean money = "PAYMENT_REDUCTION".equals(in.kind()) || "RECOVERY".equals(in.kind());
        if (money) {
            v.check(in.amount() != null && in.amount().signum() > 0 && in.amount().scale() <= 2
                    && in.amount().compareTo(new BigDecimal("1000000")) < 0, "amount", "sanction.amount");
        } else {
            v.check(in.amount() == null, "amount", "sanction.noAmount");
            v.check(centres.mandatesOf(c.centreId()).stream().anyMatch(CareerCentres.Mandate::running), "kind", "sanction.noMandate");
        }
        v.required("motivation", in.motivation(), 5000);
        v.throwIfInvalid();
        Optional<UUID> existing = jdbc.sql("select id from vc_sanction where request_key = ?").param(in.requestKey())
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            return sanction(existing.get());
        }
        UUID id = UUID.randomUUID();
        LocalDate today = today();
        int inserted = jdbc.sql("""
                insert into vc_sanction (id, centre_id, misuse_case_id, kind, amount, motivation, proposed_on, defence_until, status,
                  request_key, proposed_by) values (?,?,?,?,?,?,?,?,'PROPOSED',?,?) on conflict (request_key) do nothing""")
                .params(id, c.centreId(), caseId, in.kind(), money ? in.amount() : null, in.motivation().trim(), today,
                        today.plusDays(policies.integerOn(VoucherPolicies.DEFENCE_DAYS, today)), in.requestKey(), actor.username())
                .update();
        if (inserted == 0) {
            return sanction(jdbc.sql("select id from vc_sanction where request_key = ?").param(in.requestKey()).query(UUID.class).single());
        }
        return sanction(id);
    }

    /** The centre puts forward its defence, once, within the defence period. Another centre's sanction does not exist. */
    @Transactional
    public Sanction defend(UUID sanctionId, UUID ownCentreId, String defence) {
        Sanction s = sanction(sanctionId);
        if (!s.centreId().equals(ownCentreId)) {
            throw new NotFoundException("sanction");
        }
        Validator v = new Validator();
        v.check(s.isProposed(), "status", "sanction.notProposed");
        v.check(s.defence() == null, "defence", "sanction.defenceGiven");
        v.check(!today().isAfter(s.defenceUntil()), "defence", "sanction.defenceClosed", s.defenceUntil());
        v.required("defence", defence, 10000);
        v.throwIfInvalid();
        // compare-and-set: one defence, within the period, while proposed; a parallel second one gets a conflict
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update vc_sanction set defence = ?, defence_on = ?
                where id = ? and status = 'PROPOSED' and defence is null and defence_until >= ?""")
                .params(defence.trim(), today(), sanctionId, today()).update(), "defence", "sanction.defenceGiven");
        return sanction(sanctionId);
    }

    /**
     * Makes a sanction final or withdraws it. Final only after the defence period: a recovery or payment reduction is
     * settled in the next payment run; a suspension or revocation changes the centre's mandate (and takes the centre out
     * of the search robot at once).
     */
    @Transactional
    public Sanction decide(UUID sanctionId, Boolean makeFinal, String note, CurrentUser actor) {
        Sanction s = sanction(sanctionId);
        Validator v = new Validator();
        v.check(makeFinal != null, "final", "validation.choice");
        v.required("note", note, 5000);
        v.throwIfInvalid();
        var move = s.decide(makeFinal, today());
        int changed = jdbc.sql("""
                update vc_sanction set status = ?, decision_note = ?, decided_by = ?, final_on = ? where id = ? and status = ?""")
                .params(move.toName(), note.trim(), actor.username(), today(), sanctionId, move.fromName()).update();
        be.werkregie.shared.ConflictException.unlessChanged(changed, "status", "sanction.notProposed");
        if (makeFinal) {
            switch (s.kind()) {
                case "PAYMENT_REDUCTION", "RECOVERY" -> jdbc.sql("""
                        insert into vc_recovery (id, centre_id, amount, reason) values (?,?,?,?)""")
                        .params(UUID.randomUUID(), s.centreId(), s.amount().amount(),
                                "sanction " + sanctionId + " (" + s.kind().toLowerCase() + ")")
                        .update();
                case "MANDATE_SUSPENSION", "MANDATE_REVOCATION" -> {
                    CareerCentres.Mandate.Status target = s.kind().equals("MANDATE_SUSPENSION")
                            ? CareerCentres.Mandate.Status.SUSPENDED : CareerCentres.Mandate.Status.REVOKED;
                    List<UUID> active = new ArrayList<>();
                    centres.mandatesOf(s.centreId()).stream()
                            .filter(mm -> CareerCentres.Mandate.Status.LIFECYCLE.allows(mm.status(), target))
                            .forEach(mm -> active.add(mm.id()));
                    for (UUID mandate : active) {
                        centres.changeStatus(mandate, target.name(), "sanction: " + note.trim(), actor);
                    }
                }
                default -> throw new IllegalStateException(s.kind());
            }
        }
        return sanction(sanctionId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
