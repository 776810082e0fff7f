package be.werkregie.audit;

import be.werkregie.identity.CurrentUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Records and shows who touched a person's data. Records can never be changed or removed (a database trigger refuses). */
@Service
public class AuditTrail {

    public enum Action { READ, WRITE }

    public record Event(OffsetDateTime at, String username, String organisationName, String action, String part,
                        String purpose, String detail, String role) {}

    /** One page of a person's audit trail, newest first. */
    public record Page(List<Event> events, long total, int page, int pages, int size) {}

    /** An organisation that appears in a person's trail (for the filter). */
    public record Reader(UUID organisationId, String organisationName) {}

    /** The role that best describes who acted (the most specific one). */
    static String roleOf(CurrentUser actor) {
        if (actor == null) {
            return null;
        }
        for (var r : List.of(be.werkregie.identity.Role.ADMINISTRATOR, be.werkregie.identity.Role.MEDIATOR,
                be.werkregie.identity.Role.SOCIAL_WORKER, be.werkregie.identity.Role.PARTNER_MANAGER, be.werkregie.identity.Role.PARTNER_STAFF,
                be.werkregie.identity.Role.CAMPUS_MANAGER, be.werkregie.identity.Role.LOCAL_GOVERNMENT, be.werkregie.identity.Role.ANALYST,
                be.werkregie.identity.Role.CITIZEN)) {
            if (actor.has(r)) {
                return r.name();
            }
        }
        return null;
    }

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    AuditTrail(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(CurrentUser actor, UUID personId, Action action, String part, String purpose, String detail) {
        jdbc.sql("""
                insert into audit_event (at, user_id, username, organisation_id, organisation_name, person_id, action, part, purpose, detail,
                  actor_role) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(OffsetDateTime.now(clock), actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(),
                        actor == null ? null : actor.organisationId(), actor == null ? null : actor.organisationName(),
                        personId, action.name(), part, purpose, detail, roleOf(actor))
                .update();
    }

    /**
     * One audited read per person shown in a list or an export, written in one statement for the whole request (not
     * one insert per row). Duplicates are folded; an empty list writes nothing.
     */
    public void recordReads(CurrentUser actor, java.util.Collection<UUID> personIds, String part, String purpose) {
        UUID[] ids = personIds.stream().filter(java.util.Objects::nonNull).distinct().toArray(UUID[]::new);
        if (ids.length == 0) {
            return;
        }
        jdbc.sql("""
                insert into audit_event (at, user_id, username, organisation_id, organisation_name, person_id, action, part, purpose,
                  actor_role)
                select ?, ?, ?, ?, ?, p, 'READ', ?, ?, ? from unnest(?::uuid[]) p""")
                .params(OffsetDateTime.now(clock), actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(),
                        actor == null ? null : actor.organisationId(), actor == null ? null : actor.organisationName(), part, purpose,
                        roleOf(actor), ids)
                .update();
    }

    public List<Event> forPerson(UUID personId, int limit) {
        return page(personId, null, null, null, 1, limit).events();
    }

    /**
     * A page of the person's trail, newest first, optionally for one organisation (null: all; the zero UUID: the
     * system) and a period (inclusive dates). Every event is there: nothing is cut off at a limit.
     */
    public Page page(UUID personId, UUID organisationId, java.time.LocalDate from, java.time.LocalDate to, int page, int size) {
        int s = Math.max(1, Math.min(size, 500));
        StringBuilder where = new StringBuilder(" where person_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(personId));
        if (organisationId != null) {
            if (organisationId.equals(new UUID(0, 0))) {
                where.append(" and organisation_id is null");
            } else {
                where.append(" and organisation_id = ?");
                params.add(organisationId);
            }
        }
        java.time.ZoneId zone = clock.getZone();
        if (from != null) {
            where.append(" and at >= ?");
            params.add(from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" and at < ?");
            params.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + s - 1) / s);
        int p = Math.max(1, Math.min(page, pages));
        List<Object> pageParams = new java.util.ArrayList<>(params);
        pageParams.add(s);
        pageParams.add((long) (p - 1) * s);
        List<Event> events = jdbc.sql("select at, username, organisation_name, action, part, purpose, detail, actor_role from audit_event"
                        + where + " order by at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, i) -> new Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return new Page(events, total, p, pages, s);
    }

    /** The organisations that appear in the person's trail. */
    public List<Reader> readersOf(UUID personId) {
        return jdbc.sql("""
                select organisation_id, max(organisation_name) from audit_event where person_id = ? and organisation_id is not null
                group by organisation_id order by 2""")
                .param(personId).query((rs, i) -> new Reader(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    public long count(UUID personId, Action action, String part) {
        return jdbc.sql("select count(*) from audit_event where person_id = ? and action = ? and part = ?")
                .params(personId, action.name(), part).query(Long.class).single();
    }
}
