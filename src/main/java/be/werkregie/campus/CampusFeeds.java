package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * iCalendar feeds (ical4j, RFC 5545) that a calendar app subscribes to by a secret address: a user's own bookings (with
 * their purpose), and a space's taken slots (only "taken": neither who nor why). The address is a random 192-bit token
 * kept in the database, made on first use; times are the campus's Brussels time, written in UTC.
 */
@Service
public class CampusFeeds {

    static final ZoneId CAMPUS_TIME = ZoneId.of("Europe/Brussels");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final Campuses campuses;
    private final Clock clock;

    CampusFeeds(JdbcClient jdbc, Bookings bookings, Campuses campuses, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.campuses = campuses;
        this.clock = clock;
    }

    /** The secret address of the user's own feed (made once). */
    public String addressOf(CurrentUser me) {
        return "/campus/feeds/" + token("USER", me.username()) + ".ics";
    }

    public String addressOfSpace(UUID spaceId) {
        return "/campus/feeds/" + token("SPACE", spaceId.toString()) + ".ics";
    }

    private String token(String kind, String subject) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        jdbc.sql("insert into cp_feed (token, kind, subject, created_at) values (?,?,?,?) on conflict (kind, subject) do nothing")
                .params(fresh, kind, subject, OffsetDateTime.now(clock)).update();
        return jdbc.sql("select token from cp_feed where kind = ? and subject = ?").params(kind, subject).query(String.class).single();
    }

    /** The feed behind a token: eight weeks back, a year ahead. An unknown token is "not found". */
    public String feed(String token) {
        Optional<String[]> f = token == null || !token.matches("[A-Za-z0-9_-]{32}") ? Optional.empty()
                : jdbc.sql("select kind, subject from cp_feed where token = ?").param(token)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (f.isEmpty()) {
            throw new NotFoundException("feed");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusWeeks(8);
        LocalDate until = today.plusYears(1);
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Werkregie//Loopbaancampus//NL"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        if (f.get()[0].equals("USER")) {
            List<Booking> mine = jdbc.sql("select id from cp_booking where booked_by = ? and on_date between ? and ?")
                    .params(f.get()[1], from, until).query(UUID.class).list().stream()
                    .map(id -> bookings.find(id).orElseThrow()).toList();
            for (Booking b : mine) {
                cal.add(event(b, b.purpose() + " · " + b.spaceName(), b.campusName()));
            }
        } else {
            UUID space = UUID.fromString(f.get()[1]);
            Campuses.Space s = campuses.space(space).orElseThrow(() -> new NotFoundException("feed"));
            for (Booking b : bookings.ofSpace(space, from, until)) {
                cal.add(event(b, s.name() + " · bezet / occupé / taken", b.campusName()));
            }
        }
        return cal.toString();
    }

    private VEvent event(Booking b, String summary, String location) {
        VEvent e = new VEvent(b.dayPart().startOn(b.onDate()).atZone(CAMPUS_TIME).toInstant(),
                b.dayPart().endOn(b.onDate()).atZone(CAMPUS_TIME).toInstant(), summary);
        e.add(new Uid(b.id() + "@werkregie"));
        e.add(new Location(location));
        e.add(b.status() == Booking.Status.CANCELLED ? new Status("CANCELLED") : b.status() == Booking.Status.REQUESTED
                ? new Status("TENTATIVE") : new Status("CONFIRMED"));
        if (b.status() == Booking.Status.CANCELLED && b.cancelReason() != null) {
            e.add(new Description(b.cancelReason()));
        }
        return e;
    }
}
