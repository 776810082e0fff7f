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
 * trained by the analyst, approved and activated by the administrator (four eyes) and a scoring run for the demo date.
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
                   @Value("${werkregie.chance.demo-spells:8000}") int historySpells, @Value("${werkregie.demo.seed:2027}") long seed) {
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

    void load() {
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
        // current job seekers of the demo: an open spell each, drawn from the same truth
        List<UUID> clients = jdbc.sql("""
                select id from people_v_person where status in ('JOB_SEEKER', 'NON_ACTIVE', 'SOCIAL_ASSISTANCE') order by id""")
                .query(UUID.class).list();
        Random r = new Random(seed + 13);
        List<GroundTruth.Spell> open = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            open.add(GroundTruth.spell(i, today.minusDays(1 + r.nextInt(300)), r));
        }
        tx.executeWithoutResult(s -> {
            StringBuilder spells = new StringBuilder();
            StringBuilder attributes = new StringBuilder();
            for (int i = 0; i < history.size(); i++) {
                GroundTruth.Spell h = history.get(i);
                LocalDate ended = h.startedOn().plusDays(60 + r.nextInt(400));
                append(spells, attributes, people.get(i), h, ended.isBefore(today) ? ended : today);
            }
            for (int i = 0; i < open.size(); i++) {
                append(spells, attributes, clients.get(i), open.get(i), null);
            }
            copy("""
                    copy ch_spell (id, person_id, started_on, ended_on, unemployed_months, experience_years, education, dutch_level,
                      other_languages, desired_occupations, bottleneck, region_rate, online_activity, previous_spells, driver_licence,
                      province) from stdin""", spells);
            copy("copy ch_spell_protected (spell_id, sex, origin, age_band, disability) from stdin", attributes);
        });
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
        var analyst = users.find("analyst");
        var admin = users.find("admin");
        if (analyst.isPresent() && admin.isPresent()) {
            ChanceModels.Version v = models.train(analyst.get(), 28);
            models.approve(v.id(), "Demo: first version, audit read.", admin.get());
            models.activate(v.id(), admin.get());
            scoring.scoreAll(today);
        }
        log.info("Chance demo loaded: {} past spells, {} open, {} employment records in {} ms, model and first scoring in {} ms",
                history.size(), open.size(), jobs.size(), (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
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
