package be.werkregie.chance;

import be.werkregie.chance.Calibration.Calibrator;
import be.werkregie.chance.GroundTruth.Inputs;
import be.werkregie.chance.GroundTruth.Protected;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the chance-of-work model with Oracle Tribuo on a time-based split: train on the earlier spells, choose between
 * the candidates (logistic regression by SGD, gradient-boosted trees by XGBoost) and fit the calibration on the next
 * period, measure on the latest period whose outcomes are known. Nothing here reads the protected attributes except to
 * carry them to the audit rows.
 */
public final class ModelTrainer {

    /** One spell with a known outcome. */
    public record Row(String pseudonym, LocalDate startedOn, Inputs inputs, Protected attributes, boolean worked) {}

    /** The periods: training before {@code validationFrom}, validation until {@code testFrom}, test until {@code testTo}. */
    public record Windows(LocalDate trainFrom, LocalDate validationFrom, LocalDate testFrom, LocalDate testTo) {

        /** The usual windows on a date: outcomes known until six months ago, a year of test, half a year of validation. */
        public static Windows on(LocalDate today, int trainYears) {
            LocalDate known = today.minusMonths(6);
            LocalDate testFrom = known.minusMonths(12);
            LocalDate validationFrom = testFrom.minusMonths(6);
            return new Windows(validationFrom.minusYears(trainYears), validationFrom, testFrom, known);
        }
    }

    public record Candidate(String trainer, double validationAuc, long trainMillis, String note) {}

    /** A scored row of the test (or validation) period: what the audit is computed from. */
    public record Scored(Row row, String split, double score) {}

    public record Result(String trainer, Model<Label> model, byte[] modelBytes, double[] mean, double[] std, Calibrator calibrator,
                         List<Candidate> candidates, List<Scored> evaluation, String provenance, Windows windows, int trainRows,
                         Map<String, String> hyperParameters) {}

    private final long seed;
    private final int threads;
    private final java.time.Clock clock;

    public ModelTrainer(long seed, int threads, java.time.Clock clock) {
        this.seed = seed;
        this.threads = threads;
        this.clock = clock;
    }

