package be.werkregie.campus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Occupancy against the target (75 % by the exploitation framework, a dated policy value): the share of the bookable
 * day parts (a working day's morning and afternoon, per bookable space) that confirmed bookings use; a whole-day booking
 * uses two, an evening none (evenings are counted apart). By space, by weekday and day part (the heat map), by who
 * booked, and by week (the trend), so staff see where and when capacity is unused and can offer it to partners.
 */
@Service
public class Occupancy {

    public record Share(int used, int available) {
        public BigDecimal rate() {
            return available == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(used).divide(BigDecimal.valueOf(available), 4, RoundingMode.HALF_UP);
        }

        public int percent() {
            return rate().movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        }

        Share plus(int u, int a) {
            return new Share(used + u, available + a);
        }
    }

    public record SpaceLine(Campuses.Space space, Share share) {}

    public record WeekLine(LocalDate monday, Share share) {}

    public record Report(Campuses.Campus campus, LocalDate from, LocalDate until, BigDecimal target, Share overall, List<SpaceLine> spaces,
                         Map<DayOfWeek, Map<DayPart, Share>> heat, Map<String, Integer> byBooker, List<WeekLine> weeks, int evenings) {
        public int targetPercent() {
            return target.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        }

        public boolean belowTarget() {
            return overall.rate().compareTo(target) < 0;
        }
    }

    private final JdbcClient jdbc;
    private final Campuses campuses;
    private final CampusPolicies policies;

    Occupancy(JdbcClient jdbc, Campuses campuses, CampusPolicies policies) {
        this.jdbc = jdbc;
        this.campuses = campuses;
        this.policies = policies;
    }

    public Report report(UUID campusId, LocalDate from, LocalDate until) {
        Campuses.Campus campus = campuses.campus(campusId).orElseThrow(() -> new be.werkregie.shared.NotFoundException("campus"));
        List<Campuses.Space> spaces = campuses.spaces(campusId).stream().filter(Campuses.Space::bookable).toList();
        Map<DayOfWeek, Integer> weekdays = new EnumMap<>(DayOfWeek.class);
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                weekdays.merge(d.getDayOfWeek(), 1, Integer::sum);
            }
        }
        int workingDays = weekdays.values().stream().mapToInt(Integer::intValue).sum();
        Map<UUID, int[]> usedBySpace = new LinkedHashMap<>();
        Map<DayOfWeek, Map<DayPart, Integer>> usedHeat = new EnumMap<>(DayOfWeek.class);
        Map<String, Integer> byBooker = new LinkedHashMap<>();
        Map<LocalDate, Integer> usedByWeek = new LinkedHashMap<>();
        int[] evenings = {0};
        jdbc.sql("""
                select b.space_id, b.on_date, b.day_part, b.booker_kind from cp_booking b join cp_space s on s.id = b.space_id
                where s.campus_id = ? and s.bookable and b.on_date between ? and ? and b.status = 'CONFIRMED'
                  and extract(isodow from b.on_date) <= 5""")
                .params(campusId, from, until)
                .query(rs -> {
                    DayPart part = DayPart.valueOf(rs.getString(3));
                    LocalDate d = rs.getObject(2, LocalDate.class);
                    if (part == DayPart.EVENING) {
                        evenings[0]++;
                        return;
                    }
                    int units = part.occupancyUnits();
                    usedBySpace.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[1])[0] += units;
                    Map<DayPart, Integer> cell = usedHeat.computeIfAbsent(d.getDayOfWeek(), k -> new EnumMap<>(DayPart.class));
                    if (part == DayPart.DAY) {
                        cell.merge(DayPart.MORNING, 1, Integer::sum);
                        cell.merge(DayPart.AFTERNOON, 1, Integer::sum);
                    } else {
                        cell.merge(part, 1, Integer::sum);
                    }
                    byBooker.merge(rs.getString(4), units, Integer::sum);
                    usedByWeek.merge(d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), units, Integer::sum);
                });
        int n = spaces.size();
        Share overall = new Share(0, 0);
        List<SpaceLine> lines = new ArrayList<>();
        for (Campuses.Space s : spaces) {
            Share sh = new Share(usedBySpace.getOrDefault(s.id(), new int[1])[0], 2 * workingDays);
            lines.add(new SpaceLine(s, sh));
            overall = overall.plus(sh.used(), sh.available());
        }
        Map<DayOfWeek, Map<DayPart, Share>> heat = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek w : weekdays.keySet()) {
            Map<DayPart, Share> row = new EnumMap<>(DayPart.class);
            for (DayPart p : List.of(DayPart.MORNING, DayPart.AFTERNOON)) {
                row.put(p, new Share(usedHeat.getOrDefault(w, Map.of()).getOrDefault(p, 0), weekdays.get(w) * n));
            }
            heat.put(w, row);
        }
        List<WeekLine> weeks = new ArrayList<>();
        for (LocalDate m = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !m.isAfter(until); m = m.plusWeeks(1)) {
            int days = 0;
            for (int i = 0; i < 5; i++) {
                LocalDate d = m.plusDays(i);
                if (!d.isBefore(from) && !d.isAfter(until)) {
                    days++;
                }
            }
            weeks.add(new WeekLine(m, new Share(usedByWeek.getOrDefault(m, 0), 2 * days * n)));
        }
        return new Report(campus, from, until, policies.occupancyTarget(until), overall, lines, heat, byBooker, weeks, evenings[0]);
    }

    /** The report's figures as CSV: one line per space, then the heat map (plain numbers, semicolons). */
    public static String csv(Report r) {
        StringBuilder b = new StringBuilder("kind;space;weekday;day_part;used;available;rate\n");
        for (SpaceLine l : r.spaces()) {
            b.append("SPACE;").append(l.space().code()).append(";;;").append(l.share().used()).append(';').append(l.share().available())
                    .append(';').append(l.share().rate().toPlainString()).append('\n');
        }
        r.heat().forEach((w, row) -> row.forEach((p, s) -> b.append("WEEKDAY_PART;;").append(w).append(';').append(p).append(';')
                .append(s.used()).append(';').append(s.available()).append(';').append(s.rate().toPlainString()).append('\n')));
        for (WeekLine w : r.weeks()) {
            b.append("WEEK;;").append(w.monday()).append(";;").append(w.share().used()).append(';').append(w.share().available()).append(';')
                    .append(w.share().rate().toPlainString()).append('\n');
        }
        b.append("TOTAL;;;;").append(r.overall().used()).append(';').append(r.overall().available()).append(';')
                .append(r.overall().rate().toPlainString()).append('\n');
        return b.toString();
    }

    /** The weekly trend as an SVG bar chart with the target as a line (the page gives the same figures as a table). */
    public static String trendSvg(Report r, String title) {
        int w = 640;
        int h = 200;
        int n = Math.max(1, r.weeks().size());
        double bar = (w - 40.0) / n;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"img\" aria-labelledby=\"trend-title\" class=\"chart\"><title id=\"trend-title\">")
                .append(org.springframework.web.util.HtmlUtils.htmlEscape(title)).append("</title>");
        for (int i = 0; i < r.weeks().size(); i++) {
            double rate = r.weeks().get(i).share().rate().doubleValue();
            double bh = rate * (h - 30);
            s.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1d5fa8\"/>",
                    30 + i * bar + 2, h - 20 - bh, bar - 4, bh));
        }
        double ty = h - 20 - r.target().doubleValue() * (h - 30);
        s.append(String.format(java.util.Locale.ROOT, "<line x1=\"30\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                w - 10, ty, ty));
        s.append(String.format(java.util.Locale.ROOT, "<text x=\"2\" y=\"%.1f\" font-size=\"12\">%d%%</text>", ty + 4, r.targetPercent()));
        s.append("<line x1=\"30\" x2=\"30\" y1=\"10\" y2=\"").append(h - 20).append("\" stroke=\"#333\"/>");
        s.append("<line x1=\"30\" x2=\"").append(w - 10).append("\" y1=\"").append(h - 20).append("\" y2=\"").append(h - 20).append("\" stroke=\"#333\"/>");
        s.append("</svg>");
        return s.toString();
    }
}
