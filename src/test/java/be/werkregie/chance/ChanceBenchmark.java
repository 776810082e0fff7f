package be.werkregie.chance;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark (issue 12) on the generator's data: train on 500,000 spells and compare the chosen model's AUC with the
 * best achievable (the AUC of the true chance on the same test spells, and its expectation), ECE overall and in every
 * group; score 1,000,000 clients end to end (read the open spells, score, write with the version); compute the audit
 * report. Not part of the normal test run. Rerun with:
 * {@code ./mvnw -B test -Dtest=ChanceBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (results in target/chance-benchmark.md).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "werkregie.embedded-db.database=chance_benchmark")
class ChanceBenchmark {

    static final int SPELLS = Integer.getInteger("spells", 500_000);
    static final int CLIENTS = Integer.getInteger("clients", 1_000_000);

    @Autowired ChanceModels models;
    @Autowired ChanceScoring scoring;
    @Autowired ChanceAudit audit;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired Clock clock;

    @Test
    void trainScoreAndAuditAtScale() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ModelTrainer.Windows w = ModelTrainer.Windows.on(today, 5);
        long g0 = System.nanoTime();
        List<GroundTruth.Spell> spells = GroundTruth.generate(2027, SPELLS, w.trainFrom(), w.testTo());
        List<ModelTrainer.Row> rows = new ArrayList<>(spells.size());
        Map<String, Double> truth = new java.util.HashMap<>();
        for (GroundTruth.Spell s : spells) {
            String id = "s" + s.index();
            rows.add(new ModelTrainer.Row(id, s.startedOn(), s.inputs(), s.attributes(), s.worked()));
            truth.put(id, s.trueChance());
        }
        spells = null;
        long g1 = System.nanoTime();
        ModelTrainer.Result r = new ModelTrainer(2027, Runtime.getRuntime().availableProcessors(), clock).train(rows, w, true);
        long trained = System.nanoTime();
        List<ModelTrainer.Scored> test = r.evaluation().stream().filter(e -> e.split().equals("TEST")).toList();
        double[] score = test.stream().mapToDouble(ModelTrainer.Scored::score).toArray();
        double[] best = test.stream().mapToDouble(e -> truth.get(e.row().pseudonym())).toArray();
        boolean[] worked = new boolean[test.size()];
        for (int i = 0; i < worked.length; i++) {
            worked[i] = test.get(i).row().worked();
        }
        double auc = Metrics.auc(score, worked);
        double bayes = Metrics.auc(best, worked);
        double bayesExpected = Metrics.expectedAuc(best);
        double ece = Metrics.ece(score, worked, 10);
        Map<String, Double> eceByGroup = new LinkedHashMap<>();
        Map<String, Function<ModelTrainer.Row, String>> attributes = new LinkedHashMap<>();
        attributes.put("sex", x -> x.attributes().sex());
        attributes.put("origin", x -> x.attributes().origin());
        attributes.put("age", x -> x.attributes().ageBand());
        attributes.put("disability", x -> String.valueOf(x.attributes().disability()));
        attributes.put("education", x -> String.valueOf(x.inputs().education()));
        attributes.put("province", x -> x.inputs().province());
        for (var a : attributes.entrySet()) {
            Map<String, List<Integer>> groups = new java.util.TreeMap<>();
            for (int i = 0; i < test.size(); i++) {
                groups.computeIfAbsent(a.getValue().apply(test.get(i).row()), k -> new ArrayList<>()).add(i);
            }
            for (var g : groups.entrySet()) {
                double[] s = g.getValue().stream().mapToDouble(i -> score[i]).toArray();
                boolean[] y = new boolean[s.length];
                for (int k = 0; k < s.length; k++) {
                    y[k] = worked[g.getValue().get(k)];
                }
                eceByGroup.put(a.getKey() + "=" + g.getKey(), Metrics.ece(s, y, 10));
            }
        }
        // store it as a version (with the proxy check and the evaluation rows), approve with four eyes and activate
        long s0 = System.nanoTime();
        ChanceModels.Version v = models.store(r, users.find("analyst").orElseThrow(), trained, new KowGroups.Outcome(28, 6));
        models.approve(v.id(), "benchmark", users.find("admin").orElseThrow());
        models.activate(v.id(), users.find("admin").orElseThrow());
        long stored = System.nanoTime();

