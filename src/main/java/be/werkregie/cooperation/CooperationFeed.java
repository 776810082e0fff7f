package be.werkregie.cooperation;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.OrganisationKind;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.people.Consents;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

/**
 * The event feed an organisation's own case system reads instead of logging into the platform: what happened on its
 * referrals, as far as it may see it, in a fixed order with a cursor.
 *
 * <p>No event lost, none repeated, across restarts and with several instances: the order is (transaction id, row id),
 * and a read serves only rows whose transaction is older than every transaction still running
 * ({@code pg_snapshot_xmin}); a row committed later therefore always sorts after the cursor. The cursor is opaque to the
 * client, who stores it and sends it back. For a social service, events about a person whose mandate is no longer
 * active are withheld (the cursor moves past them): expiry stops sharing, in the feed too.
 */
@Service
public class CooperationFeed {

    static final int MAX_PAGE = 500;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Consents consents;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    CooperationFeed(JdbcClient jdbc, Organisations organisations, Consents consents, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.consents = consents;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    void append(UUID organisationId, Referral r, String kind, Map<String, Object> payload) {
        String body = json.writeValueAsString(payload);
        jdbc.sql("insert into co_feed_event (organisation_id, referral_id, person_id, kind, payload, created_at) values (?,?,?,?,?::jsonb,?)")
                .params(organisationId, r.id(), r.personId(), kind, body, OffsetDateTime.now(clock)).update();
    }

    public record Event(String cursor, String kind, UUID referralId, UUID personId, OffsetDateTime createdAt, Map<String, Object> data) {}

    /** A page of the feed after {@code cursor} (blank: from the start), and the cursor to send next time. */
    public record Page(List<Event> events, String next, boolean more) {}

    /** The feed of the actor's organisation (the employment service's for its staff). */
    public Page read(String cursor, Integer limit, CurrentUser actor) {
        UUID org = feedOrganisation(actor);
        long tx = 0;
        long id = 0;
        if (cursor != null && !cursor.isBlank()) {
            Matcher m = CURSOR.matcher(cursor.trim());
            if (!m.matches()) {
                throw InvalidInputException.of("after", "cooperation.feed.badCursor");
            }
            try {
                tx = Long.parseLong(m.group(1));
                id = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("after", "cooperation.feed.badCursor");
            }
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX_PAGE) {
            throw InvalidInputException.of("limit", "validation.range", 1, MAX_PAGE);
        }
        record Row(long tx, long id, String kind, UUID referralId, UUID personId, OffsetDateTime at, String payload) {}
        List<Row> rows = jdbc.sql("""
                select tx::text::bigint, id, kind, referral_id, person_id, created_at, payload::text from co_feed_event
                where organisation_id = ? and (tx::text::bigint, id) > (?, ?)
                  and tx < pg_snapshot_xmin(pg_current_snapshot())
                order by tx, id limit ?""")
                .params(org, tx, id, n + 1)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
                .list();
        boolean more = rows.size() > n;
        if (more) {
            rows = rows.subList(0, n);
        }
        boolean pes = Referrals.onPesSide(actor);
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Boolean> sharing = new HashMap<>();
        List<Event> out = new ArrayList<>();
        for (Row r : rows) {
            boolean shared = pes || sharing.computeIfAbsent(r.personId(), p -> consents.of(p).stream()
                    .anyMatch(c -> org.equals(c.organisationId()) && "ACT".equals(c.scope()) && c.activeOn(today)));
            if (!shared) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> data = json.readValue(r.payload(), Map.class);
            out.add(new Event(r.tx() + "." + r.id(), r.kind(), r.referralId(), r.personId(), r.at(), data));
        }
        String next = rows.isEmpty() ? (cursor == null || cursor.isBlank() ? "0.0" : tx + "." + id)
                : rows.get(rows.size() - 1).tx() + "." + rows.get(rows.size() - 1).id();
        audit.recordReads(actor, out.stream().map(Event::personId).toList(), "COOPERATION", "event feed");
        return new Page(out, next, more);
    }

    private UUID feedOrganisation(CurrentUser actor) {
        if (Referrals.onPesSide(actor)) {
            return organisations.ofKind(OrganisationKind.EMPLOYMENT_SERVICE).stream().findFirst().orElseThrow().id();
        }
        if (actor.has(Role.SOCIAL_WORKER) && actor.organisationId() != null) {
            return actor.organisationId();
        }
        throw new NotFoundException("feed");
    }
}
