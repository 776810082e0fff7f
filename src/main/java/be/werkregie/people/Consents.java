package be.werkregie.people;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisations;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants, revokes and checks consents; an expired or revoked consent gives no access. */
@Service
public class Consents {

    /** Longest consent a person can give in one go; renewing is explicit. Configurable. */
    private final int maxYears;
    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    private final be.werkregie.policy.Policies policies;

    Consents(be.werkregie.policy.Policies policies, JdbcClient jdbc, Organisations organisations, AuditTrail audit, Clock clock,
             @org.springframework.beans.factory.annotation.Value("${werkregie.consent.max-years:3}") int maxYears) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.maxYears = maxYears;
    }

    /** How the person gave a consent. */
    public static final List<String> RECORDED_VIA = List.of("SELF_SERVICE", "IN_PERSON", "SIGNED_FORM");

    /** The person gives a consent in their own pages (the actor is the person). */
    @Transactional
    public UUID grant(UUID personId, UUID organisationId, String purpose, String scope, LocalDate validFrom,
                      LocalDate expiresOn, CurrentUser actor) {
        return grant(personId, organisationId, purpose, scope, validFrom, expiresOn, "SELF_SERVICE", null, actor);
    }

    /**
     * Records a consent. Given by the person: by the person themself ({@code SELF_SERVICE}), or recorded by staff of the
     * <em>receiving</em> organisation with the person present ({@code IN_PERSON}) or on a signed form ({@code SIGNED_FORM},
     * with its reference). A third organisation can never give one organisation access on its own (no consent
     * laundering). {@code SEE} lets the organisation read; {@code ACT} also lets it write and act for the person.
     */
    @Transactional
    public UUID grant(UUID personId, UUID organisationId, String purpose, String scope, LocalDate validFrom,
                      LocalDate expiresOn, String recordedVia, String evidence, CurrentUser actor) {
        Validator v = new Validator();
        boolean self = actor != null && actor.has(be.werkregie.identity.Role.CITIZEN);
        if (self) {
            v.check(personId != null && personId.equals(actor.personId()), "person", "validation.person.unknown");
            v.check("SELF_SERVICE".equals(recordedVia), "recordedVia", "validation.choice");
        } else if (actor != null) {
            v.check(organisationId == null || organisationId.equals(actor.organisationId()), "organisationId",
                    "validation.consent.ownOrganisationOnly");
            v.check("IN_PERSON".equals(recordedVia) || "SIGNED_FORM".equals(recordedVia), "recordedVia", "validation.consent.howGiven");
            if ("SIGNED_FORM".equals(recordedVia)) {
                v.required("evidence", evidence, 200);
            }
        } else {
            v.check(recordedVia != null && RECORDED_VIA.contains(recordedVia), "recordedVia", "validation.choice");
        }
        v.text("evidence", evidence, 200);
        v.check(organisationId != null && organisations.find(organisationId).isPresent(), "organisationId", "validation.organisation.unknown");
        v.required("purpose", purpose, 200);
        v.check("SEE".equals(scope) || "ACT".equals(scope), "scope", "validation.choice");
        LocalDate today = LocalDate.now(clock);
        LocalDate from = validFrom == null ? today : validFrom;
        v.check(expiresOn != null, "expiresOn", "validation.required");
        if (expiresOn != null) {
            v.check(!expiresOn.isBefore(from), "expiresOn", "validation.consent.expiryBeforeStart");
            v.check(!expiresOn.isBefore(today), "expiresOn", "validation.consent.expiryInPast");
            int maxYears = policies.integerOn(PeoplePolicies.CONSENT_MAX_YEARS, today);
            v.check(!expiresOn.isAfter(from.plusYears(maxYears)), "expiresOn", "validation.consent.tooLong", maxYears);
        }
        v.check(jdbc.sql("select count(*) from person where id = ?").param(personId).query(Long.class).single() == 1,
                "person", "validation.person.unknown");
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into consent (id, person_id, organisation_id, purpose, scope, valid_from, expires_on, recorded_by, granted_at,
                  recorded_via, evidence)
                values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, personId, organisationId, purpose.trim(), scope, from, expiresOn, actor == null ? null : actor.userId(),
                        java.time.OffsetDateTime.now(clock), recordedVia, evidence == null || evidence.isBlank() ? null : evidence.trim())
                .update();
        audit.record(actor, personId, AuditTrail.Action.WRITE, "CONSENTS", "consent granted", purpose);
        return id;
    }

    @Transactional
    public void revoke(UUID personId, UUID consentId, CurrentUser actor) {
        // the person revokes any of their consents; staff only their own organisation's (at the person's request)
        boolean self = actor == null || actor.has(be.werkregie.identity.Role.CITIZEN) && personId.equals(actor.personId());
        int n = jdbc.sql("""
                update consent set revoked_at = ? where id = ? and person_id = ? and revoked_at is null
                and (? or organisation_id = ?)""")
                .params(java.time.OffsetDateTime.now(clock), consentId, personId, self, actor == null ? null : actor.organisationId())
                .update();
        if (n == 0) {
            throw InvalidInputException.of("consent", "validation.consent.unknown");
        }
        audit.record(actor, personId, AuditTrail.Action.WRITE, "CONSENTS", "consent revoked", consentId.toString());
    }

    public List<Consent> of(UUID personId) {
        return jdbc.sql("""
                select c.id, c.person_id, c.organisation_id, o.name, c.purpose, c.scope, c.valid_from, c.expires_on, c.revoked_at,
                  c.recorded_via, c.evidence
                from consent c left join identity_v_organisation o on o.id = c.organisation_id
                where c.person_id = ? order by c.granted_at desc""")
                .param(personId)
                .query((rs, i) -> new Consent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, java.time.OffsetDateTime.class), rs.getString(10), rs.getString(11)))
                .list();
    }

    /** Whether the organisation holds a consent of this person that is active today (to see: SEE or ACT). */
    public boolean isActive(UUID personId, UUID organisationId) {
        return isActive(personId, organisationId, false);
    }

    /** Whether the organisation may act for the person today: an active consent with scope ACT. */
    public boolean mayAct(UUID personId, UUID organisationId) {
        return isActive(personId, organisationId, true);
    }

    private boolean isActive(UUID personId, UUID organisationId, boolean act) {
        if (personId == null || organisationId == null) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*) from consent where person_id = ? and organisation_id = ? and revoked_at is null
                and valid_from <= ? and expires_on >= ? and (not ? or scope = 'ACT')""")
                .params(personId, organisationId, today, today, act).query(Long.class).single() > 0;
    }
}
