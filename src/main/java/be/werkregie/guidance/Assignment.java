package be.werkregie.guidance;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic assignment run: every client whose choice period is over and who did not choose is assigned to a site
 * that offers their product, within free capacity, minimising the total travel distance ({@link AssignmentSolver}).
 * Clients who cannot be placed are listed with the reason. Idempotent on the run key; one run at a time. Clients and
 * partners are informed after the run commits ({@link AssignmentCompleted}).
 */
@Service
public class Assignment {

    private static final Logger log = LoggerFactory.getLogger(Assignment.class);

    public record Run(UUID id, String runKey, OffsetDateTime ranAt, int clients, int assigned, int unplaced, BigDecimal totalKm,
                      BigDecimal greedyKm, int beyondMax, long millis) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final GuidanceSettings settings;
    private final ApplicationEventPublisher events;
    private final be.werkregie.chance.KowGroups kow;
    private final Clock clock;

    private final be.werkregie.policy.Policies policies;

    Assignment(be.werkregie.policy.Policies policies, JdbcClient jdbc, JdbcTemplate template, GuidanceSettings settings, ApplicationEventPublisher events,
               be.werkregie.chance.KowGroups kow, Clock clock) {
        this.policies = policies;
        this.kow = kow;
        this.jdbc = jdbc;
        this.template = template;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Run run(String runKey, boolean compareWithGreedy, CurrentUser actor) {
        long t0 = System.nanoTime();
        new Validator().required("runKey", runKey, 100).throwIfInvalid();
        Optional<UUID> existing = jdbc.sql("select id from gd_assignment_run where run_key = ?").param(runKey).query(UUID.class).optional();
        if (existing.isPresent()) {
            return find(existing.get());
        }
        jdbc.sql("select pg_advisory_xact_lock(9020)").query(Object.class).single();
        existing = jdbc.sql("select id from gd_assignment_run where run_key = ?").param(runKey).query(UUID.class).optional();
        if (existing.isPresent()) {
            return find(existing.get());
        }
        LocalDate today = LocalDate.now(clock);
        // clients: the choice period is over, longest waiting first
        Map<String, UUID> personOf = new HashMap<>();
        List<AssignmentSolver.Client> clients = jdbc.sql("""
                select r.id, m.lat, m.lon, r.offer_code, r.person_id from gd_referral r join people_v_person p on p.id = r.person_id
                join geo_v_municipality m on m.nis = p.municipality_nis
                where r.status in ('WAITING','UNPLACED') and r.choose_by < ? order by r.referred_on, r.id""")
                .param(today).query((rs, i) -> {
                    personOf.put(rs.getString(1), rs.getObject(5, UUID.class));
                    return new AssignmentSolver.Client(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4));
                })
                .list();
        // sites of partners with an active contract for the offer, with free capacity
        Map<String, AssignmentSolver.Site> sites = new HashMap<>();
        jdbc.sql("""
                select s.id, s.latitude, s.longitude, c.offer_code,
                  c.capacity - coalesce(t.active, 0)
                from gd_site s join gd_site_capacity c on c.site_id = s.id
                join gd_contract k on k.partner_id = s.partner_id and k.offer_code = c.offer_code and k.status = 'ACTIVE'
                  and k.valid_from <= ? and k.valid_until >= ?
                left join (select site_id, offer_code, count(*) active from gd_trajectory where status = 'ACTIVE'
                           group by site_id, offer_code) t on t.site_id = s.id and t.offer_code = c.offer_code""")
                .params(today, today).query(rs -> {
                    String id = rs.getString(1);
                    sites.computeIfAbsent(id, k -> {
                        try {
                            return new AssignmentSolver.Site(k, rs.getDouble(2), rs.getDouble(3), new HashMap<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).freeCapacity().merge(rs.getString(4), Math.max(0, rs.getInt(5)), Integer::sum);
                });
        List<AssignmentSolver.Site> siteList = new ArrayList<>(sites.values());
        long tLoaded = System.nanoTime();
        double maxKm = policies.integerOn(GuidancePolicies.MAX_DISTANCE_KM, today);
        AssignmentSolver.Solution solution = AssignmentSolver.solve(clients, siteList, maxKm);
        BigDecimal greedyKm = null;
        if (compareWithGreedy) {
            greedyKm = km(AssignmentSolver.greedy(clients, siteList, maxKm).totalMetres());
        }
        UUID runId = UUID.randomUUID();
        long tSolved = System.nanoTime();
        // write back in bulk: a temporary table, then set-based updates and inserts
        jdbc.sql("""
                create temporary table tmp_assign (referral_id uuid primary key, site_id uuid, metres bigint, nearest bigint,
                  reason text, kow_group text) on commit drop""").update();
        // the KOW group of the start date is frozen on each trajectory for the result fee (through the chance module)
        Map<UUID, String> groups = kow.groupsOn(personOf.values(), today);
        // COPY is the fastest way to hand 100,000 rows to PostgreSQL
        StringBuilder copy = new StringBuilder(clients.size() * 100);
        for (AssignmentSolver.Placement p : solution.placements()) {
            copy.append(p.clientKey()).append('\t').append(p.siteKey()).append('\t').append(p.metres()).append('\t')
                    .append(p.nearestOfferMetres()).append("\t\\N\t")
                    .append(groups.getOrDefault(personOf.get(p.clientKey()), "\\N")).append('\n');
        }
        for (AssignmentSolver.Unplaced u : solution.unplaced()) {
            copy.append(u.clientKey()).append("\t\\N\t\\N\t\\N\t").append(u.reason()).append("\t\\N\n");
        }
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                        "copy tmp_assign (referral_id, site_id, metres, nearest, reason, kow_group) from stdin", new java.io.StringReader(copy.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        jdbc.sql("analyze tmp_assign").update();
        long tCopied = System.nanoTime();
        // The placed referrals are claimed (compare-and-set on their open states) and their trajectories written from
        // exactly the claimed rows, in one statement; then the unplaced ones are marked.
        jdbc.sql("""
                with placed as (
                  update gd_referral r set status = 'ASSIGNED', site_id = a.site_id, assignment_run = ?,
                    distance_km = round(a.metres / 1000.0, 1),
                    explanation = case when a.metres <= a.nearest then 'NEAREST' else 'NEAREST_FULL:' || round(a.nearest / 1000.0, 1) end,
                    unplaced_reason = null
                  from tmp_assign a where a.referral_id = r.id and a.site_id is not null and r.status = any(?)
                  returning r.id, r.person_id, r.offer_code, r.assessment_id, a.site_id, a.kow_group)
                insert into gd_trajectory (id, referral_id, person_id, partner_id, site_id, offer_code, flanking, started_on, goal_date,
                  status, kow_group)
                select gen_random_uuid(), p.id, p.person_id, s.partner_id, s.id, p.offer_code, asm.flanking, ?, ?, 'ACTIVE', p.kow_group
                from placed p join gd_site s on s.id = p.site_id join gd_assessment asm on asm.id = p.assessment_id""")
                .params(runId, Assessments.Referral.Status.open(), Date.valueOf(today),
                        Date.valueOf(today.plusMonths(policies.integerOn(GuidancePolicies.GOAL_MONTHS, today)))).update();
        long tUpdated = System.nanoTime();
        jdbc.sql("""
                update gd_referral r set status = 'UNPLACED', assignment_run = ?, unplaced_reason = a.reason
                from tmp_assign a where a.referral_id = r.id and a.site_id is null and r.status = any(?)""")
                .params(runId, Assessments.Referral.Status.open()).update();
        long tWritten = System.nanoTime();
        log.info("Assignment phases: load {} ms, solve {} ms, write {} ms (copy {} ms, claim placed referrals and insert trajectories {} ms, mark unplaced {} ms)",
                (tLoaded - t0) / 1_000_000, (tSolved - tLoaded) / 1_000_000, (tWritten - tSolved) / 1_000_000,
                (tCopied - tSolved) / 1_000_000, (tUpdated - tCopied) / 1_000_000, (tWritten - tUpdated) / 1_000_000);
        long beyond = solution.placements().stream().filter(AssignmentSolver.Placement::beyondMax).count();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        jdbc.sql("""
                insert into gd_assignment_run (id, run_key, ran_by, clients, assigned, unplaced, total_km, greedy_km, beyond_max, millis)
                values (?,?,?,?,?,?,?,?,?,?)""")
                .params(runId, runKey, actor == null ? "system" : actor.username(), clients.size(), solution.placements().size(),
                        solution.unplaced().size(), km(solution.totalMetres()), greedyKm, (int) beyond, millis)
                .update();
        events.publishEvent(new AssignmentCompleted(runId));
        log.info("Assignment run {}: {} clients, {} assigned, {} unplaced, {} km in total ({} km greedy), {} ms", runKey, clients.size(),
                solution.placements().size(), solution.unplaced().size(), km(solution.totalMetres()), greedyKm, millis);
        return find(runId);
    }

    static BigDecimal km(long metres) {
        return BigDecimal.valueOf(metres).divide(BigDecimal.valueOf(1000), 1, RoundingMode.HALF_UP);
    }

    public Run find(UUID id) {
        return jdbc.sql("""
                select id, run_key, ran_at, clients, assigned, unplaced, total_km, greedy_km, beyond_max, millis
                from gd_assignment_run where id = ?""")
                .param(id).query((rs, i) -> new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getInt(9), rs.getLong(10)))
                .optional().orElseThrow(() -> new NotFoundException("run"));
    }

    public List<Run> runs() {
        return jdbc.sql("select id from gd_assignment_run order by ran_at desc limit 50").query(UUID.class).list().stream()
                .map(this::find).toList();
    }
}
