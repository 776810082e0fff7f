package be.werkregie.campus;

import be.werkregie.identity.CurrentUser;
import be.werkregie.platform.Idempotency;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Money;
import be.werkregie.shared.NotFoundException;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of campus spaces by day part or whole day, one-off or as a weekly series. The database refuses a double
 * booking (the exclusion constraint {@code cp_booking_no_overlap} on space and time for every booking that is not
 * cancelled); an insert that would collide changes nothing ({@code on conflict do nothing}) and the booker gets the
 * alternatives: another part of the day, the same slot in a comparable room, the next free day. Each booking is priced
 * when it is made, under its agreement and the tariff in force on its date ({@link Tariffs}); a booking under a use
 * agreement waits for the campus manager's approval, because the employment service's own planning comes first.
 */
@Service
public class Bookings {

    public record BookingRequest(UUID spaceId, LocalDate onDate, DayPart part, UUID agreementId, String purpose, Integer attendees,
                                 String idempotencyKey) {}

    /** A free slot offered instead of the one that was taken. */
    public record Alternative(UUID spaceId, String spaceName, LocalDate onDate, DayPart part) {}

    /** The slot was taken (by an earlier booking or by a twin request a moment ago): what is free instead. */
    public static class SlotTaken extends ConflictException {
        private final transient List<Alternative> alternatives;

        SlotTaken(List<Alternative> alternatives) {
            super("part", "campus.booking.taken");
            this.alternatives = List.copyOf(alternatives);
        }

        public List<Alternative> alternatives() {
            return alternatives;
        }
    }

    /** The price and state a request would get, before it is made (shown on the booking form's check). */
    public record Quote(Campuses.Space space, Campuses.Campus campus, Agreement agreement, Booking.BookerKind kind, Money price,
                        String tariff, Booking.Status status) {}

    public record SeriesRequest(UUID spaceId, DayOfWeek weekday, DayPart part, LocalDate from, LocalDate until, UUID agreementId,
                                String purpose, Integer attendees) {}

    /** A series: the dates booked and those skipped because they were taken (they can be re-added later). */
    public record SeriesResult(UUID seriesId, List<LocalDate> booked, List<LocalDate> conflicts, boolean created) {}

    /** One cell of the week grid: a space, a day, a part, and whether it is free, taken, requested or yours. */
    public record Cell(LocalDate day, DayPart part, String state, String label, UUID bookingId) {}

    public record Row(Campuses.Space space, List<Cell> cells) {}

    public record Week(Campuses.Campus campus, LocalDate monday, List<LocalDate> days, List<DayPart> parts, List<Row> rows) {}

    static final int MAX_SERIES_DATES = 60;
    static final int HORIZON_YEARS = 2;

