package be.werkregie.guidance;

import be.werkregie.audit.AuditTrail;
import be.werkregie.employment.EmploymentRecords;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Role;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.EvidenceFiles;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A result is proven before it is paid. A partner's "work found" is a claim; it becomes VERIFIED when the employment
 * records show the client employed at least the placement rule's minimum days within its window after the work start
 * (checked at once and again every night as declarations arrive), or, where no record can exist (work abroad, a
 * sector outside the declarations), when employment-service staff approve an uploaded proof. Only a VERIFIED fee is
 * payable and only then does the partner see its amount.
 */
@Service
public class ResultVerification {

    public record Pending(UUID trajectoryId, UUID partnerId, String partnerName, String clientName, LocalDate workStart,
                          ResultFeeStatus status, LocalDate claimedOn, String proofName, Money amount) {}

    private final JdbcClient jdbc;
    private final EmploymentRecords records;
    private final GuidanceSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final be.werkregie.policy.Policies policies;

    ResultVerification(be.werkregie.policy.Policies policies, org.springframework.context.ApplicationEventPublisher events, JdbcClient jdbc, EmploymentRecords records, GuidanceSettings settings, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.events = events;
        this.jdbc = jdbc;
        this.records = records;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks one claimed result against the employment records; true when it is (now) verified. */
    @Transactional
    public boolean verify(UUID trajectoryId) {
        var row = jdbc.sql("""
                select t.person_id, t.work_start, t.started_on from gd_result_fee f join gd_trajectory t on t.id = f.trajectory_id
                where f.trajectory_id = ? and f.status = any(?)""")
                .params(trajectoryId, ResultFeeStatus.open()).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)}).optional();
        if (row.isEmpty()) {
            return false;
        }
        UUID person = (UUID) row.get()[0];
        LocalDate workStart = (LocalDate) row.get()[1];
        GuidanceSettings.PlacementRule rule = settings.placementRuleOn((LocalDate) row.get()[2]);
        int days = records.daysEmployed(person, workStart, workStart.plusDays(rule.withinDays() - 1L));
        int minWorkDays = policies.integerOn(GuidancePolicies.MIN_WORK_DAYS, (LocalDate) row.get()[2]);
        rule = new GuidanceSettings.PlacementRule(rule.effectiveFrom(), minWorkDays, rule.withinDays(), rule.maxStartAheadDays());
        if (days < rule.minWorkDays()) {
            return false;
        }
        String how = days + " days employed from " + workStart + " (employment records; rule: at least " + rule.minWorkDays()
                + " days within " + rule.withinDays() + " days, in force since " + rule.effectiveFrom() + ")";
        boolean verified = jdbc.sql("""
                update gd_result_fee set status = 'VERIFIED', verified_on = ?, verified_by = 'employment-records', verification = ?
                where trajectory_id = ? and status = any(?)""")
                .params(LocalDate.now(clock), how, trajectoryId, ResultFeeStatus.open()).update() == 1;
        if (verified) {
            published(trajectoryId, "employment-records");
        }
        return verified;
    }

    private void published(UUID trajectoryId, String by) {
        jdbc.sql("select person_id, partner_id from gd_trajectory where id = ?").param(trajectoryId)
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional()
                .ifPresent(ids -> events.publishEvent(new ResultVerified(trajectoryId, ids[0], ids[1], LocalDate.now(clock), by)));
    }

    /** Every night: the claims still open are checked against the declarations that arrived since. */
    public int verifyPending() {
        int n = 0;
        for (UUID t : jdbc.sql("select trajectory_id from gd_result_fee where status = any(?)").param(ResultFeeStatus.open())
                .query(UUID.class).list()) {
            if (verify(t)) {
                n++;
            }
        }
        return n;
    }

    /** The partner uploads a proof (a contract, a pay slip) for a claimed result without an employment record. */
    @Transactional
    public void submitProof(UUID trajectoryId, String name, byte[] proof, CurrentUser actor) {
        UUID partner = jdbc.sql("select partner_id from gd_trajectory where id = ?").param(trajectoryId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("trajectory"));
        if (actor.organisationKind() != OrganisationKind.PARTNER || !partner.equals(actor.organisationId())) {
            throw new NotFoundException("trajectory");
        }
        Validator v = new Validator();
        EvidenceFiles.check(v, "proof", name, proof, settings.evidenceMaxBytes());
        v.throwIfInvalid();
        ConflictException.unlessChanged(jdbc.sql("""
                update gd_result_fee set status = 'PROOF_SUBMITTED', proof_name = ?, proof = ?, rejection_reason = null
                where trajectory_id = ? and status = any(?)""")
                .params(name.trim(), proof, trajectoryId, ResultFeeStatus.awaitingProof()).update(), "proof", "guidance.resultNotClaimed");
    }

    /** Employment-service staff approve or reject a submitted proof (once: a guarded transition). */
    @Transactional
    public void decideProof(UUID trajectoryId, Boolean approve, String reason, CurrentUser actor) {
        if (!actor.has(Role.ADMINISTRATOR) || !actor.worksForEmploymentService()) {
            throw new NotFoundException("trajectory");
        }
        Validator v = new Validator();
        v.check(approve != null, "approve", "validation.choice");
        v.required("reason", reason, 2000);
        v.throwIfInvalid();
        LocalDate today = LocalDate.now(clock);
        int n = Boolean.TRUE.equals(approve)
                ? jdbc.sql("""
                        update gd_result_fee set status = 'VERIFIED', verified_on = ?, verified_by = ?, verification = ?
                        where trajectory_id = ? and status = 'PROOF_SUBMITTED'""")
                        .params(today, actor.username(), "proof approved: " + reason.trim(), trajectoryId).update()
                : jdbc.sql("""
                        update gd_result_fee set status = 'REJECTED', rejection_reason = ? where trajectory_id = ? and status = 'PROOF_SUBMITTED'""")
                        .params(reason.trim(), trajectoryId).update();
        ConflictException.unlessChanged(n, "trajectoryId", "guidance.resultNotSubmitted");
        if (Boolean.TRUE.equals(approve)) {
            published(trajectoryId, actor.username());
        }
        UUID person = jdbc.sql("select person_id from gd_trajectory where id = ?").param(trajectoryId).query(UUID.class).single();
        audit.record(actor, person, AuditTrail.Action.WRITE, "GUIDANCE", Boolean.TRUE.equals(approve) ? "result proof approved"
                : "result proof rejected", reason.trim());
    }

    /** Claims and proofs waiting, for the employment service's administrators. */
    public List<Pending> pending(CurrentUser actor) {
        if (!actor.has(Role.ADMINISTRATOR)) {
            return List.of();
        }
        List<Pending> list = jdbc.sql("""
                select t.id, t.partner_id, o.name, p.first_name || ' ' || p.last_name, t.work_start, f.status, f.claimed_on, f.proof_name,
                  f.amount, t.person_id
                from gd_result_fee f join gd_trajectory t on t.id = f.trajectory_id join identity_v_organisation o on o.id = t.partner_id
                join people_v_person p on p.id = t.person_id where f.status = any(?) order by f.status desc, f.claimed_on
                limit 200""").param(ResultFeeStatus.open())
                .query((rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), ResultFeeStatus.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getString(8),
                        new Money(rs.getBigDecimal(9)))).list();
        audit.recordReads(actor, jdbc.sql("""
                select t.person_id from gd_result_fee f join gd_trajectory t on t.id = f.trajectory_id
                where f.status = any(?) order by f.status desc, f.claimed_on limit 200""").param(ResultFeeStatus.open()).query(UUID.class).list(),
                "GUIDANCE", "results to verify");
        return list;
    }

    /** The uploaded proof, for administrators. */
    public java.util.Optional<Object[]> proof(UUID trajectoryId, CurrentUser actor) {
        if (!actor.has(Role.ADMINISTRATOR)) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select proof_name, proof from gd_result_fee where trajectory_id = ? and proof is not null").param(trajectoryId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)}).optional();
    }

    /** A result's status for the partner (without the amount before verification). */
    public java.util.Optional<String> status(UUID trajectoryId) {
        return jdbc.sql("select status from gd_result_fee where trajectory_id = ?").param(trajectoryId).query(String.class).optional();
    }
}
