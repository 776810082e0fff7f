package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.vouchers.Eligibility.Facts;
import be.werkregie.vouchers.Eligibility.PastVoucher;
import be.werkregie.vouchers.Eligibility.WorkSituation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every rule of the scheme with its edge cases, without a database. */
class VoucherRulesTest {

    static VoucherSettings settings(VoucherSettings.WindowMode mode) {
        return new VoucherSettings(new BigDecimal("40.00"), new BigDecimal("0.21"), 12, 6, 2, mode, LocalDate.of(2013, 7, 1),
                List.of(new VoucherSettings.Rules(LocalDate.of(2020, 1, 1), 7, 4, 3),
                        new VoucherSettings.Rules(LocalDate.of(2013, 7, 1), 1, 4, 4)),
                List.of(new VoucherSettings.Tariff(LocalDate.of(2013, 7, 1), new BigDecimal("137.50")),
                        new VoucherSettings.Tariff(LocalDate.of(2020, 1, 1), new BigDecimal("140.25"))),
                1, 12, 25, 15, new VoucherSettings.Stimulus(new BigDecimal("0.30"), 20, new BigDecimal("0.60"), new BigDecimal("150.00")),
                new VoucherSettings.Misuse(24, 60, 5, java.time.LocalTime.of(7, 0), java.time.LocalTime.of(22, 0), 3, 16, 2), 6, 3);
    }

    static final VoucherSettings S = settings(VoucherSettings.WindowMode.FROM_FIRST_VOUCHER);
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static Facts worker(LocalDate on, LocalDate experienceSince) {
        return new Facts(on, WorkSituation.EMPLOYED, experienceSince, true, false);
    }

    @Test
    void sevenYearsMinusOneDayIsRefusedWithTheDateOfQualification() {
        var r = Eligibility.evaluate(worker(DAY, DAY.minusYears(7).plusDays(1)), List.of(), S);
        assertThat(r.eligible()).isFalse();
        assertThat(r.refusals()).extracting(Eligibility.Refusal::rule).containsExactly("experience");
        assertThat(r.qualifiesOn()).isEqualTo(DAY.plusDays(1));
        assertThat(Eligibility.evaluate(worker(DAY, DAY.minusYears(7)), List.of(), S).eligible()).isTrue();
    }

    @Test
    void beforeTwentyTwentyOneYearOfExperienceWasEnoughAndSecondVoucherHadFourHours() {
        LocalDate before = LocalDate.of(2019, 12, 31);
        var first = Eligibility.evaluate(worker(before, before.minusYears(1)), List.of(), S);
        assertThat(first.eligible()).isTrue();
        assertThat(first.rulesVersion()).isEqualTo(LocalDate.of(2013, 7, 1));
        var past = List.of(new PastVoucher(before.minusMonths(3), before.minusMonths(3), true, false));
        assertThat(Eligibility.evaluate(worker(before, before.minusYears(1)), past, S).hours()).isEqualTo(4);
        LocalDate after = LocalDate.of(2020, 1, 1);
        var second = Eligibility.evaluate(worker(after, after.minusYears(7)), past, S);
        assertThat(second.numberInPackage()).isEqualTo(2);
        assertThat(second.hours()).isEqualTo(3);
        assertThat(Eligibility.evaluate(worker(after, after.minusYears(1)), List.of(), S).eligible()).isFalse();
    }

    @Test
    void workingOwnInitiativeAndNoOutplacementAreRequiredTemporaryUnemploymentIsFine() {
        LocalDate since = DAY.minusYears(10);
        assertThat(Eligibility.evaluate(new Facts(DAY, WorkSituation.TEMPORARILY_UNEMPLOYED, since, true, false), List.of(), S).eligible()).isTrue();
        assertThat(Eligibility.evaluate(new Facts(DAY, WorkSituation.SELF_EMPLOYED, since, true, false), List.of(), S).eligible()).isTrue();
        var r = Eligibility.evaluate(new Facts(DAY, WorkSituation.UNEMPLOYED, since, false, true), List.of(), S);
        assertThat(r.refusals()).extracting(Eligibility.Refusal::rule).containsExactlyInAnyOrder("working", "ownInitiative", "outplacement");
        assertThat(r.qualifiesOn()).isNull();
    }

    @Test
    void twoVouchersPerSixYearsCountedFromTheFirstVoucher() {
        LocalDate start = LocalDate.of(2021, 3, 10);
        var used = List.of(new PastVoucher(start, start, true, false), new PastVoucher(start, start.plusMonths(8), true, false));
        var r = Eligibility.evaluate(worker(DAY, DAY.minusYears(20)), used, S);
        assertThat(r.refusals()).extracting(Eligibility.Refusal::rule).containsExactly("window");
        assertThat(r.qualifiesOn()).isEqualTo(start.plusYears(6));
        var third = Eligibility.evaluate(worker(start.plusYears(6), DAY.minusYears(20)), used, S);
        assertThat(third.eligible()).isTrue();
        assertThat(third.numberInPackage()).isEqualTo(1);
        assertThat(third.packageStart()).isEqualTo(start.plusYears(6));
    }