    private final JdbcClient jdbc;
    private final Campuses campuses;
    private final CampusPolicies policies;
    private final Idempotency idempotency;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bookings(JdbcClient jdbc, Campuses campuses, CampusPolicies policies, Idempotency idempotency, ApplicationEventPublisher events,
             Clock clock) {
        this.jdbc = jdbc;
        this.campuses = campuses;
        this.policies = policies;
        this.idempotency = idempotency;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- checking and pricing ----

    /** Checks a request field by field and prices it; writes nothing. */
    public Quote quote(BookingRequest r, CurrentUser actor) {
        Validator v = new Validator();
        Optional<Campuses.Space> space = campuses.space(r.spaceId());
        v.check(space.isPresent(), "spaceId", "campus.booking.unknownSpace");
        v.check(r.onDate() != null, "onDate", "validation.date");
        v.check(r.part() != null, "part", "validation.choice");
        v.required("purpose", r.purpose(), 200);
        v.check(r.attendees() != null && r.attendees() > 0, "attendees", "validation.positive");
        if (r.onDate() != null) {
            v.check(!r.onDate().isBefore(today()), "onDate", "campus.booking.past");
            v.check(!r.onDate().isAfter(today().plusYears(HORIZON_YEARS)), "onDate", "campus.booking.tooFar", HORIZON_YEARS);
        }
        v.throwIfInvalid();
        Campuses.Space s = space.get();
        v.check(s.bookable(), "spaceId", "campus.booking.notBookable");
        v.check(r.attendees() <= s.capacity(), "attendees", "campus.booking.overCapacity", s.capacity());
        Campuses.Campus campus = campuses.campus(s.campusId()).orElseThrow();
        Agreement a = null;
        Booking.BookerKind kind;
        if (r.agreementId() == null) {
            // the employment service's own planning
            v.check(actor.worksForEmploymentService(), "agreementId", "campus.booking.agreementNeeded");
            kind = Booking.BookerKind.PES;
            v.check(s.shared() || campuses.manages(actor, s.campusId()), "spaceId", "campus.booking.dedicated");
        } else {
            a = campuses.agreement(r.agreementId()).orElse(null);
            boolean mayUse = a != null && (actor.organisationId() != null && actor.organisationId().equals(a.holderOrg())
                    || campuses.manages(actor, a.campusId()));
            v.check(mayUse, "agreementId", "validation.choice");
            if (mayUse) {
                v.check(a.campusId().equals(s.campusId()), "agreementId", "campus.booking.otherCampus");
                v.check(a.validOn(r.onDate()), "agreementId", "campus.booking.agreementNotValid");
                v.check(s.shared() || s.dedicatedTo().equals(a.holderOrg()), "spaceId", "campus.booking.dedicated");
            }
            kind = a != null && a.model() == Agreement.Model.USE && (a.holderOrg() == null
                    || !a.holderOrg().equals(actor.organisationId()) && !actor.worksForEmploymentService()) ? Booking.BookerKind.EXTERNAL
                    : Booking.BookerKind.PARTNER;
            if (a != null && a.model() == Agreement.Model.USE && a.userType() == 1) {
                kind = Booking.BookerKind.EXTERNAL;
            }
        }
        v.throwIfInvalid();
        Money price;
        String tariff;
        LocalDate d = r.onDate();
        if (a == null) {
            price = Money.ZERO;
            tariff = "PES";
        } else {
            switch (a.model()) {
                case USE -> {
                    BigDecimal rate = a.userType() == 3 ? a.dayRate() : policies.dayRate(s.kind(), a.userType(), d);
                    BigDecimal share = policies.dayPartShare(d);
                    price = Tariffs.useFee(rate, r.part(), share);
                    tariff = "USE-" + a.userType() + " " + s.kind() + " " + rate.toPlainString() + " x "
                            + Tariffs.dayFraction(r.part(), share).stripTrailingZeros().toPlainString();
                }
                case PARTNERSHIP -> {
                    if (!s.shared()) {
                        price = Money.ZERO;
                        tariff = "PARTNERSHIP-DEDICATED";
                    } else {
                        int units = r.part() == DayPart.DAY ? 2 : 1;
                        int workingDays = Tariffs.workingDays(YearMonth.from(d));
                        price = Tariffs.sharedUse(s.areaM2(), policies.sharedM2(d), a.sharedKey(), units, workingDays);
                        tariff = "PARTNERSHIP-SHARED " + s.areaM2().stripTrailingZeros().toPlainString() + "m2 x "
                                + policies.sharedM2(d).toPlainString() + " x " + a.sharedKey().stripTrailingZeros().toPlainString() + " x "
                                + units + "/" + (2 * workingDays);
                    }
                }
                default -> {
                    price = Money.ZERO;
                    tariff = "LEASE";
                }
            }
        }
        Booking.Status status = a != null && a.bookingsNeedApproval() && !campuses.manages(actor, s.campusId())
                ? Booking.Status.REQUESTED : Booking.Status.CONFIRMED;
        return new Quote(s, campus, a, kind, price, tariff, status);
    }

    // ---- booking ----

    /**
     * Books one slot: checked and priced, then inserted; the database refuses an overlap. Idempotent on the key: a retry
     * gets the same booking, a reused key with another request a conflict.
     */
    @Transactional
    public Booking book(BookingRequest r, CurrentUser actor) {
        Quote q = quote(r, actor);
        UUID id = idempotency.once("campus-booking", actor.username(), r.idempotencyKey(),
                List.of(r.spaceId(), r.onDate(), r.part(), String.valueOf(r.agreementId()), r.purpose().trim(), r.attendees()),
                () -> {
                    UUID b = insert(q, r.onDate(), r.part(), r.purpose().trim(), r.attendees(), null, actor);
                    if (b == null) {
                        throw new SlotTaken(alternatives(q.space(), r.onDate(), r.part(), r.attendees()));
                    }
                    return b;
                });
        return find(id).orElseThrow();
    }

    /** The insert that cannot collide: null when the slot is taken (the constraint refused it, nothing changed). */
    private UUID insert(Quote q, LocalDate on, DayPart part, String purpose, int attendees, UUID series, CurrentUser actor) {
        UUID id = UUID.randomUUID();
        List<UUID> out = jdbc.sql("""
                insert into cp_booking (id, space_id, on_date, day_part, during, booker_kind, agreement_id, organisation_id, booked_by,
                  purpose, attendees, status, series_id, price, tariff, created_at, decided_by)
                values (?,?,?,?, tsrange(?, ?, '[)'),?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict do nothing returning id""")
                .params(id, q.space().id(), on, part.name(), Timestamp.valueOf(part.startOn(on)), Timestamp.valueOf(part.endOn(on)),
                        q.kind().name(), q.agreement() == null ? null : q.agreement().id(),
                        q.agreement() == null ? actor.organisationId() : q.agreement().holderOrg(), actor.username(), purpose, attendees,
                        q.status().name(), series, q.price().amount(), q.tariff(), OffsetDateTime.now(clock),
                        q.status() == Booking.Status.CONFIRMED ? actor.username() : null)
                .query(UUID.class).list();
        return out.isEmpty() ? null : out.get(0);
    }

    /**
     * A weekly series: every {@code weekday} from {@code from} to {@code until}. Taken dates are reported; with
     * {@code skipConflicts} the series is booked without them (they are kept as skipped and can be re-added), without it
     * nothing is booked and the caller asks the booker first.
     */
    @Transactional
    public SeriesResult bookSeries(SeriesRequest r, boolean skipConflicts, String idempotencyKey, CurrentUser actor) {
        Validator v = new Validator();
        v.check(r.weekday() != null, "weekday", "validation.choice");
        v.check(r.from() != null, "from", "validation.date");
        v.check(r.until() != null, "until", "validation.date");
        v.throwIfInvalid();
        v.check(!r.until().isBefore(r.from()), "until", "campus.agreement.endBeforeStart");
        v.throwIfInvalid();
        List<LocalDate> dates = weeklyDates(r.from(), r.until(), r.weekday(), MAX_SERIES_DATES + 1);
        v.check(!dates.isEmpty(), "until", "campus.series.noDates");
        v.check(dates.size() <= MAX_SERIES_DATES, "until", "campus.series.tooMany", MAX_SERIES_DATES);
        v.throwIfInvalid();
        // every date is checked and priced as a single booking would be (the agreement must cover it, and so on)
        List<Quote> quotes = new ArrayList<>();
        for (LocalDate d : dates) {
            try {
                quotes.add(quote(new BookingRequest(r.spaceId(), d, r.part(), r.agreementId(), r.purpose(), r.attendees(), null), actor));
            } catch (InvalidInputException e) {
                throw e.problems().get(0).field().equals("onDate") || e.problems().get(0).field().equals("agreementId")
                        ? InvalidInputException.of(e.problems().get(0).field(), "campus.series.dateInvalid", d) : e;
            }
        }
        List<LocalDate> taken = takenDates(r.spaceId(), dates, r.part());
        if (!taken.isEmpty() && !skipConflicts) {
            return new SeriesResult(null, List.of(), taken, false);
        }
        // a retry (a double click on "book") gets the series of the first click
        UUID series = idempotency.once("campus-series", actor.username(), idempotencyKey,
                List.of(r.spaceId(), r.weekday(), r.part(), r.from(), r.until(), String.valueOf(r.agreementId()), r.purpose().trim()),
                () -> createSeries(r, dates, quotes, actor));
        List<LocalDate> booked = jdbc.sql("select on_date from cp_booking where series_id = ? and status <> 'CANCELLED' order by on_date")
                .param(series).query(LocalDate.class).list();
        List<LocalDate> conflicts = jdbc.sql("select on_date from cp_series_skip where series_id = ? and reason = 'CONFLICT' order by on_date")
                .param(series).query(LocalDate.class).list();
        return new SeriesResult(series, booked, conflicts, true);
    }

    private UUID createSeries(SeriesRequest r, List<LocalDate> dates, List<Quote> quotes, CurrentUser actor) {
        UUID series = UUID.randomUUID();
        jdbc.sql("""
                insert into cp_series (id, space_id, weekday, day_part, from_date, until_date, agreement_id, booker_kind, booked_by, purpose,
                  created_at) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(series, r.spaceId(), r.weekday().getValue(), r.part().name(), r.from(), r.until(), r.agreementId(),
                        quotes.get(0).kind().name(), actor.username(), r.purpose().trim(), OffsetDateTime.now(clock))
                .update();
        for (int i = 0; i < dates.size(); i++) {
            UUID b = insert(quotes.get(i), dates.get(i), r.part(), r.purpose().trim(), r.attendees(), series, actor);
            if (b == null) {
                jdbc.sql("insert into cp_series_skip (series_id, on_date, reason) values (?,?,'CONFLICT')").params(series, dates.get(i)).update();
            }
        }
        return series;
    }

    /** The dates of a weekly series: every {@code weekday} from {@code from} to {@code until}, both included (at most {@code limit}). */
    static List<LocalDate> weeklyDates(LocalDate from, LocalDate until, DayOfWeek weekday, int limit) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(weekday)); !d.isAfter(until) && dates.size() < limit; d = d.plusWeeks(1)) {
            dates.add(d);
        }
        return dates;
    }

    /** Re-adds a skipped date of a series (when it has become free). */
    @Transactional
    public Booking readd(UUID seriesId, LocalDate on, CurrentUser actor) {
        Object[] s = jdbc.sql("select space_id, day_part, agreement_id, purpose, booked_by from cp_series where id = ?").param(seriesId)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getString(5)})
                .optional().orElseThrow(() -> new NotFoundException("series"));
        if (!s[4].equals(actor.username()) && !campuses.space((UUID) s[0]).map(sp -> campuses.manages(actor, sp.campusId())).orElse(false)) {
            throw new NotFoundException("series");
        }
        int skipped = jdbc.sql("delete from cp_series_skip where series_id = ? and on_date = ?").params(seriesId, on).update();
        ConflictException.unlessChanged(skipped, "onDate", "campus.series.notSkipped");
        DayPart part = DayPart.valueOf((String) s[1]);
        Quote q = quote(new BookingRequest((UUID) s[0], on, part, (UUID) s[2], (String) s[3], 1, null), actor);
        UUID b = insert(q, on, part, (String) s[3], 1, seriesId, actor);
        if (b == null) {
            throw new SlotTaken(alternatives(q.space(), on, part, 1));
        }
        return find(b).orElseThrow();
    }

    public List<LocalDate> skipped(UUID seriesId) {
        return jdbc.sql("select on_date from cp_series_skip where series_id = ? order by on_date").param(seriesId).query(LocalDate.class).list();
    }

    private List<LocalDate> takenDates(UUID space, List<LocalDate> dates, DayPart part) {
        List<LocalDate> taken = new ArrayList<>();
        for (LocalDate d : dates) {
            if (overlapping(space, d, part)) {
                taken.add(d);
            }
        }
        return taken;
    }

    /** Whether the slot is free now (a read; the booking itself is what the database guards). */
    public boolean free(UUID space, LocalDate d, DayPart part) {
        return !overlapping(space, d, part);
    }

    private boolean overlapping(UUID space, LocalDate d, DayPart part) {
        return jdbc.sql("""
                select exists (select 1 from cp_booking where space_id = ? and status <> 'CANCELLED' and during && tsrange(?, ?, '[)'))""")
                .params(space, Timestamp.valueOf(part.startOn(d)), Timestamp.valueOf(part.endOn(d))).query(Boolean.class).single();
    }

    /** Other free slots: other parts of the same day in the same space, the same slot in comparable rooms, the next free days. */
    List<Alternative> alternatives(Campuses.Space space, LocalDate d, DayPart part, int attendees) {
        List<Alternative> out = new ArrayList<>();
        for (DayPart p : List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING)) {
            if (p != part && !overlapping(space.id(), d, p)) {
                out.add(new Alternative(space.id(), space.name(), d, p));
            }
        }
        for (Campuses.Space other : campuses.spaces(space.campusId())) {
            if (out.size() >= 6) {
                break;
            }
            if (!other.id().equals(space.id()) && other.bookable() && other.shared() && other.kind() == space.kind()
                    && other.capacity() >= attendees && !overlapping(other.id(), d, part)) {
                out.add(new Alternative(other.id(), other.name(), d, part));
            }
        }
        LocalDate next = d.plusDays(1);
        for (int i = 0; i < 21 && out.size() < 8; i++, next = next.plusDays(1)) {
            if (next.getDayOfWeek().getValue() <= 5 && !overlapping(space.id(), next, part)) {
                out.add(new Alternative(space.id(), space.name(), next, part));
                break;
            }
        }
        return out;
    }

    // ---- life cycle ----

    /** Approves a requested booking (the campus manager, for a use agreement). */
    @Transactional
    public Booking approve(UUID id, CurrentUser actor) {
        Booking b = managed(id, actor);
        var t = b.approve();
        ConflictException.unlessChanged(jdbc.sql("update cp_booking set status = ?, decided_by = ? where id = ? and status = ?")
                .params(t.toName(), actor.username(), id, t.fromName()).update(), "booking", "campus.booking.notRequested");
        return find(id).orElseThrow();
    }

    /** Cancelled by its booker (or the campus manager) until it is invoiced, with a reason. */
    @Transactional
    public Booking cancel(UUID id, String reason, CurrentUser actor) {
        Booking b = find(id).orElseThrow(() -> new NotFoundException("booking"));
        boolean manager = campuses.manages(actor, b.campusId());
        if (!b.bookedBy().equals(actor.username()) && !manager) {
            throw new NotFoundException("booking");
        }
        new Validator().required("reason", reason, 500).throwIfInvalid();
        var t = b.cancel();
        ConflictException.unlessChanged(jdbc.sql("""
                update cp_booking set status = ?, cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                where id = ? and status = ? and invoice_run_id is null""")
                .params(t.toName(), OffsetDateTime.now(clock), actor.username(), reason.trim(), id, t.fromName()).update(),
                "booking", "campus.booking.cancelled");
        if (!b.bookedBy().equals(actor.username())) {
            events.publishEvent(new CampusBookingCancelled(id, organisationOf(id), b.bookedBy(), b.campusName(), b.spaceName(), b.onDate(),
                    b.dayPart().name(), reason.trim(), false));
        }
        return find(id).orElseThrow();
    }

    /**
     * The employment service's own planning needs the slot: a lower-priority booking (under a use agreement) is cancelled
     * with the notice the policy requires, and its booker is told why. PES and partner bookings never give way.
     */
    @Transactional
    public Booking giveWay(UUID id, String reason, CurrentUser actor) {
        Booking b = managed(id, actor);
        Agreement a = b.agreementId() == null ? null : campuses.agreement(b.agreementId()).orElse(null);
        if (a == null || a.model() != Agreement.Model.USE) {
            throw new ConflictException("booking", "campus.booking.notLowerPriority");
        }
        int notice = policies.noticeDays(today());
        if (b.onDate().isBefore(today().plusDays(notice))) {
            throw new ConflictException("booking", "campus.booking.tooLateToMove", notice);
        }
        new Validator().required("reason", reason, 500).throwIfInvalid();
        var t = b.cancel();
        ConflictException.unlessChanged(jdbc.sql("""
                update cp_booking set status = ?, cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                where id = ? and status = ? and invoice_run_id is null""")
                .params(t.toName(), OffsetDateTime.now(clock), actor.username(), reason.trim(), id, t.fromName()).update(),
                "booking", "campus.booking.cancelled");
        events.publishEvent(new CampusBookingCancelled(id, organisationOf(id), b.bookedBy(), b.campusName(), b.spaceName(), b.onDate(),
                b.dayPart().name(), reason.trim(), true));
        return find(id).orElseThrow();
    }

    /** Moves one booking (of a series or not) to another day or part of the same space; the series is left as it is. */
    @Transactional
    public Booking move(UUID id, LocalDate to, DayPart part, CurrentUser actor) {
        Booking b = find(id).orElseThrow(() -> new NotFoundException("booking"));
        if (!b.bookedBy().equals(actor.username()) && !campuses.manages(actor, b.campusId())) {
            throw new NotFoundException("booking");
        }
        if (!b.active() || b.invoiceId() != null) {
            throw new ConflictException("booking", b.invoiceId() != null ? "campus.booking.invoiced" : "campus.booking.cancelled");
        }
        Quote q = quote(new BookingRequest(b.spaceId(), to, part, b.agreementId(), b.purpose(), b.attendees(), null), actor);
        // the move is a guarded update; the constraint still refuses it if the new slot was taken a moment ago
        if (overlappingOther(b.spaceId(), to, part, id)) {
            throw new SlotTaken(alternatives(q.space(), to, part, b.attendees()));
        }
        ConflictException.unlessChanged(jdbc.sql("""
                update cp_booking set on_date = ?, day_part = ?, during = tsrange(?, ?, '[)'), price = ?, tariff = ?
                where id = ? and status = ? and invoice_run_id is null""")
                .params(to, part.name(), Timestamp.valueOf(part.startOn(to)), Timestamp.valueOf(part.endOn(to)), q.price().amount(), q.tariff(),
                        id, b.status().name()).update(), "booking", "campus.booking.cancelled");
        return find(id).orElseThrow();
    }

    private boolean overlappingOther(UUID space, LocalDate d, DayPart part, UUID except) {
        return jdbc.sql("""
                select exists (select 1 from cp_booking where space_id = ? and id <> ? and status <> 'CANCELLED' and during && tsrange(?, ?, '[)'))""")
                .params(space, except, Timestamp.valueOf(part.startOn(d)), Timestamp.valueOf(part.endOn(d))).query(Boolean.class).single();
    }

    private Booking managed(UUID id, CurrentUser actor) {
        Booking b = find(id).orElseThrow(() -> new NotFoundException("booking"));
        if (!campuses.manages(actor, b.campusId())) {
            throw new NotFoundException("booking");
        }
        return b;
    }

    private UUID organisationOf(UUID booking) {
        return jdbc.sql("select organisation_id from cp_booking where id = ?").param(booking).query(UUID.class).optional().orElse(null);
    }

    // ---- reading ----

    private static final String SELECT = """
            select b.id, b.space_id, s.name, s.campus_id, c.name, b.on_date, b.day_part, b.booker_kind, b.agreement_id, a.number, b.booked_by,
              b.purpose, b.attendees, b.status, b.series_id, b.price, b.tariff, b.cancel_reason, b.invoice_id
            from cp_booking b join cp_space s on s.id = b.space_id join cp_campus c on c.id = s.campus_id
            left join cp_agreement a on a.id = b.agreement_id""";

    static Booking map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Booking(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getObject(6, LocalDate.class), DayPart.valueOf(rs.getString(7)), Booking.BookerKind.valueOf(rs.getString(8)),
                rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13),
                Booking.Status.valueOf(rs.getString(14)), rs.getObject(15, UUID.class), rs.getBigDecimal(16), rs.getString(17),
                rs.getString(18), rs.getObject(19, UUID.class));
    }

    public Optional<Booking> find(UUID id) {
        return id == null ? Optional.empty() : jdbc.sql(SELECT + " where b.id = ?").param(id).query(Bookings::map).optional();
    }

    /** A booking as its booker or the campus manager sees it; anyone else gets "not found". */
    public Booking visible(UUID id, CurrentUser actor) {
        Booking b = find(id).orElseThrow(() -> new NotFoundException("booking"));
        if (!b.bookedBy().equals(actor.username()) && !campuses.manages(actor, b.campusId())) {
            throw new NotFoundException("booking");
        }
        return b;
    }

    /** The user's bookings from a date on (their own planning). */
    public List<Booking> mine(CurrentUser actor, LocalDate from) {
        return jdbc.sql(SELECT + " where b.booked_by = ? and b.on_date >= ? order by b.on_date, b.during").params(actor.username(), from)
                .query(Bookings::map).list();
    }

    /** The requests waiting for the campus manager. */
    public List<Booking> requests(UUID campusId) {
        return jdbc.sql(SELECT + " where s.campus_id = ? and b.status = 'REQUESTED' order by b.on_date, b.during").param(campusId)
                .query(Bookings::map).list();
    }

    /** The bookings of a campus on a range of days (the manager's planning, the occupancy). */
    public List<Booking> ofCampus(UUID campusId, LocalDate from, LocalDate until) {
        return jdbc.sql(SELECT + " where s.campus_id = ? and b.on_date between ? and ? and b.status <> 'CANCELLED' order by b.on_date, s.name")
                .params(campusId, from, until).query(Bookings::map).list();
    }

    public List<Booking> ofSpace(UUID spaceId, LocalDate from, LocalDate until) {
        return jdbc.sql(SELECT + " where b.space_id = ? and b.on_date between ? and ? and b.status <> 'CANCELLED' order by b.on_date, b.during")
                .params(spaceId, from, until).query(Bookings::map).list();
    }

    /**
     * The availability of a campus for a week (Monday to Friday; morning, afternoon, evening): one query for all its
     * spaces. Others' bookings show as "taken" without who or why; the campus manager sees the purpose.
     */
    public Week week(UUID campusId, LocalDate anyDay, CurrentUser actor) {
        Campuses.Campus campus = campuses.campus(campusId).orElseThrow(() -> new NotFoundException("campus"));
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            days.add(monday.plusDays(i));
        }
        List<DayPart> parts = List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING);
        boolean manager = campuses.manages(actor, campusId);
        record Taken(UUID id, DayPart part, String status, String by, String purpose) {}
        Map<UUID, Map<LocalDate, List<Taken>>> taken = new HashMap<>();
        jdbc.sql("""
                select b.space_id, b.on_date, b.id, b.day_part, b.status, b.booked_by, b.purpose from cp_booking b join cp_space s on s.id = b.space_id
                where s.campus_id = ? and b.on_date between ? and ? and b.status <> 'CANCELLED'""")
                .params(campusId, monday, monday.plusDays(4))
                .query(rs -> {
                    taken.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new ArrayList<>())
                            .add(new Taken(rs.getObject(3, UUID.class), DayPart.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                                    rs.getString(7)));
                });
        List<Row> rows = new ArrayList<>();
        LocalDate today = today();
        for (Campuses.Space s : campuses.spaces(campusId)) {
            if (!s.bookable()) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (LocalDate d : days) {
                List<Taken> t = taken.getOrDefault(s.id(), Map.of()).getOrDefault(d, List.of());
                for (DayPart p : parts) {
                    Taken hit = t.stream().filter(x -> x.part().overlaps(p)).findFirst().orElse(null);
                    String state;
                    String label = null;
                    if (hit == null) {
                        state = d.isBefore(today) ? "PAST" : !s.shared() ? "DEDICATED" : "FREE";
                    } else if (hit.by().equals(actor.username())) {
                        state = "YOURS";
                        label = hit.purpose();
                    } else {
                        state = hit.status().equals("REQUESTED") ? "REQUESTED" : "TAKEN";
                        label = manager ? hit.purpose() : null;
                    }
                    cells.add(new Cell(d, p, state, label, hit != null && (manager || "YOURS".equals(state)) ? hit.id() : null));
                }
            }
            rows.add(new Row(s, cells));
        }
        return new Week(campus, monday, days, parts, rows);
    }

    /** The states of a week's cells counted (for the page's summary). */
    static Map<String, Integer> summary(Week w) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Row r : w.rows()) {
            for (Cell c : r.cells()) {
                out.merge(c.state(), 1, Integer::sum);
            }
        }
        return out;
    }
}
