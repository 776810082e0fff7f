package be.werkregie.people;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.NationalNumber;
import be.werkregie.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds people and decides who may see whom: the employment service's staff and administrators see
 * everyone; partners and social services only people who gave their organisation an active consent;
 * a citizen only themself. Every read is audited; a refused read looks like "not found".
 */
@Service
public class PersonDirectory {

    static final String COLUMNS = """
            id, national_number, first_name, last_name, birth_date, sex, municipality_nis, street, email, phone, language,
            contact_language, preferred_channels, status, education, migration_background, work_disability,
            unemployment_duration, digital_skills, dutch_level, motivation, mobility, finances, health, career_clarity,
            reachability, persona""";

    private final JdbcClient jdbc;
    private final Consents consents;
    private final AuditTrail audit;

    private final java.util.List<PersonAccess> accessBases;

    private final java.time.Clock clock;

    PersonDirectory(java.time.Clock clock, JdbcClient jdbc, Consents consents, AuditTrail audit,
                    org.springframework.beans.factory.ObjectProvider<PersonAccess> accessBases) {
        this.clock = clock;
        this.accessBases = accessBases.orderedStream().toList();
        this.jdbc = jdbc;
        this.consents = consents;
        this.audit = audit;
    }

    public boolean maySee(CurrentUser actor, UUID personId) {
        if (actor.has(Role.CITIZEN) && personId.equals(actor.personId())) {
            return true;
        }
        if (actor.has(Role.ADMINISTRATOR) || (actor.has(Role.MEDIATOR) && actor.worksForEmploymentService())) {
            return true;
        }
        if (actor.hasAny(Role.PARTNER_STAFF, Role.SOCIAL_WORKER) && actor.organisationId() != null) {
            return consents.isActive(personId, actor.organisationId())
                    || accessBases.stream().anyMatch(a -> a.grants(actor.organisationId(), personId));
        }
        return false;
    }

    /**
     * Whether the actor may write to the person's file or act for them: the employment service's mediators, and
     * partners or social services with an {@code ACT} consent (or a legal basis such as an assigned trajectory). A
     * {@code SEE} consent reads only.
     */
    public boolean mayAct(CurrentUser actor, UUID personId) {
        if (actor.has(Role.MEDIATOR) && actor.worksForEmploymentService()) {
            return true;
        }
        if (actor.hasAny(Role.PARTNER_STAFF, Role.SOCIAL_WORKER) && actor.organisationId() != null) {
            return consents.mayAct(personId, actor.organisationId())
                    || accessBases.stream().anyMatch(a -> a.grants(actor.organisationId(), personId));
        }
        return false;
    }

    /** The person with this national number, if any (a lookup by the identifier the person presented; not audited). */
    public java.util.Optional<UUID> idByNationalNumber(String nationalNumber) {
        return jdbc.sql("select id from person where national_number = ?").param(nationalNumber).query(UUID.class).optional();
    }

    /** Whether a person with this id exists (no personal data is read). */
    public boolean exists(UUID personId) {
        return personId != null && jdbc.sql("select count(*) from person where id = ?").param(personId).query(Long.class).single() > 0;
    }

    /** Reads a person for a stated purpose; audited; NotFoundException when absent or not permitted. */
    public Person get(UUID personId, CurrentUser actor, String purpose) {
        if (!maySee(actor, personId)) {
            throw new NotFoundException("person");
        }
        Person p = jdbc.sql("select " + COLUMNS + " from person where id = ?").param(personId).query(PersonDirectory::map)
                .optional().orElseThrow(() -> new NotFoundException("person"));
        audit.record(actor, personId, AuditTrail.Action.READ, "PROFILE", purpose, null);
        return p;
    }

    /** Reads without an actor, for system processes (message delivery); audited as "system". */
    public Person getForSystem(UUID personId, String purpose) {
        Person p = jdbc.sql("select " + COLUMNS + " from person where id = ?").param(personId).query(PersonDirectory::map)
                .optional().orElseThrow(() -> new NotFoundException("person"));
        audit.record(null, personId, AuditTrail.Action.READ, "CONTACT", purpose, null);
        return p;
    }

