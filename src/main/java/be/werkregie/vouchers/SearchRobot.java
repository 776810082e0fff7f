package be.werkregie.vouchers;

import be.werkregie.geo.Distance;
import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public search robot: active mandated centres near a place, filtered by language, e-coaching, target group,
 * methodology and free text (Dutch stemming by PostgreSQL), sorted by the distance to their nearest site. Centres
 * and sites are held in memory (a few thousand rows at full scale) and reloaded when they change or after a minute.
 */
@Service
public class SearchRobot {

    public static final List<Integer> RADII = List.of(5, 10, 20, 50);
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    public record Query(String place, Double latitude, Double longitude, Integer radiusKm, String language, Boolean eCoaching,
                        String targetGroup, String methodology, String text, Integer limit, Integer offset) {}

    public record Hit(CareerCentres.Centre centre, CareerCentres.Site nearestSite, double distanceKm, int sitesInRadius,
                      List<CareerCentres.Site> sites) {

        public String distanceLabel() {
            return String.format(Locale.ROOT, "%.1f", distanceKm).replace('.', ',') + " km";
        }
    }

    public record Result(String originLabel, double originLatitude, double originLongitude, int radiusKm, int total,
                         List<Hit> hits) {}

    private record Entry(CareerCentres.Centre centre, List<CareerCentres.Site> sites) {}

    private record Snapshot(Instant loadedAt, long version, List<Entry> entries, java.util.Map<Query, Result> results) {}

    private final JdbcClient jdbc;
    private final CareerCentres centres;
    private final Municipalities municipalities;
    private final Clock clock;
    private volatile Snapshot snapshot;

    SearchRobot(JdbcClient jdbc, CareerCentres centres, Municipalities municipalities, Clock clock) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /**
     * Searches. The answer to the same query is the same until the centres change or the snapshot is reloaded, so
     * answers are kept with the snapshot (at most 5,000 queries).
     */
    public Result search(Query q) {
        Snapshot s = current();
        Result cached = s.results().get(q);
        if (cached != null) {
            return cached;
        }
        Result r = compute(q, s);
        if (s.results().size() < 5_000) {
            s.results().put(q, r);
        }
        return r;
    }

