package be.werkregie.cooperation;

import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public dashboard for local governments: per municipality, reference region and Flanders-and-Brussels, the
 * reference figures of the labour market (from an uploaded, dated reference table, with its source) and the platform's
 * own counts: the people it knows by status, the referrals of the year by the furthest stage they reached (referred,
 * intake, in a trajectory, working) and the trajectories started in the year by how they stand.
 *
 * <p>All counts of a year are computed once into a {@link Year} and protected together by {@link Disclosure}: a small
 * count is hidden, and enough others with it that nothing hidden follows from totals, regions, the other municipalities
 * or another breakdown. Every page, chart, CSV and API answer reads that one protected year, so a cell hidden in one is
 * hidden in all. Years are published each on their own (never a running total), so consecutive years cannot be
 * subtracted. A year is kept for ten minutes.
 *
 * <p>Reads only published views of other modules ({@code people_v_person}, {@code guidance_v_trajectory}) and the geo
 * module's Java API.
 */
@Service
public class Dashboard {

    public static final String ALL = "ALL";

    /** The additive breakdowns; each has a TOTAL (the sum of its categories). */
    public enum Breakdown {
        STATUS(List.of("JOB_SEEKER", "NON_ACTIVE_WITHOUT_BENEFIT", "SOCIAL_ASSISTANCE", "NON_ACTIVE", "WORKER", "SELF_EMPLOYED")),
        FUNNEL(List.of("REFERRED", "INTAKE", "TRAJECTORY", "WORKING")),
        TRAJECTORIES(List.of("ACTIVE", "WORK_FOUND", "STOPPED", "ENDED"));

        public final List<String> categories;

        Breakdown(List<String> categories) {
            this.categories = categories;
        }
    }

    /** The reference variables of the pact's "data" paragraph. */
    public static final List<String> REFERENCE = List.of("WORKING_AGE_POPULATION", "LABOUR_FORCE", "UNEMPLOYED_JOB_SEEKERS", "EMPLOYED",
            "WAGE_EARNERS", "SELF_EMPLOYED", "NON_ACTIVE");

    /** A geographic unit: a municipality (NIS code), a reference region (its name) or everything. */
    public record Unit(String code, String kind, String nameNl, String nameFr, String parent) {
        public String name(String language) {
            if (ALL.equals(code) && "en".equals(language)) {
                return "Flanders and Brussels";
            }
            return "fr".equals(language) ? nameFr : nameNl;
        }
    }

    /** A region's code in addresses: "R-" and its name in lower-case letters and dashes (no spaces or colons in a URL). */
    static String regionCode(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return "R-" + plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** A shown count, or a hidden one (value null). */
    public record Cell(Long value, boolean hidden) {
        public String text() {
            return hidden ? "" : String.valueOf(value);
        }
    }

    /** A reference figure with its source. */
    public record Reference(Long value, String source, LocalDate referenceOn) {}

    /** One protected year: every unit's cells of every breakdown. */
    public record Year(int year, int threshold, Map<String, Unit> units, Map<Breakdown, Map<String, Cell[]>> cells, int hiddenCells,
                       Map<String, Map<String, Reference>> reference) {
        /** The cells of a breakdown for a unit: its categories, then TOTAL. */
        public Cell[] of(Breakdown b, String unit) {
            return cells.get(b).get(unit);
        }

        public Cell total(Breakdown b, String unit) {
            Cell[] c = of(b, unit);
            return c[c.length - 1];
        }
    }

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final CooperationPolicies policies;
    private final Clock clock;
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Year year, long at) {}

    Dashboard(JdbcClient jdbc, Municipalities municipalities, CooperationPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.policies = policies;
        this.clock = clock;
    }

    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    public void forget() {
        cache.clear();
    }

    /** The protected figures of a year (cached ten minutes). */
    public Year year(int year) {
        Cached c = cache.get(year);
        if (c != null && System.nanoTime() - c.at() < 600_000_000_000L) {
            return c.year();
        }
        Year y = compute(year);
        cache.put(year, new Cached(y, System.nanoTime()));
        return y;
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(year(currentYear()).units().get(code));
    }

