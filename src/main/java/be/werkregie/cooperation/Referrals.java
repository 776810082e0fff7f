package be.werkregie.cooperation;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisation;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.people.Consent;
import be.werkregie.people.Consents;
import be.werkregie.people.PersonDirectory;
import be.werkregie.platform.Idempotency;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Lifecycle;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.PersonFileFact;
import be.werkregie.shared.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals from a social service to the employment service on the person's mandate (an active consent with scope
 * {@code ACT} to the referring organisation: without it, no referral). What the local pre-trajectory found travels along
 * into the person's integrated file (a SHARED dossier entry, through {@link PersonFileFact}), so nothing is lost on the
 * way. The employment service confirms the intake within {@code cooperation.intake-days} and names the one case manager;
 * both sides register steps, SHARED (seen by the other side) or INTERNAL (only their own side), and read the other's in
 * the platform or through their organisation's event feed ({@link CooperationFeed}). When the mandate expires or is
 * revoked, sharing with the social service stops: it no longer sees the employment service's steps, here or in its feed.
 * Every read of a referral is audited; every move is a compare-and-set on the state it came from.
 */
@Service
public class Referrals {

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final Consents consents;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final CooperationPolicies policies;
    private final CooperationFeed feed;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(JdbcClient jdbc, PersonDirectory people, Consents consents, Organisations organisations, AuditTrail audit,
              Idempotency idempotency, CooperationPolicies policies, CooperationFeed feed, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.consents = consents;
        this.organisations = organisations;
        this.audit = audit;
        this.idempotency = idempotency;
        this.policies = policies;
        this.feed = feed;
        this.events = events;
        this.clock = clock;
    }

    public record NewReferral(UUID personId, Referral.TargetGroup targetGroup, Referral.Directing directing, String reason,
                              String preTrajectory, String contactName, String contactDetails, boolean cooperationLine,
                              String idempotencyKey) {}

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The person's mandate for the organisation today: an active consent with scope ACT. */
    Optional<Consent> mandate(UUID personId, UUID organisationId) {
        LocalDate today = today();
        return consents.of(personId).stream()
                .filter(c -> c.organisationId() != null && c.organisationId().equals(organisationId) && "ACT".equals(c.scope()) && c.activeOn(today))
                .findFirst();
    }

    /** The employment service itself (referrals go to the service; any of its mediators takes them up). */
    Organisation employmentService() {
        return organisations.ofKind(OrganisationKind.EMPLOYMENT_SERVICE).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no employment service"));
    }

    static boolean onPesSide(CurrentUser actor) {
        return actor.worksForEmploymentService() && actor.hasAny(Role.MEDIATOR, Role.ADMINISTRATOR);
    }

    /** A social worker refers a client to the employment service; refused without the person's mandate. */
    @Transactional
    public Referral refer(NewReferral r, CurrentUser actor) {
        if (!actor.has(Role.SOCIAL_WORKER) || actor.organisationId() == null) {
            throw new NotFoundException("person");
        }
        Validator v = new Validator();
        v.check(r.personId() != null, "personId", "validation.choice");
        v.check(r.targetGroup() != null, "targetGroup", "validation.choice");
        v.check(r.directing() != null, "directing", "validation.choice");
        v.required("reason", r.reason(), 2000).required("preTrajectory", r.preTrajectory(), 10_000);
        v.required("contactName", r.contactName(), 120).required("contactDetails", r.contactDetails(), 200);
        v.text("idempotencyKey", r.idempotencyKey(), 100);
        v.throwIfInvalid();
        if (!people.exists(r.personId()) || !people.maySee(actor, r.personId())) {
            // a person the social service has no mandate for does not exist for it
            throw InvalidInputException.of("personId", "cooperation.referral.noMandate");
        }
        Consent mandate = mandate(r.personId(), actor.organisationId())
                .orElseThrow(() -> InvalidInputException.of("personId", "cooperation.referral.noMandate"));
        Organisation pes = employmentService();
        UUID id = idempotency.once("co-referral", actor.organisationId(), r.idempotencyKey(),
                Arrays.asList(r.personId(), r.targetGroup(), r.directing(), r.reason().trim(), r.preTrajectory().trim(), r.contactName().trim(),
                        r.contactDetails().trim(), r.cooperationLine()),
                () -> insert(r, mandate, pes, actor));
        return find(id).orElseThrow();
    }

