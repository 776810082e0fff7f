package be.werkregie.guidance;

import be.werkregie.audit.AuditTrail;
import be.werkregie.chance.KowGroups;
import be.werkregie.dossier.Dossier;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Lifecycle;
import be.werkregie.shared.Lifecycle.Transition;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trajectories from start to outcome: the client's choice (or the assignment) starts one at a partner site; the partner
 * registers actions and evidence (formal outputs become payable items), may add flanking actions, stops with a
 * motivation (a warm handover back to the employment service) or records the outcome.
 *
 * <p>Information barriers: the Kans Op Werk group is frozen on the trajectory at the start for the result fee, and is
 * in no record this class returns. The partner sees the exact result fee only once the trajectory ended with work.
 */
@Service
public class Trajectories {

    public static final List<String> CONTRACT_TYPES = List.of("PERMANENT", "FIXED_TERM", "TEMPORARY_AGENCY", "SELF_EMPLOYED");

    public record Trajectory(UUID id, UUID personId, String clientName, UUID partnerId, String partnerName, UUID siteId,
                             String siteName, String offerCode, List<String> flanking, LocalDate startedOn, LocalDate goalDate,
                             Status status, LocalDate endedOn, LocalDate workStart, String contractType, String stopMotivation,
                             UUID handoverId, LocalDate handoverAcknowledgedOn, String nextStep) {

        /** Active from the start until the partner stops it (warm handover) or records the outcome: work found or ended. */
        public enum Status {
            ACTIVE, STOPPED, WORK_FOUND, ENDED;

            public static final Lifecycle<Status> LIFECYCLE = Lifecycle.of(Status.class)
                    .from(ACTIVE, STOPPED, WORK_FOUND, ENDED)
                    .build();
        }

        public boolean isActive() {
            return status == Status.ACTIVE;
        }

        /** The partner stops the trajectory; a second stop (or a stop after the outcome) is refused. */
        public Transition<Status> stop() {
            return Status.LIFECYCLE.move(status, Status.STOPPED, "trajectoryId", "guidance.alreadyEnded");
        }

        /** The outcome: {@code WORK_FOUND} or {@code ENDED}; only from an active trajectory. */
        public Transition<Status> end(Status outcome) {
            if (outcome != Status.WORK_FOUND && outcome != Status.ENDED) {
                throw InvalidInputException.of("outcome", "validation.choice");
            }
            return Status.LIFECYCLE.move(status, outcome, "trajectoryId", "guidance.alreadyEnded");
        }

        /** A stop waits for the mediator to acknowledge the handover (once). */
        public boolean awaitsAcknowledgement() {
            return status == Status.STOPPED && handoverAcknowledgedOn == null;
        }

        /** The result fee exists for the partner only when the trajectory ended with work. */
        public boolean endedWithWork() {
            return status == Status.WORK_FOUND;
        }
    }

    public record Action(UUID id, String kind, LocalDate occurredOn, String note, String evidenceName, boolean formalOutput,
                         Money amount, boolean paid, java.time.OffsetDateTime cancelledAt, String cancelledBy, String cancelReason) {

        public boolean cancelled() {
            return cancelledAt != null;
        }

        /** Until a payment run claims it, the partner can cancel (and so correct) what it registered. */
        public boolean cancellable() {
            return !paid && cancelledAt == null;
        }
    }

    public record ResultFee(String scheduleFrom, Money amount) {}

    private final JdbcClient jdbc;
    private final Assessments assessments;
    private final Partners partners;
    private final Catalogue catalogue;
    private final KowGroups kow;
    private final Dossier dossier;
    private final Organisations organisations;
    private final be.werkregie.identity.Users users;
    private final AuditTrail audit;
    private final GuidanceSettings settings;
    private final Clock clock;

    private final ResultVerification verification;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final be.werkregie.policy.Policies policies;

