package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.platform.Idempotency;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.springframework.stereotype.Service;

/**
 * The other way of ‘iCalendar both ways’ — a booker's own planning (an .ics file exported from Outlook, Google or
 * LibreBooking) becomes bookings of one campus space. Every occurrence (recurring events are expanded, up to
 * 200 in the next two years) is mapped to the smallest day part that holds
 * it and booked through {@link Bookings#book} with the same checks, prices, approval and database guard as a booking made
 * on the form, each in its own transaction: a taken slot is reported with free alternatives and the rest is booked. The
 * idempotency key of an occurrence is its event's UID with its date and part, so importing the same file again books
 * nothing twice and says which occurrences were already imported. With {@code check} nothing is written: the booker sees
 * the outcome first.
 */
@Service
public class CampusCalendarImport {

    static final int MAX_OCCURRENCES = 200;
    static final int MAX_BYTES = 1_000_000;
    static final ZoneId CAMPUS_TIME = ZoneId.of("Europe/Brussels");

    // what happened (or, on a check, would happen) to one occurrence
    public enum Outcome { BOOKED, REQUESTED, WOULD_BOOK, ALREADY_IMPORTED, TAKEN, REFUSED, NO_DAY_PART }

    public record Line(LocalDate onDate, DayPart part, String summary, String time, Outcome outcome, UUID bookingId,
                       String messageKey, Object[] args, List<Bookings.Alternative> alternatives) {}

    public record Result(UUID spaceId, boolean check, List<Line> lines, int events, boolean truncated) {
        public long count(Outcome o) {
            return lines.stream().filter(l -> l.outcome() == o).count();
        }

        public long wouldBook() {
            return count(Outcome.WOULD_BOOK);
        }

        public long booked() {
            return count(Outcome.BOOKED);
        }

        public long requested() {
            return count(Outcome.REQUESTED);
        }

        public long taken() {
            return count(Outcome.TAKEN);
        }

        public long already() {
            return count(Outcome.ALREADY_IMPORTED);
        }
    }

    private final Bookings bookings;
    private final Campuses campuses;
    private final Idempotency idempotency;
    private final Clock clock;

