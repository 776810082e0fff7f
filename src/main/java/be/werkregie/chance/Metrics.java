package be.werkregie.chance;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The audit's measures, written out so that an auditor can check them against a hand computation (and against
 * Fairlearn or scikit-learn on the CSV): AUC (Mann–Whitney, ties counted half), Brier score, expected calibration error
 * over equal-width bins, error rates at a boundary and percentile bootstrap intervals.
 *
 * <p>The "flag" at a boundary is the one that matters to a client: a score below the boundary puts them in a group further from
 * work. A <b>false positive</b> is a person who did work but was scored below the
 * boundary (wrongly flagged as having a low chance: the published critique of 2.6× for job seekers of foreign origin); a
 * <b>false negative</b> is a person who did not work but was scored at or above it.
 */
public final class Metrics {

    private Metrics() {}

    /** Area under the ROC curve; NaN when one class is absent. */
    public static double auc(double[] score, boolean[] worked) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // average rank of the tie block, 1-based
            for (int k = i; k <= j; k++) {
                if (worked[order[k]]) {
                    rankSumPositive += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The AUC expected when every person works with their true chance: each person counts as a positive with weight p
     * and as a negative with weight 1 − p. For the ground truth this is the best AUC any model can expect.
     */
    public static double expectedAuc(double[] p) {
        double[] s = p.clone();
        Arrays.sort(s);
        double negativeBelow = 0; // weight of negatives with a lower chance
        double pairs = 0;
        double positive = 0;
        double negative = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double blockPositive = 0;
            double blockNegative = 0;
            for (int k = i; k <= j; k++) {
                blockPositive += s[k];
                blockNegative += 1 - s[k];
            }
            pairs += blockPositive * negativeBelow + 0.5 * blockPositive * blockNegative;
            negativeBelow += blockNegative;
            positive += blockPositive;
            negative += blockNegative;
            i = j + 1;
        }
        // a person is never paired with themselves: remove the self-pairs p(1-p)/2 from the tie term
        double self = 0;
        for (double v : p) {
            self += v * (1 - v);
        }
        return (pairs - 0.5 * self) / (positive * negative - self);
    }

    public static double brier(double[] score, boolean[] worked) {
        double sum = 0;
        for (int i = 0; i < score.length; i++) {
            double d = score[i] - (worked[i] ? 1 : 0);
            sum += d * d;
        }
        return score.length == 0 ? Double.NaN : sum / score.length;
    }

    /** One bin of a calibration curve. */
    public record Bin(double from, double to, int count, double meanScore, double observed) {}

    public static Bin[] calibrationCurve(double[] score, boolean[] worked, int bins) {
        int[] count = new int[bins];
        double[] sum = new double[bins];
        int[] positives = new int[bins];
        for (int i = 0; i < score.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(score[i] * bins)));
            count[b]++;
            sum[b] += score[i];
            positives[b] += worked[i] ? 1 : 0;
        }
        Bin[] out = new Bin[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = new Bin((double) b / bins, (double) (b + 1) / bins, count[b], count[b] == 0 ? Double.NaN : sum[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) positives[b] / count[b]);
        }
        return out;
    }

    /** Expected calibration error: the count-weighted mean distance between mean score and observed rate per bin. */
    public static double ece(double[] score, boolean[] worked, int bins) {
        double total = 0;
        for (Bin b : calibrationCurve(score, worked, bins)) {
            if (b.count() > 0) {
                total += b.count() * Math.abs(b.meanScore() - b.observed());
            }
        }
        return score.length == 0 ? Double.NaN : total / score.length;
    }

    /** False-positive rate at a boundary: of those who worked, the share scored below it. NaN without anyone who worked. */
    public static double falsePositiveRate(double[] score, boolean[] worked, double boundary) {
        int flagged = 0;
        int positives = 0;
        for (int i = 0; i < score.length; i++) {
            if (worked[i]) {
                positives++;
                flagged += score[i] < boundary ? 1 : 0;
            }
        }
        return positives == 0 ? Double.NaN : (double) flagged / positives;
    }

    /** False-negative rate at a boundary: of those who did not work, the share scored at or above it. */
    public static double falseNegativeRate(double[] score, boolean[] worked, double boundary) {
        int missed = 0;
        int negatives = 0;
        for (int i = 0; i < score.length; i++) {
            if (!worked[i]) {
                negatives++;
                missed += score[i] >= boundary ? 1 : 0;
            }
        }
        return negatives == 0 ? Double.NaN : (double) missed / negatives;
    }

    /** A figure with its 95% percentile bootstrap interval. */
    public record Estimate(double value, double low, double high) {}

    /**
     * The statistic on the sample and its 95% interval from {@code resamples} bootstrap resamples drawn with the seed
     * (resamples where the statistic is undefined are left out).
     */
    public static Estimate bootstrap(double[] score, boolean[] worked, BiFunction<double[], boolean[], Double> statistic,
                                     int resamples, long seed) {
        double value = statistic.apply(score, worked);
        int n = score.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN);
        }
        Random r = new Random(seed);
        double[] stats = new double[resamples];
        int kept = 0;
        double[] s = new double[n];
        boolean[] w = new boolean[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(n);
                s[i] = score[k];
                w[i] = worked[k];
            }
            double v = statistic.apply(s, w);
            if (!Double.isNaN(v)) {
                stats[kept++] = v;
            }
        }
        if (kept == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(stats, kept);
        Arrays.sort(sorted);
        return new Estimate(value, quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /** Linear interpolation between order statistics (type 7, as R and NumPy by default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Population stability index between two score samples over ten equal-width bins: drift of the score distribution. */
    public static double psi(double[] before, double[] after) {
        double total = 0;
        for (int b = 0; b < 10; b++) {
            double e = Math.max(1e-4, share(before, b));
            double a = Math.max(1e-4, share(after, b));
            total += (a - e) * Math.log(a / e);
        }
        return total;
    }

    private static double share(double[] s, int bin) {
        if (s.length == 0) {
            return 0;
        }
        int n = 0;
        for (double v : s) {
            if (Math.min(9, (int) Math.floor(v * 10)) == bin) {
                n++;
            }
        }
        return (double) n / s.length;
    }

    /** AUC, Brier score and ECE of one sample, each with its 95% bootstrap interval. */
    public record Summary(int count, double baseRate, Estimate auc, Estimate brier, Estimate ece) {}

    /**
     * The three figures with percentile intervals from the same {@code resamples} resamples, computed fast: the sample is
     * sorted by score once and every resample is a vector of counts (how often each row was drawn), so one resample costs
     * one pass instead of a sort. Gives the same intervals as {@link #bootstrap} with the same draws.
     */
    public static Summary summary(double[] score, boolean[] worked, int resamples, long seed) {
        int n = score.length;
        if (n == 0) {
            Estimate none = new Estimate(Double.NaN, Double.NaN, Double.NaN);
            return new Summary(0, Double.NaN, none, none, none);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            s[i] = score[order[i]];
            y[i] = worked[order[i]];
            positives += y[i] ? 1 : 0;
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        double[] full = weighted(s, y, ones);
        Random r = new Random(seed);
        double[][] stats = new double[3][resamples];
        int kept = 0;
        int[] counts = new int[n];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[r.nextInt(n)]++;
            }
            double[] v = weighted(s, y, counts);
            if (!Double.isNaN(v[0])) {
                stats[0][kept] = v[0];
                stats[1][kept] = v[1];
                stats[2][kept] = v[2];
                kept++;
            }
        }
        Estimate[] e = new Estimate[3];
        for (int k = 0; k < 3; k++) {
            if (kept == 0) {
                e[k] = new Estimate(full[k], Double.NaN, Double.NaN);
            } else {
                double[] sorted = Arrays.copyOf(stats[k], kept);
                Arrays.sort(sorted);
                e[k] = new Estimate(full[k], quantile(sorted, 0.025), quantile(sorted, 0.975));
            }
        }
        return new Summary(n, (double) positives / n, e[0], e[1], e[2]);
    }

    /** AUC, Brier, ECE (10 bins) of rows sorted by score, each row counted {@code w[i]} times. */
    static double[] weighted(double[] s, boolean[] y, int[] w) {
        double negativesBelow = 0;
        double pairs = 0;
        double pos = 0;
        double neg = 0;
        double brier = 0;
        double total = 0;
        double[] binCount = new double[10];
        double[] binScore = new double[10];
        double[] binPositive = new double[10];
        int i = 0;
        int n = s.length;
        while (i < n) {
            int j = i;
            while (j + 1 < n && s[j + 1] == s[i]) {
                j++;
            }
            double bp = 0;
            double bn = 0;
            for (int k = i; k <= j; k++) {
                if (w[k] == 0) {
                    continue;
                }
                double d = s[k] - (y[k] ? 1 : 0);
                brier += w[k] * d * d;
                total += w[k];
                int bin = Math.min(9, Math.max(0, (int) Math.floor(s[k] * 10)));
                binCount[bin] += w[k];
                binScore[bin] += w[k] * s[k];
                if (y[k]) {
                    bp += w[k];
                    binPositive[bin] += w[k];
                } else {
                    bn += w[k];
                }
            }
            pairs += bp * negativesBelow + 0.5 * bp * bn;
            negativesBelow += bn;
            pos += bp;
            neg += bn;
            i = j + 1;
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binScore[b] - binPositive[b]);
            }
        }
        return new double[] {pos == 0 || neg == 0 ? Double.NaN : pairs / (pos * neg), brier / total, ece / total};
    }
}