    private Result compute(Query q, Snapshot snapshot) {
        Validator v = new Validator();
        int radius = q.radiusKm() == null ? 10 : q.radiusKm();
        v.check(RADII.contains(radius), "radiusKm", "validation.choice");
        v.text("place", q.place(), 100).text("text", q.text(), 200);
        v.check(q.language() == null || q.language().isBlank() || CareerCentres.LANGUAGES.contains(q.language()), "language",
                "validation.choice");
        v.check(q.targetGroup() == null || q.targetGroup().isBlank() || CareerCentres.TARGET_GROUPS.contains(q.targetGroup()),
                "targetGroup", "validation.choice");
        v.check(q.methodology() == null || q.methodology().isBlank() || CareerCentres.METHODOLOGIES.contains(q.methodology()),
                "methodology", "validation.choice");
        boolean hasPoint = q.latitude() != null && q.longitude() != null;
        if (hasPoint) {
            v.check(q.latitude() > 49 && q.latitude() < 52 && q.longitude() > 2 && q.longitude() < 7, "place", "search.outsideBelgium");
        }
        Optional<Municipality> m = Optional.empty();
        if (!hasPoint) {
            v.required("place", q.place(), 100);
            if (!v.hasProblem("place")) {
                m = municipalities.find(q.place().trim());
                v.check(m.isPresent(), "place", "validation.municipality.unknown");
            }
        }
        int limit = q.limit() == null ? 20 : q.limit();
        int offset = q.offset() == null ? 0 : q.offset();
        v.check(limit >= 1 && limit <= 100, "limit", "validation.number");
        v.check(offset >= 0 && offset <= 10_000, "offset", "validation.number");
        v.throwIfInvalid();

        double lat = hasPoint ? q.latitude() : m.get().lat();
        double lon = hasPoint ? q.longitude() : m.get().lon();
        String label = hasPoint ? null : m.get().postcode() + " " + m.get().nameNl();
        Set<UUID> textMatches = q.text() == null || q.text().isBlank() ? null : textMatches(q.text().trim());

        List<Hit> hits = new ArrayList<>();
        for (Entry e : snapshot.entries()) {
            CareerCentres.Centre c = e.centre();
            if (q.language() != null && !q.language().isBlank() && !c.languages().contains(q.language())) {
                continue;
            }
            if (Boolean.TRUE.equals(q.eCoaching()) && !c.eCoaching()) {
                continue;
            }
            if (q.targetGroup() != null && !q.targetGroup().isBlank() && !c.targetGroups().contains(q.targetGroup())) {
                continue;
            }
            if (q.methodology() != null && !q.methodology().isBlank() && !c.methodologies().contains(q.methodology())) {
                continue;
            }
            if (textMatches != null && !textMatches.contains(c.id())) {
                continue;
            }
            CareerCentres.Site nearest = null;
            double best = Double.MAX_VALUE;
            int inRadius = 0;
            for (CareerCentres.Site s : e.sites()) {
                double d = Distance.km(lat, lon, s.latitude(), s.longitude());
                if (d <= radius) {
                    inRadius++;
                }
                if (d < best) {
                    best = d;
                    nearest = s;
                }
            }
            // e-coaching centres serve from a distance too, but are still ordered by distance
            if (nearest != null && (best <= radius || Boolean.TRUE.equals(q.eCoaching()) && c.eCoaching() && best <= 50)) {
                // a result lists the nearest site only; the profile (GET /api/career-centres/{id}) has every site
                hits.add(new Hit(c, nearest, best, inRadius, List.of(nearest)));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distanceKm).thenComparing(h -> h.centre().name()));
        List<Hit> page = hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()));
        return new Result(label, lat, lon, radius, hits.size(), List.copyOf(page));
    }

    /** The active centres by name (for staff pick lists). */
    public List<CareerCentres.Centre> activeCentres() {
        return current().entries().stream().map(Entry::centre).sorted(Comparator.comparing(CareerCentres.Centre::name)).toList();
    }

    /** A centre's public profile page: only active centres are public. */
    public Optional<Hit> profile(UUID centreId) {
        return current().entries().stream().filter(e -> e.centre().id().equals(centreId)).findFirst()
                .map(e -> new Hit(e.centre(), e.sites().isEmpty() ? null : e.sites().get(0), 0, e.sites().size(), e.sites()));
    }

    /** A change to a centre shows at once: the snapshot is rebuilt as soon as the change is committed. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(CareerCentres.CentresChanged changed) {
        snapshot = load();
    }

    private Set<UUID> textMatches(String text) {
        if (text.length() > 200) {
            throw InvalidInputException.of("text", "validation.tooLong", 200);
        }
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return new HashSet<>(jdbc.sql("""
                select c.organisation_id from vc_centre c join identity_v_organisation o on o.id = c.organisation_id
                where c.search_text @@ plainto_tsquery('dutch', ?) or lower(o.name) like ?
                union
                select cc.organisation_id from vc_coach_centre cc join vc_coach k on k.id = cc.coach_id
                where cc.accepted_at is not null and k.search_text @@ plainto_tsquery('dutch', ?)""")
                .params(text, like, text).query(UUID.class).list());
    }

    /**
     * The snapshot in use. Only the first search (or the first after a change to a centre) loads it; the periodic
     * refresh runs in the background, so a search never waits for it.
     */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = load();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    /** Mandates start and end by date: reload in the background every minute. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        if (snapshot != null && snapshot.loadedAt().plus(MAX_AGE).isBefore(Instant.now(clock).plusSeconds(1))) {
            snapshot = load();
        }
    }

    /** The version of the centres' data in the database (raised by every change, on any instance). */
    private long version() {
        return jdbc.sql("select version from vc_centres_version where id = 1").query(Long.class).optional().orElse(0L);
    }

    /**
     * Several instances: a change committed on another instance raises the version; every instance compares it every
     * few seconds (a cheap one-row read) and reloads its snapshot. A change shows everywhere within that interval.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${werkregie.vouchers.search-sync:PT3S}",
            initialDelayString = "${werkregie.vouchers.search-sync:PT3S}")
    void followOtherInstances() {
        Snapshot s = snapshot;
        if (s != null && version() != s.version()) {
            snapshot = load();
        }
    }

    private Snapshot load() {
        long version = version();
        LocalDate today = LocalDate.now(clock);
        List<UUID> active = jdbc.sql("""
                select c.organisation_id from vc_centre c where not c.passive and exists (select 1 from vc_mandate m
                  where m.organisation_id = c.organisation_id and m.status = 'APPROVED' and ? between m.valid_from and m.valid_until)""")
                .param(today).query(UUID.class).list();
        Map<UUID, List<CareerCentres.Site>> sites = new HashMap<>();
        jdbc.sql("select " + CareerCentres.SITE_COLUMNS + """

                from vc_site s join geo_v_municipality m on m.nis = s.municipality_nis order by s.head_office desc, m.name_nl""")
                .query(CareerCentres.SITE_ROW)
                .list().forEach(s -> sites.computeIfAbsent(s.centreId(), k -> new ArrayList<>()).add(s));
        List<Entry> entries = new ArrayList<>();
        for (UUID id : active) {
            centres.find(id).ifPresent(c -> entries.add(new Entry(c, List.copyOf(sites.getOrDefault(id, List.of())))));
        }
        return new Snapshot(Instant.now(clock), version, List.copyOf(entries), new java.util.concurrent.ConcurrentHashMap<>());
    }
}
