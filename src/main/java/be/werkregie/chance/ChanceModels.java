package be.werkregie.chance;

import be.werkregie.chance.GroundTruth.Inputs;
import be.werkregie.chance.GroundTruth.Protected;
import be.werkregie.employment.EmploymentRecords;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.Lifecycle;
import be.werkregie.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The chance-of-work model's versions: train on the spells whose outcome the employment records show, approve with
 * four eyes (the approver is never the trainer), activate (the active one is retired), roll back (a retired version is
 * activated again), reject. Every move is a compare-and-set on the state it leaves. Running and auditing the model is
 * for analysts and administrators only; activation for administrators.
 */
@Service
public class ChanceModels {

    private static final Logger log = LoggerFactory.getLogger(ChanceModels.class);

    public enum Status {
        TRAINED, APPROVED, ACTIVE, RETIRED, REJECTED;

        public static final Lifecycle<Status> LIFECYCLE = Lifecycle.of(Status.class)
                .from(TRAINED, APPROVED, REJECTED)
                .from(APPROVED, ACTIVE, REJECTED)
                .from(ACTIVE, RETIRED)
                .from(RETIRED, ACTIVE)
                .build();
    }

    public record Version(UUID id, int number, Status status, String trainer, String trainedBy, OffsetDateTime trainedAt,
                          String approvedBy, OffsetDateTime approvedAt, String activatedBy, OffsetDateTime activatedAt,
                          String decisionNote, LocalDate trainFrom, LocalDate validationFrom, LocalDate testFrom, LocalDate testTo,
                          int trainRows, List<String> features, String hyper, String candidates, String provenance,
                          String calibrator, String metrics) {

        public String label() {
            return "KOW-" + number;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final EmploymentRecords employment;
    private final ObjectMapper json;
    private final int trainYears;
    private final boolean boostedTrees;
    private final long seed;
    private final Map<UUID, Scorer> scorers = new java.util.concurrent.ConcurrentHashMap<>();

    private final ChancePolicies policies;

    ChanceModels(ChancePolicies policies, JdbcClient jdbc, DataSource dataSource, Clock clock, EmploymentRecords employment, ObjectMapper json,
                 @Value("${werkregie.chance.train-years:5}") int trainYears,
                 @Value("${werkregie.chance.boosted-trees:true}") boolean boostedTrees,
                 @Value("${werkregie.chance.seed:2027}") long seed) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.employment = employment;
        this.json = json;
        this.trainYears = trainYears;
        this.boostedTrees = boostedTrees;
        this.seed = seed;
    }

    static void requireRunner(CurrentUser actor) {
        if (actor == null || !actor.hasAny(Role.ANALYST, Role.ADMINISTRATOR)) {
            throw new NotFoundException("model");
        }
    }

    public List<Version> versions(CurrentUser actor) {
        requireRunner(actor);
        return jdbc.sql(SELECT + " order by number desc").query(this::map).list();
    }

    public Version version(UUID id, CurrentUser actor) {
        requireRunner(actor);
        return find(id).orElseThrow(() -> new NotFoundException("model"));
    }

    Optional<Version> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    /** The version the daily scoring uses, if one is active. System use (scoring, the fee); never shown to mediators. */
    Optional<Version> active() {
        return jdbc.sql(SELECT + " where status = 'ACTIVE'").query(this::map).optional();
    }

    /** The rows the training reads: spells started before the end of the test period, with their outcome label. */
    List<ModelTrainer.Row> rows(ModelTrainer.Windows w, KowGroups.Outcome outcome) {
        List<Object[]> raw = new ArrayList<>();
        List<ModelTrainer.Row> rows = new ArrayList<>();
        List<EmploymentRecords.Window> windows = new ArrayList<>();
        jdbc.sql("""
                select s.id, s.person_id, s.started_on, s.unemployed_months, s.experience_years, s.education, s.dutch_level,
                  s.other_languages, s.desired_occupations, s.bottleneck, s.region_rate, s.online_activity, s.previous_spells,
                  s.driver_licence, s.province, p.sex, p.origin, p.age_band, p.disability
                from ch_spell s join ch_spell_protected p on p.spell_id = s.id
                where s.started_on >= ? and s.started_on < ? order by s.started_on, s.id""")
                .params(w.trainFrom(), w.testTo())
                .query(rs -> {
                    UUID spell = rs.getObject(1, UUID.class);
                    LocalDate started = rs.getObject(3, LocalDate.class);
                    windows.add(new EmploymentRecords.Window(spell, rs.getObject(2, UUID.class), started,
                            started.plusMonths(outcome.months()).minusDays(1)));
                    raw.add(new Object[] {spell, started, inputs(rs, 4), new Protected(rs.getString(16), rs.getString(17), rs.getString(18),
                            rs.getBoolean(19))});
                });
        Map<UUID, Integer> days = employment.daysEmployed(windows);
        for (Object[] r : raw) {
            UUID spell = (UUID) r[0];
            rows.add(new ModelTrainer.Row(pseudonym(spell), (LocalDate) r[1], (Inputs) r[2], (Protected) r[3],
                    days.getOrDefault(spell, 0) >= outcome.minWorkDays()));
        }
        return rows;
    }

    /** A stable pseudonym: the audit's CSV never carries a person's or a spell's id. */
    static String pseudonym(UUID spell) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(("kow-audit:" + spell).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inputs inputs(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        java.math.BigDecimal experience = rs.getBigDecimal(from + 1);
        int dutch = rs.getInt(from + 3);
        Integer dutchLevel = rs.wasNull() ? null : dutch;
        return new Inputs(rs.getInt(from), experience == null ? null : experience.doubleValue(), rs.getString(from + 2), dutchLevel,
                rs.getInt(from + 4), rs.getInt(from + 5), rs.getBoolean(from + 6), rs.getBigDecimal(from + 7).doubleValue(),
                rs.getInt(from + 8), rs.getInt(from + 9), rs.getBoolean(from + 10), rs.getString(from + 11));
    }

    /** Trains a new version on the data as it stands (time-based windows on today). */
    @Transactional
    public Version train(CurrentUser actor) {
        requireRunner(actor);
        LocalDate today = LocalDate.now(clock);
        ModelTrainer.Windows w = ModelTrainer.Windows.on(today, trainYears);
        long start = System.nanoTime();
        // the label is the outcome in force today (dated policy); the version keeps it in its figures
        KowGroups.Outcome outcome = policies.outcomeOn(today);
        List<ModelTrainer.Row> rows = rows(w, outcome);
        ModelTrainer.Result r;
        try {
            r = new ModelTrainer(seed, Math.max(1, Runtime.getRuntime().availableProcessors()), clock).train(rows, w, boostedTrees);
        } catch (IllegalStateException e) {
            throw new ConflictException("model", "chance.train.tooFewSpells");
        }
        Version v = store(r, actor, start, outcome);
        return v;
    }

    /** Stores a trained result as a new version (TRAINED) with its figures and evaluation rows. */
    @Transactional
    Version store(ModelTrainer.Result r, CurrentUser actor, long startNanos, KowGroups.Outcome outcome) {
        requireRunner(actor);
        ModelTrainer.Windows w = r.windows();
        Map<String, Object> metrics = ChanceAudit.trainingMetrics(r, seed, OffsetDateTime.now(clock));
        metrics.put("outcomeMinWorkDays", outcome.minWorkDays());
        metrics.put("outcomeMonths", outcome.months());
        metrics.put("trainingSeconds", (System.nanoTime() - startNanos) / 1e9);
        UUID id = UUID.randomUUID();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from ch_model_version").query(Integer.class).single();
        jdbc.sql("""
                insert into ch_model_version (id, number, status, trainer, trained_by, trained_at, train_from, validation_from, test_from,
                  test_to, train_rows, features, hyper, candidates, provenance, model, mean, std, calibrator, metrics)
                values (?,?,'TRAINED',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, number, r.trainer(), actor.username(), OffsetDateTime.now(clock), w.trainFrom(), w.validationFrom(), w.testFrom(),
                        w.testTo(), r.trainRows(), Features.NAMES.toArray(String[]::new), json.writeValueAsString(r.hyperParameters()),
                        json.writeValueAsString(r.candidates()), r.provenance(), r.modelBytes(), toObjects(r.mean()), toObjects(r.std()),
                        r.calibrator().text(), json.writeValueAsString(metrics))
                .update();
        copyEvaluation(id, r.evaluation());
        log.info("KOW model {} trained: {} ({} training spells) in {} ms", number, r.trainer(), r.trainRows(),
                (System.nanoTime() - startNanos) / 1_000_000);
        return find(id).orElseThrow();
    }

    private static Double[] toObjects(double[] a) {
        Double[] out = new Double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private void copyEvaluation(UUID version, List<ModelTrainer.Scored> rows) {
        StringBuilder copy = new StringBuilder(rows.size() * 90);
        for (ModelTrainer.Scored s : rows) {
            ModelTrainer.Row r = s.row();
            copy.append(version).append('\t').append(r.pseudonym()).append('\t').append(s.split()).append('\t').append(r.startedOn())
                    .append('\t').append(String.format(Locale.ROOT, "%.6f", s.score())).append('\t').append(r.worked()).append('\t')
                    .append(r.attributes().sex()).append('\t').append(r.attributes().origin()).append('\t').append(r.attributes().ageBand())
                    .append('\t').append(r.attributes().disability()).append('\t')
                    .append(r.inputs().education() == null ? "UNKNOWN" : r.inputs().education()).append('\t').append(r.inputs().province())
                    .append('\n');
        }
        template.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("""
                        copy ch_evaluation (version_id, pseudonym, split, started_on, score, worked, sex, origin, age_band, disability,
                          education, province) from stdin""", new java.io.StringReader(copy.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The second pair of eyes: someone other than the trainer approves the version for use. */
    @Transactional
    public Version approve(UUID id, String note, CurrentUser actor) {
        requireRunner(actor);
        Version v = version(id, actor);
        if (v.trainedBy().equals(actor.username())) {
            throw new ConflictException("model", "chance.fourEyes");
        }
        var t = Status.LIFECYCLE.move(v.status(), Status.APPROVED, "model", "chance.move.refused");
        int n = jdbc.sql("""
                update ch_model_version set status = ?, approved_by = ?, approved_at = ?, decision_note = ?
                where id = ? and status = ? and trained_by <> ?""")
                .params(t.toName(), actor.username(), OffsetDateTime.now(clock), note == null || note.isBlank() ? null : note.trim(), id,
                        t.fromName(), actor.username()).update();
        ConflictException.unlessChanged(n, "model", "chance.move.refused");
        return find(id).orElseThrow();
    }

    @Transactional
    public Version reject(UUID id, String note, CurrentUser actor) {
        requireRunner(actor);
        Version v = version(id, actor);
        if (note == null || note.isBlank()) {
            throw be.werkregie.shared.InvalidInputException.of("note", "validation.required");
        }
        var t = Status.LIFECYCLE.move(v.status(), Status.REJECTED, "model", "chance.move.refused");
        int n = jdbc.sql("update ch_model_version set status = ?, decision_note = ? where id = ? and status = ?")
                .params(t.toName(), note.trim(), id, t.fromName()).update();
        ConflictException.unlessChanged(n, "model", "chance.move.refused");
        return find(id).orElseThrow();
    }

    /**
     * Activates an approved version (or a retired one again: the roll-back); the version active until now is retired in
     * the same transaction. Administrators only.
     */
    @Transactional
    public Version activate(UUID id, CurrentUser actor) {
        if (actor == null || !actor.has(Role.ADMINISTRATOR)) {
            throw new NotFoundException("model");
        }
        Version v = version(id, actor);
        var t = Status.LIFECYCLE.move(v.status(), Status.ACTIVE, "model", "chance.move.refused");
        jdbc.sql("select id from ch_model_version where status = 'ACTIVE' for update").query(UUID.class).list();
        jdbc.sql("update ch_model_version set status = 'RETIRED', retired_at = ? where status = 'ACTIVE' and id <> ?")
                .params(OffsetDateTime.now(clock), id).update();
        int n = jdbc.sql("update ch_model_version set status = ?, activated_by = ?, activated_at = ? where id = ? and status = ?")
                .params(t.toName(), actor.username(), OffsetDateTime.now(clock), id, t.fromName()).update();
        ConflictException.unlessChanged(n, "model", "chance.move.refused");
        log.info("KOW model {} activated by {}", v.number(), actor.username());
        return find(id).orElseThrow();
    }

    /** The scorer of a version (the stored Tribuo model, its standardisation and its calibration), cached per version. */
    Scorer scorer(UUID version) {
        return scorers.computeIfAbsent(version, id -> jdbc.sql("select trainer, model, mean, std, calibrator from ch_model_version where id = ?")
                .param(id)
                .query((rs, i) -> Scorer.of(rs.getString(1), rs.getBytes(2), unbox((Double[]) rs.getArray(3).getArray()),
                        unbox((Double[]) rs.getArray(4).getArray()), Calibration.parse(rs.getString(5))))
                .single());
    }

    private static double[] unbox(Double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    Map<String, Object> metricsOf(Version v) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = json.readValue(v.metrics(), LinkedHashMap.class);
            return m;
        } catch (RuntimeException e) {
            return new HashMap<>();
        }
    }

    private static final String SELECT = """
            select id, number, status, trainer, trained_by, trained_at, approved_by, approved_at, activated_by, activated_at, decision_note,
              train_from, validation_from, test_from, test_to, train_rows, features, hyper, candidates, provenance, calibrator, metrics
            from ch_model_version""";

    private Version map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Version(rs.getObject(1, UUID.class), rs.getInt(2), Status.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class),
                rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class), rs.getInt(16),
                List.of((String[]) rs.getArray(17).getArray()), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                rs.getString(22));
    }
}