    public Result train(List<Row> rows, Windows w, boolean withBoostedTrees) {
        List<Row> train = new ArrayList<>();
        List<Row> validation = new ArrayList<>();
        List<Row> test = new ArrayList<>();
        for (Row r : rows) {
            if (Features.unscorable(r.inputs()) != null || r.startedOn().isBefore(w.trainFrom()) || !r.startedOn().isBefore(w.testTo())) {
                continue;
            }
            (r.startedOn().isBefore(w.validationFrom()) ? train : r.startedOn().isBefore(w.testFrom()) ? validation : test).add(r);
        }
        if (train.size() < 200 || validation.size() < 100 || test.size() < 100) {
            throw new IllegalStateException("too few spells with a known outcome: " + train.size() + " to train, " + validation.size()
                    + " to validate, " + test.size() + " to test");
        }
        int d = Features.NAMES.size();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (Row r : train) {
            double[] x = Features.of(r.inputs());
            for (int k = 0; k < d; k++) {
                mean[k] += x[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= train.size();
        }
        for (Row r : train) {
            double[] x = Features.of(r.inputs());
            for (int k = 0; k < d; k++) {
                std[k] += (x[k] - mean[k]) * (x[k] - mean[k]);
            }
        }
        for (int k = 0; k < d; k++) {
            std[k] = Math.sqrt(std[k] / train.size());
            if (std[k] < 1e-9) {
                std[k] = 1;
            }
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> trainSet = dataset(train, mean, std, factory, "spells " + w.trainFrom() + " to " + w.validationFrom(),
                OffsetDateTime.now(clock));
        List<Example<Label>> validationExamples = examples(validation, mean, std);

        List<Candidate> candidates = new ArrayList<>();
        Model<Label> best = null;
        String bestName = null;
        double bestAuc = -1;
        Map<String, String> bestHyper = null;
        Map<String, Trainer<Label>> trainers = new LinkedHashMap<>();
        trainers.put("LOGISTIC_REGRESSION", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 3, 100_000, 16, seed));
        if (withBoostedTrees) {
            trainers.put("GRADIENT_BOOSTED_TREES", new XGBoostClassificationTrainer(80, 0.2, 0, 4, 1, 1, 1, 1, 0, threads, true, seed));
        }
        Map<String, Map<String, String>> hyper = Map.of(
                "LOGISTIC_REGRESSION", Map.of("objective", "log loss", "optimiser", "AdaGrad(0.5, 0.1)", "epochs", "3", "minibatch", "16",
                        "inputs", "standardised"),
                "GRADIENT_BOOSTED_TREES", Map.of("trees", "80", "eta", "0.2", "maxDepth", "4", "minChildWeight", "1", "lambda", "1",
                        "threads", String.valueOf(threads)));
        for (Map.Entry<String, Trainer<Label>> t : trainers.entrySet()) {
            long start = System.nanoTime();
            try {
                Model<Label> m = t.getValue().train(trainSet);
                long ms = (System.nanoTime() - start) / 1_000_000;
                double auc = Metrics.auc(raw(m, validationExamples), labels(validation));
                candidates.add(new Candidate(t.getKey(), auc, ms, null));
                if (auc > bestAuc) {
                    bestAuc = auc;
                    best = m;
                    bestName = t.getKey();
                    bestHyper = hyper.get(t.getKey());
                }
            } catch (RuntimeException | LinkageError e) {
                // a candidate that cannot run here (the native XGBoost library) is reported, not hidden
                candidates.add(new Candidate(t.getKey(), Double.NaN, (System.nanoTime() - start) / 1_000_000,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        if (best == null) {
            throw new IllegalStateException("no candidate could be trained: " + candidates);
        }
        // calibration: fitted on the first two thirds of the validation period, chosen on the last third (by Brier score)
        double[] validationRaw = raw(best, validationExamples);
        boolean[] validationWorked = labels(validation);
        int cut = validation.size() * 2 / 3;
        Integer[] order = new Integer[validation.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> validation.get(a).startedOn().compareTo(validation.get(b).startedOn()));
        double[] fitRaw = new double[cut];
        boolean[] fitWorked = new boolean[cut];
        double[] checkRaw = new double[order.length - cut];
        boolean[] checkWorked = new boolean[order.length - cut];
        for (int i = 0; i < order.length; i++) {
            if (i < cut) {
                fitRaw[i] = validationRaw[order[i]];
                fitWorked[i] = validationWorked[order[i]];
            } else {
                checkRaw[i - cut] = validationRaw[order[i]];
                checkWorked[i - cut] = validationWorked[order[i]];
            }
        }
        List<Calibrator> calibrators = List.of(Calibration.identity(), Calibration.platt(fitRaw, fitWorked),
                Calibration.isotonic(fitRaw, fitWorked));
        Calibrator chosen = null;
        double bestBrier = Double.MAX_VALUE;
        for (Calibrator c : calibrators) {
            double[] s = new double[checkRaw.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = c.apply(checkRaw[i]);
            }
            double b = Metrics.brier(s, checkWorked);
            if (b < bestBrier - 1e-9) {
                bestBrier = b;
                chosen = c;
            }
        }
        // refit the chosen method on the whole validation period
        Calibrator calibrator = switch (chosen.method()) {
            case "Platt" -> Calibration.platt(validationRaw, validationWorked);
            case "isotonic" -> Calibration.isotonic(validationRaw, validationWorked);
            default -> chosen;
        };
        List<Scored> evaluation = new ArrayList<>();
        double[] testRaw = raw(best, examples(test, mean, std));
        for (int i = 0; i < test.size(); i++) {
            evaluation.add(new Scored(test.get(i), "TEST", calibrator.apply(testRaw[i])));
        }
        for (int i = 0; i < validation.size(); i++) {
            evaluation.add(new Scored(validation.get(i), "VALIDATION", calibrator.apply(validationRaw[i])));
        }
        return new Result(bestName, best, best.serialize().toByteArray(), mean, std, calibrator, candidates, evaluation,
                best.getProvenance().toString(), w, train.size(), bestHyper);
    }

    static MutableDataset<Label> dataset(List<Row> rows, double[] mean, double[] std, LabelFactory factory, String description,
                                         OffsetDateTime at) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, at, factory), factory);
        for (Example<Label> e : examples(rows, mean, std)) {
            ds.add(e);
        }
        return ds;
    }

    static final Label WORK = new Label("WORK");
    static final Label NO_WORK = new Label("NO_WORK");
    static final String[] NAMES = Features.NAMES.toArray(String[]::new);

    static List<Example<Label>> examples(List<Row> rows, double[] mean, double[] std) {
        List<Example<Label>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(example(Features.of(r.inputs()), mean, std, r.worked() ? WORK : NO_WORK));
        }
        return out;
    }

    static Example<Label> example(double[] x, double[] mean, double[] std, Label label) {
        double[] z = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            // shifted by a constant so that no value is exactly zero (Tribuo drops zero-valued features from sparse vectors)
            z[k] = (x[k] - mean[k]) / std[k] + 1e-7;
        }
        return new ArrayExample<>(label, NAMES, z);
    }

    static double[] raw(Model<Label> m, List<Example<Label>> examples) {
        List<Prediction<Label>> predictions = m.predict(examples);
        double[] out = new double[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions.get(i).getOutputScores().get("WORK").getScore();
        }
        return out;
    }

    static boolean[] labels(List<Row> rows) {
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).worked();
        }
        return out;
    }
}
