package be.werkregie.chance;

import be.werkregie.employment.EmploymentRecords;
import be.werkregie.identity.Users;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's chance-of-work history from the documented {@link GroundTruth}: past job-seeker spells of people who are no
 * longer clients, their employment records (a job of at least 28 days within six months for those who worked, a short
 * or late one for some who did not), an open spell for every current job seeker of the demo, then a first model version
 * trained by the analyst, approved and activated by the administrator (four eyes), a history of scoring runs (one a month
 * over the last two years, so that the guidance demo's trajectories have a score at their start; a simplification: a real
 * history holds the runs of the versions in force then) and the run of the demo date. The guidance demo waits for this
 * history ({@code StartupTasks.await("chance-demo")}) before it starts its trajectories.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
class ChanceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChanceDemoData.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final EmploymentRecords employment;
    private final ChanceModels models;
    private final ChanceScoring scoring;
    private final Users users;
    private final be.werkregie.platform.DemoDate demoDate;
    private final be.werkregie.platform.StartupTasks startupTasks;
    private final int historySpells;
    private final long seed;

    ChanceDemoData(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, EmploymentRecords employment, ChanceModels models,
                   ChanceScoring scoring, Users users, be.werkregie.platform.DemoDate demoDate, be.werkregie.platform.StartupTasks startupTasks,
                   @Value("${werkregie.chance.demo-spells:5000}") int historySpells, @Value("${werkregie.demo.seed:2027}") long seed) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.tx = tx;
        this.employment = employment;
        this.models = models;
        this.scoring = scoring;
        this.users = users;
        this.demoDate = demoDate;
        this.startupTasks = startupTasks;
        this.historySpells = historySpells;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupTasks.inBackground("chance-demo", this::load);
    }

    /**
     * Starts the past spells and their employment records (which need neither people nor accounts) before the
     * platform's demo data, on the second core, while the people are still being created.
     */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE - 200)
    @ConditionalOnProperty(name = "werkregie.demo.enabled", havingValue = "true", matchIfMissing = true)
    static class EarlyHistory implements ApplicationRunner {
        private final ChanceDemoData demo;

        EarlyHistory(ChanceDemoData demo) {
            this.demo = demo;
        }

        @Override
        public void run(ApplicationArguments args) {
            demo.demoDate.today(); // chosen and committed now, so the task does not wait for the demo data's transaction
            demo.startupTasks.inBackground("chance-history", demo::loadHistory);
        }
    }

    static final int HISTORY_MONTHS = 24;

    /** Past spells of people who are no longer clients, with their outcome in the employment records. */
    void loadHistory() {
        if (jdbc.sql("select count(*) from ch_spell").query(Long.class).single() > 0) {
            return;
        }
        long start = System.nanoTime();
        LocalDate today = demoDate.today();
        // history: spells that started over the last seven years and ended (their outcome is in the employment records)
        List<GroundTruth.Spell> history = GroundTruth.generate(seed + 12, historySpells, today.minusYears(7), today.minusDays(1));
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            people.add(UUID.nameUUIDFromBytes(("demo-history-" + seed + "-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Random r = new Random(seed + 13);
        StringBuilder spells = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            GroundTruth.Spell h = history.get(i);
            LocalDate ended = h.startedOn().plusDays(60 + r.nextInt(400));
            append(spells, attributes, people.get(i), h, ended.isBefore(today) ? ended : today);
        }
        copySpells(spells, attributes);
        List<EmploymentRecords.Declaration> jobs = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            GroundTruth.Spell h = history.get(i);
            LocalDate startJob;
            LocalDate endJob;
            if (h.worked()) {
                startJob = h.startedOn().plusDays(r.nextInt(150));
                endJob = r.nextInt(3) == 0 ? null : startJob.plusDays(28 + r.nextInt(400));
            } else if (r.nextInt(10) < 3) {
                // a short job within the six months, or a job that starts after them: not a success
                boolean late = r.nextBoolean();
                startJob = late ? h.startedOn().plusMonths(6).plusDays(r.nextInt(60)) : h.startedOn().plusDays(r.nextInt(150));
                endJob = startJob.plusDays(late ? 30 + r.nextInt(200) : r.nextInt(20));
            } else {
                continue;
            }
            if (!startJob.isBefore(today)) {
                continue;
            }
            jobs.add(new EmploymentRecords.Declaration(people.get(i), "Werkgever " + (1 + r.nextInt(900)), null, startJob, endJob,
                    EmploymentRecords.KINDS.get(r.nextInt(3) == 0 ? 1 : 0), "DEMO", "kow-" + seed + "-" + i));
        }
        employment.recordAll(jobs);
        long loaded = System.nanoTime();
        // load XGBoost's native library and warm the trainers up on a small synthetic set while this core is free anyway:
        // the first training of a JVM otherwise spends seconds on it after the people are in
        List<ModelTrainer.Row> warm = new ArrayList<>();
        for (GroundTruth.Spell w : GroundTruth.generate(seed + 99, 1_500, today.minusYears(7), today.minusDays(1))) {
            warm.add(new ModelTrainer.Row("warm-" + w.index(), w.startedOn(), w.inputs(), w.attributes(), w.worked()));
        }
        try {
            new ModelTrainer(seed, 1, java.time.Clock.fixed(today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC))
                    .train(warm, ModelTrainer.Windows.on(today, 5), true);
        } catch (RuntimeException e) {
            log.debug("warm-up of the trainers failed: {}", e.toString());
        }
        log.info("Chance demo history: {} past spells, {} employment records in {} ms, trainers warmed up in {} ms", history.size(),
                jobs.size(), (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
    }

    private void copySpells(StringBuilder spells, StringBuilder attributes) {
        copy("""
                copy ch_spell (id, person_id, started_on, ended_on, unemployed_months, experience_years, education, dutch_level,
                  other_languages, desired_occupations, bottleneck, region_rate, online_activity, previous_spells, driver_licence,
                  province) from stdin""", spells);
        copy("copy ch_spell_protected (spell_id, sex, origin, age_band, disability) from stdin", attributes);
    }

    /** The current clients' open spells, the first version (four eyes), the scoring history and today's run. */
    void load() {
        startupTasks.await("chance-history");
        if (jdbc.sql("select count(*) from ch_model_version").query(Long.class).single() > 0) {
            return;
        }
        long start = System.nanoTime();
        LocalDate today = demoDate.today();
        // current job seekers of the demo: an open spell each, drawn from the same truth
        List<UUID> clients = jdbc.sql("""
                select id from people_v_person where status in ('JOB_SEEKER', 'NON_ACTIVE', 'SOCIAL_ASSISTANCE') order by id""")
                .query(UUID.class).list();
        Random r = new Random(seed + 14);
        List<GroundTruth.Spell> open = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            // most current clients have been looking for a while (their trajectories of the last year and a half were
            // scored at their start, by the runs of the history below). Whoever is still looking after the outcome's six
            // months did not work in them: such a spell is drawn from the same truth among those who did not.
            LocalDate started = today.minusDays(60 + r.nextInt(1_500));
            GroundTruth.Spell s = GroundTruth.spell(i, started, r);
            for (int tries = 0; s.worked() && started.isBefore(today.minusMonths(6)) && tries < 50; tries++) {
                s = GroundTruth.spell(i, started, r);
            }
            open.add(s);
        }
        StringBuilder spells = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < open.size(); i++) {
            append(spells, attributes, clients.get(i), open.get(i), null);
        }
        copySpells(spells, attributes);
        long loaded = System.nanoTime();
        var analyst = users.find("analyst");
        var admin = users.find("admin");
        if (analyst.isPresent() && admin.isPresent()) {
            ChanceModels.Version v = models.train(analyst.get());
            models.approve(v.id(), "Demo: first version, audit read.", admin.get());
            models.activate(v.id(), admin.get());
            // the history of the daily scoring, one run a month over the last two years (the demo's trajectories take
            // the score in force at their start from it), then today's run
            for (int m = HISTORY_MONTHS; m >= 1; m--) {
                scoring.scoreAll(today.minusMonths(m).withDayOfMonth(1));
            }
            scoring.scoreAll(today);
        }
        log.info("Chance demo loaded: {} open spells in {} ms, model and scoring history in {} ms", open.size(),
                (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
    }

    private static void append(StringBuilder spells, StringBuilder attributes, UUID person, GroundTruth.Spell s, LocalDate ended) {
        UUID id = UUID.randomUUID();
        GroundTruth.Inputs x = s.inputs();
        spells.append(id).append('\t').append(person).append('\t').append(s.startedOn()).append('\t')
                .append(ended == null ? "\\N" : ended.toString()).append('\t').append(x.unemployedMonths()).append('\t')
                .append(x.experienceYears() == null ? "\\N" : String.format(Locale.ROOT, "%.1f", x.experienceYears())).append('\t')
                .append(x.education() == null ? "\\N" : x.education()).append('\t').append(x.dutchLevel() == null ? "\\N" : x.dutchLevel().toString())
                .append('\t').append(x.otherLanguages()).append('\t').append(x.desiredOccupations()).append('\t').append(x.bottleneckOccupation())
                .append('\t').append(String.format(Locale.ROOT, "%.1f", x.regionUnemploymentRate())).append('\t').append(x.onlineActivity())
                .append('\t').append(x.previousSpells()).append('\t').append(x.driverLicence()).append('\t').append(x.province()).append('\n');
        GroundTruth.Protected p = s.attributes();
        attributes.append(id).append('\t').append(p.sex()).append('\t').append(p.origin()).append('\t').append(p.ageBand()).append('\t')
                .append(p.disability()).append('\n');
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

    static long days(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }
}