    private UUID insert(NewReferral r, Consent mandate, Organisation pes, CurrentUser actor) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate due = today().plusDays(policies.intakeDays(today()));
        jdbc.sql("""
                insert into co_referral (id, person_id, from_organisation_id, from_organisation, to_organisation_id, to_organisation, mandate_id,
                  target_group, directing, reason, pre_trajectory, contact_name, contact_details, cooperation_line, status, sent_at,
                  intake_due_on, created_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'SENT',?,?,?)""")
                .params(id, r.personId(), actor.organisationId(), actor.organisationName(), pes.id(), pes.name(), mandate.id(),
                        r.targetGroup().name(), r.directing().name(), r.reason().trim(), r.preTrajectory().trim(), r.contactName().trim(),
                        r.contactDetails().trim(), r.cooperationLine(), now, due, actor.username())
                .update();
        Referral ref = find(id).orElseThrow();
        step(ref, "SENT", "SHARED", "Aangemeld bij " + pes.name(), r.reason().trim(), actor, null);
        // the pre-trajectory's findings join the person's integrated file: not lost on referral
        events.publishEvent(new PersonFileFact(r.personId(), "DOCUMENT", "SHARED", "Voortraject " + actor.organisationName(),
                r.preTrajectory().trim(), today(), "co-referral:" + id, actor.username()));
        audit.record(actor, r.personId(), AuditTrail.Action.WRITE, "COOPERATION", "referral to the employment service", r.targetGroup().name());
        return id;
    }

    /** The employment service confirms the intake and names the case manager the person will see. */
    @Transactional
    public Referral confirm(UUID id, String caseManager, String caseManagerContact, String note, CurrentUser actor) {
        Referral r = forPes(id, actor);
        Validator v = new Validator();
        v.required("caseManager", caseManager, 120).required("caseManagerContact", caseManagerContact, 200).text("note", note, 2000);
        v.throwIfInvalid();
        Lifecycle.Transition<Referral.Status> t = r.confirm();
        ConflictException.unlessChanged(jdbc.sql("""
                        update co_referral set status = ?, confirmed_at = ?, confirmed_by = ?, case_manager = ?, case_manager_contact = ?,
                          decided_note = ? where id = ? and status = ?""")
                .params(t.toName(), OffsetDateTime.now(clock), actor.displayName(), caseManager.trim(), caseManagerContact.trim(),
                        blankToNull(note), id, t.fromName()).update(), "referral", "cooperation.referral.notOpen");
        Referral after = find(id).orElseThrow();
        step(after, "CONFIRMED", "SHARED", "Intake bevestigd; trajectbegeleider " + caseManager.trim(),
                note == null || note.isBlank() ? caseManagerContact.trim() : note.trim() + "\n" + caseManagerContact.trim(), actor, null);
        audit.record(actor, r.personId(), AuditTrail.Action.WRITE, "COOPERATION", "intake confirmed", null);
        return after;
    }

    /** The employment service declines (with a reason the social service reads). */
    @Transactional
    public Referral decline(UUID id, String reason, CurrentUser actor) {
        Referral r = forPes(id, actor);
        Validator v = new Validator();
        v.required("reason", reason, 2000);
        v.throwIfInvalid();
        move(r, r.decline(), reason, actor, "Aanmelding niet aanvaard", "cooperation.referral.notOpen");
        return find(id).orElseThrow();
    }

    /** The social service withdraws its referral. */
    @Transactional
    public Referral withdraw(UUID id, String reason, CurrentUser actor) {
        Referral r = visible(id, actor);
        if (!actor.organisationId().equals(r.fromOrganisationId())) {
            throw new NotFoundException("referral");
        }
        Validator v = new Validator();
        v.required("reason", reason, 2000);
        v.throwIfInvalid();
        move(r, r.withdraw(), reason, actor, "Aanmelding ingetrokken", "cooperation.referral.closed");
        return find(id).orElseThrow();
    }

    /** Either side closes a confirmed referral at the end of the path (aftercare done, warm handover made). */
    @Transactional
    public Referral close(UUID id, String note, CurrentUser actor) {
        Referral r = visible(id, actor);
        Validator v = new Validator();
        v.required("reason", note, 2000);
        v.throwIfInvalid();
        move(r, r.close(), note, actor, "Samenwerking afgerond", "cooperation.referral.notConfirmed");
        return find(id).orElseThrow();
    }

    private void move(Referral r, Lifecycle.Transition<Referral.Status> t, String note, CurrentUser actor, String title, String conflictKey) {
        ConflictException.unlessChanged(jdbc.sql("update co_referral set status = ?, decided_note = ? where id = ? and status = ?")
                .params(t.toName(), note.trim(), r.id(), t.fromName()).update(), "referral", conflictKey);
        step(find(r.id()).orElseThrow(), t.toName(), "SHARED", title, note.trim(), actor, null);
        audit.record(actor, r.personId(), AuditTrail.Action.WRITE, "COOPERATION", "referral " + t.toName().toLowerCase(), null);
    }

    /** A step on a referral by either side; a retry with the same key adds nothing. */
    @Transactional
    public UUID addStep(UUID referralId, String visibility, String title, String body, LocalDate occurredOn, String idempotencyKey,
                        CurrentUser actor) {
        Referral r = visible(referralId, actor);
        if (!onPesSide(actor) && !mandate(r.personId(), actor.organisationId()).isPresent()) {
            throw InvalidInputException.of("referral", "cooperation.referral.mandateExpired");
        }
        Validator v = new Validator();
        v.check("SHARED".equals(visibility) || "INTERNAL".equals(visibility), "visibility", "validation.choice");
        v.required("title", title, 200).text("body", body, 5000);
        v.check(occurredOn != null, "occurredOn", "validation.date");
        v.pastOrToday("occurredOn", occurredOn, clock);
        v.text("idempotencyKey", idempotencyKey, 100);
        v.throwIfInvalid();
        v.check(r.status() == Referral.Status.SENT || r.status() == Referral.Status.CONFIRMED, "referral", "cooperation.referral.closed");
        v.throwIfInvalid();
        UUID id = idempotency.once("co-step", actor.organisationId(), idempotencyKey,
                Arrays.asList(referralId, visibility, title.trim(), body == null ? "" : body.trim(), occurredOn),
                () -> step(r, "STEP", visibility, title.trim(), body == null || body.isBlank() ? null : body.trim(), actor, occurredOn));
        audit.record(actor, r.personId(), AuditTrail.Action.WRITE, "COOPERATION", "referral step", visibility);
        return id;
    }

    private UUID step(Referral r, String kind, String visibility, String title, String body, CurrentUser actor, LocalDate occurredOn) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean pes = onPesSide(actor);
        LocalDate on = occurredOn == null ? today() : occurredOn;
        jdbc.sql("""
                insert into co_referral_step (id, referral_id, organisation_id, organisation, author, kind, visibility, pes_side, title, body,
                  occurred_on, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, r.id(), actor.organisationId(), actor.organisationName(), actor.displayName(), kind, visibility, pes, title, body,
                        on, now)
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", r.id().toString());
        payload.put("status", r.status().name());
        payload.put("kind", kind);
        payload.put("title", title);
        payload.put("body", body);
        payload.put("occurredOn", on.toString());
        payload.put("organisation", actor.organisationName());
        payload.put("intakeDueOn", r.intakeDueOn().toString());
        payload.put("caseManager", r.caseManager());
        // one event per side that may see it: an INTERNAL step stays on its author's side
        if ("SHARED".equals(visibility) || pes) {
            feed.append(r.toOrganisationId(), r, kind, payload);
        }
        if ("SHARED".equals(visibility) || !pes) {
            feed.append(r.fromOrganisationId(), r, kind, payload);
        }
        return id;
    }

    private Referral forPes(UUID id, CurrentUser actor) {
        if (!onPesSide(actor)) {
            throw new NotFoundException("referral");
        }
        return find(id).orElseThrow(() -> new NotFoundException("referral"));
    }

    /** A referral the actor may see: the employment service's staff, the referring social service, the person. */
    public Referral visible(UUID id, CurrentUser actor) {
        Referral r = find(id).orElseThrow(() -> new NotFoundException("referral"));
        boolean may = onPesSide(actor)
                || actor.has(Role.SOCIAL_WORKER) && r.fromOrganisationId().equals(actor.organisationId())
                || actor.has(Role.CITIZEN) && r.personId().equals(actor.personId());
        if (!may) {
            throw new NotFoundException("referral");
        }
        return r;
    }

    /** The referral with the steps the actor may see; audited. */
    public record Followed(Referral referral, List<ReferralStep> steps, boolean sharing) {}

    public Followed follow(UUID id, CurrentUser actor) {
        Referral r = visible(id, actor);
        boolean pes = onPesSide(actor);
        boolean sharing = pes || actor.has(Role.CITIZEN) || mandate(r.personId(), actor.organisationId()).isPresent();
        List<ReferralStep> steps = jdbc.sql("""
                select id, referral_id, organisation_id, organisation, author, kind, visibility, title, body, occurred_on, created_at, pes_side
                from co_referral_step where referral_id = ? order by created_at, id""").param(id)
                .query((rs, i) -> new Object[] {step(rs), rs.getBoolean(12)}).list().stream()
                .filter(o -> {
                    ReferralStep s = (ReferralStep) o[0];
                    boolean stepPes = (Boolean) o[1];
                    if (actor.has(Role.CITIZEN)) {
                        return "SHARED".equals(s.visibility());
                    }
                    if (pes) {
                        return "SHARED".equals(s.visibility()) || stepPes;
                    }
                    // the social service: its own steps; the other side's shared steps only while the mandate holds
                    return !stepPes && s.organisationId().equals(actor.organisationId()) || sharing && "SHARED".equals(s.visibility());
                })
                .map(o -> (ReferralStep) o[0]).toList();
        audit.record(actor, r.personId(), AuditTrail.Action.READ, "COOPERATION", "referral followed", steps.size() + " steps");
        return new Followed(r, steps, sharing);
    }

    /** The referrals the actor works on: all of them for the employment service, its own for a social service; audited. */
    public List<Referral> list(CurrentUser actor, String status, int limit) {
        String where;
        Object[] params;
        if (onPesSide(actor)) {
            where = "where (? = '' or status = ?)";
            params = new Object[] {status, status};
        } else if (actor.has(Role.SOCIAL_WORKER) && actor.organisationId() != null) {
            where = "where from_organisation_id = ? and (? = '' or status = ?)";
            params = new Object[] {actor.organisationId(), status, status};
        } else if (actor.has(Role.CITIZEN) && actor.personId() != null) {
            where = "where person_id = ? and (? = '' or status = ?)";
            params = new Object[] {actor.personId(), status, status};
        } else {
            return List.of();
        }
        List<Referral> out = query(where + " order by (status = 'SENT') desc, cooperation_line desc, intake_due_on, sent_at desc limit "
                + Math.max(1, Math.min(limit, 500)), params);
        audit.recordReads(actor, out.stream().map(Referral::personId).toList(), "COOPERATION", "referral list");
        return out;
    }

    public Optional<Referral> find(UUID id) {
        return query("where id = ?", id).stream().findFirst();
    }

    private List<Referral> query(String where, Object... params) {
        return jdbc.sql("""
                select id, person_id, from_organisation_id, from_organisation, to_organisation_id, to_organisation, mandate_id, target_group,
                  directing, reason, pre_trajectory, contact_name, contact_details, cooperation_line, status, sent_at, intake_due_on,
                  confirmed_at, confirmed_by, case_manager, case_manager_contact, decided_note from co_referral""" + " " + where)
                .params(params)
                .query((rs, i) -> new Referral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class),
                        Referral.TargetGroup.valueOf(rs.getString(8)), Referral.Directing.valueOf(rs.getString(9)), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getBoolean(14), Referral.Status.valueOf(rs.getString(15)),
                        rs.getObject(16, OffsetDateTime.class), rs.getObject(17, LocalDate.class), rs.getObject(18, OffsetDateTime.class),
                        rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22)))
                .list();
    }

    private static ReferralStep step(ResultSet rs) throws SQLException {
        return new ReferralStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                rs.getObject(11, OffsetDateTime.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
