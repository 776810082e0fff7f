package be.werkregie.campus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.shared.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Career campuses end to end on PostgreSQL: bookings the database keeps from colliding (also 50 at once), prices under
 * each agreement, series with skipped dates, approval and priority, bad input, occupancy, invoices numbered without gaps
 * with credit notes and Peppol-valid UBL, PDF/UA, calendar feeds and the access rules.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CampusIntegrationTest {

    @Autowired Clock clock;
    @Autowired Campuses campuses;
    @Autowired Bookings bookings;
    @Autowired Occupancy occupancy;
    @Autowired CampusInvoices invoices;
    @Autowired CampusInvoiceFiles files;
    @Autowired CampusFeeds feeds;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ToolLoans loans;
    @Autowired CampusJobs jobs;

    CurrentUser u(String name) {
        return users.find(name).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A weekday {@code weeks} weeks ahead, past the demo's planning. */
    LocalDate ahead(int weeks, DayOfWeek day) {
        return today().plusWeeks(weeks).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
    }

    UUID space(String campus, String code) {
        return jdbc.sql("select s.id from cp_space s join cp_campus c on c.id = s.campus_id where c.code = ? and s.code = ?").params(campus, code)
                .query(UUID.class).single();
    }

    UUID gent() {
        return campuses.byCode("gent").orElseThrow().id();
    }

    Agreement agreement(String holder) {
        return campuses.agreements(gent()).stream().filter(a -> a.holderName().startsWith(holder) && a.status() == Agreement.Status.ACTIVE)
                .findFirst().orElseThrow();
    }

    long bookingCount() {
        return jdbc.sql("select count(*) from cp_booking").query(Long.class).single();
    }

    static String key(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
        }
        throw new AssertionError("expected a refusal");
    }

    Bookings.BookingRequest pes(UUID space, LocalDate d, DayPart p) {
        return new Bookings.BookingRequest(space, d, p, null, "Workshop solliciteren", 4, "k-" + UUID.randomUUID());
    }

    @Test
    void bookingsCannotCollideAndTheSecondGetsAlternatives() {
        CurrentUser mediator = u("mediator");
        UUID room = space("gent", "1.01");
        LocalDate d = ahead(20, DayOfWeek.MONDAY);
        Bookings.BookingRequest first = pes(room, d, DayPart.MORNING);
        Booking b = bookings.book(first, mediator);
        assertThat(b.status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(b.price()).isEqualByComparingTo("0");
        // a retry with the same key is the same booking; the same slot again is refused with what is free instead
        assertThat(bookings.book(first, mediator).id()).isEqualTo(b.id());
        long before = bookingCount();
        Bookings.SlotTaken taken = null;
        try {
            bookings.book(pes(room, d, DayPart.MORNING), u("campus"));
        } catch (Bookings.SlotTaken e) {
            taken = e;
        }
        assertThat(taken).isNotNull();
        assertThat(taken.alternatives()).anySatisfy(a -> {
            assertThat(a.spaceId()).isEqualTo(room);
            assertThat(a.part()).isEqualTo(DayPart.AFTERNOON);
        });
        assertThat(taken.alternatives()).anySatisfy(a -> {
            assertThat(a.spaceId()).isNotEqualTo(room);
            assertThat(a.part()).isEqualTo(DayPart.MORNING);
        });
        // the whole day overlaps the morning; the evening does not
        assertThat(key(() -> bookings.book(pes(room, d, DayPart.DAY), mediator))).isEqualTo("part:campus.booking.taken");
        assertThat(bookingCount()).isEqualTo(before);
        assertThat(bookings.book(pes(room, d, DayPart.EVENING), mediator).status()).isEqualTo(Booking.Status.CONFIRMED);
        // the database itself refuses an overlap written past the application
        assertThatThrownBy(() -> jdbc.sql("""
                insert into cp_booking (id, space_id, on_date, day_part, during, booker_kind, booked_by, purpose, status, tariff, created_at)
                values (?, ?, ?, 'DAY', tsrange(?::timestamp, ?::timestamp, '[)'), 'PES', 'x', 'x', 'CONFIRMED', 'PES', now())""")
                .params(UUID.randomUUID(), room, d, d.atTime(9, 0).toString(), d.atTime(10, 0).toString()).update())
                .hasMessageContaining("cp_booking_no_overlap");
        // cancelled, the slot is free again
        bookings.cancel(b.id(), "Workshop verplaatst", mediator);
        assertThat(bookings.book(pes(room, d, DayPart.MORNING), u("campus")).status()).isEqualTo(Booking.Status.CONFIRMED);
    }

    @Test
    void fiftyPeopleBookingTheSameSlotAtOnceExactlyOneGetsIt() throws Exception {
        CurrentUser mediator = u("mediator");
        UUID room = space("gent", "1.02");
        LocalDate d = ahead(21, DayOfWeek.TUESDAY);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<String> c = () -> {
                go.await();
                try {
                    return "ok:" + bookings.book(pes(room, d, DayPart.AFTERNOON), mediator).id();
                } catch (InvalidInputException e) {
                    return e.problems().get(0).messageKey();
                }
            };
            out.add(pool.submit(c));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : out) {
            results.add(f.get()); // an unexpected exception (a would-be 500) fails here
        }
        pool.shutdown();
        assertThat(results.stream().filter(r -> r.startsWith("ok:")).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> r.equals("campus.booking.taken")).count()).isEqualTo(49);
        assertThat(jdbc.sql("select count(*) from cp_booking where space_id = ? and on_date = ? and status <> 'CANCELLED'").params(room, d)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void eachBookingIsPricedUnderItsAgreementAndTheTariffInForce() {
        CurrentUser manager = u("campus");
        LocalDate d = ahead(22, DayOfWeek.WEDNESDAY);
        UUID meeting = space("gent", "2.01");
        // use agreement type 1 (market rate of a meeting room, 250.00 a day): a morning is half
        Booking market = bookings.book(new Bookings.BookingRequest(meeting, d, DayPart.MORNING, agreement("Opleidingsbureau").id(), "Training", 6,
                "price-1"), manager);
        assertThat(market.price()).isEqualByComparingTo("125.00");
        assertThat(market.bookerKind()).isEqualTo(Booking.BookerKind.EXTERNAL);
        // the whole day is the day rate
        assertThat(bookings.book(new Bookings.BookingRequest(meeting, d.plusDays(1), DayPart.DAY, agreement("Opleidingsbureau").id(), "Teamdag", 6,
                "price-2"), manager).price()).isEqualByComparingTo("250.00");
        // type 2: the cost-covering rate (130.00); type 3: the rate of the cooperation agreement (120.00)
        assertThat(bookings.book(new Bookings.BookingRequest(meeting, d, DayPart.AFTERNOON, agreement("Agentschap").id(), "Infosessie", 6,
                "price-3"), manager).price()).isEqualByComparingTo("65.00");
        assertThat(bookings.book(new Bookings.BookingRequest(meeting, d, DayPart.EVENING, agreement("Taalbrug").id(), "Taaltafel", 6,
                "price-4"), manager).price()).isEqualByComparingTo("60.00");
        // a partnership's shared use: 60 m² × 14.50 × 20 % × 1 part / (2 × working days of the month)
        CurrentUser partner = u("partner");
        Agreement partnership = campuses.agreementsOf(partner.organisationId()).stream().filter(a -> a.model() == Agreement.Model.PARTNERSHIP)
                .findFirst().orElseThrow();
        Booking shared = bookings.book(new Bookings.BookingRequest(space("gent", "1.04"), d, DayPart.MORNING, partnership.id(), "Groepssessie", 12,
                "price-5"), partner);
        BigDecimal expected = new BigDecimal("60").multiply(new BigDecimal("14.50")).multiply(new BigDecimal("0.20"))
                .divide(BigDecimal.valueOf(2L * Tariffs.workingDays(YearMonth.from(d))), 2, java.math.RoundingMode.HALF_UP);
        assertThat(shared.price()).isEqualByComparingTo(expected);
        assertThat(shared.status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(shared.bookerKind()).isEqualTo(Booking.BookerKind.PARTNER);
        // a partner's own office is the partner's: the employment service does not book it
        assertThat(key(() -> bookings.book(pes(space("gent", "2.10"), d, DayPart.MORNING), u("mediator")))).isEqualTo("spaceId:campus.booking.dedicated");
    }

    @Test
    void useAgreementBookingsWaitForApprovalAndGiveWayToTheOwnPlanningWithNotice() {
        CurrentUser manager = u("campus");
        CurrentUser partner = u("partner");
        // a use agreement of the partner's own organisation: its bookings wait for the manager
        Agreement use = campuses.approve(campuses.request(new Campuses.AgreementInput(gent(), Agreement.Model.USE, partner.organisationId(),
                "Trajectum", "facturatie@trajectum.example", null, 2, today(), today().plusMonths(10), null, null, true, null, null, null, List.of(),
                null), manager).id(), null, manager);
        LocalDate d = ahead(23, DayOfWeek.THURSDAY);
        Booking requested = bookings.book(new Bookings.BookingRequest(space("gent", "2.02"), d, DayPart.AFTERNOON, use.id(), "Jobclub", 8, "use-1"),
                partner);
        assertThat(requested.status()).isEqualTo(Booking.Status.REQUESTED);
        assertThat(bookings.requests(gent())).extracting(Booking::id).contains(requested.id());
        // the request holds its slot already
        assertThat(key(() -> bookings.book(pes(space("gent", "2.02"), d, DayPart.AFTERNOON), u("mediator")))).isEqualTo("part:campus.booking.taken");
        assertThat(bookings.approve(requested.id(), manager).status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(key(() -> bookings.approve(requested.id(), manager))).isEqualTo("booking:campus.booking.notRequested");
        // the partner cannot approve
        assertThatThrownBy(() -> bookings.approve(requested.id(), partner)).isInstanceOf(be.werkregie.shared.NotFoundException.class);
        // the own planning needs the room: the manager frees it with a reason, at least 14 days ahead
        assertThat(key(() -> bookings.giveWay(requested.id(), " ", manager))).isEqualTo("reason:validation.required");
        Booking gone = bookings.giveWay(requested.id(), "Jobbeurs van de VDAB", manager);
        assertThat(gone.status()).isEqualTo(Booking.Status.CANCELLED);
        assertThat(gone.cancelReason()).isEqualTo("Jobbeurs van de VDAB");
        Booking soon = bookings.book(new Bookings.BookingRequest(space("gent", "2.02"), today().plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)),
                DayPart.EVENING, use.id(), "Jobclub", 8, "use-2"), partner);
        assertThat(key(() -> bookings.giveWay(soon.id(), "Te laat", manager))).isEqualTo("booking:campus.booking.tooLateToMove");
        // the employment service's and the partnership's own bookings never give way
        Booking own = bookings.book(pes(space("gent", "2.02"), d.plusWeeks(1), DayPart.MORNING), u("mediator"));
        assertThat(key(() -> bookings.giveWay(own.id(), "x", manager))).isEqualTo("booking:campus.booking.notLowerPriority");
    }

    @Test
    void aSeriesSkipsTakenDatesReAddsThemAndMovesOneDateAlone() {
        CurrentUser partner = u("partner");
        Agreement partnership = campuses.agreementsOf(partner.organisationId()).stream().filter(a -> a.model() == Agreement.Model.PARTNERSHIP)
                .findFirst().orElseThrow();
        UUID room = space("gent", "1.02");
        LocalDate first = ahead(26, DayOfWeek.TUESDAY);
        Booking blocker = bookings.book(pes(room, first.plusWeeks(2), DayPart.MORNING), u("mediator"));
        Bookings.SeriesRequest r = new Bookings.SeriesRequest(room, DayOfWeek.TUESDAY, DayPart.MORNING, first, first.plusWeeks(5), partnership.id(),
                "Groepstraject", 10);
        long before = bookingCount();
        Bookings.SeriesResult asked = bookings.bookSeries(r, false, "series-1", partner);
        assertThat(asked.created()).isFalse();
        assertThat(asked.conflicts()).containsExactly(first.plusWeeks(2));
        assertThat(bookingCount()).as("nothing booked before the booker agrees").isEqualTo(before);
        Bookings.SeriesResult s = bookings.bookSeries(r, true, "series-1", partner);
        assertThat(s.booked()).hasSize(5).doesNotContain(first.plusWeeks(2));
        assertThat(s.conflicts()).containsExactly(first.plusWeeks(2));
        // a double click is the same series
        assertThat(bookings.bookSeries(r, true, "series-1", partner).seriesId()).isEqualTo(s.seriesId());
        assertThat(bookingCount()).isEqualTo(before + 5);
        // the date frees up and is added again
        assertThat(key(() -> bookings.readd(s.seriesId(), first.plusWeeks(2), partner))).isEqualTo("part:campus.booking.taken");
        bookings.cancel(blocker.id(), "Niet meer nodig", u("mediator"));
        Booking readded = bookings.readd(s.seriesId(), first.plusWeeks(2), partner);
        assertThat(readded.seriesId()).isEqualTo(s.seriesId());
        assertThat(bookings.skipped(s.seriesId())).isEmpty();
        // one date moves to the Wednesday; the others stay
        Booking one = bookings.mine(partner, first).stream().filter(b -> s.seriesId().equals(b.seriesId()) && b.onDate().equals(first.plusWeeks(1)))
                .findFirst().orElseThrow();
        Booking moved = bookings.move(one.id(), first.plusWeeks(1).plusDays(1), DayPart.AFTERNOON, partner);
        assertThat(moved.onDate()).isEqualTo(first.plusWeeks(1).plusDays(1));
        assertThat(moved.dayPart()).isEqualTo(DayPart.AFTERNOON);
        assertThat(jdbc.sql("select count(*) from cp_booking where series_id = ? and day_part = 'MORNING' and status = 'CONFIRMED'").param(s.seriesId())
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        CurrentUser manager = u("campus");
        CurrentUser mediator = u("mediator");
        long bookingsBefore = bookingCount();
        long agreementsBefore = jdbc.sql("select count(*) from cp_agreement").query(Long.class).single();
        UUID room = space("gent", "2.01");
        assertThat(key(() -> bookings.book(pes(room, today().minusDays(1), DayPart.MORNING), mediator))).isEqualTo("onDate:campus.booking.past");
        assertThat(key(() -> bookings.book(new Bookings.BookingRequest(room, ahead(30, DayOfWeek.MONDAY), DayPart.MORNING, null, "Groot", 9, null),
                mediator))).isEqualTo("attendees:campus.booking.overCapacity");
        assertThat(key(() -> bookings.book(pes(UUID.randomUUID(), ahead(30, DayOfWeek.MONDAY), DayPart.MORNING), mediator)))
                .isEqualTo("spaceId:campus.booking.unknownSpace");
        assertThat(key(() -> bookings.book(new Bookings.BookingRequest(room, ahead(30, DayOfWeek.MONDAY), DayPart.MORNING, null, " ", 2, null),
                mediator))).isEqualTo("purpose:validation.required");
        // a partner cannot book as the employment service
        assertThat(key(() -> bookings.book(pes(room, ahead(30, DayOfWeek.MONDAY), DayPart.MORNING), u("partner"))))
                .isEqualTo("agreementId:campus.booking.agreementNeeded");
        // the childcare is not booked as a room
        assertThat(key(() -> bookings.book(pes(space("gent", "0.03"), ahead(30, DayOfWeek.MONDAY), DayPart.MORNING), mediator)))
                .isEqualTo("spaceId:campus.booking.notBookable");
        // agreements: a use agreement longer than a year, a lease of a year, an end before the start, a partner area over 15 %
        assertThat(key(() -> campuses.request(new Campuses.AgreementInput(gent(), Agreement.Model.USE, null, "Vzw X", null, null, 1, today(),
                today().plusYears(1), null, null, true, null, null, null, List.of(), null), manager))).isEqualTo("validUntil:campus.agreement.useTooLong");
        assertThat(key(() -> campuses.request(new Campuses.AgreementInput(gent(), Agreement.Model.LEASE, null, "Bv Y", null, null, null, today(),
                today().plusYears(1).minusDays(1), new BigDecimal("900"), new BigDecimal("90"), true, null, null, null, List.of(), null), manager)))
                .isEqualTo("validUntil:campus.agreement.leaseTooShort");
        assertThat(key(() -> campuses.request(new Campuses.AgreementInput(gent(), Agreement.Model.USE, null, "Vzw X", null, null, 1, today(),
                today().minusDays(1), null, null, true, null, null, null, List.of(), null), manager))).isEqualTo("validUntil:campus.agreement.endBeforeStart");
        List<UUID> big = List.of(space("gent", "0.02"), space("gent", "0.01"), space("gent", "A.01"), space("gent", "A.02"));
        assertThat(key(() -> campuses.request(new Campuses.AgreementInput(gent(), Agreement.Model.PARTNERSHIP, u("partner").organisationId(),
                "Trajectum", null, null, null, today(), today().plusYears(20), null, null, true, null, new BigDecimal("0.2"), null, big, null), manager)))
                .isEqualTo("spaces:campus.agreement.areaOverLimit");
        assertThat(key(() -> campuses.request(new Campuses.AgreementInput(gent(), Agreement.Model.USE, null, "Vzw X", null, "BE0123456789", 1,
                today(), today().plusMonths(2), null, null, true, null, null, null, List.of(), null), manager))).isEqualTo("holderVat:campus.agreement.vat");
        assertThat(bookingCount()).isEqualTo(bookingsBefore);
        assertThat(jdbc.sql("select count(*) from cp_agreement").query(Long.class).single()).isEqualTo(agreementsBefore);
    }

    @Test
    void occupancyCountsDayPartsAgainstTheTarget() {
        LocalDate monday = ahead(40, DayOfWeek.MONDAY);
        CurrentUser mediator = u("mediator");
        bookings.book(pes(space("gent", "1.01"), monday, DayPart.MORNING), mediator);
        bookings.book(pes(space("gent", "1.01"), monday, DayPart.AFTERNOON), mediator);
        bookings.book(pes(space("gent", "1.02"), monday.plusDays(1), DayPart.DAY), mediator);
        bookings.book(pes(space("gent", "1.03"), monday.plusDays(2), DayPart.EVENING), mediator);
        Occupancy.Report r = occupancy.report(gent(), monday, monday.plusDays(4));
        int spaces = (int) campuses.spaces(gent()).stream().filter(Campuses.Space::bookable).count();
        assertThat(r.overall().used()).isEqualTo(4);
        assertThat(r.overall().available()).isEqualTo(spaces * 2 * 5);
        assertThat(r.evenings()).isEqualTo(1);
        assertThat(r.heat().get(DayOfWeek.MONDAY).get(DayPart.MORNING)).isEqualTo(new Occupancy.Share(1, spaces));
        assertThat(r.heat().get(DayOfWeek.TUESDAY).get(DayPart.AFTERNOON)).isEqualTo(new Occupancy.Share(1, spaces));
        assertThat(r.targetPercent()).isEqualTo(75);
        assertThat(r.belowTarget()).isTrue();
        assertThat(Occupancy.csv(r)).contains("TOTAL;;;;4;" + (spaces * 10) + ";");
        assertThat(Occupancy.trendSvg(r, "trend")).startsWith("<svg").contains("<title id=\"trend-title\">trend</title>");
    }

    @Test
    void invoicesChargeEverythingOnceNumberedWithoutGapsAndCreditNotesRelease() throws Exception {
        CurrentUser manager = u("campus");
        // a use booking of today (priced), then the month's run
        // a use booking this evening in whichever meeting room or classroom is still free (the demo plans some evenings)
        Booking today = null;
        for (String code : List.of("2.03", "2.02", "2.01", "1.01", "1.02", "1.03", "1.04")) {
            try {
                today = bookings.book(new Bookings.BookingRequest(space("gent", code), today(), DayPart.EVENING, agreement("Opleidingsbureau").id(),
                        "Avondopleiding", 6, "inv-1-" + code), manager);
                break;
            } catch (Bookings.SlotTaken e) {
                // the next room
            }
        }
        assertThat(today).isNotNull();
        final Booking booked = today;
        var run = invoices.run(today(), "campus-test-1", manager);
        assertThat(run.created()).isTrue();
        assertThat(invoices.run(today(), "campus-test-1", manager).created()).as("the same key is the same run").isFalse();
        UUID invoiceId = jdbc.sql("select invoice_id from cp_booking where id = ?").param(booked.id()).query(UUID.class).single();
        assertThat(invoiceId).isNotNull();
        CampusInvoices.Invoice inv = invoices.invoice(invoiceId).orElseThrow();
        List<CampusInvoices.Line> lines = invoices.lines(invoiceId);
        assertThat(lines).anySatisfy(l -> assertThat(l.sourceId()).isEqualTo(booked.id()));
        assertThat(inv.net().amount()).isEqualByComparingTo(lines.stream().map(l -> l.net().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(inv.vat().amount()).isEqualByComparingTo(inv.net().amount().multiply(new BigDecimal("0.21")).setScale(2, java.math.RoundingMode.HALF_UP));
        // the lease's month is on Werkkracht's invoice once
        assertThat(jdbc.sql("select count(*) from cp_invoice_line where source = 'RENT'").query(Integer.class).single()).isEqualTo(1);
        // another run finds nothing left to charge
        long invoicesBefore = jdbc.sql("select count(*) from cp_invoice").query(Long.class).single();
        invoices.run(today(), "campus-test-2", manager);
        assertThat(jdbc.sql("select count(*) from cp_invoice").query(Long.class).single()).isEqualTo(invoicesBefore);
        // numbers per year without gaps
        List<Integer> seqs = jdbc.sql("select seq from cp_invoice where year = ? order by seq").param(today().getYear()).query(Integer.class).list();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1);
        }
        // an issued invoice is never edited: a credit note cancels it and releases the booking for the next run
        assertThat(key(() -> bookings.cancel(booked.id(), "te laat", manager))).isEqualTo("booking:campus.booking.invoiced");
        CampusInvoices.Invoice credit = invoices.creditNote(invoiceId, "Verkeerd tarief", manager);
        assertThat(credit.kind()).isEqualTo("CREDIT_NOTE");
        assertThat(credit.total()).isEqualTo(inv.total());
        assertThat(key(() -> invoices.creditNote(invoiceId, "nog eens", manager))).isEqualTo("invoice:campus.invoice.alreadyCredited");
        assertThat(jdbc.sql("select invoice_id from cp_booking where id = ?").param(booked.id()).query(UUID.class).optional()).isEmpty();
        invoices.run(today(), "campus-test-3", manager);
        UUID again = jdbc.sql("select invoice_id from cp_booking where id = ?").param(booked.id()).query(UUID.class).single();
        assertThat(again).isNotEqualTo(invoiceId);
        List<Integer> after = jdbc.sql("select seq from cp_invoice where year = ? order by seq").param(today().getYear()).query(Integer.class).list();
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i)).isEqualTo(i + 1);
        }
        // the e-invoices are valid Peppol BIS Billing 3.0 (the official schematrons), the PDF is PDF/UA
        PeppolCheck.assertValid(files.ublOf(inv), false);
        PeppolCheck.assertValid(files.ublOf(credit), true);
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        for (String lang : List.of("nl", "fr", "en")) {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag(lang));
            be.werkregie.messaging.PdfAccessibilityTest.assertPdfUa("invoice " + lang, files.pdfOf(inv), lang);
            be.werkregie.messaging.PdfAccessibilityTest.assertPdfUa("credit note " + lang, files.pdfOf(credit), lang);
        }
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        assertThat(invoices.csv(inv)).contains(inv.number()).contains(booked.id().toString());
        // the holder's organisation and the manager see it; another partner does not
        mvc.perform(get("/campus/invoices/" + invoiceId).with(user(manager))).andExpect(status().isOk());
        mvc.perform(get("/campus/invoices/" + invoiceId + ".xml").with(user(manager))).andExpect(status().isOk());
        mvc.perform(get("/campus/invoices/" + invoiceId).with(user(u("partner")))).andExpect(status().isNotFound());
    }

    @Test
    void calendarFeedsNeedOnlyTheirSecretAddressAndTheRolesStayApart() throws Exception {
        CurrentUser mediator = u("mediator");
        Booking b = bookings.book(pes(space("gent", "1.03"), ahead(45, DayOfWeek.FRIDAY), DayPart.MORNING), mediator);
        String address = feeds.addressOf(mediator);
        assertThat(feeds.addressOf(mediator)).as("one address per user").isEqualTo(address);
        String ics = mvc.perform(get(address)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").contains(b.id() + "@werkregie").contains("Workshop solliciteren");
        String space = mvc.perform(get(feeds.addressOfSpace(space("gent", "1.03")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(space).contains("BEGIN:VEVENT").doesNotContain("Workshop solliciteren");
        mvc.perform(get("/campus/feeds/" + "x".repeat(32) + ".ics")).andExpect(status().isNotFound());
        // a signature that does not match (another user's name under this user's signature) is not found
        String forged = "u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes(StandardCharsets.UTF_8))
                + address.substring(address.indexOf('.'), address.length() - 4);
        mvc.perform(get("/campus/feeds/" + forged + ".ics")).andExpect(status().isNotFound());
        // managers manage; partners book; citizens and anonymous visitors do neither
        mvc.perform(get("/campus/manage/gent").with(user(u("campus")))).andExpect(status().isOk());
        mvc.perform(get("/campus/manage/gent").with(user(u("partner")))).andExpect(status().isForbidden());
        mvc.perform(get("/campus/gent/week").with(user(u("partner")))).andExpect(status().isOk());
        mvc.perform(get("/campus/bookings/" + b.id()).with(user(u("partner")))).andExpect(status().isNotFound());
        mvc.perform(get("/campus").with(user(u("mira")))).andExpect(status().isForbidden());
        mvc.perform(get("/campus")).andExpect(status().is3xxRedirection());
        for (String lang : List.of("nl", "fr", "en")) {
            for (String page : List.of("/campus", "/campus/gent", "/campus/gent/week", "/campus/manage/gent", "/campus/manage/gent/occupancy",
                    "/campus/manage/gent/invoices", "/campus/manage/gent/agreements/new", "/campus/bookings",
                    "/campus/book?spaceId=" + space("gent", "1.01") + "&onDate=" + ahead(46, DayOfWeek.MONDAY) + "&part=MORNING")) {
                mvc.perform(get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang).with(user(u("campus")))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void leaseSettlementsAndRentWaiversReachTheInvoiceOnce() {
        CurrentUser manager = u("admin");
        UUID antwerpen = campuses.byCode("antwerpen").orElseThrow().id();
        Agreement lease = campuses.agreements(antwerpen).stream().filter(a -> a.model() == Agreement.Model.LEASE).findFirst().orElseThrow();
        assertThat(key(() -> campuses.addSettlement(lease.id(), "2027-Q5", "Energie", new BigDecimal("10"), manager)))
                .isEqualTo("period:campus.settlement.period");
        assertThat(key(() -> campuses.addSettlement(lease.id(), "2027-Q1", "Energie", new BigDecimal("-10"), manager)))
                .isEqualTo("amount:validation.amount");
        Campuses.Settlement s = campuses.addSettlement(lease.id(), "2027-Q1", "Energie (afrekening)", new BigDecimal("412.37"), manager);
        invoices.run(today(), "campus-settlement-1", manager);
        UUID invoice = jdbc.sql("select invoice_id from cp_settlement where id = ?").param(s.id()).query(UUID.class).single();
        assertThat(invoices.lines(invoice)).anySatisfy(l -> {
            assertThat(l.source()).isEqualTo("SETTLEMENT");
            assertThat(l.net().amount()).isEqualByComparingTo("412.37");
        });
        invoices.run(today(), "campus-settlement-2", manager);
        assertThat(jdbc.sql("select count(*) from cp_invoice_line where source_id = ?").param(s.id()).query(Integer.class).single()).isEqualTo(1);
        // rent waivers: partnerships only, within the agreement's years
        Agreement partnership = campuses.agreementsOf(u("partner").organisationId()).stream()
                .filter(a -> a.model() == Agreement.Model.PARTNERSHIP).findFirst().orElseThrow();
        assertThat(key(() -> campuses.setRentWaivedYears(lease.id(), List.of(2027), manager))).isEqualTo("years:campus.agreement.waiverPartnershipOnly");
        assertThat(key(() -> campuses.setRentWaivedYears(partnership.id(), List.of(1999), manager))).isEqualTo("years:campus.agreement.waiverYear");
        assertThat(campuses.setRentWaivedYears(partnership.id(), List.of(2028, 2027, 2028), manager).rentWaivedYears()).containsExactly(2027, 2028);
    }

    @Test
    void toolsAreLentWithinTheirStockEvenWhenManyAskAtOnce() throws Exception {
        CurrentUser mediator = u("mediator");
        UUID projector = jdbc.sql("select t.id from cp_tool t join cp_campus c on c.id = t.campus_id where c.code = 'gent' and t.code = 'PROJECTOR'")
                .query(UUID.class).single();
        LocalDate d = ahead(33, DayOfWeek.WEDNESDAY);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(pool.submit(() -> {
                go.await();
                try {
                    return "ok:" + loans.borrow(projector, d, DayPart.MORNING, 1, "Infosessie", mediator).id();
                } catch (InvalidInputException e) {
                    return e.problems().get(0).messageKey();
                }
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : out) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results.stream().filter(r -> r.startsWith("ok:")).count()).as("the stock of 4 projectors").isEqualTo(4);
        assertThat(results.stream().filter("campus.tool.notEnough"::equals).count()).isEqualTo(6);
        // a whole day needs the morning too: refused, and the afternoon stays untouched
        assertThat(key(() -> loans.borrow(projector, d, DayPart.DAY, 1, "Hele dag", mediator))).isEqualTo("quantity:campus.tool.notEnough");
        assertThat(loans.available(projector, d, DayPart.AFTERNOON)).isEqualTo(4);
        assertThat(key(() -> loans.borrow(projector, d, DayPart.AFTERNOON, 5, "Te veel", mediator))).isEqualTo("quantity:campus.tool.overStock");
        // a loan given back frees its projector
        UUID first = UUID.fromString(results.stream().filter(r -> r.startsWith("ok:")).findFirst().orElseThrow().substring(3));
        loans.cancel(first, mediator);
        assertThat(loans.available(projector, d, DayPart.MORNING)).isEqualTo(1);
        assertThat(loans.borrow(projector, d, DayPart.DAY, 1, "Hele dag", mediator).status()).isEqualTo("RESERVED");
    }

    @Test
    void theDayBeforeABookingItsOrganisationIsRemindedOnce() throws Exception {
        CurrentUser partner = u("partner");
        Agreement partnership = campuses.agreementsOf(partner.organisationId()).stream().filter(a -> a.model() == Agreement.Model.PARTNERSHIP)
                .findFirst().orElseThrow();
        LocalDate tomorrow = today().plusDays(1);
        Booking b = null;
        for (String code : List.of("1.01", "1.02", "1.03", "1.04", "2.01", "2.02", "2.03")) {
            if (bookings.free(space("gent", code), tomorrow, DayPart.EVENING)) {
                b = bookings.book(new Bookings.BookingRequest(space("gent", code), tomorrow, DayPart.EVENING, partnership.id(), "Avondsessie", 4,
                        "remind-" + code), partner);
                break;
            }
        }
        assertThat(b).isNotNull();
        assertThat(jobs.remind(tomorrow)).isGreaterThanOrEqualTo(1);
        jobs.remind(tomorrow);
        String key = "campus-reminder:" + b.id();
        Integer mails = 0;
        for (int i = 0; i < 100 && mails == 0; i++) {
            mails = jdbc.sql("select count(*) from organisation_mail where idempotency_key = ?").param(key).query(Integer.class).single();
            if (mails == 0) {
                Thread.sleep(100);
            }
        }
        assertThat(mails).as("one reminder, however often the job runs").isEqualTo(1);
        assertThat(jdbc.sql("select subject from organisation_mail where idempotency_key = ?").param(key).query(String.class).single())
                .startsWith("Morgen:").contains(" / Demain");
    }

    @Autowired CampusCalendarImport calendarImport;

    static String ics(String... events) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Outlook export//EN\r\n");
        for (String e : events) {
            b.append("BEGIN:VEVENT\r\n").append(e.replace("\n", "\r\n")).append("\r\nDTSTAMP:20270301T090000Z\r\nEND:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    static String local(LocalDate d, String time) {
        return d.toString().replace("-", "") + "T" + time;
    }

    @Test
    void aCalendarFileIsCheckedThenImportedOnceWithTakenSlotsReportedAndTheRestBooked() throws Exception {
        CurrentUser mediator = u("mediator");
        UUID room = space("gent", "1.02");
        LocalDate mon = ahead(30, DayOfWeek.MONDAY);
        // someone else already has the second Monday morning
        bookings.book(pes(room, mon.plusWeeks(1), DayPart.MORNING), u("campus"));
        String file = ics(
                // every Monday 9:00-12:00 (Brussels time) three times: a morning each
                "UID:weekly-1@outlook\nSUMMARY:Groepssessie solliciteren\nDTSTART;TZID=Europe/Brussels:" + local(mon, "090000")
                        + "\nDTEND;TZID=Europe/Brussels:" + local(mon, "120000") + "\nRRULE:FREQ=WEEKLY;COUNT=3",
                // Wednesday 12:30-15:00 UTC: 13:30-16:00 or 14:30-17:00 in Brussels, an afternoon either way
                "UID:once-2@outlook\nSUMMARY:Infosessie\nDTSTART:" + local(mon.plusDays(2), "123000") + "Z\nDTEND:"
                        + local(mon.plusDays(2), "150000") + "Z",
                // 16:00-19:00 fits no day part
                "UID:late-3@outlook\nSUMMARY:Netwerkmoment\nDTSTART;TZID=Europe/Brussels:" + local(mon.plusDays(3), "160000")
                        + "\nDTEND;TZID=Europe/Brussels:" + local(mon.plusDays(3), "190000"),
                // a cancelled event is left out
                "UID:gone-4@outlook\nSUMMARY:Geschrapt\nSTATUS:CANCELLED\nDTSTART;TZID=Europe/Brussels:" + local(mon.plusDays(4), "090000")
                        + "\nDTEND;TZID=Europe/Brussels:" + local(mon.plusDays(4), "100000"));
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        long before = bookingCount();
        CampusCalendarImport.Result check = calendarImport.importCalendar(room, null, 4, bytes, true, mediator);
        assertThat(bookingCount()).as("a check books nothing").isEqualTo(before);
        assertThat(check.events()).isEqualTo(3);
        assertThat(check.lines()).extracting(CampusCalendarImport.Line::outcome).containsExactly(
                CampusCalendarImport.Outcome.WOULD_BOOK, CampusCalendarImport.Outcome.WOULD_BOOK, CampusCalendarImport.Outcome.NO_DAY_PART,
                CampusCalendarImport.Outcome.TAKEN, CampusCalendarImport.Outcome.WOULD_BOOK);
        assertThat(check.lines().get(1).part()).isEqualTo(DayPart.AFTERNOON);
        assertThat(check.lines().get(3).alternatives()).isNotEmpty();

        CampusCalendarImport.Result done = calendarImport.importCalendar(room, null, 4, bytes, false, mediator);
        assertThat(done.booked()).isEqualTo(3);
        assertThat(done.taken()).isEqualTo(1);
        assertThat(bookingCount()).isEqualTo(before + 3);
        assertThat(bookings.find(done.lines().get(0).bookingId()).orElseThrow().purpose()).isEqualTo("Groepssessie solliciteren");
        // the same file again: nothing twice, and it says so
        CampusCalendarImport.Result again = calendarImport.importCalendar(room, null, 4, bytes, false, mediator);
        assertThat(again.already()).isEqualTo(3);
        assertThat(again.booked()).isZero();
        assertThat(bookingCount()).isEqualTo(before + 3);

        // bad files: a clear message on the file field, nothing changed
        assertThat(key(() -> calendarImport.importCalendar(room, null, 4, "not a calendar".getBytes(StandardCharsets.UTF_8), false, mediator)))
                .isEqualTo("file:campus.import.notICalendar");
        assertThat(key(() -> calendarImport.importCalendar(room, null, 4, new byte[0], false, mediator))).isEqualTo("file:campus.import.noFile");
        assertThat(key(() -> calendarImport.importCalendar(room, null, 4, ics().getBytes(StandardCharsets.UTF_8), false, mediator)))
                .isEqualTo("file:campus.import.noEvents");
        assertThat(bookingCount()).isEqualTo(before + 3);

        // the page: upload, check, confirm
        LocalDate later = ahead(34, DayOfWeek.TUESDAY);
        String one = ics("UID:page-5@google\nSUMMARY:Jobclub\nDTSTART;VALUE=DATE:" + later.toString().replace("-", "")
                + "\nDTEND;VALUE=DATE:" + later.plusDays(1).toString().replace("-", ""));
        var principal = user(mediator);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/campus/gent/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "planning.ics", "text/calendar", one.getBytes(StandardCharsets.UTF_8)))
                        .param("spaceId", room.toString()).param("attendees", "4").param("step", "check")
                        .with(principal).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Jobclub").contains("1 reservaties maken");
        assertThat(bookingCount()).isEqualTo(before + 3);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/campus/gent/import")
                        .param("spaceId", room.toString()).param("attendees", "4").param("step", "import").param("content", one)
                        .with(principal).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk());
        assertThat(bookings.ofSpace(room, later, later)).singleElement().satisfies(b -> {
            assertThat(b.dayPart()).isEqualTo(DayPart.DAY);
            assertThat(b.purpose()).isEqualTo("Jobclub");
        });
    }
}
