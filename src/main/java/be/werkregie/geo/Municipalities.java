package be.werkregie.geo;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the reference geography; the data is small and immutable, so it is held in memory after first use. */
@Service
public class Municipalities {

    private final JdbcClient jdbc;
    private volatile Map<String, Municipality> byNis;

    Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> all() {
        return load().values().stream().sorted(Comparator.comparing(Municipality::nameNl)).toList();
    }

    public Optional<Municipality> byNis(String nis) {
        return nis == null ? Optional.empty() : Optional.ofNullable(load().get(nis.trim()));
    }

    /** Finds a municipality by NIS code, postcode or (Dutch or French) name, case-insensitive. */
    public Optional<Municipality> find(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        Optional<Municipality> exact = byNis(q);
        if (exact.isPresent()) {
            return exact;
        }
        if (q.matches("\\d{4}")) {
            return jdbc.sql("select nis from postcode where postcode = ? order by nis limit 1").param(q)
                    .query(String.class).optional().flatMap(this::byNis);
        }
        return load().values().stream()
                .filter(m -> m.nameNl().toLowerCase(Locale.ROOT).equals(q) || m.nameFr().toLowerCase(Locale.ROOT).equals(q)
                        || m.label().toLowerCase(Locale.ROOT).equals(q))
                .findFirst();
    }

    public List<String> referenceRegions() {
        return jdbc.sql("select name from reference_region order by name").query(String.class).list();
    }

    public double distanceKm(String nisA, String nisB) {
        return Distance.km(byNis(nisA).orElseThrow(), byNis(nisB).orElseThrow());
    }

    private Map<String, Municipality> load() {
        Map<String, Municipality> m = byNis;
        if (m == null) {
            m = jdbc.sql("""
                    select m.nis, m.name_nl, m.name_fr, m.province_code, r.name as region,
                           (select min(p.postcode) from postcode p where p.nis = m.nis) as postcode,
                           m.population, m.lat, m.lon
                    from municipality m join reference_region r on r.id = m.reference_region_id""")
                    .query((rs, i) -> new Municipality(rs.getString(1).trim(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6) == null ? "" : rs.getString(6).trim(),
                            rs.getInt(7), rs.getDouble(8), rs.getDouble(9)))
                    .list().stream().collect(Collectors.toUnmodifiableMap(Municipality::nis, Function.identity()));
            if (!m.isEmpty()) {
                byNis = m;
            }
        }
        return m;
    }
}
