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
                        String purpose, String detail) {}

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    AuditTrail(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(CurrentUser actor, UUID personId, Action action, String part, String purpose, String detail) {
        jdbc.sql("""
                insert into audit_event (at, user_id, username, organisation_id, organisation_name, person_id, action, part, purpose, detail)
                values (?,?,?,?,?,?,?,?,?,?)""")
                .params(OffsetDateTime.now(clock), actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(),
                        actor == null ? null : actor.organisationId(), actor == null ? null : actor.organisationName(),
                        personId, action.name(), part, purpose, detail)
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
                insert into audit_event (at, user_id, username, organisation_id, organisation_name, person_id, action, part, purpose)
                select ?, ?, ?, ?, ?, p, 'READ', ?, ? from unnest(?::uuid[]) p""")
                .params(OffsetDateTime.now(clock), actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(),
                        actor == null ? null : actor.organisationId(), actor == null ? null : actor.organisationName(), part, purpose, ids)
                .update();
    }

    public List<Event> forPerson(UUID personId, int limit) {
        return jdbc.sql("""
                select at, username, organisation_name, action, part, purpose, detail from audit_event
                where person_id = ? order by at desc, id desc limit ?""")
                .params(personId, limit)
                .query((rs, i) -> new Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    public long count(UUID personId, Action action, String part) {
        return jdbc.sql("select count(*) from audit_event where person_id = ? and action = ? and part = ?")
                .params(personId, action.name(), part).query(Long.class).single();
    }
}
