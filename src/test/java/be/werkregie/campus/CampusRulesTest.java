package be.werkregie.campus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Money;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every pricing rule, the agreement models' limits, day parts, recurrence, the life cycles and the payment reference, by hand. */
class CampusRulesTest {

    static final BigDecimal HALF = new BigDecimal("0.50");
    static final Agreement.Limits LIMITS = new Agreement.Limits(18, 12, 12, new BigDecimal("0.15"));

    @Test
    void aDayPartIsHalfTheDayRateAndAWholeDayTheDayRate() {
        assertThat(Tariffs.useFee(new BigDecimal("250.00"), DayPart.MORNING, HALF)).isEqualTo(Money.euros("125.00"));
        assertThat(Tariffs.useFee(new BigDecimal("250.00"), DayPart.EVENING, HALF)).isEqualTo(Money.euros("125.00"));
        assertThat(Tariffs.useFee(new BigDecimal("250.00"), DayPart.DAY, HALF)).isEqualTo(Money.euros("250.00"));
        // an odd rate rounds half up to the cent
        assertThat(Tariffs.useFee(new BigDecimal("190.05"), DayPart.AFTERNOON, HALF)).isEqualTo(Money.euros("95.03"));
        // another share in force (a dated policy value) is what counts
        assertThat(Tariffs.useFee(new BigDecimal("200.00"), DayPart.MORNING, new BigDecimal("0.60"))).isEqualTo(Money.euros("120.00"));
    }

    @Test
    void sharedSpaceIsChargedProRataOfTimeUsedByTheDistributionKey() {
        // 60 m² × 14.50 × 20 % = 174.00 a month; one part of 2 × 22 working days: 174 / 44 = 3.954… → 3.95
        assertThat(Tariffs.sharedUse(new BigDecimal("60"), new BigDecimal("14.50"), new BigDecimal("0.20"), 1, 22)).isEqualTo(Money.euros("3.95"));
        // a whole day is two parts
        assertThat(Tariffs.sharedUse(new BigDecimal("60"), new BigDecimal("14.50"), new BigDecimal("0.20"), 2, 22)).isEqualTo(Money.euros("7.91"));
        assertThat(Tariffs.sharedUse(new BigDecimal("60"), new BigDecimal("14.50"), new BigDecimal("0.20"), 0, 22)).isEqualTo(Money.ZERO);
        // dedicated space: 100 % of the area
        assertThat(Tariffs.dedicatedMonth(new BigDecimal("25"), new BigDecimal("14.50"))).isEqualTo(Money.euros("362.50"));
    }

    @Test
    void leaseRentHasAProRataReductionForSharedUseAndVatIsExact() {
        assertThat(Tariffs.leaseRent(new BigDecimal("1850.00"), new BigDecimal("0.10"))).isEqualTo(Money.euros("1665.00"));
        assertThat(Tariffs.leaseRent(new BigDecimal("1850.00"), null)).isEqualTo(Money.euros("1850.00"));
        assertThat(Tariffs.vat(Money.euros("125.00"), new BigDecimal("21"))).isEqualTo(Money.euros("26.25"));
        assertThat(Tariffs.vat(Money.euros("3.95"), new BigDecimal("21"))).isEqualTo(Money.euros("0.83"));
        assertThat(Tariffs.workingDays(YearMonth.of(2027, 3))).isEqualTo(23);
        assertThat(Tariffs.workingDays(YearMonth.of(2027, 2))).isEqualTo(20);
    }

    static Agreement.Terms terms(Agreement.Model m, Integer type, LocalDate from, LocalDate until, BigDecimal dedicated, BigDecimal already) {
        return new Agreement.Terms(m, type, from, until, m == Agreement.Model.LEASE ? new BigDecimal("1000") : null,
                m == Agreement.Model.LEASE ? new BigDecimal("100") : null, true, null, m == Agreement.Model.PARTNERSHIP ? new BigDecimal("0.2") : null,
                type != null && type == 3 ? new BigDecimal("120") : null, dedicated, already, new BigDecimal("4800"));
    }

