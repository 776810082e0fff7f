package be.werkregie.cooperation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Disclosure control for published counts: a count under the threshold is hidden (primary suppression), and so many
 * other cells are hidden with it (secondary suppression) that no hidden cell can be worked out from what is shown.
 *
 * <p>The published figures are described as cells with additive <b>lines</b>: a total equals the sum of its parts (a
 * municipality's total is the sum of its categories; a region's figure is the sum of its municipalities'; Flanders is
 * the sum of the regions; two breakdowns of the same population share their total cell). An attacker knows every shown
 * cell and every line; a hidden cell is <em>recoverable</em> when it follows from those equations alone, i.e. when its
 * unit vector lies in the row space of the lines restricted to the hidden cells. {@link #protect} first makes every line
 * hold none or at least two hidden cells whose hidden parts sum to at least the threshold (the classic rule), then checks
 * exactly, by Gaussian elimination over the rationals, that no hidden cell is recoverable, and hides one more cell of a
 * line through any cell that still is, until none is. Because one protected set of cells feeds every table, chart, CSV and
 * API answer, the same cell is hidden everywhere.
 *
 * <p>Consecutive periods: the dashboard publishes each period's counts on their own, never a running total over periods,
 * so a period's hidden cell cannot be had as the difference of two totals.
 */
public final class Disclosure {

    private Disclosure() {}

    /** A line: {@code total} = the sum of {@code parts} (cell indices). */
    public record Line(int total, List<Integer> parts) {}

    /** The cells to hide, as indices into the values. */
    public static BitSet protect(long[] values, List<Line> lines, int threshold) {
        BitSet hidden = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && values[i] < threshold) {
                hidden.set(i);
            }
        }
        if (hidden.isEmpty()) {
            return hidden;
        }
        // cells by the lines they are in, to repair around a recoverable cell
        Map<Integer, List<Line>> linesOf = new LinkedHashMap<>();
        for (Line l : lines) {
            linesOf.computeIfAbsent(l.total(), k -> new ArrayList<>()).add(l);
            for (int p : l.parts()) {
                linesOf.computeIfAbsent(p, k -> new ArrayList<>()).add(l);
            }
        }
        boolean changed = true;
        for (int guard = 0; changed && guard < values.length + 1; guard++) {
            changed = lineRule(values, lines, threshold, hidden);
            if (!changed) {
                Set<Integer> exposed = recoverable(values.length, lines, hidden);
                for (int x : exposed) {
                    if (hideNextTo(x, values, linesOf.getOrDefault(x, List.of()), hidden)) {
                        changed = true;
                        break; // re-check from the rule after each added cell: one cell often protects several
                    }
                }
            }
        }
        return hidden;
    }

    /** One pass of the line rule; true when it hid something. */
    private static boolean lineRule(long[] values, List<Line> lines, int threshold, BitSet hidden) {
        boolean any = false;
        boolean again = true;
        while (again) {
            again = false;
            for (Line l : lines) {
                int count = hidden.get(l.total()) ? 1 : 0;
                long hiddenParts = 0;
                for (int p : l.parts()) {
                    if (hidden.get(p)) {
                        count++;
                        hiddenParts += values[p];
                    }
                }
                if (count == 0) {
                    continue;
                }
                // one hidden cell in a line follows from the others; two small ones give each other away by their sum
                boolean weak = count == 1 || hiddenParts > 0 && hiddenParts < threshold && !hidden.get(l.total());
                if (weak && hideCheapest(values, l, hidden)) {
                    any = true;
                    again = true;
                }
            }
        }
        return any;
    }

    /** Hides the smallest shown part of the line (non-zero first: a hidden zero protects little), else its total. */
    private static boolean hideCheapest(long[] values, Line l, BitSet hidden) {
        Integer best = null;
        for (int p : l.parts()) {
            if (!hidden.get(p) && (best == null || better(values, p, best))) {
                best = p;
            }
        }
        if (best == null) {
            if (hidden.get(l.total())) {
                return false;
            }
            best = l.total();
        }
        hidden.set(best);
        return true;
    }

    private static boolean better(long[] values, int candidate, int current) {
        boolean cz = values[candidate] == 0;
        boolean bz = values[current] == 0;
        if (cz != bz) {
            return !cz;
        }
        return values[candidate] < values[current];
    }

    private static boolean hideNextTo(int x, long[] values, List<Line> lines, BitSet hidden) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(l -> l.parts().size()));
        for (Line l : sorted) {
            if (hideCheapest(values, l, hidden)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hidden cells that follow exactly from the shown cells and the lines: x is recoverable iff the unit vector of x is
     * in the row space of the lines restricted to the hidden cells; after reduction to reduced row echelon form, iff x is
     * a pivot whose row has no other non-zero entry. The lines have coefficients 0 and ±1; the elimination runs modulo the
     * prime 2^31 − 1, which gives the rank over the rationals except with negligible probability (and is fast: a dashboard
     * year of 300 municipalities is checked in well under a second). The property tests check it against an independent
     * elimination.
     */
    public static Set<Integer> recoverable(int size, List<Line> lines, BitSet hidden) {
        int[] col = new int[size];
        List<Integer> cells = new ArrayList<>();
        for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
            col[i] = cells.size();
            cells.add(i);
        }
        int n = cells.size();
        List<long[]> rows = new ArrayList<>();
        for (Line l : lines) {
            long[] r = null;
            if (hidden.get(l.total())) {
                r = new long[n];
                r[col[l.total()]] = 1;
            }
            for (int p : l.parts()) {
                if (hidden.get(p)) {
                    if (r == null) {
                        r = new long[n];
                    }
                    r[col[p]] = mod(r[col[p]] - 1);
                }
            }
            if (r != null) {
                rows.add(r);
            }
        }
        int rank = 0;
        int[] pivotOf = new int[rows.size()];
        for (int c = 0; c < n && rank < rows.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[c] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] pr = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, pr);
            long inv = inverse(pr[c]);
            for (int k = c; k < n; k++) {
                if (pr[k] != 0) {
                    pr[k] = pr[k] * inv % P;
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                long[] rr = rows.get(r);
                if (r != rank && rr[c] != 0) {
                    long f = rr[c];
                    for (int k = c; k < n; k++) {
                        if (pr[k] != 0) {
                            rr[k] = mod(rr[k] - f * pr[k] % P);
                        }
                    }
                }
            }
            pivotOf[rank] = c;
            rank++;
        }
        Set<Integer> out = new TreeSet<>();
        for (int r = 0; r < rank; r++) {
            long[] row = rows.get(r);
            int nonZero = 0;
            for (int k = 0; k < n && nonZero < 2; k++) {
                if (row[k] != 0) {
                    nonZero++;
                }
            }
            if (nonZero == 1) {
                out.add(cells.get(pivotOf[r]));
            }
        }
        return out;
    }

    private static final long P = 2_147_483_647L;

    private static long mod(long v) {
        long m = v % P;
        return m < 0 ? m + P : m;
    }

    private static long inverse(long a) {
        // Fermat: a^(p-2) mod p
        long result = 1;
        long base = mod(a);
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            e >>= 1;
        }
        return result;
    }
}