        // a million clients with an open spell (set-up, not timed)
        jdbc.sql("truncate ch_score, ch_unscored").update();
        jdbc.sql("delete from ch_scoring_run").update();
        Random random = new Random(99);
        StringBuilder copy = new StringBuilder();
        JdbcTemplate template = new JdbcTemplate(dataSource);
        for (int i = 0; i < CLIENTS; i++) {
            GroundTruth.Spell s = GroundTruth.spell(i, today.minusDays(1 + random.nextInt(300)), random);
            GroundTruth.Inputs x = s.inputs();
            copy.append(UUID.randomUUID()).append('\t').append(UUID.randomUUID()).append('\t').append(s.startedOn()).append("\t\\N\t")
                    .append(x.unemployedMonths()).append('\t').append(x.experienceYears() == null ? "\\N" : String.format(Locale.ROOT, "%.1f", x.experienceYears()))
                    .append('\t').append(x.education() == null ? "\\N" : x.education()).append('\t')
                    .append(x.dutchLevel() == null ? "\\N" : x.dutchLevel().toString()).append('\t').append(x.otherLanguages()).append('\t')
                    .append(x.desiredOccupations()).append('\t').append(x.bottleneckOccupation()).append('\t')
                    .append(String.format(Locale.ROOT, "%.1f", x.regionUnemploymentRate())).append('\t').append(x.onlineActivity()).append('\t')
                    .append(x.previousSpells()).append('\t').append(x.driverLicence()).append('\t').append(x.province()).append('\n');
            if ((i + 1) % 200_000 == 0 || i == CLIENTS - 1) {
                String data = copy.toString();
                copy.setLength(0);
                template.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
                    try {
                        return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("""
                                copy ch_spell (id, person_id, started_on, ended_on, unemployed_months, experience_years, education, dutch_level,
                                  other_languages, desired_occupations, bottleneck, region_rate, online_activity, previous_spells, driver_licence,
                                  province) from stdin""", new java.io.StringReader(data));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        jdbc.sql("analyze ch_spell").update();
        long c0 = System.nanoTime();
        ChanceScoring.Run run = scoring.scoreAll(today);
        long c1 = System.nanoTime();
        ChanceAudit.Report report = audit.report(v.id(), users.find("analyst").orElseThrow());
        long a1 = System.nanoTime();

        double trainSeconds = (trained - g1) / 1e9;
        double scoreSeconds = (c1 - c0) / 1e9;
        double auditSeconds = (a1 - c1) / 1e9;
        double worstGroupEce = eceByGroup.values().stream().mapToDouble(d -> d).max().orElse(0);
        String worstGroup = eceByGroup.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        StringBuilder md = new StringBuilder();
        md.append("| measure | result | target |\n|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| spells (train / validation / test) | %d / %d / %d | 500,000 in all |%n", r.trainRows(),
                r.evaluation().size() - test.size(), test.size()));
        md.append(String.format(Locale.ROOT, "| candidates (validation AUC, training time) | %s | chosen by time-based validation |%n", r.candidates()));
        md.append(String.format(Locale.ROOT, "| chosen model, calibration | %s, %s | |%n", r.trainer(), r.calibrator().method()));
        md.append(String.format(Locale.ROOT, "| test AUC / Bayes-optimal AUC on the same spells (expected) | %.4f / %.4f (%.4f) = %.4f | ≥ 0.99 |%n",
                auc, bayes, bayesExpected, auc / bayes));
        md.append(String.format(Locale.ROOT, "| ECE overall / worst group (%s) | %.4f / %.4f | ≤ 0.02 |%n", worstGroup, ece, worstGroupEce));
        md.append(String.format(Locale.ROOT, "| training (both candidates, calibration) | %.1f s | ≤ 120 s |%n", trainSeconds));
        md.append(String.format(Locale.ROOT, "| storing the version with its proxy check and evaluation rows | %.1f s | |%n", (stored - s0) / 1e9));
        md.append(String.format(Locale.ROOT, "| scoring %,d clients end to end (read, score, write with the version) | %.1f s (%d scored, %d without a score) | ≤ 30 s |%n",
                CLIENTS, scoreSeconds, run.scored(), run.unscored()));
        md.append(String.format(Locale.ROOT, "| audit report (%d test rows, %d groups, 200 resamples each) | %.1f s | ≤ 30 s |%n",
                report.overall().count(), report.groups().size(), auditSeconds));
        md.append(String.format(Locale.ROOT, "| generating the spells (set-up) | %.1f s | |%n", (g1 - g0) / 1e9));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/chance-benchmark.md"), md.toString());
        System.out.println(md);
        assertThat(auc / bayes).isGreaterThanOrEqualTo(0.99);
        assertThat(ece).isLessThanOrEqualTo(0.02);
        assertThat(trainSeconds).isLessThanOrEqualTo(120);
        assertThat(scoreSeconds).isLessThanOrEqualTo(30);
        assertThat(auditSeconds).isLessThanOrEqualTo(30);
    }
}
