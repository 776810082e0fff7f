package be.werkregie.dossier;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.people.Consents;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds to and reads from a person's integrated file, applying each entry's visibility. */
@Service
public class Dossier {

    public static final List<String> KINDS = List.of("NOTE", "ACTION", "DOCUMENT", "DECISION");

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final Consents consents;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final be.werkregie.platform.Idempotency idempotency;

    Dossier(be.werkregie.platform.Idempotency idempotency, JdbcClient jdbc, PersonDirectory people, Consents consents, Organisations organisations, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.people = people;
        this.consents = consents;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Adds an entry; a retried request with the same idempotency key adds nothing and returns the first entry's id. */
    @Transactional
    public UUID add(UUID personId, String kind, String visibility, String title, String body, LocalDate occurredOn,
                    String idempotencyKey, CurrentUser actor) {
        if (!people.maySee(actor, personId) || actor.has(Role.CITIZEN)) {
            throw new NotFoundException("person");
        }
        if (!people.mayAct(actor, personId)) {
            // a SEE consent reads; writing (or handing over) needs ACT
            throw InvalidInputException.of("consent", "validation.consent.readOnly");
        }
        Validator v = new Validator();
        v.check(kind != null && KINDS.contains(kind), "kind", "validation.choice");
        v.check(visibility != null && List.of("SHARED", "ORGANISATION", "CONFIDENTIAL").contains(visibility), "visibility",
                "validation.choice");
        v.required("title", title, 200).required("body", body, 10_000);
        v.check(occurredOn != null, "occurredOn", "validation.date");
        v.pastOrToday("occurredOn", occurredOn, clock);
        v.text("idempotencyKey", idempotencyKey, 100);
        v.throwIfInvalid();
        return idempotency.once("dossier-entry", actor.organisationId(), idempotencyKey,
                java.util.Arrays.asList(personId, kind, visibility, title, body, occurredOn),
                () -> insertEntry(personId, kind, visibility, title, body, occurredOn, idempotencyKey, actor));
    }

    private UUID insertEntry(UUID personId, String kind, String visibility, String title, String body, LocalDate occurredOn,
                             String idempotencyKey, CurrentUser actor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into dossier_entry (id, person_id, organisation_id, organisation_name, author_user_id, author_name, kind,
                  visibility, title, body, occurred_on, idempotency_key) values (?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (idempotency_key) do nothing""")
                .params(id, personId, actor.organisationId(), actor.organisationName(), actor.userId(), actor.displayName(), kind,
                        visibility, title.trim(), body.trim(), occurredOn,
                        idempotencyKey == null || idempotencyKey.isBlank() ? null : actor.organisationId() + ":" + idempotencyKey)
                .update();
        audit.record(actor, personId, AuditTrail.Action.WRITE, "DOSSIER", "entry added", kind + " " + visibility);
        return id;
    }

    /** The entries this actor may see, newest first; the read is audited. */
    public List<DossierEntry> timeline(UUID personId, CurrentUser actor) {
        if (!people.maySee(actor, personId)) {
            throw new NotFoundException("person");
        }
        List<DossierEntry> entries;
        if (actor.has(Role.CITIZEN)) {
            // the person sees their whole file (right of access)
            entries = query("where person_id = ?", personId);
        } else if (actor.worksForEmploymentService()) {
            // mediators and administrators alike: never another organisation's CONFIDENTIAL entries (see breakGlass)
            entries = query("where person_id = ? and (visibility in ('SHARED','ORGANISATION') or organisation_id = ?)", personId,
                    actor.organisationId());
        } else {
            entries = query("where person_id = ? and (visibility = 'SHARED' or organisation_id = ?)", personId, actor.organisationId());
        }
        audit.record(actor, personId, AuditTrail.Action.READ, "DOSSIER", "timeline", entries.size() + " entries");
        return entries;
    }

    /**
     * Break glass: an administrator reads the CONFIDENTIAL entries of a person for a stated reason (a court order, a
     * complaint about the author). The read is audited with the reason and shown to the person in "Who viewed my
     * file", and every organisation whose confidential entry was read is told. Nobody else can read them.
     */
    @Transactional
    public List<DossierEntry> breakGlass(UUID personId, String reason, CurrentUser actor) {
        if (!actor.has(Role.ADMINISTRATOR) || !people.maySee(actor, personId)) {
            throw new NotFoundException("person");
        }
        Validator v = new Validator();
        v.required("reason", reason, 1000);
        v.check(reason == null || reason.trim().length() >= 10, "reason", "validation.breakGlass.reason");
        v.throwIfInvalid();
        List<DossierEntry> confidential = query("where person_id = ? and visibility = 'CONFIDENTIAL'", personId);
        audit.record(actor, personId, AuditTrail.Action.READ, "DOSSIER_CONFIDENTIAL", "break-glass: " + reason.trim(),
                confidential.size() + " confidential entries");
        List<UUID> authors = confidential.stream().map(DossierEntry::organisationId).filter(java.util.Objects::nonNull).distinct().toList();
        events.publishEvent(new ConfidentialEntriesRead(personId, authors, actor.displayName(), actor.organisationName(), reason.trim(),
                OffsetDateTime.now(clock)));
        return confidential;
    }

    private List<DossierEntry> query(String where, Object... params) {
        return jdbc.sql("""
                select id, person_id, organisation_id, organisation_name, author_name, kind, visibility, title, body, occurred_on,
                created_at from dossier_entry """ + " " + where + " order by occurred_on desc, created_at desc limit 500")
                .params(params)
                .query((rs, i) -> new DossierEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        Visibility.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                        rs.getObject(11, OffsetDateTime.class)))
                .list();
    }

    /** Hands the person over to another organisation with context and a named contact. */
    @Transactional
    public UUID handOver(UUID personId, UUID toOrganisationId, String contactName, String contactDetails, String context,
                         String idempotencyKey, CurrentUser actor) {
        if (!people.maySee(actor, personId) || actor.has(Role.CITIZEN)) {
            throw new NotFoundException("person");
        }
        if (!people.mayAct(actor, personId)) {
            // a SEE consent reads; writing (or handing over) needs ACT
            throw InvalidInputException.of("consent", "validation.consent.readOnly");
        }
        Validator v = new Validator();
        var to = toOrganisationId == null ? Optional.<be.werkregie.identity.Organisation>empty() : organisations.find(toOrganisationId);
        v.check(to.isPresent(), "toOrganisationId", "validation.organisation.unknown");
        v.check(to.isEmpty() || !to.get().id().equals(actor.organisationId()), "toOrganisationId", "validation.handover.self");
        if (to.isPresent() && !to.get().kind().isEmploymentService()) {
            v.check(consents.isActive(personId, to.get().id()), "toOrganisationId", "validation.handover.noConsent");
        }
        v.required("contactName", contactName, 120).required("contactDetails", contactDetails, 200).required("context", context, 5000);
        v.text("idempotencyKey", idempotencyKey, 100);
        v.throwIfInvalid();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : actor.organisationId() + ":" + idempotencyKey;
        var target = to.get();
        return idempotency.once("handover", actor.organisationId(), idempotencyKey,
                java.util.Arrays.asList(personId, toOrganisationId, contactName, contactDetails, context),
                () -> insertHandover(personId, target, contactName, contactDetails, context, key, actor));
    }

    private UUID insertHandover(UUID personId, be.werkregie.identity.Organisation target, String contactName, String contactDetails,
                                String context, String key, CurrentUser actor) {
        var to = Optional.of(target);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into handover (id, person_id, from_organisation_id, from_organisation, to_organisation_id, to_organisation,
                  from_user_id, from_user_name, contact_name, contact_details, context, idempotency_key)
                values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, personId, actor.organisationId(), actor.organisationName(), to.get().id(), to.get().name(),
                        actor.userId(), actor.displayName(), contactName.trim(), contactDetails.trim(), context.trim(), key)
                .update();
        jdbc.sql("""
                insert into dossier_entry (id, person_id, organisation_id, organisation_name, author_user_id, author_name, kind,
                  visibility, title, body, occurred_on) values (?,?,?,?,?,?,'HANDOVER','SHARED',?,?,?)""")
                .params(UUID.randomUUID(), personId, actor.organisationId(), actor.organisationName(), actor.userId(),
                        actor.displayName(), "Warme overdracht naar " + to.get().name(),
                        context.trim() + "\n\nContactpersoon: " + contactName.trim() + " (" + contactDetails.trim() + ")",
                        LocalDate.now(clock))
                .update();
        audit.record(actor, personId, AuditTrail.Action.WRITE, "HANDOVER", "warm handover", to.get().name());
        events.publishEvent(new HandoverCreated(id, personId, actor.organisationName(), to.get().name(), contactName.trim(),
                contactDetails.trim()));
        return id;
    }

    /** The receiving organisation confirms; acknowledging twice is refused with a clear message. */
    @Transactional
    public void acknowledge(UUID handoverId, String note, CurrentUser actor) {
        Handover h = handover(handoverId).orElseThrow(() -> new NotFoundException("handover"));
        // the receiver acknowledges; a handover to the employment service (any of its offices) is acknowledged by any
        // of its mediators: the client returns to the service, not to one desk
        boolean toEmploymentService = organisations.find(h.toOrganisationId())
                .map(o -> o.kind() == be.werkregie.identity.OrganisationKind.EMPLOYMENT_SERVICE
                        || o.kind() == be.werkregie.identity.OrganisationKind.PES_OFFICE).orElse(false);
        boolean receiver = h.toOrganisationId().equals(actor.organisationId())
                || toEmploymentService && actor.has(Role.MEDIATOR) && actor.worksForEmploymentService();
        if (!receiver) {
            throw new NotFoundException("handover");
        }
        Validator v = new Validator().text("note", note, 2000);
        v.check(!h.acknowledged(), "handover", "validation.handover.alreadyAcknowledged");
        v.throwIfInvalid();
        // compare-and-set: of two parallel acknowledgements one wins; the other changes nothing and is told so
        be.werkregie.shared.ConflictException.unlessChanged(jdbc.sql(
                        "update handover set acknowledged_at = ?, acknowledged_by = ?, acknowledgement_note = ? where id = ? and acknowledged_at is null")
                .params(OffsetDateTime.now(clock), actor.displayName(), note == null || note.isBlank() ? null : note.trim(), handoverId).update(),
                "handover", "validation.handover.alreadyAcknowledged");
        audit.record(actor, h.personId(), AuditTrail.Action.WRITE, "HANDOVER", "handover acknowledged", null);
        events.publishEvent(new HandoverAcknowledged(handoverId, h.personId(), h.fromOrganisationId(), h.toOrganisation(),
                actor.displayName()));
    }

    public Optional<Handover> handover(UUID id) {
        return handovers("where id = ?", id).stream().findFirst();
    }

    /** Handovers of a person that the actor's organisation sent or received (all of them for the person and the PES). */
    public List<Handover> handoversOf(UUID personId, CurrentUser actor) {
        if (!people.maySee(actor, personId)) {
            throw new NotFoundException("person");
        }
        if (actor.has(Role.CITIZEN) || actor.has(Role.ADMINISTRATOR) || actor.worksForEmploymentService()) {
            return handovers("where person_id = ?", personId);
        }
        return handovers("where person_id = ? and (from_organisation_id = ? or to_organisation_id = ?)", personId,
                actor.organisationId(), actor.organisationId());
    }

    /** Handovers waiting for this organisation's acknowledgement. */
    public List<Handover> inbox(UUID organisationId) {
        if (organisationId == null) {
            return List.of();
        }
        return handovers("where to_organisation_id = ? and acknowledged_at is null", organisationId);
    }

    private List<Handover> handovers(String where, Object... params) {
        return jdbc.sql("""
                select id, person_id, from_organisation_id, from_organisation, to_organisation_id, to_organisation, from_user_name,
                contact_name, contact_details, context, created_at, acknowledged_at, acknowledged_by, acknowledgement_note
                from handover """ + " " + where + " order by created_at desc limit 200")
                .params(params)
                .query((rs, i) -> new Handover(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class), rs.getString(13), rs.getString(14)))
                .list();
    }
}
