package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
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
 * their purpose), and a space's taken slots (only "taken": neither who nor why). The address carries its subject and a
 * 128-bit HMAC-SHA256 with a key the database made at installation, so it cannot be guessed and reading it writes nothing;
 * times are the campus's Brussels time, written in UTC.
 */
@Service
public class CampusFeeds {

    static final ZoneId CAMPUS_TIME = ZoneId.of("Europe/Brussels");

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

    /** The secret address of the user's own feed: the same every time, and nothing is written to make it. */
    public String addressOf(CurrentUser me) {
        return "/campus/feeds/" + token("u", me.username()) + ".ics";
    }

    public String addressOfSpace(UUID spaceId) {
        return "/campus/feeds/" + token("s", spaceId.toString()) + ".ics";
    }

    private volatile byte[] key;

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = jdbc.sql("select secret from cp_feed_key where id = 1").query(String.class).single().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    /** kind + the subject in base64url + "." + the first 128 bits of HMAC-SHA256(key, kind:subject). */
    String token(String kind, String subject) {
        String s = Base64.getUrlEncoder().withoutPadding().encodeToString(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return kind + s + "." + signature(kind + ":" + subject);
    }

    private String signature(String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key(), "HmacSHA256"));
            byte[] h = mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The feed behind a token: eight weeks back, a year ahead. A token that does not verify is "not found". */
    public String feed(String token) {
        String[] f = verify(token);
        if (f == null) {
            throw new NotFoundException("feed");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusWeeks(8);
        LocalDate until = today.plusYears(1);
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Werkregie//Loopbaancampus//NL"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        if (f[0].equals("u")) {
            List<Booking> mine = jdbc.sql("select id from cp_booking where booked_by = ? and on_date between ? and ?")
                    .params(f[1], from, until).query(UUID.class).list().stream()
                    .map(id -> bookings.find(id).orElseThrow()).toList();
            for (Booking b : mine) {
                cal.add(event(b, b.purpose() + " · " + b.spaceName(), b.campusName()));
            }
        } else {
            UUID space;
            try {
                space = UUID.fromString(f[1]);
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("feed");
            }
            Campuses.Space s = campuses.space(space).orElseThrow(() -> new NotFoundException("feed"));
            for (Booking b : bookings.ofSpace(space, from, until)) {
                cal.add(event(b, s.name() + " · bezet / occupé / taken", b.campusName()));
            }
        }
        return cal.toString();
    }

    /** {kind, subject} of a token whose signature is right, else null (compared in constant time). */
    String[] verify(String token) {
        if (token == null || token.length() > 400 || !token.matches("[us][A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}")) {
            return null;
        }
        String kind = token.substring(0, 1);
        int dot = token.indexOf('.');
        String subject;
        try {
            subject = new String(Base64.getUrlDecoder().decode(token.substring(1, dot)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean ok = java.security.MessageDigest.isEqual(signature(kind + ":" + subject).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return ok ? new String[] {kind, subject} : null;
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
