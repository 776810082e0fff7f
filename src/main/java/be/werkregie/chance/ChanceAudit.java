package be.werkregie.chance;

import be.werkregie.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The audit of a model version, computed from its stored evaluation rows (the same rows the CSV gives the auditor):
 * AUC, Brier score and expected calibration error overall and per group with bootstrap intervals, calibration curves,
 * false-positive and false-negative rate ratios against the largest group of each attribute at every group boundary,
 * checked against the dated fairness band, the clients that could not be scored and why, and drift against the version
 * before. Breaches come first in the report.
 */
@Service
public class ChanceAudit {

    static final int RESAMPLES = 200;
    static final List<String> ATTRIBUTES = List.of("sex", "origin", "age_band", "disability", "education", "province");

    public record Row(String pseudonym, String split, LocalDate startedOn, double score, boolean worked, Map<String, String> groups) {}

    public record GroupFigures(String attribute, String group, Metrics.Summary summary, double meanScore, Metrics.Bin[] curve) {}

    public record Ratio(String attribute, String group, String reference, String boundaryGroup, double boundary, double fpr,
                        double fprReference, double fprRatio, double fnr, double fnrReference, double fnrRatio, boolean breach,
                        int count) {}

    public record Drift(int previousNumber, double psi, double aucBefore, double aucNow) {}

    public record Report(ChanceModels.Version version, Metrics.Summary overall, Metrics.Bin[] curve, List<GroupFigures> groups,
                         List<Ratio> ratios, List<Ratio> breaches, double bandLow, double bandHigh, Map<String, BigDecimal> boundaries,
                         Map<String, Long> unscored, Map<String, Long> groupCounts, Optional<Drift> drift, Map<String, Object> metrics,
                         long millis) {}

    private final JdbcClient jdbc;
    private final ChanceModels models;
    private final ChancePolicies policies;
    private final java.time.Clock clock;

    ChanceAudit(JdbcClient jdbc, ChanceModels models, ChancePolicies policies, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.models = models;
        this.policies = policies;
        this.clock = clock;
    }

    public List<Row> rows(UUID version, String split) {
        return jdbc.sql("""
                select pseudonym, split, started_on, score, worked, sex, origin, age_band, disability, education, province
                from ch_evaluation where version_id = ? and (cast(? as text) is null or split = cast(? as text)) order by split, started_on, pseudonym""")
                .params(version, split, split)
                .query((rs, i) -> {
                    Map<String, String> g = new LinkedHashMap<>();
                    g.put("sex", rs.getString(6));
                    g.put("origin", rs.getString(7));
                    g.put("age_band", rs.getString(8));
                    g.put("disability", rs.getBoolean(9) ? "YES" : "NO");
                    g.put("education", rs.getString(10));
                    g.put("province", rs.getString(11));
                    return new Row(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getDouble(4), rs.getBoolean(5), g);
                }).list();
    }

