package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public agenda of each campus: events with a capacity, registration without an account, and a waiting list that
 * moves up by itself. Places are counted with the event row locked, so two people never take the last place; when a
 * registered person cancels, the first on the waiting list gets the place in the same transaction and is told
 * ({@link CampusPlaceOffered}). Each registration has its own secret address to see or cancel it. An event takes its
 * room through a booking of the employment service's own planning, so the room cannot be double-booked either.
 */
@Service
public class CampusEvents {

    public enum Kind { WORKSHOP, JOB_FAIR, TECHTALK, OPEN_LEARNING, INFO_SESSION }

    public record Event(UUID id, UUID campusId, UUID spaceId, Kind kind, String titleNl, String titleFr, String titleEn, String summaryNl,
                        String summaryFr, String summaryEn, LocalDateTime startsAt, LocalDateTime endsAt, int capacity, String status,
                        int registered, int waiting) {
        public String title(String lang) {
            return switch (lang) {
                case "fr" -> titleFr;
                case "en" -> titleEn;
                default -> titleNl;
            };
        }

        public String summary(String lang) {
            return switch (lang) {
                case "fr" -> summaryFr;
                case "en" -> summaryEn;
                default -> summaryNl;
            };
        }

        public int free() {
            return Math.max(0, capacity - registered);
        }
    }

    public record Registration(UUID id, UUID eventId, String name, String email, String language, String status, String token, int position) {}

    public record EventInput(Kind kind, String titleNl, String titleFr, String titleEn, String summaryNl, String summaryFr, String summaryEn,
                             LocalDate on, LocalTime from, LocalTime until, Integer capacity, UUID spaceId) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Campuses campuses;
    private final Bookings bookings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampusEvents(JdbcClient jdbc, Campuses campuses, Bookings bookings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.campuses = campuses;
        this.bookings = bookings;
        this.events = events;
        this.clock = clock;
    }

    /** Creates and publishes an event (the campus manager); with a room, the room is booked for the day parts it covers. */
    @Transactional
    public Event create(UUID campusId, EventInput in, CurrentUser actor) {
        if (!campuses.manages(actor, campusId)) {
            throw new NotFoundException("campus");
        }
        Validator v = new Validator();
        v.check(in.kind() != null, "kind", "validation.choice");
        v.required("titleNl", in.titleNl(), 150).required("titleFr", in.titleFr(), 150).required("titleEn", in.titleEn(), 150);
        v.text("summaryNl", in.summaryNl(), 1000).text("summaryFr", in.summaryFr(), 1000).text("summaryEn", in.summaryEn(), 1000);
        v.check(in.on() != null, "on", "validation.date");
        v.check(in.from() != null, "from", "validation.time");
        v.check(in.until() != null, "until", "validation.time");
        v.check(in.capacity() != null && in.capacity() > 0 && in.capacity() <= 5000, "capacity", "validation.range", 1, 5000);
        if (in.on() != null) {
            v.check(!in.on().isBefore(LocalDate.now(clock)), "on", "campus.booking.past");
        }
        if (in.from() != null && in.until() != null) {
            v.check(in.until().isAfter(in.from()), "until", "campus.event.endBeforeStart");
        }
        Optional<Campuses.Space> space = campuses.space(in.spaceId());
        v.check(in.spaceId() == null || space.isPresent() && space.get().campusId().equals(campusId), "spaceId", "validation.choice");
        v.throwIfInvalid();
        if (space.isPresent()) {
            v.check(in.capacity() <= space.get().capacity(), "capacity", "campus.booking.overCapacity", space.get().capacity());
            v.throwIfInvalid();
            // the room for every part of the day the event touches
            for (DayPart p : List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING)) {
                if (in.from().isBefore(p.end()) && p.start().isBefore(in.until())) {
                    bookings.book(new Bookings.BookingRequest(space.get().id(), in.on(), p, null, in.titleNl().trim(), in.capacity(), null), actor);
                }
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into cp_event (id, campus_id, space_id, kind, title_nl, title_fr, title_en, summary_nl, summary_fr, summary_en, starts_at,
                  ends_at, capacity, status, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,'PUBLISHED',?,?)""")
                .params(id, campusId, in.spaceId(), in.kind().name(), in.titleNl().trim(), in.titleFr().trim(), in.titleEn().trim(),
                        nz(in.summaryNl()), nz(in.summaryFr()), nz(in.summaryEn()), Timestamp.valueOf(in.on().atTime(in.from())),
                        Timestamp.valueOf(in.on().atTime(in.until())), in.capacity(), actor.username(), OffsetDateTime.now(clock))
                .update();
        return find(id).orElseThrow();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    private static final String SELECT = """
            select e.id, e.campus_id, e.space_id, e.kind, e.title_nl, e.title_fr, e.title_en, e.summary_nl, e.summary_fr, e.summary_en, e.starts_at,
              e.ends_at, e.capacity, e.status,
              (select count(*) from cp_event_registration r where r.event_id = e.id and r.status = 'REGISTERED'),
              (select count(*) from cp_event_registration r where r.event_id = e.id and r.status = 'WAITING')
            from cp_event e""";

    private static Event map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Event(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), Kind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toLocalDateTime(), rs.getTimestamp(12).toLocalDateTime(), rs.getInt(13), rs.getString(14), rs.getInt(15),
                rs.getInt(16));
    }

    public Optional<Event> find(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql(SELECT + " where e.id = ?").param(id).query(CampusEvents::map).optional();
    }

    /** The published events of a campus from today on, soonest first. */
    public List<Event> upcoming(UUID campusId) {
        return jdbc.sql(SELECT + " where e.campus_id = ? and e.status = 'PUBLISHED' and e.ends_at >= ? order by e.starts_at limit 200")
                .params(campusId, Timestamp.valueOf(LocalDate.now(clock).atStartOfDay())).query(CampusEvents::map).list();
    }

    /** The registrations of an event (the campus manager's list: places first, then the waiting list in its order). */
    public List<Registration> registrations(UUID eventId, CurrentUser actor) {
        Event e = find(eventId).orElseThrow(() -> new NotFoundException("event"));
        if (!campuses.manages(actor, e.campusId())) {
            throw new NotFoundException("event");
        }
        return jdbc.sql("""
                select id, event_id, name, email, language, status, token, 0 from cp_event_registration where event_id = ? and status <> 'CANCELLED'
                order by status, created_at""").param(eventId).query(CampusEvents::registration).list();
    }

    private static Registration registration(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Registration(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8));
    }

    /**
     * Registers a visitor: a place while there is one, else the waiting list. The event row is locked while the places
     * are counted, so the last place goes to one person only. The same e-mail address twice is refused.
     */
    @Transactional
    public Registration register(UUID eventId, String name, String email, String language) {
        Validator v = new Validator().required("name", name, 150).required("email", email, 254).email("email", email);
        v.throwIfInvalid();
        Event e = lockedPublished(eventId);
        if (e.endsAt().isBefore(LocalDateTime.now(clock))) {
            throw new ConflictException("event", "campus.event.over");
        }
        int registered = jdbc.sql("select count(*) from cp_event_registration where event_id = ? and status = 'REGISTERED'").param(eventId)
                .query(Integer.class).single();
        String status = registered < e.capacity() ? "REGISTERED" : "WAITING";
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into cp_event_registration (id, event_id, name, email, language, status, token, created_at) values (?,?,?,?,?,?,?,?)
                on conflict do nothing""")
                .params(id, eventId, name.trim(), email.trim(), lang(language), status, token(), OffsetDateTime.now(clock)).update();
        ConflictException.unlessChanged(inserted, "email", "campus.event.alreadyRegistered");
        return byId(id);
    }