    Year compute(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = LocalDate.of(year, 12, 31);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = until.isAfter(today) ? today : until;
        int threshold = policies.threshold(asOf);
        Map<String, Unit> units = new LinkedHashMap<>();
        units.put(ALL, new Unit(ALL, "ALL", "Vlaanderen en Brussel", "Flandre et Bruxelles", null));
        List<Municipality> all = municipalities.all();
        for (Municipality m : all) {
            units.putIfAbsent(regionCode(m.referenceRegion()), new Unit(regionCode(m.referenceRegion()), "REGION", m.referenceRegion(), m.referenceRegion(), ALL));
        }
        for (Municipality m : all) {
            units.put(m.nis(), new Unit(m.nis(), "MUNICIPALITY", m.nameNl(), m.nameFr(), regionCode(m.referenceRegion())));
        }
        Map<Breakdown, Map<String, long[]>> raw = new LinkedHashMap<>();
        for (Breakdown b : Breakdown.values()) {
            raw.put(b, new HashMap<>());
        }
        // people the platform knows, by status, where they live (a stock on the year's last day, or today)
        jdbc.sql("select municipality_nis, status, count(*) from people_v_person where municipality_nis is not null group by 1, 2")
                .query(rs -> {
                    add(raw.get(Breakdown.STATUS), rs.getString(1).trim(), Breakdown.STATUS, rs.getString(2), rs.getLong(3));
                });
        // the year's referrals by the furthest stage they reached
        jdbc.sql("""
                select p.municipality_nis,
                  case when exists (select 1 from guidance_v_trajectory t where t.person_id = r.person_id and t.started_on >= r.sent_at::date
                                      and (t.work_start is not null or t.status = 'WORK_FOUND')) then 'WORKING'
                       when exists (select 1 from guidance_v_trajectory t where t.person_id = r.person_id and t.started_on >= r.sent_at::date)
                         then 'TRAJECTORY'
                       when r.status in ('CONFIRMED','CLOSED') then 'INTAKE'
                       else 'REFERRED' end, count(*)
                from co_referral r join people_v_person p on p.id = r.person_id
                where p.municipality_nis is not null and r.sent_at >= ? and r.sent_at < ?
                group by 1, 2""")
                .params(from.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime(), until.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .query(rs -> {
                    add(raw.get(Breakdown.FUNNEL), rs.getString(1).trim(), Breakdown.FUNNEL, rs.getString(2), rs.getLong(3));
                });
        // trajectories started in the year, by how they stand
        jdbc.sql("""
                select p.municipality_nis, t.status, count(*) from guidance_v_trajectory t join people_v_person p on p.id = t.person_id
                where p.municipality_nis is not null and t.started_on between ? and ? group by 1, 2""")
                .params(from, until)
                .query(rs -> {
                    add(raw.get(Breakdown.TRAJECTORIES), rs.getString(1).trim(), Breakdown.TRAJECTORIES, rs.getString(2), rs.getLong(3));
                });
        Map<Breakdown, Map<String, Cell[]>> cells = new LinkedHashMap<>();
        int hiddenCount = 0;
        for (Breakdown b : Breakdown.values()) {
            Protected p = protect(b, units, raw.get(b), threshold);
            cells.put(b, p.cells());
            hiddenCount += p.hidden();
        }
        return new Year(year, threshold, units, cells, hiddenCount, reference(asOf, units));
    }

    private static void add(Map<String, long[]> into, String nis, Breakdown b, String category, long n) {
        int i = b.categories.indexOf(category);
        if (i < 0) {
            return;
        }
        into.computeIfAbsent(nis, k -> new long[b.categories.size()])[i] += n;
    }

    private record Protected(Map<String, Cell[]> cells, int hidden) {}

    /**
     * Lays the breakdown out as cells (every unit × categories and TOTAL, regions and the whole as sums), writes the
     * lines that tie them (a row's categories sum to its total; a region's cell is the sum of its municipalities'; the
     * whole is the sum of the regions) and hides what {@link Disclosure} says.
     */
    static Protected protect(Breakdown b, Map<String, Unit> units, Map<String, long[]> raw, int threshold) {
        int width = b.categories.size() + 1;
        List<String> codes = new ArrayList<>(units.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
        }
        long[] values = new long[codes.size() * width];
        for (String code : codes) {
            Unit u = units.get(code);
            if (!"MUNICIPALITY".equals(u.kind())) {
                continue;
            }
            long[] r = raw.getOrDefault(code, new long[width - 1]);
            int base = index.get(code) * width;
            long total = 0;
            for (int c = 0; c < width - 1; c++) {
                values[base + c] = r[c];
                total += r[c];
            }
            values[base + width - 1] = total;
            // sums up the hierarchy
            for (String parent = u.parent(); parent != null; parent = units.get(parent).parent()) {
                int pb = index.get(parent) * width;
                for (int c = 0; c < width; c++) {
                    values[pb + c] += values[base + c];
                }
            }
        }
        List<Disclosure.Line> lines = new ArrayList<>();
        Map<String, List<Integer>> children = new HashMap<>();
        for (String code : codes) {
            Unit u = units.get(code);
            int base = index.get(code) * width;
            List<Integer> parts = new ArrayList<>();
            for (int c = 0; c < width - 1; c++) {
                parts.add(base + c);
            }
            lines.add(new Disclosure.Line(base + width - 1, parts));
            if (u.parent() != null) {
                children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(index.get(code));
            }
        }
        for (var e : children.entrySet()) {
            int pb = index.get(e.getKey()) * width;
            for (int c = 0; c < width; c++) {
                List<Integer> parts = new ArrayList<>();
                for (int child : e.getValue()) {
                    parts.add(child * width + c);
                }
                lines.add(new Disclosure.Line(pb + c, parts));
            }
        }
        BitSet hidden = Disclosure.protect(values, lines, threshold);
        Map<String, Cell[]> out = new LinkedHashMap<>();
        for (String code : codes) {
            int base = index.get(code) * width;
            Cell[] row = new Cell[width];
            for (int c = 0; c < width; c++) {
                row[c] = hidden.get(base + c) ? new Cell(null, true) : new Cell(values[base + c], false);
            }
            out.put(code, row);
        }
        return new Protected(out, hidden.cardinality());
    }

    /** The reference figures in force on the day: the latest uploaded table dated on or before it; regions and the whole as sums. */
    private Map<String, Map<String, Reference>> reference(LocalDate on, Map<String, Unit> units) {
        Optional<Object[]> table = jdbc.sql("""
                select id, source, reference_on from co_reference_table where reference_on <= ? order by reference_on desc, uploaded_at desc limit 1""")
                .param(on).query((rs, i) -> new Object[] {rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)})
                .optional();
        Map<String, Map<String, Reference>> out = new HashMap<>();
        if (table.isEmpty()) {
            return out;
        }
        String source = (String) table.get()[1];
        LocalDate refOn = (LocalDate) table.get()[2];
        Map<String, Map<String, Long>> sums = new HashMap<>();
        jdbc.sql("select nis, variable, value from co_reference_figure where table_id = ?").param(table.get()[0])
                .query(rs -> {
                    String nis = rs.getString(1).trim();
                    Unit u = units.get(nis);
                    if (u == null) {
                        return;
                    }
                    for (String code = nis; code != null; code = units.get(code).parent()) {
                        sums.computeIfAbsent(code, k -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
                    }
                });
        sums.forEach((code, vars) -> {
            Map<String, Reference> m = new LinkedHashMap<>();
            vars.forEach((k, v) -> m.put(k, new Reference(v, source, refOn)));
            out.put(code, m);
        });
        return out;
    }

    /** A rate in per cent with one decimal (e.g. the employment rate), or null when a figure is missing. */
    public static BigDecimal rate(Map<String, Reference> ref, String numerator, String denominator) {
        if (ref == null || ref.get(numerator) == null || ref.get(denominator) == null || ref.get(denominator).value() == 0) {
            return null;
        }
        return BigDecimal.valueOf(ref.get(numerator).value() * 100).divide(BigDecimal.valueOf(ref.get(denominator).value()), 1, RoundingMode.HALF_UP);
    }

    /** The whole year as CSV rows (unit, kind, breakdown, category, value, hidden): the same protected cells as the page. */
    public String csv(int year) {
        Year y = year(year);
        StringBuilder b = new StringBuilder("unit_code,unit_kind,unit_name,breakdown,category,value,hidden\n");
        for (Unit u : y.units().values()) {
            for (Breakdown br : Breakdown.values()) {
                Cell[] cells = y.of(br, u.code());
                for (int c = 0; c < cells.length; c++) {
                    String cat = c < br.categories.size() ? br.categories.get(c) : "TOTAL";
                    b.append(csvText(u.code())).append(',').append(u.kind()).append(',').append(csvText(u.nameNl())).append(',').append(br)
                            .append(',').append(cat).append(',').append(cells[c].text()).append(',').append(cells[c].hidden()).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String csvText(String s) {
        String t = s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" + s : s;
        return "\"" + t.replace("\"", "\"\"") + "\"";
    }
}
