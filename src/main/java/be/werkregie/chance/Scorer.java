package be.werkregie.chance;

import be.werkregie.chance.Calibration.Calibrator;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.protos.core.ModelProto;

/**
 * Scores inputs with a stored model version: the Tribuo model read back from its protobuf bytes, the standardisation of
 * the training data and the calibration. For the logistic regression the weights are taken out of the Tribuo model once
 * and applied as a dot product (a test proves it equals Tribuo's own prediction); the trees are scored by Tribuo in
 * batches.
 */
public abstract class Scorer {

    /** One input's share in a score, in log-odds. */
    public record Contribution(String feature, String description, double value, double logOdds) {}

    final double[] mean;
    final double[] std;
    final Calibrator calibrator;

    Scorer(double[] mean, double[] std, Calibrator calibrator) {
        this.mean = mean;
        this.std = std;
        this.calibrator = calibrator;
    }

    @SuppressWarnings("unchecked")
    static Scorer of(String trainer, byte[] modelBytes, double[] mean, double[] std, Calibrator calibrator) {
        Model<Label> model;
        try {
            model = (Model<Label>) Model.deserialize(ModelProto.parseFrom(modelBytes));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("the stored model cannot be read", e);
        }
        if (model instanceof LinearSGDModel linear) {
            return new Linear(linear, mean, std, calibrator);
        }
        return new Trees(model, mean, std, calibrator);
    }

    /** Calibrated chances for many input vectors (from {@link Features#of}). */
    public abstract double[] score(List<double[]> inputs);

    /** The uncalibrated chance of the model. */
    abstract double[] raw(List<double[]> inputs);

    /** Each input's contribution to the client's score (log-odds of the model before calibration), largest first. */
    public abstract List<Contribution> explain(double[] input);

    double[] calibrate(double[] raw) {
        for (int i = 0; i < raw.length; i++) {
            raw[i] = calibrator.apply(raw[i]);
        }
        return raw;
    }

    static final class Linear extends Scorer {
        final double[] w;
        final double bias;

        Linear(LinearSGDModel model, double[] mean, double[] std, Calibrator calibrator) {
            super(mean, std, calibrator);
            DenseMatrix weights = model.getWeightsCopy();
            int work = model.getOutputIDInfo().getID(ModelTrainer.WORK);
            int noWork = model.getOutputIDInfo().getID(ModelTrainer.NO_WORK);
            int d = Features.NAMES.size();
            w = new double[d];
            for (int k = 0; k < d; k++) {
                int id = model.getFeatureIDMap().getID(Features.NAMES.get(k));
                w[k] = id < 0 ? 0 : weights.get(work, id) - weights.get(noWork, id);
            }
            int biasColumn = weights.getDimension2Size() - 1;
            bias = weights.get(work, biasColumn) - weights.get(noWork, biasColumn);
        }

        double logit(double[] x) {
            double z = bias;
            for (int k = 0; k < w.length; k++) {
                z += w[k] * ((x[k] - mean[k]) / std[k] + 1e-7);
            }
            return z;
        }

        @Override
        double[] raw(List<double[]> inputs) {
            double[] out = new double[inputs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = 1 / (1 + Math.exp(-logit(inputs.get(i))));
            }
            return out;
        }

        @Override
        public double[] score(List<double[]> inputs) {
            return calibrate(raw(inputs));
        }

        @Override
        public List<Contribution> explain(double[] x) {
            List<Contribution> out = new ArrayList<>();
            for (int k = 0; k < w.length; k++) {
                out.add(new Contribution(Features.NAMES.get(k), Features.DESCRIPTIONS.get(k), x[k], w[k] * ((x[k] - mean[k]) / std[k])));
            }
            out.sort((a, b) -> Double.compare(Math.abs(b.logOdds()), Math.abs(a.logOdds())));
            return out;
        }
    }

    static final class Trees extends Scorer {
        final Model<Label> model;

        Trees(Model<Label> model, double[] mean, double[] std, Calibrator calibrator) {
            super(mean, std, calibrator);
            this.model = model;
        }

