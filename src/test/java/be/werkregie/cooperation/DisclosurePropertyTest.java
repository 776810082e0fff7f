package be.werkregie.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests of the dashboard's disclosure control: on random hierarchical tables (municipalities in regions
 * in a whole, a breakdown into categories with a total) with many small counts, an attacker who knows every shown cell
 * and every sum tries to recover the hidden ones — by solving one line at a time (subtraction from a total, from the
 * region, from the other municipalities), and by exact linear algebra over all lines at once (an elimination written
 * independently of the one in {@link Disclosure}). None may succeed, every count under the threshold stays hidden, and
 * no line shows all but one of its cells.
 */
class DisclosurePropertyTest {

    record Table(long[] values, List<Disclosure.Line> lines, int threshold) {}

    @Provide
    Arbitrary<Table> tables() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 6), Arbitraries.integers().between(2, 5),
                Arbitraries.integers().between(3, 10), Arbitraries.longs().between(1, Long.MAX_VALUE))
                .as(DisclosurePropertyTest::table);
    }

    /** regions × municipalities per region, categories, threshold; values from a seeded random with many small counts. */
    static Table table(int regions, int perRegion, int categories, int threshold, long seed) {
        java.util.Random r = new java.util.Random(seed);
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("ALL", null);
        for (int g = 0; g < regions; g++) {
            parent.put("R" + g, "ALL");
        }
        for (int g = 0; g < regions; g++) {
            int n = 1 + r.nextInt(perRegion);
            for (int m = 0; m < n; m++) {
                parent.put("M" + g + "." + m, "R" + g);
            }
        }
        Map<String, long[]> raw = new HashMap<>();
        for (String u : parent.keySet()) {
            if (u.startsWith("M")) {
                long[] v = new long[categories];
                for (int c = 0; c < categories; c++) {
                    double x = r.nextDouble();
                    v[c] = x < 0.25 ? 0 : x < 0.6 ? 1 + r.nextInt(threshold) : r.nextInt(60);
                }
                raw.put(u, v);
            }
        }
        // the same layout as the dashboard: the production code builds cells and lines
        Map<String, Dashboard.Unit> units = new LinkedHashMap<>();
        parent.forEach((u, p) -> units.put(u, new Dashboard.Unit(u, u.equals("ALL") ? "ALL" : u.startsWith("R") ? "REGION" : "MUNICIPALITY", u, u, p)));
        Layout l = layout(units, raw, categories);
        return new Table(l.values, l.lines, threshold);
    }

    record Layout(long[] values, List<Disclosure.Line> lines) {}

    static Layout layout(Map<String, Dashboard.Unit> units, Map<String, long[]> raw, int categories) {
        int width = categories + 1;
        List<String> codes = new ArrayList<>(units.keySet());
        long[] values = new long[codes.size() * width];
        for (int i = 0; i < codes.size(); i++) {
            Dashboard.Unit u = units.get(codes.get(i));
            if (!"MUNICIPALITY".equals(u.kind())) {
                continue;
            }
            long total = 0;
            for (int c = 0; c < categories; c++) {
                values[i * width + c] = raw.get(u.code())[c];
                total += raw.get(u.code())[c];
            }
            values[i * width + categories] = total;
            for (String p = u.parent(); p != null; p = units.get(p).parent()) {
                int pi = codes.indexOf(p);
                for (int c = 0; c < width; c++) {
                    values[pi * width + c] += values[i * width + c];
                }
            }
        }
        List<Disclosure.Line> lines = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            List<Integer> parts = new ArrayList<>();
            for (int c = 0; c < categories; c++) {
                parts.add(i * width + c);
            }
            lines.add(new Disclosure.Line(i * width + categories, parts));
        }
        for (int pi = 0; pi < codes.size(); pi++) {
            String p = codes.get(pi);
            List<Integer> children = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                if (p.equals(units.get(codes.get(i)).parent())) {
                    children.add(i);
                }
            }
            if (children.isEmpty()) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                List<Integer> parts = new ArrayList<>();
                for (int ch : children) {
                    parts.add(ch * width + c);
                }
                lines.add(new Disclosure.Line(pi * width + c, parts));
            }
        }
        return new Layout(values, lines);
    }

    @Property(tries = 300)
    void smallCountsAreHiddenAndNoLineGivesOneAway(@ForAll("tables") Table t) {
        BitSet hidden = Disclosure.protect(t.values(), t.lines(), t.threshold());
        for (int i = 0; i < t.values().length; i++) {
            if (t.values()[i] > 0 && t.values()[i] < t.threshold()) {
                assertThat(hidden.get(i)).as("cell %d = %d under %d", i, t.values()[i], t.threshold()).isTrue();
            }
        }
        for (Disclosure.Line l : t.lines()) {
            int n = hidden.get(l.total()) ? 1 : 0;
            for (int p : l.parts()) {
                n += hidden.get(p) ? 1 : 0;
            }
            assertThat(n).as("hidden cells in a line").isNotEqualTo(1);
        }
    }

    @Property(tries = 300)
    void subtractionAlongTheLinesRecoversNothing(@ForAll("tables") Table t) {
        BitSet hidden = Disclosure.protect(t.values(), t.lines(), t.threshold());
        // the attacker: any line with one unknown left gives it; repeat until nothing changes
        Map<Integer, Long> known = new HashMap<>();
        for (int i = 0; i < t.values().length; i++) {
            if (!hidden.get(i)) {
                known.put(i, t.values()[i]);
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Disclosure.Line l : t.lines()) {
                List<Integer> cells = new ArrayList<>(l.parts());
                cells.add(l.total());
                List<Integer> unknown = cells.stream().filter(c -> !known.containsKey(c)).toList();
                if (unknown.size() == 1) {
                    int x = unknown.get(0);
                    long partsSum = l.parts().stream().filter(known::containsKey).mapToLong(known::get).sum();
                    known.put(x, x == l.total() ? partsSum : known.get(l.total()) - partsSum);
                    progress = true;
                }
            }
        }
        for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
            assertThat(known).as("hidden cell %d recovered by subtraction", i).doesNotContainKey(i);
        }
    }

    @Property(tries = 200)
    void linearAlgebraOverAllLinesRecoversNothing(@ForAll("tables") Table t) {
        BitSet hidden = Disclosure.protect(t.values(), t.lines(), t.threshold());
        // independent check in doubles: x is determined iff adding its unit vector does not raise the rank
        List<Integer> cells = new ArrayList<>();
        for (int i = hidden.nextSetBit(0); i >= 0; i = hidden.nextSetBit(i + 1)) {
            cells.add(i);
        }
        List<double[]> rows = new ArrayList<>();
        for (Disclosure.Line l : t.lines()) {
            double[] row = new double[cells.size()];
            boolean any = false;
            if (hidden.get(l.total())) {
                row[cells.indexOf(l.total())] += 1;
                any = true;
            }
            for (int p : l.parts()) {
                if (hidden.get(p)) {
                    row[cells.indexOf(p)] -= 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        int base = rank(rows, cells.size());
        for (int k = 0; k < cells.size(); k++) {
            List<double[]> with = new ArrayList<>();
            for (double[] row : rows) {
                with.add(row.clone());
            }
            double[] unit = new double[cells.size()];
            unit[k] = 1;
            with.add(unit);
            assertThat(rank(with, cells.size())).as("hidden cell %d follows from the lines", cells.get(k)).isEqualTo(base + 1);
        }
        assertThat(Disclosure.recoverable(t.values().length, t.lines(), hidden)).isEmpty();
    }

    static int rank(List<double[]> rows, int n) {
        int rank = 0;
        for (int c = 0; c < n && rank < rows.size(); c++) {
            int best = -1;
            double max = 1e-9;
            for (int r = rank; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[c]) > max) {
                    max = Math.abs(rows.get(r)[c]);
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] p = rows.get(best);
            rows.set(best, rows.get(rank));
            rows.set(rank, p);
            for (int r = rank + 1; r < rows.size(); r++) {
                double f = rows.get(r)[c] / p[c];
                if (f != 0) {
                    for (int k = c; k < n; k++) {
                        rows.get(r)[k] -= f * p[k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
