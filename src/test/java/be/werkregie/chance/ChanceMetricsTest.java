package be.werkregie.chance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The audit's measures and the calibration against small cases computed by hand, and the trainer on generated history. */
class ChanceMetricsTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void aucCountsPairsAndHalfTies() {
        // positives 0.9, 0.4; negatives 0.6, 0.1: pairs (0.9>0.6) (0.9>0.1) (0.4<0.6) (0.4>0.1) = 3 of 4
        assertThat(Metrics.auc(new double[] {0.9, 0.6, 0.4, 0.1}, new boolean[] {T, F, T, F})).isEqualTo(0.75);
        // a tie between a positive and a negative counts half: 0.5 ; 0.5 and 0.2: (tie .5) + (0.5>0.2) = 1.5 of 2
        assertThat(Metrics.auc(new double[] {0.5, 0.5, 0.2}, new boolean[] {T, F, F})).isEqualTo(0.75);
        assertThat(Metrics.auc(new double[] {0.5, 0.2}, new boolean[] {T, T})).isNaN();
    }

    @Test
    void expectedAucOfTheTruthMatchesASimulation() {
        Random r = new Random(7);
        double[] p = new double[400];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble();
        }
        double sum = 0;
        int runs = 400;
        for (int k = 0; k < runs; k++) {
            boolean[] y = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                y[i] = r.nextDouble() < p[i];
            }
            sum += Metrics.auc(p, y);
        }
        assertThat(Metrics.expectedAuc(p)).isCloseTo(sum / runs, within(0.004));
        // two people, chances 1 and 0: the one who surely works is ranked above the one who surely does not
        assertThat(Metrics.expectedAuc(new double[] {1.0, 0.0})).isEqualTo(1.0);
    }

    @Test
    void brierEceAndRatesByHand() {
        double[] s = {0.8, 0.8, 0.3, 0.3};
        boolean[] y = {T, F, F, F};
        // (0.2² + 0.8² + 0.3² + 0.3²) / 4 = (0.04 + 0.64 + 0.09 + 0.09) / 4 = 0.215
        assertThat(Metrics.brier(s, y)).isCloseTo(0.215, within(1e-12));
        // bins of 0.1: bin 8 holds 0.8, 0.8 with 1 of 2 working: |0.8 − 0.5| = 0.3; bin 3: |0.3 − 0| = 0.3 → ECE 0.3
        assertThat(Metrics.ece(s, y, 10)).isCloseTo(0.3, within(1e-12));
        // boundary 0.5: of those who worked (one, at 0.8) none below → FPR 0; of the three who did not, one at or above → 1/3
        assertThat(Metrics.falsePositiveRate(s, y, 0.5)).isEqualTo(0.0);
        assertThat(Metrics.falseNegativeRate(s, y, 0.5)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Metrics.falsePositiveRate(s, y, 0.9)).isEqualTo(1.0);
    }

    @Test
    void bootstrapIntervalHoldsTheValueAndNarrowsWithMoreData() {
        Random r = new Random(3);
        double[] small = new double[100];
        boolean[] ys = new boolean[100];
        double[] large = new double[4000];
        boolean[] yl = new boolean[4000];
        for (int i = 0; i < large.length; i++) {
            double p = r.nextDouble();
            large[i] = p;
            yl[i] = r.nextDouble() < p;
            if (i < small.length) {
                small[i] = p;
                ys[i] = yl[i];
            }
        }
        Metrics.Estimate a = Metrics.bootstrap(small, ys, Metrics::auc, 300, 1);
        Metrics.Estimate b = Metrics.bootstrap(large, yl, Metrics::auc, 300, 1);
        assertThat(a.low()).isLessThanOrEqualTo(a.value());
        assertThat(a.high()).isGreaterThanOrEqualTo(a.value());
        assertThat(b.high() - b.low()).isLessThan((a.high() - a.low()) / 3);
        assertThat(Metrics.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    }

    @Test
    void plattAndIsotonicLowerTheCalibrationErrorOfAMiscalibratedModel() {
        Random r = new Random(11);
        int n = 20_000;
        double[] raw = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double p = r.nextDouble();
            y[i] = r.nextDouble() < p;
            raw[i] = Math.pow(p, 3); // overconfident towards 0: badly calibrated, but ranked right
        }
        double before = Metrics.ece(raw, y, 10);
        Calibration.Calibrator platt = Calibration.platt(raw, y);
        Calibration.Calibrator iso = Calibration.isotonic(raw, y);
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        for (int i = 0; i < n; i++) {
            p1[i] = platt.apply(raw[i]);
            p2[i] = iso.apply(raw[i]);
        }
        assertThat(before).isGreaterThan(0.15);
        assertThat(Metrics.ece(p1, y, 10)).isLessThan(0.03);
        assertThat(Metrics.ece(p2, y, 10)).isLessThan(0.02);
        // stored as text and read back: the same function
        assertThat(Calibration.parse(platt.text()).apply(0.2)).isCloseTo(platt.apply(0.2), within(1e-9));
        assertThat(Calibration.parse(iso.text()).apply(0.2)).isCloseTo(iso.apply(0.2), within(1e-6));
    }

    @Test
    void poolAdjacentViolatorsByHand() {
        // outcomes by raw score 0.1..0.4: 1, 0, 1, 1 → the first two pool to 0.5; the rest stay 1
        Calibration.Isotonic iso = Calibration.isotonic(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {T, F, T, T});
        assertThat(iso.y()).containsExactly(0.5, 1.0, 1.0);
        assertThat(iso.x()[0]).isCloseTo(0.15, within(1e-12));
        assertThat(iso.apply(0.0)).isEqualTo(0.5);
        assertThat(iso.apply(0.225)).isCloseTo(0.75, within(1e-12)); // halfway between 0.15 and 0.3
    }

    @Test
    void protectedAttributesAreNoInputs() {
        assertThat(Features.NAMES).noneMatch(n -> n.matches("(?i)^(sex|gender|origin|nationality|age|birth|disab).*"));
        assertThat(Features.NAMES).hasSameSizeAs(Features.DESCRIPTIONS);
    }

    @Test
    void theTrainedModelComesCloseToTheBestAchievableAndIsCalibrated() {
        List<GroundTruth.Spell> spells = GroundTruth.generate(5, 40_000, LocalDate.of(2021, 1, 1), LocalDate.of(2026, 9, 1));
        List<ModelTrainer.Row> rows = spells.stream().map(s -> new ModelTrainer.Row("p" + s.index(), s.startedOn(), s.inputs(),
                s.attributes(), s.worked())).toList();
        ModelTrainer.Windows w = ModelTrainer.Windows.on(LocalDate.of(2027, 3, 17), 4);
        ModelTrainer.Result result = new ModelTrainer(1, 2, java.time.Clock.fixed(java.time.Instant.parse("2027-03-17T09:15:00Z"), java.time.ZoneOffset.UTC)).train(rows, w, true);
        List<ModelTrainer.Scored> test = result.evaluation().stream().filter(s -> s.split().equals("TEST")).toList();
        double[] score = test.stream().mapToDouble(ModelTrainer.Scored::score).toArray();
        boolean[] worked = new boolean[test.size()];
        for (int i = 0; i < worked.length; i++) {
            worked[i] = test.get(i).row().worked();
        }
        double[] truth = test.stream().mapToDouble(s -> GroundTruth.chance(s.row().inputs())).toArray();
        double bayes = Metrics.auc(truth, worked);
        double auc = Metrics.auc(score, worked);
        assertThat(result.candidates()).hasSize(2);
        assertThat(auc).as("AUC %.4f against the best achievable %.4f (%s)", auc, bayes, result.candidates()).isGreaterThan(0.98 * bayes);
        assertThat(Metrics.ece(score, worked, 10)).isLessThan(0.03);
        assertThat(result.modelBytes()).isNotEmpty();
        assertThat(result.provenance()).contains("spells");
    }

    @Test
    void treeExplanationsAreXGBoostsExactContributions() {
        // a boosted-trees model on the truth's spells; between two clients the sums of their contributions differ exactly as
        // the model's log-odds do (the ensemble's bias cancels)
        List<GroundTruth.Spell> spells = GroundTruth.generate(6, 3_000, LocalDate.of(2022, 1, 1), LocalDate.of(2026, 1, 1));
        double[] mean = new double[Features.NAMES.size()];
        double[] std = new double[Features.NAMES.size()];
        java.util.Arrays.fill(std, 1);
        org.tribuo.MutableDataset<org.tribuo.classification.Label> data = new org.tribuo.MutableDataset<>(
                new org.tribuo.provenance.SimpleDataSourceProvenance("test", new org.tribuo.classification.LabelFactory()),
                new org.tribuo.classification.LabelFactory());
        for (GroundTruth.Spell s : spells) {
            data.add(ModelTrainer.example(Features.of(s.inputs()), mean, std, s.worked() ? ModelTrainer.WORK : ModelTrainer.NO_WORK));
        }
        var model = new org.tribuo.classification.xgboost.XGBoostClassificationTrainer(20).train(data);
        Scorer.Trees trees = new Scorer.Trees(model, mean, std, Calibration.identity());
        double[] a = Features.of(spells.get(0).inputs());
        double[] b = Features.of(spells.get(1).inputs());
        List<Scorer.Contribution> ca = trees.treeContributions(a);
        List<Scorer.Contribution> cb = trees.treeContributions(b);
        assertThat(ca).as("XGBoost's contributions are available").isNotNull().hasSize(Features.NAMES.size());
        assertThat(trees.explain(a)).isEqualTo(ca);
        double[] raw = trees.raw(List.of(a, b));
        double sumA = ca.stream().mapToDouble(Scorer.Contribution::logOdds).sum();
        double sumB = cb.stream().mapToDouble(Scorer.Contribution::logOdds).sum();
        assertThat(sumA - sumB).isCloseTo(Calibration.logit(raw[0]) - Calibration.logit(raw[1]), within(1e-3));
        assertThat(ca).anyMatch(c -> Math.abs(c.logOdds()) > 0.01);
    }
}