    private Event lockedPublished(UUID eventId) {
        boolean exists = jdbc.sql("select id from cp_event where id = ? and status = 'PUBLISHED' for update").param(eventId).query(UUID.class)
                .optional().isPresent();
        if (!exists) {
            throw new NotFoundException("event");
        }
        return find(eventId).orElseThrow();
    }

    private static String lang(String l) {
        return l != null && List.of("nl", "fr", "en").contains(l) ? l : "nl";
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private Registration byId(UUID id) {
        Registration r = jdbc.sql("select id, event_id, name, email, language, status, token, 0 from cp_event_registration where id = ?").param(id)
                .query(CampusEvents::registration).single();
        return withPosition(r);
    }

    private Registration withPosition(Registration r) {
        if (!r.status().equals("WAITING")) {
            return r;
        }
        int ahead = jdbc.sql("""
                select count(*) from cp_event_registration w where w.event_id = ? and w.status = 'WAITING'
                  and w.created_at <= (select created_at from cp_event_registration where id = ?)""").params(r.eventId(), r.id())
                .query(Integer.class).single();
        return new Registration(r.id(), r.eventId(), r.name(), r.email(), r.language(), r.status(), r.token(), ahead);
    }

    /** The registration behind its secret address. */
    public Registration byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            throw new NotFoundException("registration");
        }
        return jdbc.sql("select id, event_id, name, email, language, status, token, 0 from cp_event_registration where token = ?").param(token)
                .query(CampusEvents::registration).optional().map(this::withPosition)
                .orElseThrow(() -> new NotFoundException("registration"));
    }

    /** Cancels by the registrant's address; a freed place goes to the first on the waiting list, who is told. */
    @Transactional
    public Registration cancel(String token) {
        Registration r = byToken(token);
        lockedPublished(r.eventId());
        int changed = jdbc.sql("update cp_event_registration set status = 'CANCELLED', cancelled_at = ? where id = ? and status in ('REGISTERED', 'WAITING')")
                .params(OffsetDateTime.now(clock), r.id()).update();
        ConflictException.unlessChanged(changed, "registration", "campus.event.alreadyCancelled");
        if (r.status().equals("REGISTERED")) {
            Optional<Registration> next = jdbc.sql("""
                    select id, event_id, name, email, language, status, token, 0 from cp_event_registration
                    where event_id = ? and status = 'WAITING' order by created_at limit 1""").param(r.eventId())
                    .query(CampusEvents::registration).optional();
            if (next.isPresent()) {
                jdbc.sql("update cp_event_registration set status = 'REGISTERED', moved_up_at = ? where id = ? and status = 'WAITING'")
                        .params(OffsetDateTime.now(clock), next.get().id()).update();
                Event e = find(r.eventId()).orElseThrow();
                Registration n = next.get();
                events.publishEvent(new CampusPlaceOffered(n.id(), n.name(), n.email(), n.language(), e.title(n.language()),
                        campuses.campus(e.campusId()).map(Campuses.Campus::name).orElse(""), e.startsAt(), n.token()));
            }
        }
        return byId(r.id());
    }

    /** The campus agenda as iCalendar (public). */
    public String ics(UUID campusId, String lang) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Werkregie//Loopbaancampus agenda//NL"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        String campus = campuses.campus(campusId).map(Campuses.Campus::name).orElse("");
        for (Event e : upcoming(campusId)) {
            VEvent v = new VEvent(e.startsAt().atZone(CampusFeeds.CAMPUS_TIME).toInstant(), e.endsAt().atZone(CampusFeeds.CAMPUS_TIME).toInstant(),
                    e.title(lang));
            v.add(new Uid(e.id() + "@werkregie-agenda"));
            v.add(new Location(campus));
            cal.add(v);
        }
        return cal.toString();
    }
}
