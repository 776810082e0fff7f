package be.werkregie.chance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Calibration of a model's raw scores on a held-out period (Tribuo has none): Platt scaling (a logistic curve on the
 * log-odds of the raw score, fitted by Newton's method with Platt's smoothed targets) and isotonic regression
 * (pool-adjacent-violators, a non-decreasing step function with linear interpolation between the blocks). A calibrator
 * is stored with its model version as one line of text.
 */
public final class Calibration {

    private Calibration() {}

    public interface Calibrator {
        double apply(double raw);

        /** One line: {@code platt a b} or {@code isotonic x1:y1 x2:y2 …} or {@code identity}. */
        String text();

        String method();
    }

    public static Calibrator identity() {
        return new Calibrator() {
            public double apply(double raw) {
                return raw;
            }

            public String text() {
                return "identity";
            }

            public String method() {
                return "identity";
            }
        };
    }

    public static Calibrator parse(String text) {
        String[] parts = text.trim().split("\\s+");
        switch (parts[0]) {
            case "platt":
                return new Platt(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            case "isotonic": {
                double[] x = new double[parts.length - 1];
                double[] y = new double[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    String[] xy = parts[i].split(":");
                    x[i - 1] = Double.parseDouble(xy[0]);
                    y[i - 1] = Double.parseDouble(xy[1]);
                }
                return new Isotonic(x, y);
            }
            default:
                return identity();
        }
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    /** p = 1 / (1 + exp(−(a · logit(raw) + b))). */
    public record Platt(double a, double b) implements Calibrator {
        public double apply(double raw) {
            return 1 / (1 + Math.exp(-(a * logit(raw) + b)));
        }

        public String text() {
            return String.format(Locale.ROOT, "platt %.12g %.12g", a, b);
        }

        public String method() {
            return "Platt";
        }
    }

    /** Fits Platt scaling by Newton–Raphson on the log-loss with Platt's (1999) smoothed targets. */
    public static Platt platt(double[] raw, boolean[] worked) {
        int n = raw.length;
        double positives = 0;
        for (boolean w : worked) {
            positives += w ? 1 : 0;
        }
        double hi = (positives + 1) / (positives + 2);
        double lo = 1 / (n - positives + 2);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = logit(raw[i]);
        }
        double a = 1;
        double b = 0;
        double loss = plattLoss(f, worked, hi, lo, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double g1 = 0, g2 = 0, h11 = 1e-12, h12 = 0, h22 = 1e-12;
            for (int i = 0; i < n; i++) {
                double t = worked[i] ? hi : lo;
                double p = sigmoid(a * f[i] + b);
                double d = p - t;
                double w = p * (1 - p);
                g1 += d * f[i];
                g2 += d;
                h11 += w * f[i] * f[i];
                h12 += w * f[i];
                h22 += w;
            }
            double det = h11 * h22 - h12 * h12;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (h22 * g1 - h12 * g2) / det;
            double db = (h11 * g2 - h12 * g1) / det;
            // backtracking line search (as in Platt's and Lin's algorithm): a full Newton step can overshoot
            double step = 1;
            double next = plattLoss(f, worked, hi, lo, a - da, b - db);
            while (next > loss && step > 1e-8) {
                step /= 2;
                next = plattLoss(f, worked, hi, lo, a - step * da, b - step * db);
            }
            a -= step * da;
            b -= step * db;
            boolean done = Math.abs(loss - next) < 1e-12 * Math.max(1, Math.abs(loss));
            loss = next;
            if (done) {
                break;
            }
        }
        return new Platt(a, b);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double plattLoss(double[] f, boolean[] worked, double hi, double lo, double a, double b) {
        double loss = 0;
        for (int i = 0; i < f.length; i++) {
            double t = worked[i] ? hi : lo;
            double z = a * f[i] + b;
            // log(1 + e^z) − t·z, computed stably
            loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
        }
        return loss;
    }

    /** A non-decreasing step function through the block means, interpolated linearly between block centres. */
    public record Isotonic(double[] x, double[] y) implements Calibrator {
        public double apply(double raw) {
            if (x.length == 0) {
                return raw;
            }
            if (raw <= x[0]) {
                return y[0];
            }
            if (raw >= x[x.length - 1]) {
                return y[y.length - 1];
            }
            int i = Arrays.binarySearch(x, raw);
            if (i >= 0) {
                return y[i];
            }
            int hi = -i - 1;
            int lo = hi - 1;
            double t = (raw - x[lo]) / (x[hi] - x[lo]);
            return y[lo] + t * (y[hi] - y[lo]);
        }

        public String text() {
            StringBuilder s = new StringBuilder("isotonic");
            for (int i = 0; i < x.length; i++) {
                s.append(String.format(Locale.ROOT, " %.10g:%.10g", x[i], y[i]));
            }
            return s.toString();
        }

        public String method() {
            return "isotonic";
        }
    }

    /** Pool-adjacent-violators on the raw scores sorted ascending; ties of the raw score are pooled first. */
    public static Isotonic isotonic(double[] raw, boolean[] worked) {
        int n = raw.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        // blocks: sum of x, sum of y, weight
        List<double[]> blocks = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i;
            double sx = 0, sy = 0;
            while (j < n && raw[order[j]] == raw[order[i]]) {
                sx += raw[order[j]];
                sy += worked[order[j]] ? 1 : 0;
                j++;
            }
            blocks.add(new double[] {sx, sy, j - i});
            i = j;
            // merge while the last two violate monotonicity
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[1] / prev[2] <= last[1] / last[2]) {
                    break;
                }
                prev[0] += last[0];
                prev[1] += last[1];
                prev[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] x = new double[blocks.size()];
        double[] y = new double[blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            double[] b = blocks.get(k);
            x[k] = b[0] / b[2];
            y[k] = b[1] / b[2];
        }
        return new Isotonic(x, y);
    }
}
