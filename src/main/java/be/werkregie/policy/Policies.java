package be.werkregie.policy;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy store. {@link #decimalOn} and {@link #integerOn} give the value in force on a date: the approved value
 * with the latest effective date on or before it. Administrators schedule a change from today on (never in the past);
 * a money value waits for a second administrator's approval (four eyes), anything else is in force from its date at
 * once. The configuration's values seed the store the first time a key is seen.
 */
@Service
public class Policies {

    public record Value(UUID id, String key, LocalDate effectiveFrom, String value, String reason, String setBy,
                        OffsetDateTime setAt, String status, String decidedBy, OffsetDateTime decidedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, PolicyDefinition> definitions = new LinkedHashMap<>();
    /**
     * Approved values per key, newest first: dropped on every change here, and kept at most 30 seconds so that a change
     * made on another instance is seen too (values take effect from a date, mostly a later one).
     */
    private record Cached(List<Value> values, long loadedAt) {}

    private static final long TTL_NANOS = java.time.Duration.ofSeconds(30).toNanos();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Policies(JdbcClient jdbc, Clock clock, ObjectProvider<PolicyCatalogue> catalogues) {
        this.jdbc = jdbc;
        this.clock = clock;
        catalogues.orderedStream().flatMap(c -> c.definitions().stream()).forEach(d -> definitions.put(d.key(), d));
    }

    /**
     * Seeds every key's configuration defaults at start-up (once per database: a key with values is left alone), so
     * that reading a value never writes.
     */
    @jakarta.annotation.PostConstruct
    void seedAll() {
        definitions.keySet().forEach(this::seed);
    }

    public List<PolicyDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<PolicyDefinition> definition(String key) {
        return Optional.ofNullable(definitions.get(key));
    }

    public BigDecimal decimalOn(String key, LocalDate on) {
        return new BigDecimal(valueOn(key, on));
    }

    public int integerOn(String key, LocalDate on) {
        return Integer.parseInt(valueOn(key, on));
    }

    /** The approved value in force on the date (the earliest one when the date precedes them all). */
    public String valueOn(String key, LocalDate on) {
        List<Value> approved = approved(key);
        if (approved.isEmpty()) {
            throw new IllegalStateException("no value for policy " + key);
        }
        for (Value v : approved) {
            if (!v.effectiveFrom().isAfter(on)) {
                return v.value();
            }
        }
        return approved.get(approved.size() - 1).value();
    }

    /** The date from which the value in force on {@code on} applies (its version). */
    public LocalDate effectiveFromOn(String key, LocalDate on) {
        List<Value> approved = approved(key);
        if (approved.isEmpty()) {
            throw new IllegalStateException("no value for policy " + key);
        }
        for (Value v : approved) {
            if (!v.effectiveFrom().isAfter(on)) {
                return v.effectiveFrom();
            }
        }
        return approved.get(approved.size() - 1).effectiveFrom();
    }

    private List<Value> approved(String key) {
        Cached c = cache.get(key);
        if (c == null || System.nanoTime() - c.loadedAt() > TTL_NANOS) {
            seed(key);
            c = new Cached(jdbc.sql(SELECT + " where key = ? and status = 'APPROVED' order by effective_from desc").param(key)
                    .query(Policies::map).list(), System.nanoTime());
            cache.put(key, c);
        }
        return c.values();
    }

    /** The configuration's defaults for a key, once: after that, the store is the truth. */
    private void seed(String key) {
        PolicyDefinition d = definitions.get(key);
        if (d == null) {
            throw new IllegalArgumentException("unknown policy " + key);
        }
        if (jdbc.sql("select count(*) from po_value where key = ?").param(key).query(Long.class).single() > 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (PolicyDefinition.Dated v : d.defaults()) {
            jdbc.sql("""
                    insert into po_value (id, key, effective_from, value, reason, set_by, set_at, status, decided_by, decided_at)
                    values (?,?,?,?,'default from the configuration','configuration',?,'APPROVED','configuration',?)
                    on conflict do nothing""")
                    .params(UUID.randomUUID(), key, v.effectiveFrom(), v.value(), now, now).update();
        }
    }

    /** Every value of a key (proposed, approved, rejected), newest effective date first: the history. */
    public List<Value> history(String key) {
        approved(key);
        return jdbc.sql(SELECT + " where key = ? order by effective_from desc, set_at desc").param(key).query(Policies::map).list();
    }

    /** Changes waiting for a second administrator. */
    public List<Value> waiting() {
        return jdbc.sql(SELECT + " where status = 'PROPOSED' order by set_at").query(Policies::map).list();
    }

    /**
     * Schedules a new value from a date (today or later). Not money: in force from its date. Money: proposed, and in
     * force from its date only once another administrator approves it.
     */
    @Transactional
    public Value propose(String key, LocalDate effectiveFrom, String value, String reason, CurrentUser actor) {
        requireAdministrator(actor);
        PolicyDefinition d = definitions.get(key);
        if (d == null) {
            throw new NotFoundException("policy");
        }
        Validator v = new Validator();
        v.check(effectiveFrom != null, "effectiveFrom", "validation.date");
        v.check(effectiveFrom == null || !effectiveFrom.isBefore(LocalDate.now(clock)), "effectiveFrom", "policy.notRetroactive");
        v.sensibleDate("effectiveFrom", effectiveFrom);
        v.required("reason", reason, 1000);
        String normalised = null;
        try {
            BigDecimal number = new BigDecimal(value == null ? "" : value.trim().replace(',', '.'));
            if (d.kind() == PolicyDefinition.Kind.INTEGER && number.stripTrailingZeros().scale() > 0) {
                v.add("value", "validation.wholeNumber");
            } else if (number.compareTo(d.min()) < 0 || number.compareTo(d.max()) > 0) {
                v.add("value", "validation.range", d.min().toPlainString(), d.max().toPlainString());
            } else {
                normalised = d.kind() == PolicyDefinition.Kind.INTEGER ? String.valueOf(number.intValueExact()) : number.toPlainString();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            v.add("value", "validation.number");
        }
        v.throwIfInvalid();
        approved(key);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = UUID.randomUUID();
        if (!d.money()) {
            // replaces a value scheduled for the same date
            jdbc.sql("update po_value set status = 'REJECTED', decided_by = ?, decided_at = ? where key = ? and effective_from = ? and status = 'APPROVED'")
                    .params(actor.username(), now, key, effectiveFrom).update();
        }
        jdbc.sql("""
                insert into po_value (id, key, effective_from, value, reason, set_by, set_at, status, decided_by, decided_at)
                values (?,?,?,?,?,?,?,?,?,?)""")
                .params(id, key, effectiveFrom, normalised, reason.trim(), actor.username(), now, d.money() ? "PROPOSED" : "APPROVED",
                        d.money() ? null : actor.username(), d.money() ? null : now).update();
        cache.remove(key);
        return find(id);
    }

    /** A second administrator approves (or rejects) a proposed money value; the proposer cannot. A guarded transition. */
    @Transactional
    public Value decide(UUID id, boolean approve, CurrentUser actor) {
        requireAdministrator(actor);
        Value p = find(id);
        if (p.setBy().equals(actor.username())) {
            throw InvalidInputException.of("decision", "policy.fourEyes");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (approve) {
            jdbc.sql("update po_value set status = 'REJECTED', decided_by = ?, decided_at = ? where key = ? and effective_from = ? and status = 'APPROVED'")
                    .params(actor.username(), now, p.key(), p.effectiveFrom()).update();
        }
        ConflictException.unlessChanged(jdbc.sql("update po_value set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'PROPOSED'")
                .params(approve ? "APPROVED" : "REJECTED", actor.username(), now, id).update(), "decision", "policy.notProposed");
        cache.remove(p.key());
        return find(id);
    }

    private Value find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Policies::map).optional().orElseThrow(() -> new NotFoundException("policy"));
    }

    private static void requireAdministrator(CurrentUser actor) {
        if (actor == null || !actor.has(Role.ADMINISTRATOR) || !actor.worksForEmploymentService()) {
            throw new NotFoundException("policy");
        }
    }

    private static final String SELECT = """
            select id, key, effective_from, value, reason, set_by, set_at, status, decided_by, decided_at from po_value""";

    private static Value map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Value(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class));
    }
}