    Trajectories(be.werkregie.policy.Policies policies, org.springframework.context.ApplicationEventPublisher events, ResultVerification verification, JdbcClient jdbc, Assessments assessments, Partners partners, Catalogue catalogue, KowGroups kow, Dossier dossier,
                 Organisations organisations, be.werkregie.identity.Users users, AuditTrail audit,
                 GuidanceSettings settings, Clock clock) {
        this.policies = policies;
        this.events = events;
        this.verification = verification;
        this.users = users;
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.partners = partners;
        this.catalogue = catalogue;
        this.kow = kow;
        this.dossier = dossier;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- start: the client's choice ----

    /**
     * The client (or a mediator with the client) chooses a partner site for the referral: the site must offer the
     * product, have a free place and belong to a partner with an active contract. The choice and its date are recorded
     * and the trajectory starts.
     */
    @Transactional
    public Trajectory choose(UUID referralId, UUID siteId, CurrentUser actor) {
        Assessments.Referral r = assessments.referral(referralId).orElseThrow(() -> new NotFoundException("referral"));
        boolean own = actor.has(Role.CITIZEN) && r.personId().equals(actor.personId());
        if (!own) {
            Assessments.requireMediator(actor);
        }
        // An assignment run holds this lock exclusively while it places clients: a choice waits for it rather than
        // aborting it. Then one choice at a time per referral (row lock), and the state is read again under the lock.
        jdbc.sql("select pg_advisory_xact_lock_shared(9020)").query(Object.class).single();
        jdbc.sql("select id from gd_referral where id = ? for update").param(referralId).query(UUID.class).single();
        r = assessments.referral(referralId).orElseThrow(() -> new NotFoundException("referral"));
        if (r.alreadyChose(siteId)) {
            // the same choice again (a retry, a double click): the same answer, nothing changes
            return jdbc.sql("select id from gd_trajectory where referral_id = ?").param(referralId).query(UUID.class).optional()
                    .map(this::find).orElseThrow(() -> new be.werkregie.shared.ConflictException("referralId", "guidance.notWaiting"));
        }
        var move = r.choose();
        Partners.Site s = placeAt(r, siteId);
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update gd_referral set status = ?, site_id = ?, chosen_on = ?, chosen_by = ?
                where id = ? and status = ?""")
                .params(move.toName(), siteId, today(), actor.username(), referralId, move.fromName()).update(),
                "referralId", "guidance.notWaiting");
        UUID id = start(r, s, today());
        audit.record(actor, r.personId(), AuditTrail.Action.WRITE, "GUIDANCE", "partner chosen", s.name());
        return find(id);
    }

    /**
     * The site can take the client for the referral's offer: it exists, is contracted for the offer and has a free
     * place. The last free place: the site's capacity for this offer is locked, then the places taken are counted under
     * that lock, so two clients choosing the same site at the same moment cannot both get its last place.
     */
    private Partners.Site placeAt(Assessments.Referral r, UUID siteId) {
        Validator v = new Validator();
        Optional<Partners.Site> site = siteId == null ? Optional.empty() : partners.site(siteId);
        v.check(site.isPresent(), "siteId", "guidance.unknownSite");
        v.throwIfInvalid();
        Partners.Site s = site.get();
        v.check(s.capacity().containsKey(r.offerCode()) && partners.contracted(s.partnerId(), r.offerCode()), "siteId",
                "guidance.noContract");
        v.throwIfInvalid();
        int capacity = jdbc.sql("select capacity from gd_site_capacity where site_id = ? and offer_code = ? for update")
                .params(siteId, r.offerCode()).query(Integer.class).single();
        int taken = jdbc.sql("select count(*) from gd_trajectory where site_id = ? and offer_code = ? and status = 'ACTIVE'")
                .params(siteId, r.offerCode()).query(Integer.class).single();
        if (taken >= capacity) {
            throw new be.werkregie.shared.ConflictException("siteId", "guidance.noCapacity");
        }
        return s;
    }

    /** Whether the client may still change the chosen partner: chosen (not assigned), in the choice period, nothing registered. */
    public boolean canChangeChoice(Trajectory t) {
        if (!t.isActive()) {
            return false;
        }
        return assessments.referral(referralOf(t.id())).filter(r -> r.status() == Assessments.Referral.Status.CHOSEN
                && !today().isAfter(r.chooseBy())).isPresent()
                && jdbc.sql("select count(*) from gd_action where trajectory_id = ? and cancelled_at is null").param(t.id())
                        .query(Long.class).single() == 0;
    }

    private UUID referralOf(UUID trajectoryId) {
        return jdbc.sql("select referral_id from gd_trajectory where id = ?").param(trajectoryId).query(UUID.class).single();
    }

    /**
     * The client changes the partner they chose, within the choice period and before the partner registered anything:
     * the trajectory moves to the new site (its start, goal and KOW group stay). The same site again is the same
     * answer. A mediator may do it for the client. Both partners' caseloads follow, the client gets a message.
     */
    @Transactional
    public Trajectory changeChoice(UUID referralId, UUID siteId, CurrentUser actor) {
        Assessments.Referral r = assessments.referral(referralId).orElseThrow(() -> new NotFoundException("referral"));
        boolean own = actor.has(Role.CITIZEN) && r.personId().equals(actor.personId());
        if (!own) {
            Assessments.requireMediator(actor);
        }
        jdbc.sql("select pg_advisory_xact_lock_shared(9020)").query(Object.class).single();
        jdbc.sql("select id from gd_referral where id = ? for update").param(referralId).query(UUID.class).single();
        r = assessments.referral(referralId).orElseThrow(() -> new NotFoundException("referral"));
        Trajectory t = jdbc.sql("select id from gd_trajectory where referral_id = ?").param(referralId).query(UUID.class).optional()
                .map(this::find).orElseThrow(() -> new be.werkregie.shared.ConflictException("referralId", "guidance.notChosen"));
        if (siteId != null && siteId.equals(t.siteId())) {
            return t;
        }
        if (r.status() != Assessments.Referral.Status.CHOSEN || !t.isActive()) {
            throw new be.werkregie.shared.ConflictException("referralId", "guidance.notChosen");
        }
        if (today().isAfter(r.chooseBy())) {
            throw new be.werkregie.shared.ConflictException("referralId", "guidance.choicePeriodOver", r.chooseBy());
        }
        Partners.Site s = placeAt(r, siteId);
        UUID from = t.siteId();
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update gd_trajectory set partner_id = ?, site_id = ? where id = ? and site_id = ? and status = 'ACTIVE'
                  and not exists (select 1 from gd_action a where a.trajectory_id = gd_trajectory.id and a.cancelled_at is null)""")
                .params(s.partnerId(), s.id(), t.id(), from).update(), "referralId", "guidance.alreadyStarted");
        jdbc.sql("update gd_referral set site_id = ?, chosen_on = ?, chosen_by = ? where id = ?")
                .params(s.id(), today(), actor.username(), referralId).update();
        UUID change = UUID.randomUUID();
        jdbc.sql("""
                insert into gd_choice_change (id, referral_id, trajectory_id, from_site_id, to_site_id, changed_on, changed_by)
                values (?,?,?,?,?,?,?)""").params(change, referralId, t.id(), from, s.id(), today(), actor.username()).update();
        audit.record(actor, r.personId(), AuditTrail.Action.WRITE, "GUIDANCE", "partner choice changed", s.name());
        String partner = organisations.find(s.partnerId()).map(o -> o.name()).orElse("");
        events.publishEvent(new PartnerChoiceChanged(change, t.id(), r.personId(), t.partnerId(), s.partnerId(), s.id(), partner,
                s.name() + ", " + s.municipalityName()));
        return find(t.id());
    }

    /** Starts a trajectory (after a choice or an assignment); the KOW group of the start date is frozen for the fee. */
    UUID start(Assessments.Referral r, Partners.Site site, LocalDate on) {
        UUID id = UUID.randomUUID();
        // the group, the score behind it, the version and the day it was scored are frozen together
        Optional<KowGroups.KowGroup> g = kow.groupOn(r.personId(), on);
        jdbc.sql("""
                insert into gd_trajectory (id, referral_id, person_id, partner_id, site_id, offer_code, flanking, started_on, goal_date,
                  status, kow_group, kow_score, kow_version, kow_scored_on) values (?,?,?,?,?,?,?::text[],?,?,'ACTIVE',?,?,?,?)""")
                .params(id, r.id(), r.personId(), site.partnerId(), site.id(), r.offerCode(), r.flanking().toArray(String[]::new), on,
                        on.plusMonths(policies.integerOn(GuidancePolicies.GOAL_MONTHS, on)), g.map(KowGroups.KowGroup::code).orElse(null),
                        g.map(KowGroups.KowGroup::score).orElse(null), g.map(KowGroups.KowGroup::modelVersion).orElse(null),
                        g.map(KowGroups.KowGroup::validFrom).orElse(null))
                .update();
        // messaging tells the client (after commit, through the event publication registry)
        String partner = organisations.find(site.partnerId()).map(o -> o.name()).orElse("");
        events.publishEvent(new TrajectoryStarted(id, r.personId(), site.partnerId(), site.id(), r.offerCode(), on, partner,
                site.name() + ", " + site.municipalityName()));
        return id;
    }

    // ---- reading ----

    private static final String SELECT = """
            select t.id, t.person_id, p.first_name || ' ' || p.last_name, t.partner_id, o.name, t.site_id, s.name, t.offer_code,
              t.flanking, t.started_on, t.goal_date, t.status, t.ended_on, t.work_start, t.contract_type, t.stop_motivation,
              t.handover_id, t.handover_acknowledged_on, t.next_step
            from gd_trajectory t join people_v_person p on p.id = t.person_id join identity_v_organisation o on o.id = t.partner_id
            join gd_site s on s.id = t.site_id""";

    private static Trajectory map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Trajectory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                Arrays.asList((String[]) rs.getArray(9).getArray()), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                Trajectory.Status.valueOf(rs.getString(12)), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getString(15),
                rs.getString(16), rs.getObject(17, UUID.class), rs.getObject(18, LocalDate.class), rs.getString(19));
    }

    Trajectory find(UUID id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(Trajectories::map).optional()
                .orElseThrow(() -> new NotFoundException("trajectory"));
    }

    /** A trajectory as its reader may see it: the partner its own, a mediator any, the client their own. Audited. */
    public Trajectory get(UUID id, CurrentUser actor) {
        Trajectory t = find(id);
        boolean ok = actor.has(Role.CITIZEN) && t.personId().equals(actor.personId())
                || actor.has(Role.MEDIATOR) && actor.worksForEmploymentService()
                || actor.organisationKind() == OrganisationKind.PARTNER && t.partnerId().equals(actor.organisationId())
                   && actor.hasAny(Role.PARTNER_STAFF, Role.PARTNER_MANAGER);
        if (!ok) {
            throw new NotFoundException("trajectory");
        }
        audit.record(actor, t.personId(), AuditTrail.Action.READ, "GUIDANCE", "trajectory", null);
        return t;
    }

    public List<Trajectory> ofPartner(CurrentUser actor, String status) {
        UUID partner = partners.ownPartner(actor);
        List<Trajectory> list = status == null
                ? jdbc.sql(SELECT + " where t.partner_id = ? order by t.status, t.started_on desc limit 500").param(partner)
                        .query(Trajectories::map).list()
                : jdbc.sql(SELECT + " where t.partner_id = ? and t.status = ? order by t.started_on desc limit 500")
                        .params(partner, status).query(Trajectories::map).list();
        audit.recordReads(actor, list.stream().map(Trajectory::personId).toList(), "GUIDANCE", "trajectory list");
        return list;
    }

    public List<Trajectory> ofPerson(UUID personId, CurrentUser actor) {
        if (!(actor.has(Role.CITIZEN) && personId.equals(actor.personId()))) {
            Assessments.requireMediator(actor);
        }
        audit.record(actor, personId, AuditTrail.Action.READ, "GUIDANCE", "trajectories", null);
        return jdbc.sql(SELECT + " where t.person_id = ? order by t.started_on desc").param(personId).query(Trajectories::map).list();
    }

    /** Stops with a motivation waiting for the mediator's acknowledgement. */
    public List<Trajectory> stopsToAcknowledge(CurrentUser actor) {
        Assessments.requireMediator(actor);
        List<Trajectory> list = jdbc.sql(SELECT + " where t.status = 'STOPPED' and t.handover_acknowledged_on is null order by t.ended_on, t.id limit 500")
                .query(Trajectories::map).list();
        audit.recordReads(actor, list.stream().map(Trajectory::personId).toList(), "GUIDANCE", "stops to acknowledge");
        return list;
    }

    public List<Action> actions(UUID trajectoryId, CurrentUser actor) {
        get(trajectoryId, actor);
        return jdbc.sql("""
                select id, kind, occurred_on, note, evidence_name, formal_output, amount, payment_run_id is not null, cancelled_at,
                  cancelled_by, cancel_reason
                from gd_action where trajectory_id = ? order by occurred_on, registered_at""")
                .param(trajectoryId).query((rs, i) -> new Action(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getBigDecimal(7) == null ? null : new Money(rs.getBigDecimal(7)), rs.getBoolean(8),
                        rs.getObject(9, java.time.OffsetDateTime.class), rs.getString(10), rs.getString(11)))
                .list();
    }

    /**
     * The partner cancels an action or output it registered, with a reason, until a payment run has claimed it (a
     * correction: cancel, then register it again). Guarded: a payment run and a cancellation racing for the same row
     * cannot both win. The same cancellation again is the same answer. The client's file is told.
     */
    @Transactional
    public void cancelAction(UUID trajectoryId, UUID actionId, String reason, CurrentUser actor) {
        Trajectory t = ownActive(trajectoryId, actor);
        Validator v = new Validator().required("reason", reason, 2000);
        v.throwIfInvalid();
        record Row(String kind, boolean paid, boolean cancelled, LocalDate occurredOn) {}
        Row row = jdbc.sql("""
                select kind, payment_run_id is not null, cancelled_at is not null, occurred_on from gd_action
                where id = ? and trajectory_id = ? for update""")
                .params(actionId, trajectoryId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getObject(4, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("action"));
        if (row.cancelled()) {
            return;
        }
        if (row.paid()) {
            throw new be.werkregie.shared.ConflictException("actionId", "guidance.actionPaid");
        }
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update gd_action set cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                where id = ? and cancelled_at is null and payment_run_id is null""")
                .params(java.time.OffsetDateTime.now(clock), actor.username(), reason.trim(), actionId).update(),
                "actionId", "guidance.actionPaid");
        audit.record(actor, t.personId(), AuditTrail.Action.WRITE, "GUIDANCE", "action cancelled", row.kind() + ": " + reason.trim());
        String name = catalogue.actionName(row.kind(), "nl");
        events.publishEvent(new be.werkregie.shared.PersonFileFact(t.personId(), "ACTION", "SHARED", name + " (geannuleerd)",
                reason.trim(), row.occurredOn(), "guidance-action-cancelled:" + actionId, actor.username()));
    }

    private Trajectory ownActive(UUID id, CurrentUser actor) {
        UUID partner = partners.ownPartner(actor);
        Trajectory t = find(id);
        if (!t.partnerId().equals(partner)) {
            throw new NotFoundException("trajectory");
        }
        return t;
    }

    // ---- the partner's registrations ----

    /**
     * Registers an action. An action of a kind that is a formal output needs evidence and creates a payable item at the
     * output fee of its kind. Idempotent on the key.
     */
    @Transactional
    public UUID registerAction(UUID trajectoryId, String kind, LocalDate occurredOn, String note, String evidenceName,
                               byte[] evidence, String idempotencyKey, CurrentUser actor) {
        Trajectory t = ownActive(trajectoryId, actor);
        Validator v = new Validator().required("idempotencyKey", idempotencyKey, 100);
        v.throwIfInvalid();
        String key = t.partnerId() + ":" + idempotencyKey.trim();
        Optional<UUID> existing = jdbc.sql("select id from gd_action where idempotency_key = ?").param(key).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<Catalogue.ActionKind> k = catalogue.actionKinds().stream().filter(x -> x.code().equals(kind)).findFirst();
        v.check(t.isActive(), "trajectoryId", "guidance.notActive");
        v.check(k.isPresent(), "kind", "validation.choice");
        v.check(occurredOn != null, "occurredOn", "validation.date");
        v.pastOrToday("occurredOn", occurredOn, clock);
        v.check(occurredOn == null || !occurredOn.isBefore(t.startedOn()), "occurredOn", "guidance.beforeStart", t.startedOn());
        v.text("note", note, 5000).text("evidenceName", evidenceName, 200);
        boolean output = k.isPresent() && k.get().formalOutput();
        v.check(!output || evidence != null && evidence.length > 0 && evidenceName != null && !evidenceName.isBlank(), "evidence",
                "guidance.evidenceNeeded");
        if (evidence != null && evidence.length > 0 && !v.hasProblem("evidence")) {
            be.werkregie.shared.EvidenceFiles.check(v, "evidence", evidenceName, evidence, settings.evidenceMaxBytes());
        }
        v.throwIfInvalid();
        String sha = evidence == null || evidence.length == 0 ? null : be.werkregie.shared.EvidenceFiles.sha256(evidence);
        if (output) {
            // a formal output is paid once per trajectory, and one file never proves two outputs
            v.check(jdbc.sql("select count(*) from gd_action where trajectory_id = ? and kind = ? and formal_output and cancelled_at is null")
                    .params(trajectoryId, kind).query(Long.class).single() == 0, "kind", "guidance.outputTwice");
            v.check(jdbc.sql("""
                    select count(*) from gd_action a join gd_trajectory t on t.id = a.trajectory_id
                    where a.evidence_sha256 = ? and t.partner_id = ? and a.cancelled_at is null""").params(sha, t.partnerId()).query(Long.class).single() == 0,
                    "evidence", "guidance.evidenceReused");
            v.throwIfInvalid();
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into gd_action (id, trajectory_id, kind, occurred_on, note, evidence_name, evidence, formal_output, amount,
                  registered_by, idempotency_key, evidence_sha256, registered_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict do nothing""")
                .params(id, trajectoryId, kind, occurredOn, blank(note), blank(evidenceName), evidence, output,
                        output ? k.get().outputFee() : null, actor.username(), key, sha, java.time.OffsetDateTime.now(clock))
                .update();
        if (inserted == 0) {
            // the same key (a retry) or, in a race, the same formal output registered by a parallel request
            return jdbc.sql("select id from gd_action where idempotency_key = ?").param(key).query(UUID.class).optional()
                    .orElseThrow(() -> new be.werkregie.shared.ConflictException("kind", "guidance.outputTwice"));
        }
        events.publishEvent(new be.werkregie.shared.PersonFileFact(t.personId(), "ACTION", "SHARED", k.get().nameNl(), blank(note) == null ? k.get().nameNl() : note.trim(),
                occurredOn, "guidance-action:" + id, actor.username()));
        if (output) {
            events.publishEvent(new OutputRegistered(id, trajectoryId, t.partnerId(), kind, occurredOn));
        }
        return id;
    }

    /** A flanking action added during the trajectory: by the employment service, or on the partner's signal (with a motivation). */
    @Transactional
    public Trajectory addFlanking(UUID trajectoryId, String code, String motivation, CurrentUser actor) {
        Trajectory t = actor.has(Role.MEDIATOR) && actor.worksForEmploymentService() ? find(trajectoryId) : ownActive(trajectoryId, actor);
        Validator v = new Validator();
        v.check(t.isActive(), "trajectoryId", "guidance.notActive");
        v.check(code != null && !t.flanking().contains(code), "code", "guidance.flankingPresent");
        List<String> wrong = Catalogue.notCombinable(t.offerCode(), code == null ? List.of() : List.of(code), catalogue.offers());
        v.check(wrong.isEmpty(), "code", "guidance.notCombinable", code);
        v.required("motivation", motivation, 2000);
        v.throwIfInvalid();
        jdbc.sql("update gd_trajectory set flanking = array_append(flanking, ?) where id = ?").params(code, trajectoryId).update();
        events.publishEvent(new be.werkregie.shared.PersonFileFact(t.personId(), "DECISION", "SHARED", "Flankerende actie: " + catalogue.offer(code).orElseThrow().nameNl(),
                motivation.trim(), today(), "guidance-flanking:" + trajectoryId + ":" + code, actor.username()));
        return find(trajectoryId);
    }

    /**
     * The partner stops the trajectory with a motivation: a warm handover back to the employment service, visible in the
     * dossier; the mediator acknowledges it and plans the next step. A second stop is refused.
     */
    @Transactional
    public Trajectory stop(UUID trajectoryId, String motivation, String contactName, String contactDetails, CurrentUser actor) {
        Trajectory t = ownActive(trajectoryId, actor);
        jdbc.sql("select id from gd_trajectory where id = ? for update").param(trajectoryId).query(UUID.class).single();
        t = find(trajectoryId);
        Transition<Trajectory.Status> move = t.stop();
        Validator v = new Validator();
        v.required("motivation", motivation, 5000).required("contactName", contactName, 120).required("contactDetails", contactDetails, 200);
        v.throwIfInvalid();
        // back to the office of the mediator who made the assessment (else the employment service itself)
        String mediator = jdbc.sql("select a.mediator from gd_trajectory t join gd_referral r on r.id = t.referral_id"
                + " join gd_assessment a on a.id = r.assessment_id where t.id = ?").param(trajectoryId).query(String.class).single();
        UUID pes = users.find(mediator).map(CurrentUser::organisationId).filter(o -> o != null)
                .orElseGet(() -> organisations.ofKind(OrganisationKind.EMPLOYMENT_SERVICE).stream().findFirst()
                        .orElseThrow(() -> new IllegalStateException("no employment service organisation")).id());
        // the trajectory row is locked above, so stops are serialised; the handover is made while the partner still has
        // its access (an active trajectory), and the transition itself is a compare-and-set on ACTIVE
        UUID handover = dossier.handOver(t.personId(), pes, contactName, contactDetails,
                "Stopzetting van het traject bij " + t.partnerName() + ". Motivering: " + motivation.trim(),
                "guidance-stop:" + trajectoryId, actor);
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                        update gd_trajectory set status = ?, ended_on = ?, stop_motivation = ?, handover_id = ?
                        where id = ? and status = ?""")
                .params(move.toName(), today(), motivation.trim(), handover, trajectoryId, move.fromName()).update(),
                "trajectoryId", "guidance.alreadyEnded");
        events.publishEvent(new TrajectoryEnded(trajectoryId, t.personId(), t.partnerId(), move.toName(), today()));
        return find(trajectoryId);
    }

    /** The mediator acknowledges the stop and records the next step. */
    @Transactional
    public Trajectory acknowledgeStop(UUID trajectoryId, String nextStep, CurrentUser actor) {
        Assessments.requireMediator(actor);
        Trajectory t = find(trajectoryId);
        Validator v = new Validator();
        v.check(t.awaitsAcknowledgement(), "trajectoryId", "guidance.nothingToAcknowledge");
        v.required("nextStep", nextStep, 2000);
        v.throwIfInvalid();
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                        update gd_trajectory set handover_acknowledged_on = ?, next_step = ?
                        where id = ? and status = 'STOPPED' and handover_acknowledged_on is null""")
                .params(today(), nextStep.trim(), trajectoryId).update(), "trajectoryId", "guidance.nothingToAcknowledge");
        if (t.handoverId() != null) {
            // trajectories stopped before handovers were recorded have none: the next step is recorded all the same
            dossier.acknowledge(t.handoverId(), nextStep.trim(), actor);
        }
        return find(trajectoryId);
    }

    /**
     * The outcome: work found (with its start date and contract type) or ended without work. Work found computes the
     * result fee from the client's KOW group at the start and the fee schedule in force on the start date.
     */
    @Transactional
    public Trajectory outcome(UUID trajectoryId, String outcome, LocalDate workStart, String contractType, CurrentUser actor) {
        Trajectory t = ownActive(trajectoryId, actor);
        jdbc.sql("select id from gd_trajectory where id = ? for update").param(trajectoryId).query(UUID.class).single();
        t = find(trajectoryId);
        Trajectory.Status target = "WORK_FOUND".equals(outcome) ? Trajectory.Status.WORK_FOUND
                : "ENDED".equals(outcome) ? Trajectory.Status.ENDED : null;
        Transition<Trajectory.Status> move = t.end(target);
        Validator v = new Validator();
        if (target == Trajectory.Status.WORK_FOUND) {
            v.check(workStart != null, "workStart", "validation.date");
            v.check(workStart == null || !workStart.isBefore(t.startedOn()), "workStart", "guidance.beforeStart", t.startedOn());
            int ahead = settings.placementRuleOn(t.startedOn()).maxStartAheadDays();
            v.check(workStart == null || !workStart.isAfter(today().plusDays(ahead)), "workStart", "guidance.workStartTooFar", ahead);
            v.check(contractType != null && CONTRACT_TYPES.contains(contractType), "contractType", "validation.choice");
        }
        v.throwIfInvalid();
        boolean work = target == Trajectory.Status.WORK_FOUND;
        // written while the trajectory is still active: the partner may write in the client's dossier
        events.publishEvent(new be.werkregie.shared.PersonFileFact(t.personId(), "DECISION", "SHARED", work ? "Werk gevonden" : "Traject beëindigd",
                work ? "Start op " + workStart + " (" + contractType + ")" : "Het traject is beëindigd.", today(),
                "guidance-outcome:" + trajectoryId, actor.username()));
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql("""
                update gd_trajectory set status = ?, ended_on = ?, work_start = ?, contract_type = ? where id = ? and status = ?""")
                .params(move.toName(), today(), work ? workStart : null, work ? contractType : null, trajectoryId, move.fromName()).update(),
                "trajectoryId", "guidance.alreadyEnded");
        events.publishEvent(new TrajectoryEnded(trajectoryId, t.personId(), t.partnerId(), move.toName(), today()));
        if (work) {
            String group = jdbc.sql("select kow_group from gd_trajectory where id = ?").param(trajectoryId).query(String.class).optional()
                    .orElse(null);
            if (group == null) {
                group = kow.groupOn(t.personId(), t.startedOn()).map(KowGroups.KowGroup::code).orElse("UNKNOWN");
            }
            GuidanceSettings.FeeSchedule schedule = settings.scheduleOn(t.startedOn())
                    .orElseThrow(() -> InvalidInputException.of("trajectoryId", "guidance.noFeeSchedule"));
            // the amount in force on the start date, from the dated policy store (seeded by the schedule in the configuration)
            String feeKey = policies.definition(GuidancePolicies.FEE + group).isPresent() ? GuidancePolicies.FEE + group : GuidancePolicies.FEE + "UNKNOWN";
            BigDecimal amount = policies.definition(feeKey).isPresent() ? policies.decimalOn(feeKey, t.startedOn())
                    : schedule.fees().getOrDefault(group, BigDecimal.ZERO);
            // the partner's word is a claim: payable only once verified against the employment records (or an approved proof)
            jdbc.sql("""
                    insert into gd_result_fee (trajectory_id, kow_group, schedule_from, amount, status, claimed_on)
                    values (?,?,?,?,'CLAIMED',?)""")
                    .params(trajectoryId, group, schedule.effectiveFrom(), amount, today()).update();
            verification.verify(trajectoryId);
        }
        return find(trajectoryId);
    }

    /**
     * The result fee, for the partner, and only after the trajectory ended successfully (work found). Before that, and for
     * anyone else, there is no such resource.
     */
    public ResultFee resultFeeForPartner(UUID trajectoryId, CurrentUser actor) {
        Trajectory t = ownActive(trajectoryId, actor);
        if (!t.endedWithWork()) {
            throw new NotFoundException("fee");
        }
        // completed successfully means verified: before that the partner does not see the fee
        return jdbc.sql("select schedule_from, amount from gd_result_fee where trajectory_id = ? and status = 'VERIFIED'").param(trajectoryId)
                .query((rs, i) -> new ResultFee(rs.getObject(1, LocalDate.class).toString(), new Money(rs.getBigDecimal(2)))).optional()
                .orElseThrow(() -> new NotFoundException("fee"));
    }

    /** Evidence of an action, for the partner that uploaded it and for mediators. */
    public Optional<Object[]> evidence(UUID actionId, CurrentUser actor) {
        Optional<UUID> trajectory = jdbc.sql("select trajectory_id from gd_action where id = ?").param(actionId).query(UUID.class).optional();
        if (trajectory.isEmpty()) {
            return Optional.empty();
        }
        get(trajectory.get(), actor);
        return jdbc.sql("select evidence_name, evidence from gd_action where id = ? and evidence is not null").param(actionId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)}).optional();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
