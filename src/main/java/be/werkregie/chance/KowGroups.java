package be.werkregie.chance;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's Kans Op Werk group on a date. Group codes are open parameters ({@code werkregie.chance.groups}); the
 * shipped codes are an example. Reading is for system processes (the result fee); recording is for administrators.
 */
@Service
public class KowGroups {

    public record KowGroup(String code, BigDecimal score, String modelVersion, LocalDate validFrom) {}

    /** The outcome the model predicts: at least {@code minWorkDays} days worked within {@code months} months of the start. */
    public record Outcome(int minWorkDays, int months) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<String> groups;

    private final be.werkregie.people.PersonDirectory people;

    private final be.werkregie.audit.AuditTrail audit;

    private final ChancePolicies policies;

    KowGroups(ChancePolicies policies, be.werkregie.audit.AuditTrail audit, be.werkregie.people.PersonDirectory people, JdbcClient jdbc, Clock clock, @Value("${werkregie.chance.groups:A,B,C,D}") List<String> groups) {
        this.policies = policies;
        this.audit = audit;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
        this.groups = List.copyOf(groups);
    }

    public List<String> groups() {
        return groups;
    }

    /**
     * The outcome the scores predict, in force on the date (dated policy). Outflow figures that are compared with the
     * scores must count the same outcome.
     */
    public Outcome outcomeOn(LocalDate on) {
        return policies.outcomeOn(on);
    }

    /** The fewest trajectories with a known outcome before a partner's outflow corrected for the scores is published. */
    public int outflowMinimum(LocalDate on) {
        return policies.outflowMinimum(on);
    }

    /**
     * The group in force on the date, for the result fee: the model's latest daily score on or before the date; without one, the
     * group recorded by hand (until the model scores the client). Never to be passed to a mediator. The result says which score and
     * version set it.
     */
    public Optional<KowGroup> groupOn(UUID personId, LocalDate on) {
        Optional<KowGroup> scored = jdbc.sql("""
                select s.group_code, s.score, 'KOW-' || v.number, s.scored_on from ch_score s join ch_model_version v on v.id = s.version_id
                where s.person_id = ? and s.scored_on <= ? order by s.scored_on desc limit 1""")
                .params(personId, on)
                .query((rs, i) -> new KowGroup(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .optional();
        Optional<KowGroup> recorded = jdbc.sql("""
                select group_code, score, model_version, valid_from from ch_kow_group
                where person_id = ? and valid_from <= ? order by valid_from desc, recorded_at desc limit 1""")
                .params(personId, on)
                .query((rs, i) -> new KowGroup(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .optional();
        return scored.isPresent() ? scored : recorded;
    }

    /**
     * The groups in force on the date for many people at once (the assignment run): the latest scoring run on or
     * before the date, and for the others the latest group recorded by hand. People without either are absent from
     * the map (their fee uses the schedule's UNKNOWN amount). Never to be passed to a mediator.
     */
    public java.util.Map<UUID, String> groupsOn(java.util.Collection<UUID> personIds, LocalDate on) {
        java.util.Map<UUID, String> groups = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return groups;
        }
        if (personIds.size() > 1_000) {
            // a batch: reading every group in force is cheaper than sending a hundred thousand ids
            java.util.Set<UUID> wanted = personIds instanceof java.util.Set<UUID> set ? set : new java.util.HashSet<>(personIds);
            jdbc.sql("""
                    select distinct on (person_id) person_id, group_code from ch_kow_group
                    where valid_from <= ? order by person_id, valid_from desc, recorded_at desc""")
                    .param(on)
                    .query(rs -> {
                        UUID person = rs.getObject(1, UUID.class);
                        if (wanted.contains(person)) {
                            groups.put(person, rs.getString(2));
                        }
                    });
            jdbc.sql("""
                    select person_id, group_code from ch_score
                    where scored_on = (select max(scored_on) from ch_scoring_run where scored_on <= ?)""")
                    .param(on)
                    .query(rs -> {
                        UUID person = rs.getObject(1, UUID.class);
                        if (wanted.contains(person)) {
                            groups.put(person, rs.getString(2));
                        }
                    });
            return groups;
        }
        UUID[] ids = personIds.toArray(UUID[]::new);
        jdbc.sql("""
                select distinct on (person_id) person_id, group_code from ch_kow_group
                where person_id = any(?) and valid_from <= ? order by person_id, valid_from desc, recorded_at desc""")
                .params(ids, on)
                .query(rs -> {
                    groups.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        jdbc.sql("""
                select distinct on (person_id) person_id, group_code from ch_score
                where person_id = any(?) and scored_on <= ? order by person_id, scored_on desc""")
                .params(ids, on)
                .query(rs -> {
                    groups.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return groups;
    }

    /**
     * Records the groups of a scoring run of the model (or of the demo), valid from the given date. A system process:
     * no user; the model version says where the groups come from.
     */
    @Transactional
    public void recordRun(java.util.Map<UUID, String> groupByPerson, String modelVersion, LocalDate validFrom) {
        new Validator().check(groupByPerson.values().stream().allMatch(groups::contains), "group", "validation.choice")
                .required("modelVersion", modelVersion, 50).throwIfInvalid();
        groupByPerson.forEach((person, group) -> jdbc.sql("""
                insert into ch_kow_group (id, person_id, group_code, model_version, valid_from, recorded_by) values (?,?,?,?,?,'model')""")
                .params(UUID.randomUUID(), person, group, modelVersion, validFrom).update());
    }

    /** An administrator records a group (until the model computes it). */
    @Transactional
    public void record(UUID personId, String group, String modelVersion, CurrentUser actor) {
        if (actor == null || !actor.has(Role.ADMINISTRATOR)) {
            throw new NotFoundException("person");
        }
        Validator v = new Validator();
        v.check(group != null && groups.contains(group), "group", "validation.choice");
        v.required("modelVersion", modelVersion, 50);
        v.check(personId != null && people.exists(personId), "personId", "validation.person.unknown");
        v.throwIfInvalid();
        jdbc.sql("""
                insert into ch_kow_group (id, person_id, group_code, model_version, valid_from, recorded_by) values (?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), personId, group, modelVersion.trim(), LocalDate.now(clock), actor.username()).update();
        audit.record(actor, personId, be.werkregie.audit.AuditTrail.Action.WRITE, "CHANCE", "KOW group recorded", group);
    }
}
