package be.werkregie.chance;

import be.werkregie.shared.ConflictException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily scoring: every client with an open job-seeker spell is scored with the active version; the score, the group
 * under the boundaries in force that day and the version are stored per day, so that every result fee traces to the
 * score and version that set the group. A client who cannot be scored gets the reason recorded (and no group: the fee
 * then uses the schedule's UNKNOWN amount, the fallback the policy names). One run per day: a second call for the same
 * day changes nothing and answers with the first run.
 */
@Service
public class ChanceScoring {

    private static final Logger log = LoggerFactory.getLogger(ChanceScoring.class);
    static final int PAGE = 100_000;

    public record Run(LocalDate scoredOn, UUID versionId, int scored, int unscored, long millis, boolean repeated) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChanceModels models;
    private final ChancePolicies policies;
    private final Clock clock;

    ChanceScoring(JdbcClient jdbc, DataSource dataSource, ChanceModels models, ChancePolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.models = models;
        this.policies = policies;
        this.clock = clock;
    }

    public Optional<Run> lastRun() {
        return jdbc.sql("select scored_on, version_id, scored, unscored, millis from ch_scoring_run order by scored_on desc limit 1")
                .query((rs, i) -> new Run(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5), true)).optional();
    }

    /** Scores everyone with an open spell on the day with the active version (a system process). */
    @Transactional
    public Run scoreAll(LocalDate on) {
        long start = System.nanoTime();
        ChanceModels.Version version = models.active().orElseThrow(() -> new ConflictException("model", "chance.noActiveVersion"));
        int claimed = jdbc.sql("""
                insert into ch_scoring_run (scored_on, version_id, scored, unscored, millis, at) values (?,?,0,0,0,?)
                on conflict (scored_on) do nothing""").params(on, version.id(), OffsetDateTime.now(clock)).update();
        if (claimed == 0) {
            return jdbc.sql("select scored_on, version_id, scored, unscored, millis from ch_scoring_run where scored_on = ?").param(on)
                    .query((rs, i) -> new Run(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getInt(4),
                            rs.getLong(5), true)).single();
        }
        Scorer scorer = models.scorer(version.id());
        Map<String, BigDecimal> boundaries = policies.boundariesOn(on);
        // a day in the past (a run caught up after an outage, or the demo's history) scores the spells open on that day;
        // today's run reads the open spells only, through their partial index
        boolean past = on.isBefore(LocalDate.now(clock));
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        int scored = 0;
        int unscored = 0;
        while (true) {
            List<UUID> people = new ArrayList<>(PAGE);
            List<GroundTruth.Inputs> inputs = new ArrayList<>(PAGE);
            jdbc.sql("""
                    select distinct on (person_id) person_id, unemployed_months, experience_years, education, dutch_level, other_languages,
                      desired_occupations, bottleneck, region_rate, online_activity, previous_spells, driver_licence, province
                    from ch_spell where (ended_on is null or (? and ended_on > ?)) and started_on <= ? and (? or person_id > ?)
                    order by person_id, started_on desc limit ?""")
                    .params(past, on, on, first, after, PAGE)
                    .query(rs -> {
                        people.add(rs.getObject(1, UUID.class));
                        inputs.add(ChanceModels.inputs(rs, 2));
                    });
            if (people.isEmpty()) {
                break;
            }
            first = false;
            after = people.get(people.size() - 1);
            List<double[]> vectors = new ArrayList<>(people.size());
            List<UUID> scorable = new ArrayList<>(people.size());
            StringBuilder missing = new StringBuilder();
            for (int i = 0; i < people.size(); i++) {
                String reason = Features.unscorable(inputs.get(i));
                if (reason == null) {
                    vectors.add(Features.of(inputs.get(i)));
                    scorable.add(people.get(i));
                } else {
                    missing.append(people.get(i)).append('\t').append(on).append('\t').append(version.id()).append('\t').append(reason).append('\n');
                    unscored++;
                }
            }
            double[] s = scorer.score(vectors);
            StringBuilder copy = new StringBuilder(scorable.size() * 80);
            for (int i = 0; i < s.length; i++) {
                copy.append(scorable.get(i)).append('\t').append(on).append('\t').append(version.id()).append('\t')
                        .append(String.format(Locale.ROOT, "%.5f", s[i])).append('\t').append(policies.groupOf(s[i], boundaries)).append('\n');
            }
            scored += s.length;
            copy("copy ch_score (person_id, scored_on, version_id, score, group_code) from stdin", copy);
            copy("copy ch_unscored (person_id, scored_on, version_id, reason) from stdin", missing);
            if (people.size() < PAGE) {
                break;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        jdbc.sql("update ch_scoring_run set scored = ?, unscored = ?, millis = ? where scored_on = ?").params(scored, unscored, millis, on).update();
        log.info("KOW scoring {} with {}: {} scored, {} without a score, {} ms", on, version.label(), scored, unscored, millis);
        return new Run(on, version.id(), scored, unscored, millis, false);
    }

    private void copy(String sql, StringBuilder data) {
        if (data.isEmpty()) {
            return;
        }
        template.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(sql, new java.io.StringReader(data.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** How many clients of the last run fall in each group under other boundaries (the "what if" of a boundary change). */
    public Map<String, Long> countsUnder(Map<String, BigDecimal> boundaries) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        policies.groups().forEach(g -> out.put(g, 0L));
        Optional<Run> last = lastRun();
        if (last.isEmpty()) {
            return out;
        }
        // count per score band in SQL, then assign bands to groups
        jdbc.sql("select score, count(*) from ch_score where scored_on = ? group by score").param(last.get().scoredOn())
                .query(rs -> {
                    String g = policies.groupOf(rs.getBigDecimal(1).doubleValue(), boundaries);
                    out.merge(g, rs.getLong(2), Long::sum);
                });
        return out;
    }
}