    CampusCalendarImport(Bookings bookings, Campuses campuses, Idempotency idempotency, Clock clock) {
        this.bookings = bookings;
        this.campuses = campuses;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    // one occurrence of an event of the file, in campus time
    record Occurrence(String uid, String summary, LocalDateTime start, LocalDateTime end, boolean allDay) {}

    /**
     * Imports (or with {@code check} only checks) the events of {@code ics} as bookings of the space. Not transactional on
     * purpose: every occurrence is booked in its own transaction, so one taken slot does not undo the others.
     */
    public Result importCalendar(UUID spaceId, UUID agreementId, Integer attendees, byte[] ics, boolean check, CurrentUser actor) {
        Campuses.Space space = campuses.space(spaceId).orElseThrow(() -> new NotFoundException("space"));
        if (ics == null || ics.length == 0) {
            throw InvalidInputException.of("file", "campus.import.noFile");
        }
        if (ics.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "campus.import.tooLarge", MAX_BYTES / 1_000_000);
        }
        int people = attendees == null ? 1 : attendees;
        List<Occurrence> occurrences = new ArrayList<>();
        int events = read(ics, occurrences);
        occurrences.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::uid));
        boolean truncated = occurrences.size() > MAX_OCCURRENCES;
        List<Line> lines = new ArrayList<>();
        for (Occurrence o : occurrences.subList(0, Math.min(MAX_OCCURRENCES, occurrences.size()))) {
            lines.addAll(book(space, agreementId, people, o, check, actor));
        }
        return new Result(space.id(), check, lines, events, truncated);
    }

    private List<Line> book(Campuses.Space space, UUID agreementId, int people, Occurrence o, boolean check, CurrentUser actor) {
        String time = o.allDay() ? "" : o.start().toLocalTime() + "–" + o.end().toLocalTime();
        List<Line> out = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        DayPart part;
        if (o.allDay()) {
            // an all-day event books every day it covers (its end date is exclusive), as a whole day
            for (LocalDate d = o.start().toLocalDate(); d.isBefore(o.end().toLocalDate()) && days.size() < 31; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    days.add(d);
                }
            }
            part = DayPart.DAY;
        } else {
            part = partFor(o.start(), o.end()).orElse(null);
            if (part == null) {
                out.add(new Line(o.start().toLocalDate(), null, o.summary(), time, Outcome.NO_DAY_PART, null, "campus.import.noDayPart",
                        new Object[0], List.of()));
                return out;
            }
            days.add(o.start().toLocalDate());
        }
        for (LocalDate d : days) {
            String key = key(o.uid(), d, part);
            Bookings.BookingRequest r = new Bookings.BookingRequest(space.id(), d, part, agreementId, o.summary(), people, key);
            try {
                if (idempotency.seen("campus-booking", actor.username(), key)) {
                    Booking b = bookings.book(r, actor); // the same booking as the first import (or a conflict if the event changed)
                    out.add(new Line(d, part, o.summary(), time, Outcome.ALREADY_IMPORTED, b.id(), "campus.import.already", new Object[0], List.of()));
                } else if (check) {
                    Bookings.Quote q = bookings.quote(r, actor);
                    if (!bookings.free(space.id(), d, part)) {
                        out.add(new Line(d, part, o.summary(), time, Outcome.TAKEN, null, "campus.booking.taken", new Object[0],
                                bookings.alternatives(space, d, part, people)));
                    } else {
                        out.add(new Line(d, part, o.summary(), time, Outcome.WOULD_BOOK, null,
                                q.status() == Booking.Status.REQUESTED ? "campus.import.wouldRequest" : "campus.import.wouldBook",
                                new Object[] {q.price().amount()}, List.of()));
                    }
                } else {
                    Booking b = bookings.book(r, actor);
                    out.add(new Line(d, part, o.summary(), time, b.status() == Booking.Status.REQUESTED ? Outcome.REQUESTED : Outcome.BOOKED,
                            b.id(), b.status() == Booking.Status.REQUESTED ? "campus.booking.requested" : "campus.booking.confirmed",
                            new Object[0], List.of()));
                }
            } catch (Bookings.SlotTaken e) {
                out.add(new Line(d, part, o.summary(), time, Outcome.TAKEN, null, "campus.booking.taken", new Object[0], e.alternatives()));
            } catch (InvalidInputException e) {
                var p = e.problems().get(0);
                boolean changed = "validation.idempotencyKeyReused".equals(p.messageKey());
                out.add(new Line(d, part, o.summary(), time, Outcome.REFUSED, null, changed ? "campus.import.changed" : p.messageKey(),
                        changed ? new Object[0] : p.args(), List.of()));
            }
        }
        return out;
    }

    /** The smallest day part that holds the time from start (included) to end (excluded) on one day: a morning, afternoon or evening, else the whole day. */
    static Optional<DayPart> partFor(LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start) || !start.toLocalDate().equals(end.minusNanos(1).toLocalDate())) {
            return Optional.empty();
        }
        for (DayPart p : List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING, DayPart.DAY)) {
            if (!start.toLocalTime().isBefore(p.start()) && !end.isAfter(p.endOn(start.toLocalDate()))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static String key(String uid, LocalDate d, DayPart part) {
        try {
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8)));
            return "ics:" + h.substring(0, 32) + ":" + d + ":" + part;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the file's events into occurrences in campus time; a file that is not iCalendar is refused with a message. */
    int read(byte[] ics, List<Occurrence> into) {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        } catch (Exception e) {
            throw InvalidInputException.of("file", "campus.import.notICalendar");
        }
        LocalDate today = LocalDate.now(clock);
        ZonedDateTime from = today.atStartOfDay(CAMPUS_TIME);
        ZonedDateTime until = today.plusYears(Bookings.HORIZON_YEARS).plusDays(1).atStartOfDay(CAMPUS_TIME);
        List<VEvent> events = cal.getComponents(Component.VEVENT);
        int n = 0;
        for (VEvent e : events) {
            if (e.getProperty(Property.STATUS).map(p -> "CANCELLED".equalsIgnoreCase(p.getValue())).orElse(false)) {
                continue;
            }
            n++;
            String uid = e.getProperty(Property.UID).map(Property::getValue).filter(s -> !s.isBlank())
                    .orElse("no-uid-" + n + "-" + e.getProperty(Property.DTSTART).map(Property::getValue).orElse(""));
            String summary = e.getProperty(Property.SUMMARY).map(Property::getValue).map(String::strip).filter(s -> !s.isBlank())
                    .orElse("Agenda-import");
            if (summary.length() > 200) {
                summary = summary.substring(0, 200);
            }
            boolean allDay = e.getProperty(Property.DTSTART).map(p -> p.getValue().length() == 8).orElse(false);
            try {
                Set<Period<Temporal>> periods = allDay
                        ? e.calculateRecurrenceSet(new Period<>(from.toLocalDate(), until.toLocalDate()))
                        : e.calculateRecurrenceSet(new Period<>(from, until));
                for (Period<Temporal> p : periods) {
                    LocalDateTime s = local(p.getStart());
                    LocalDateTime t = local(p.getEnd());
                    if (s != null && t != null && !s.toLocalDate().isBefore(today)) {
                        into.add(new Occurrence(uid, summary, s, t, allDay));
                    }
                    if (into.size() > MAX_OCCURRENCES * 2) {
                        return n;
                    }
                }
            } catch (RuntimeException ex) {
                // an event whose dates cannot be read is skipped; the others are imported
            }
        }
        if (n == 0) {
            throw InvalidInputException.of("file", "campus.import.noEvents");
        }
        return n;
    }

    static LocalDateTime local(Temporal t) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (t instanceof LocalDateTime d) {
            return d; // floating time: the campus's own
        }
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(CAMPUS_TIME).toLocalDateTime();
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(CAMPUS_TIME).toLocalDateTime();
        }
        if (t instanceof Instant i) {
            return i.atZone(CAMPUS_TIME).toLocalDateTime();
        }
        return null;
    }
}
