package be.werkregie.employment;

import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Employment declarations and the days a person was employed, as the records show them (never as a partner says). */
@Service
public class EmploymentRecords {

    public static final List<String> KINDS = List.of("EMPLOYEE", "TEMPORARY_AGENCY", "STUDENT", "SELF_EMPLOYED", "IBO");

    public record Declaration(UUID personId, String employerName, String employerNumber, LocalDate startDate, LocalDate endDate,
                              String kind, String source, String sourceRef) {}

    public record Employment(UUID id, UUID personId, String employerName, LocalDate startDate, LocalDate endDate, String kind,
                             String source) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final javax.sql.DataSource dataSource;

    EmploymentRecords(JdbcClient jdbc, Clock clock, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** Records a declaration; the same source reference again changes nothing and returns the first record. */
    @Transactional
    public UUID record(Declaration d) {
        Validator v = new Validator();
        v.check(d.personId() != null, "personId", "validation.person.unknown");
        v.required("employerName", d.employerName(), 200).text("employerNumber", d.employerNumber(), 20);
        v.check(d.startDate() != null, "startDate", "validation.date");
        v.sensibleDate("startDate", d.startDate()).sensibleDate("endDate", d.endDate());
        v.check(d.endDate() == null || d.startDate() == null || !d.endDate().isBefore(d.startDate()), "endDate", "validation.dateOrder");
        v.check(d.kind() != null && KINDS.contains(d.kind()), "kind", "validation.choice");
        v.required("source", d.source(), 40).required("sourceRef", d.sourceRef(), 100);
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        int n = jdbc.sql("""
                insert into em_employment_record (id, person_id, employer_name, employer_number, start_date, end_date, kind, source,
                  source_ref, received_at) values (?,?,?,?,?,?,?,?,?,?) on conflict (source, source_ref) do nothing""")
                .params(id, d.personId(), d.employerName().trim(), d.employerNumber(), d.startDate(), d.endDate(), d.kind(), d.source(),
                        d.sourceRef(), OffsetDateTime.now(clock)).update();
        if (n == 0) {
            return jdbc.sql("select id from em_employment_record where source = ? and source_ref = ?").params(d.source(), d.sourceRef())
                    .query(UUID.class).single();
        }
        return id;
    }

    /** The person's records that overlap the period, oldest first. */
    public List<Employment> of(UUID personId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select id, person_id, employer_name, start_date, end_date, kind, source from em_employment_record
                where person_id = ? and start_date <= ? and (end_date is null or end_date >= ?) order by start_date, id""")
                .params(personId, to, from)
                .query((rs, i) -> new Employment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)))
                .list();
    }

    /**
     * Calendar days on which the person was employed within [from, to], counted up to today only (a contract that runs on
     * proves nothing about days still to come); overlapping records count a day once.
     */
    public int daysEmployed(UUID personId, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = to.isAfter(today) ? today : to;
        if (until.isBefore(from)) {
            return 0;
        }
        java.util.BitSet days = new java.util.BitSet();
        for (Employment e : of(personId, from, until)) {
            LocalDate s = e.startDate().isBefore(from) ? from : e.startDate();
            LocalDate end = e.endDate() == null || e.endDate().isAfter(until) ? until : e.endDate();
            if (!end.isBefore(s)) {
                days.set((int) ChronoUnit.DAYS.between(from, s), (int) ChronoUnit.DAYS.between(from, end) + 1);
            }
        }
        return days.cardinality();
    }

    /** A period of one person, under a key the caller chooses (a spell). */
    public record Window(UUID key, UUID personId, LocalDate from, LocalDate to) {}

    /**
     * {@link #daysEmployed} for many periods in one query (the chance-of-work model's outcome label for every spell):
     * days counted up to today only, overlapping records once. Keys without any record are absent (zero days).
     */
    public java.util.Map<UUID, Integer> daysEmployed(List<Window> windows) {
        java.util.Map<UUID, java.util.BitSet> days = new java.util.HashMap<>();
        java.util.Map<UUID, Integer> out = new java.util.HashMap<>();
        if (windows.isEmpty()) {
            return out;
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                select w.k, w.f, w.t, r.start_date, r.end_date
                from unnest(?::uuid[], ?::uuid[], ?::date[], ?::date[]) as w(k, p, f, t)
                join em_employment_record r on r.person_id = w.p and r.start_date <= w.t and (r.end_date is null or r.end_date >= w.f)""")
                .params(windows.stream().map(Window::key).toArray(UUID[]::new), windows.stream().map(Window::personId).toArray(UUID[]::new),
                        windows.stream().map(w -> java.sql.Date.valueOf(w.from())).toArray(java.sql.Date[]::new),
                        windows.stream().map(w -> java.sql.Date.valueOf(w.to())).toArray(java.sql.Date[]::new))
                .query(rs -> {
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    LocalDate to = rs.getObject(3, LocalDate.class);
                    LocalDate until = to.isAfter(today) ? today : to;
                    LocalDate start = rs.getObject(4, LocalDate.class);
                    LocalDate endDate = rs.getObject(5, LocalDate.class);
                    LocalDate s = start.isBefore(from) ? from : start;
                    LocalDate e = endDate == null || endDate.isAfter(until) ? until : endDate;
                    if (!e.isBefore(s)) {
                        days.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.BitSet())
                                .set((int) ChronoUnit.DAYS.between(from, s), (int) ChronoUnit.DAYS.between(from, e) + 1);
                    }
                });
        days.forEach((k, b) -> out.put(k, b.cardinality()));
        return out;
    }

    /**
     * Records many declarations at once (a feed, the demo history): one COPY, idempotent on the source reference like
     * {@link #record}. Returns how many were new.
     */
    @Transactional
    public int recordAll(List<Declaration> declarations) {
        if (declarations.isEmpty()) {
            return 0;
        }
        for (Declaration d : declarations) {
            if (d.personId() == null || d.startDate() == null || d.employerName() == null || !KINDS.contains(d.kind())
                    || (d.endDate() != null && d.endDate().isBefore(d.startDate())) || d.source() == null || d.sourceRef() == null) {
                throw be.werkregie.shared.InvalidInputException.of("declarations", "validation.choice");
            }
        }
        jdbc.sql("create temporary table tmp_em (like em_employment_record including defaults) on commit drop").update();
        StringBuilder copy = new StringBuilder();
        String now = OffsetDateTime.now(clock).toString();
        for (Declaration d : declarations) {
            copy.append(UUID.randomUUID()).append('\t').append(d.personId()).append('\t').append(clean(d.employerName())).append('\t')
                    .append(d.employerNumber() == null ? "\\N" : clean(d.employerNumber())).append('\t').append(d.startDate()).append('\t')
                    .append(d.endDate() == null ? "\\N" : d.endDate().toString()).append('\t').append(d.kind()).append('\t')
                    .append(clean(d.source())).append('\t').append(clean(d.sourceRef())).append('\t').append(now).append('\n');
        }
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("""
                        copy tmp_em (id, person_id, employer_name, employer_number, start_date, end_date, kind, source, source_ref,
                          received_at) from stdin""", new java.io.StringReader(copy.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return jdbc.sql("insert into em_employment_record select * from tmp_em on conflict (source, source_ref) do nothing").update();
    }

    private static String clean(String s) {
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