    /** Search by national number or by (start of) name; only people the actor may see; each hit is audited. */
    public List<Person> search(String query, CurrentUser actor, int limit) {
        if (query == null || query.isBlank() || query.length() > 100) {
            return List.of();
        }
        String q = query.trim();
        List<Person> hits;
        String scope = "";
        Object[] scopeParams = {};
        if (!(actor.has(Role.ADMINISTRATOR) || (actor.has(Role.MEDIATOR) && actor.worksForEmploymentService()))) {
            scope = " and id in (select person_id from consent where organisation_id = ? and revoked_at is null"
                    + " and valid_from <= ? and expires_on >= ?)";
            java.time.LocalDate today = java.time.LocalDate.now(clock);
            scopeParams = new Object[] {actor.organisationId(), today, today};
        }
        if (NationalNumber.problem(q).isEmpty()) {
            hits = jdbc.sql("select " + COLUMNS + " from person where national_number = ?" + scope)
                    .params(concat(new Object[] {NationalNumber.of(q).value()}, scopeParams)).query(PersonDirectory::map).list();
        } else if (q.replaceAll("[ .\\-]", "").matches("[0-9]{6,11}")) {
            // the start of a national number (at least the birth date)
            hits = jdbc.sql("select " + COLUMNS + " from person where national_number like ?" + scope
                            + " order by last_name, first_name limit " + Math.min(limit, 200))
                    .params(concat(new Object[] {q.replaceAll("[ .\\-]", "") + "%"}, scopeParams)).query(PersonDirectory::map).list();
        } else {
            // every word must start a word of the name, whatever the order, case, accents or punctuation
            List<String> words = java.util.Arrays.stream(q.replaceAll("[,;.()]", " ").trim().split("\\s+"))
                    .filter(w -> !w.isBlank()).limit(6).map(w -> w.replace("\\", "").replace("%", "").replace("_", "")).toList();
            if (words.isEmpty()) {
                return List.of();
            }
            StringBuilder where = new StringBuilder();
            List<Object> params = new java.util.ArrayList<>();
            for (String w : words) {
                where.append(where.isEmpty() ? "" : " and ").append("search_name like ('% ' || people_fold(?) || '%')");
                params.add(w);
            }
            params.addAll(List.of(scopeParams));
            hits = jdbc.sql("select " + COLUMNS + " from person where " + where + scope
                            + " order by last_name, first_name, municipality_nis limit " + Math.min(limit, 200))
                    .params(params).query(PersonDirectory::map).list();
        }
        audit.recordReads(actor, hits.stream().map(Person::id).toList(), "SEARCH", "search");
        return hits;
    }

    /** A client of an organisation with what gives access: the consent's scope and its last day. */
    public record Client(Person person, String scope, LocalDate consentExpiresOn) {}

    /**
     * The caseload of a social service or partner: the people who gave the actor's organisation an active consent, with
     * its scope and expiry (at most {@code limit}, soonest expiry first). Every person listed is an audited read.
     */
    public List<Client> clientsOf(CurrentUser actor, int limit) {
        if (actor.organisationId() == null || !actor.hasAny(Role.SOCIAL_WORKER, Role.PARTNER_STAFF, Role.PARTNER_MANAGER)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        java.util.Map<UUID, Object[]> access = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select person_id, max(scope), max(expires_on) from consent
                where organisation_id = ? and revoked_at is null and valid_from <= ? and expires_on >= ?
                group by person_id order by max(expires_on), person_id limit ?""")
                .params(actor.organisationId(), today, today, Math.min(Math.max(limit, 1), 2000))
                .query((rs, i) -> access.put(rs.getObject(1, UUID.class), new Object[] {rs.getString(2), rs.getObject(3, LocalDate.class)}))
                .list();
        if (access.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, Person> people = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from person where id = any(?)").param(access.keySet().toArray(new UUID[0]))
                .query(PersonDirectory::map).list().forEach(p -> people.put(p.id(), p));
        List<Client> clients = new java.util.ArrayList<>();
        access.forEach((id, a) -> {
            if (people.containsKey(id)) {
                clients.add(new Client(people.get(id), (String) a[0], (LocalDate) a[1]));
            }
        });
        audit.recordReads(actor, clients.stream().map(c -> c.person().id()).toList(), "CLIENTS", "my clients");
        return clients;
    }

    public long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    public List<UUID> idsByPersona() {
        return jdbc.sql("select id from person where persona is not null order by persona").query(UUID.class).list();
    }

    public java.util.Optional<UUID> idOfPersona(String persona) {
        return jdbc.sql("select id from person where persona = ?").param(persona).query(UUID.class).optional();
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static Person map(ResultSet rs, int i) throws SQLException {
        Map<String, Integer> dims = new LinkedHashMap<>();
        for (String d : Person.DIMENSIONS) {
            int value = rs.getInt(d);
            dims.put(d, rs.wasNull() ? null : value);
        }
        String[] channels = (String[]) rs.getArray("preferred_channels").getArray();
        return new Person(rs.getObject("id", UUID.class), rs.getString("national_number"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class), rs.getString("sex").charAt(0),
                rs.getString("municipality_nis").trim(), rs.getString("street"), rs.getString("email"), rs.getString("phone"),
                rs.getString("language"), rs.getString("contact_language"),
                Arrays.stream(channels).map(Channel::valueOf).toList(), PersonStatus.valueOf(rs.getString("status")),
                Education.valueOf(rs.getString("education")), rs.getBoolean("migration_background"),
                rs.getBoolean("work_disability"), dims, rs.getString("persona"));
    }
}