    @Test
    void fixedPeriodsStartOnTheFirstOfJulyEverySixYears() {
        VoucherSettings fixed = settings(VoucherSettings.WindowMode.FIXED_PERIODS);
        LocalDate first = LocalDate.of(2014, 9, 1);
        var used = List.of(new PastVoucher(LocalDate.of(2013, 7, 1), first, true, false),
                new PastVoucher(LocalDate.of(2013, 7, 1), first.plusMonths(2), true, false));
        var r = Eligibility.evaluate(worker(LocalDate.of(2019, 6, 30), LocalDate.of(2000, 1, 1)), used, fixed);
        assertThat(r.qualifiesOn()).isEqualTo(LocalDate.of(2019, 7, 1));
        assertThat(Eligibility.evaluate(worker(LocalDate.of(2019, 7, 1), LocalDate.of(2000, 1, 1)), used, fixed).eligible()).isTrue();
    }

    @Test
    void lapsedVouchersDoNotUseTheRightButAnOpenOneMustBeUsedFirst() {
        var lapsed = List.of(new PastVoucher(DAY.minusMonths(6), DAY.minusMonths(6), false, false));
        var r = Eligibility.evaluate(worker(DAY, DAY.minusYears(9)), lapsed, S);
        assertThat(r.eligible()).isTrue();
        assertThat(r.numberInPackage()).isEqualTo(1);
        var open = List.of(new PastVoucher(DAY.minusWeeks(2), DAY.minusWeeks(2), true, true));
        assertThat(Eligibility.evaluate(worker(DAY, DAY.minusYears(9)), open, S).refusals())
                .extracting(Eligibility.Refusal::rule).containsExactly("openVoucher");
    }

    @Test
    void amountsAreExactPerHalfHourWithAndWithoutVat() {
        LocalDate d = LocalDate.of(2021, 5, 1);
        var full = Tariffs.forHalfHours(8, d, true, S);
        assertThat(full.exclVat().amount()).isEqualByComparingTo("561.00");
        assertThat(full.vat().amount()).isEqualByComparingTo("117.81");
        assertThat(full.inclVat().amount()).isEqualByComparingTo("678.81");
        assertThat(Tariffs.forHalfHours(6, d, true, S).exclVat().amount()).isEqualByComparingTo("420.75");
        var odd = Tariffs.forHalfHours(7, d, false, S);
        assertThat(odd.exclVat().amount()).isEqualByComparingTo("490.88"); // 7 × 70.125, rounded once
        assertThat(odd.vat().amount()).isEqualByComparingTo("0.00");
        assertThat(Tariffs.hourlyInclVat(d, S).amount()).isEqualByComparingTo("169.70");
        assertThat(Tariffs.hourlyInclVat(LocalDate.of(2019, 12, 31), S).amount()).isEqualByComparingTo("166.37");
    }

    @Test
    void complaintsOlderThanOneYearAreInadmissible() {
        assertThat(Quality.isAdmissible(DAY.minusYears(1), DAY, 1)).isTrue();
        assertThat(Quality.isAdmissible(DAY.minusYears(1).minusDays(1), DAY, 1)).isFalse();
    }

    @Test
    void stimulusNeedsThirtyPercentAndTwentyGuidancesAndPaysAtMostSixtyPercent() {
        UUID c = UUID.randomUUID();
        var s = S.stimulus();
        assertThat(Quality.stimulusFor(c, "c", 19, 19, s).qualifies()).isFalse();
        assertThat(Quality.stimulusFor(c, "c", 20, 5, s).qualifies()).isFalse();
        var exactly = Quality.stimulusFor(c, "c", 20, 6, s);
        assertThat(exactly.qualifies()).isTrue();
        assertThat(exactly.amount().amount()).isEqualByComparingTo("900.00");
        var capped = Quality.stimulusFor(c, "c", 50, 40, s);
        assertThat(capped.paidGuidances()).isEqualTo(30);
        assertThat(capped.amount().amount()).isEqualByComparingTo("4500.00");
    }

    @Test
    void enterpriseNumbersAreChecked() {
        assertThat(EnterpriseNumber.isValid("0123.456.749")).isTrue();
        assertThat(EnterpriseNumber.isValid("BE 0123 456 748")).isFalse();
        assertThat(EnterpriseNumber.isValid(EnterpriseNumber.generate(40_007_919L))).isTrue();
        assertThat(EnterpriseNumber.isValid("2123456789")).isFalse();
    }
}