        @Override
        double[] raw(List<double[]> inputs) {
            List<Example<Label>> examples = new ArrayList<>(inputs.size());
            for (double[] x : inputs) {
                examples.add(ModelTrainer.example(x, mean, std, ModelTrainer.WORK));
            }
            return ModelTrainer.raw(model, examples);
        }

        @Override
        public double[] score(List<double[]> inputs) {
            double[] out = new double[inputs.size()];
            int batch = 50_000;
            for (int from = 0; from < inputs.size(); from += batch) {
                double[] part = raw(inputs.subList(from, Math.min(inputs.size(), from + batch)));
                System.arraycopy(part, 0, out, from, part.length);
            }
            return calibrate(out);
        }

        /**
         * Exact per-tree contributions: XGBoost's own prediction with contributions (TreeSHAP over every tree of the
         * ensemble) for the client's inputs, in the model's log-odds of work against no work; they add up, with the
         * ensemble's bias, to the client's raw log-odds. When the native library cannot give them, occlusion (each input
         * in turn set to the training mean) is used instead.
         */
        @Override
        public List<Contribution> explain(double[] x) {
            List<Contribution> exact = treeContributions(x);
            return exact != null ? exact : occlusion(x);
        }

        /** The per-tree contributions summed over the trees, or null when the model is not XGBoost's or the call fails. */
        List<Contribution> treeContributions(double[] x) {
            if (!(model instanceof org.tribuo.common.xgboost.XGBoostModel<?> xgb) || xgb.getInnerModels().size() != 1) {
                return null;
            }
            try {
                org.tribuo.ImmutableFeatureMap features = model.getFeatureIDMap();
                int columns = features.size();
                float[] row = new float[columns];
                java.util.Arrays.fill(row, Float.NaN);
                int[] column = new int[x.length];
                for (int k = 0; k < x.length; k++) {
                    column[k] = features.getID(ModelTrainer.NAMES[k]);
                    if (column[k] >= 0) {
                        // the same value the model saw in training and scoring (ModelTrainer.example)
                        row[column[k]] = (float) ((x[k] - mean[k]) / std[k] + 1e-7);
                    }
                }
                ml.dmlc.xgboost4j.java.DMatrix matrix = new ml.dmlc.xgboost4j.java.DMatrix(row, 1, columns, Float.NaN);
                float[] c = xgb.getInnerModels().get(0).predictContrib(matrix, 0)[0];
                matrix.dispose();
                int width = columns + 1;
                int work = model.getOutputIDInfo().getID(ModelTrainer.WORK);
                List<Contribution> out = new ArrayList<>();
                for (int k = 0; k < x.length; k++) {
                    double logOdds;
                    if (column[k] < 0) {
                        logOdds = 0; // an input no tree uses
                    } else if (c.length == 2 * width) {
                        // two classes (softprob): log-odds of work = margin of work − margin of no work
                        logOdds = c[work * width + column[k]] - c[(1 - work) * width + column[k]];
                    } else if (c.length == width) {
                        logOdds = work == 1 ? c[column[k]] : -c[column[k]];
                    } else {
                        return null;
                    }
                    out.add(new Contribution(Features.NAMES.get(k), Features.DESCRIPTIONS.get(k), x[k], logOdds));
                }
                out.sort((a, b) -> Double.compare(Math.abs(b.logOdds()), Math.abs(a.logOdds())));
                return out;
            } catch (ml.dmlc.xgboost4j.java.XGBoostError | RuntimeException | LinkageError e) {
                return null;
            }
        }

        List<Contribution> occlusion(double[] x) {
            List<double[]> variants = new ArrayList<>();
            variants.add(x);
            for (int k = 0; k < x.length; k++) {
                double[] v = x.clone();
                v[k] = mean[k];
                variants.add(v);
            }
            double[] p = raw(variants);
            double base = Calibration.logit(p[0]);
            List<Contribution> out = new ArrayList<>();
            for (int k = 0; k < x.length; k++) {
                out.add(new Contribution(Features.NAMES.get(k), Features.DESCRIPTIONS.get(k), x[k], base - Calibration.logit(p[k + 1])));
            }
            out.sort((a, b) -> Double.compare(Math.abs(b.logOdds()), Math.abs(a.logOdds())));
            return out;
        }
    }
}