    static List<String> problems(Agreement.Terms t) {
        Validator v = new Validator();
        Agreement.check(t, LIMITS, v);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
        }
    }

    @Test
    void theThreeModelsKeepTheirLimits() {
        LocalDate from = LocalDate.of(2027, 1, 1);
        // partnership: at least 18 years; 17 years and 364 days is refused
        assertThat(problems(terms(Agreement.Model.PARTNERSHIP, null, from, from.plusYears(18).minusDays(1), BigDecimal.ZERO, BigDecimal.ZERO))).isEmpty();
        assertThat(problems(terms(Agreement.Model.PARTNERSHIP, null, from, from.plusYears(18).minusDays(2), BigDecimal.ZERO, BigDecimal.ZERO)))
                .containsExactly("validUntil:campus.agreement.partnershipTooShort");
        // lease: more than a year (a year from 1 January is until 31 December); in a leap year too
        assertThat(problems(terms(Agreement.Model.LEASE, null, from, from.plusYears(1), null, null))).isEmpty();
        assertThat(problems(terms(Agreement.Model.LEASE, null, from, from.plusYears(1).minusDays(1), null, null)))
                .containsExactly("validUntil:campus.agreement.leaseTooShort");
        LocalDate march = LocalDate.of(2027, 3, 17);
        assertThat(problems(terms(Agreement.Model.LEASE, null, march, LocalDate.of(2028, 3, 16), null, null)))
                .containsExactly("validUntil:campus.agreement.leaseTooShort");
        // use agreement: at most a year, a user type, type 3 needs the cooperation agreement's rate
        assertThat(problems(terms(Agreement.Model.USE, 1, from, from.plusYears(1).minusDays(1), null, null))).isEmpty();
        assertThat(problems(terms(Agreement.Model.USE, 1, march, LocalDate.of(2028, 3, 16), null, null))).isEmpty();
        assertThat(problems(terms(Agreement.Model.USE, 1, from, from.plusYears(1), null, null))).containsExactly("validUntil:campus.agreement.useTooLong");
        assertThat(problems(terms(Agreement.Model.USE, null, from, from.plusMonths(3), null, null))).containsExactly("userType:validation.choice");
        Agreement.Terms noRate = new Agreement.Terms(Agreement.Model.USE, 3, from, from.plusMonths(3), null, null, true, null, null, null, null, null,
                new BigDecimal("4800"));
        assertThat(problems(noRate)).containsExactly("dayRate:campus.agreement.type3Rate");
        // end before start
        assertThat(problems(terms(Agreement.Model.USE, 2, from, from.minusDays(1), null, null))).containsExactly("validUntil:campus.agreement.endBeforeStart");
    }

    @Test
    void aPartnersOwnAreaIsAtMostFifteenPercentOfTheCampus() {
        LocalDate from = LocalDate.of(2027, 1, 1);
        LocalDate until = from.plusYears(20);
        // 15 % of 4,800 m² = 720 m²: exactly 720 is allowed, 720.01 is not (counting what the partner already has)
        assertThat(problems(terms(Agreement.Model.PARTNERSHIP, null, from, until, new BigDecimal("600"), new BigDecimal("120")))).isEmpty();
        assertThat(problems(terms(Agreement.Model.PARTNERSHIP, null, from, until, new BigDecimal("600.01"), new BigDecimal("120"))))
                .containsExactly("spaces:campus.agreement.areaOverLimit");
    }

    @Test
    void dayPartsOverlapAsTheDayIsCut() {
        assertThat(DayPart.DAY.overlaps(DayPart.MORNING)).isTrue();
        assertThat(DayPart.DAY.overlaps(DayPart.AFTERNOON)).isTrue();
        assertThat(DayPart.DAY.overlaps(DayPart.EVENING)).isFalse();
        assertThat(DayPart.MORNING.overlaps(DayPart.AFTERNOON)).isFalse();
        assertThat(DayPart.MORNING.occupancyUnits() + DayPart.AFTERNOON.occupancyUnits()).isEqualTo(DayPart.DAY.occupancyUnits());
        assertThat(DayPart.parse(" evening ")).isEqualTo(DayPart.EVENING);
        assertThat(DayPart.parse("noon")).isNull();
    }

    @Test
    void aWeeklySeriesHasEveryWeekdayBetweenItsDates() {
        List<LocalDate> d = Bookings.weeklyDates(LocalDate.of(2027, 3, 17), LocalDate.of(2027, 4, 13), DayOfWeek.TUESDAY, 100);
        assertThat(d).containsExactly(LocalDate.of(2027, 3, 23), LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 6), LocalDate.of(2027, 4, 13));
        assertThat(Bookings.weeklyDates(LocalDate.of(2027, 3, 17), LocalDate.of(2027, 3, 22), DayOfWeek.TUESDAY, 100)).isEmpty();
        assertThat(Bookings.weeklyDates(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 1, 1), DayOfWeek.MONDAY, 61)).hasSize(61);
    }

    static Booking booking(Booking.Status s, UUID invoice) {
        return new Booking(UUID.randomUUID(), UUID.randomUUID(), "Lokaal", UUID.randomUUID(), "Campus", LocalDate.of(2027, 4, 1), DayPart.MORNING,
                Booking.BookerKind.PES, null, null, "x", "doel", 1, s, null, BigDecimal.ZERO, "PES", null, invoice);
    }

    @Test
    void lifeCyclesRefuseWhatTheyDoNotAllow() {
        assertThat(booking(Booking.Status.REQUESTED, null).approve().to()).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(booking(Booking.Status.CONFIRMED, null).cancel().to()).isEqualTo(Booking.Status.CANCELLED);
        assertThatThrownBy(() -> booking(Booking.Status.CONFIRMED, null).approve()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> booking(Booking.Status.CANCELLED, null).cancel()).isInstanceOf(ConflictException.class);
        // invoiced: corrected by a credit note, never cancelled
        Throwable invoiced = catchThrowable(() -> booking(Booking.Status.CONFIRMED, UUID.randomUUID()).cancel());
        assertThat(invoiced).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) invoiced).problems().get(0).messageKey()).isEqualTo("campus.booking.invoiced");
        assertThat(Agreement.Status.LIFECYCLE.allows(Agreement.Status.REQUESTED, Agreement.Status.ACTIVE)).isTrue();
        assertThat(Agreement.Status.LIFECYCLE.allows(Agreement.Status.REFUSED, Agreement.Status.ACTIVE)).isFalse();
        assertThat(Agreement.Status.LIFECYCLE.allows(Agreement.Status.ENDED, Agreement.Status.ACTIVE)).isFalse();
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void belgianNumbersAndPaymentReferencesCarryTheirModulo97Check() {
        assertThat(Campuses.belgianVat("BE0887010362")).isTrue();
        assertThat(Campuses.belgianVat("BE 0887.010.362")).isTrue();
        assertThat(Campuses.belgianVat("BE0887010363")).isFalse();
        assertThat(Campuses.belgianVat("NL0887010362")).isFalse();
        // 27 000 000 01 mod 97 = 2700000001 - 97 × 27835051 = 54 → +++270/0000/00154+++
        assertThat(CampusEInvoice.structuredReference(2027, 1)).isEqualTo("+++270/0000/00154+++");
        String ref = CampusEInvoice.structuredReference(2027, 123);
        String digits = ref.replaceAll("\\D", "");
        long base = Long.parseLong(digits.substring(0, 10));
        assertThat(Long.parseLong(digits.substring(10))).isEqualTo(base % 97 == 0 ? 97 : base % 97);
    }
}