    public Report report(UUID versionId, CurrentUser actor) {
        long start = System.nanoTime();
        ChanceModels.Version v = models.version(versionId, actor);
        LocalDate today = LocalDate.now(clock);
        List<Row> test = rows(versionId, "TEST");
        double low = policies.bandLow(today);
        double high = policies.bandHigh(today);
        Map<String, BigDecimal> boundaries = policies.boundariesOn(today);
        double[] s = scores(test);
        boolean[] y = labels(test);
        Metrics.Summary overall = Metrics.summary(s, y, RESAMPLES, 1);
        List<GroupFigures> groups = new ArrayList<>();
        List<Ratio> ratios = new ArrayList<>();
        long seed = 2;
        for (String attribute : ATTRIBUTES) {
            Map<String, List<Row>> byGroup = new java.util.TreeMap<>();
            for (Row r : test) {
                byGroup.computeIfAbsent(r.groups().get(attribute), k -> new ArrayList<>()).add(r);
            }
            String reference = byGroup.entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                    .map(Map.Entry::getKey).orElse(null);
            for (Map.Entry<String, List<Row>> g : byGroup.entrySet()) {
                double[] gs = scores(g.getValue());
                boolean[] gy = labels(g.getValue());
                groups.add(new GroupFigures(attribute, g.getKey(), Metrics.summary(gs, gy, RESAMPLES, seed++),
                        java.util.Arrays.stream(gs).average().orElse(Double.NaN), Metrics.calibrationCurve(gs, gy, 10)));
            }
            double[] rs = scores(byGroup.get(reference));
            boolean[] ry = labels(byGroup.get(reference));
            for (Map.Entry<String, List<Row>> g : byGroup.entrySet()) {
                if (g.getKey().equals(reference)) {
                    continue;
                }
                double[] gs = scores(g.getValue());
                boolean[] gy = labels(g.getValue());
                for (Map.Entry<String, BigDecimal> b : boundaries.entrySet()) {
                    double t = b.getValue().doubleValue();
                    double fpr = Metrics.falsePositiveRate(gs, gy, t);
                    double fprRef = Metrics.falsePositiveRate(rs, ry, t);
                    double fnr = Metrics.falseNegativeRate(gs, gy, t);
                    double fnrRef = Metrics.falseNegativeRate(rs, ry, t);
                    double fprRatio = fpr / fprRef;
                    double fnrRatio = fnr / fnrRef;
                    boolean breach = outside(fprRatio, low, high) || outside(fnrRatio, low, high);
                    ratios.add(new Ratio(attribute, g.getKey(), reference, b.getKey(), t, fpr, fprRef, fprRatio, fnr, fnrRef, fnrRatio,
                            breach, g.getValue().size()));
                }
            }
        }
        Map<String, Long> unscored = new LinkedHashMap<>();
        Map<String, Long> groupCounts = new LinkedHashMap<>();
        jdbc.sql("""
                select reason, count(*) from ch_unscored where version_id = ?
                  and scored_on = (select max(scored_on) from ch_scoring_run where version_id = ?) group by reason order by reason""")
                .params(versionId, versionId).query(rs -> {
                    unscored.put(rs.getString(1), rs.getLong(2));
                });
        jdbc.sql("""
                select group_code, count(*) from ch_score where version_id = ?
                  and scored_on = (select max(scored_on) from ch_scoring_run where version_id = ?) group by group_code order by group_code""")
                .params(versionId, versionId).query(rs -> {
                    groupCounts.put(rs.getString(1), rs.getLong(2));
                });
        Optional<Drift> drift = jdbc.sql("select id, number from ch_model_version where number < ? and status <> 'REJECTED' order by number desc limit 1")
                .param(v.number()).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)}).optional()
                .map(prev -> {
                    List<Row> before = rows((UUID) prev[0], "TEST");
                    double[] bs = scores(before);
                    return new Drift((Integer) prev[1], Metrics.psi(bs, s), Metrics.auc(bs, labels(before)), overall.auc().value());
                });
        List<Ratio> breaches = ratios.stream().filter(Ratio::breach).toList();
        return new Report(v, overall, Metrics.calibrationCurve(s, y, 10), groups, ratios, breaches, low, high, boundaries, unscored,
                groupCounts, drift, models.metricsOf(v), (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean outside(double ratio, double low, double high) {
        // undefined when neither group has such errors (0/0); infinite when only the group has them: a breach, shown
        return !Double.isNaN(ratio) && (ratio < low || ratio > high);
    }

    static double[] scores(List<Row> rows) {
        return rows.stream().mapToDouble(Row::score).toArray();
    }

    static boolean[] labels(List<Row> rows) {
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).worked();
        }
        return out;
    }

    /**
     * The figures stored with a version when it is trained: the candidates, the test figures, the calibration and the
     * proxy check (how well each protected attribute can be predicted from the model's inputs; an AUC near 0.5 means the
     * inputs say little about it, near 1 that the inputs stand in for it).
     */
    static Map<String, Object> trainingMetrics(ModelTrainer.Result r, long seed, java.time.OffsetDateTime at) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<ModelTrainer.Scored> test = r.evaluation().stream().filter(e -> e.split().equals("TEST")).toList();
        double[] s = test.stream().mapToDouble(ModelTrainer.Scored::score).toArray();
        boolean[] y = new boolean[test.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = test.get(i).row().worked();
        }
        m.put("testRows", test.size());
        m.put("testAuc", finite(Metrics.auc(s, y)));
        m.put("testBrier", finite(Metrics.brier(s, y)));
        m.put("testEce", finite(Metrics.ece(s, y, 10)));
        m.put("calibration", r.calibrator().method());
        Map<String, Double> proxy = new LinkedHashMap<>();
        Map<String, Function<ModelTrainer.Row, Boolean>> attributes = new LinkedHashMap<>();
        attributes.put("sex: woman", row -> row.attributes().sex().equals("F"));
        attributes.put("origin: not Belgian", row -> !row.attributes().origin().equals("BELGIAN"));
        attributes.put("age: 50 or over", row -> row.attributes().ageBand().equals("50+"));
        attributes.put("disability", row -> row.attributes().disability());
        List<ModelTrainer.Row> rows = r.evaluation().stream().map(ModelTrainer.Scored::row).toList();
        for (Map.Entry<String, Function<ModelTrainer.Row, Boolean>> a : attributes.entrySet()) {
            double auc = proxyAuc(rows, a.getValue(), r.mean(), r.std(), seed, at);
            proxy.put(a.getKey(), Double.isNaN(auc) ? null : auc);
        }
        m.put("proxyAuc", proxy);
        return m;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    static double proxyAuc(List<ModelTrainer.Row> rows, Function<ModelTrainer.Row, Boolean> attribute, double[] mean, double[] std, long seed,
                           java.time.OffsetDateTime at) {
        LabelFactory factory = new LabelFactory();
        int half = rows.size() / 2;
        MutableDataset<Label> ds = new MutableDataset<>(new org.tribuo.provenance.SimpleDataSourceProvenance("proxy check", at, factory),
                factory);
        for (int i = 0; i < half; i++) {
            ModelTrainer.Row row = rows.get(i);
            ds.add(ModelTrainer.example(Features.of(row.inputs()), mean, std, attribute.apply(row) ? ModelTrainer.WORK : ModelTrainer.NO_WORK));
        }
        if (ds.getOutputInfo().size() < 2) {
            return Double.NaN;
        }
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 2, 100_000, 16, seed).train(ds);
        List<org.tribuo.Example<Label>> holdout = new ArrayList<>();
        boolean[] truth = new boolean[rows.size() - half];
        for (int i = half; i < rows.size(); i++) {
            ModelTrainer.Row row = rows.get(i);
            truth[i - half] = attribute.apply(row);
            holdout.add(ModelTrainer.example(Features.of(row.inputs()), mean, std, ModelTrainer.WORK));
        }
        return Metrics.auc(ModelTrainer.raw(model, holdout), truth);
    }
}
