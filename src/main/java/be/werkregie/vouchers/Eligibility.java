package be.werkregie.vouchers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The right to a career voucher, evaluated with the rules in force on the date of the request. Pure: no database,
 * so every rule and edge case is unit-tested. Every refusal carries a message key, its arguments and, when it can
 * be known, the date from which the person will qualify.
 */
public final class Eligibility {

    public enum WorkSituation { EMPLOYED, SELF_EMPLOYED, TEMPORARILY_UNEMPLOYED, UNEMPLOYED, NOT_WORKING }

    /** What the person declares (or the career data shows) on the day of the request. */
    public record Facts(LocalDate requestDate, WorkSituation situation, LocalDate experienceSince, Boolean ownInitiative,
                        Boolean inOutplacement) {}

    /** A voucher the person had before; lapsed and cancelled vouchers do not use up the right. */
    public record PastVoucher(LocalDate packageStart, LocalDate requestedOn, boolean countsForRight, boolean openAndUnused) {}

    public record Refusal(String rule, List<Object> args) {}

    public record Result(boolean eligible, List<Refusal> refusals, LocalDate qualifiesOn, LocalDate packageStart,
                         int numberInPackage, int hours, LocalDate rulesVersion) {}

    private Eligibility() {}

    public static Result evaluate(Facts f, List<PastVoucher> past, VoucherSettings s) {
        return evaluate(f, past, s, s::rulesOn);
    }

    /** With the rules in force on the request date taken from {@code rulesOn} (the dated policy store in the platform). */
    public static Result evaluate(Facts f, List<PastVoucher> past, VoucherSettings s,
                                  java.util.function.Function<LocalDate, VoucherSettings.Rules> rulesOn) {
        LocalDate on = f.requestDate();
        VoucherSettings.Rules rules = rulesOn.apply(on);
        List<Refusal> refusals = new ArrayList<>();
        LocalDate qualifiesOn = null;

        if (!Boolean.TRUE.equals(f.ownInitiative())) {
            refusals.add(new Refusal("ownInitiative", List.of()));
        }
        if (f.situation() == null || f.situation() == WorkSituation.UNEMPLOYED || f.situation() == WorkSituation.NOT_WORKING) {
            refusals.add(new Refusal("working", List.of()));
        }
        if (Boolean.TRUE.equals(f.inOutplacement())) {
            refusals.add(new Refusal("outplacement", List.of()));
        }
        if (f.experienceSince() == null) {
            refusals.add(new Refusal("experienceUnknown", List.of(rules.minExperienceYears())));
        } else {
            LocalDate enough = f.experienceSince().plusYears(rules.minExperienceYears());
            if (enough.isAfter(on)) {
                refusals.add(new Refusal("experience", List.of(rules.minExperienceYears(), enough)));
                qualifiesOn = later(qualifiesOn, enough);
            }
        }

        List<PastVoucher> counted = past.stream().filter(PastVoucher::countsForRight)
                .sorted(Comparator.comparing(PastVoucher::requestedOn)).toList();
        if (past.stream().anyMatch(PastVoucher::openAndUnused)) {
            refusals.add(new Refusal("openVoucher", List.of()));
        }
        LocalDate packageStart = on;
        int number = 1;
        if (!counted.isEmpty()) {
            LocalDate currentStart = counted.get(counted.size() - 1).packageStart();
            LocalDate windowEnd = windowEnd(currentStart, s);
            long inPackage = counted.stream().filter(v -> v.packageStart().equals(currentStart)).count();
            if (on.isBefore(windowEnd)) {
                if (inPackage >= s.vouchersPerWindow()) {
                    refusals.add(new Refusal("window", List.of(s.vouchersPerWindow(), currentStart, windowEnd)));
                    qualifiesOn = later(qualifiesOn, windowEnd);
                } else {
                    packageStart = currentStart;
                    number = (int) inPackage + 1;
                }
            }
        }
        if (s.windowMode() == VoucherSettings.WindowMode.FIXED_PERIODS && number == 1) {
            packageStart = periodStart(on, s);
        }
        int hours = number == 1 ? rules.firstVoucherHours() : rules.secondVoucherHours();
        boolean eligible = refusals.isEmpty();
        // a date is only promised when every refusal is one that time resolves
        boolean onlyTime = refusals.stream().allMatch(r -> r.rule().equals("experience") || r.rule().equals("window"));
        return new Result(eligible, List.copyOf(refusals), eligible || !onlyTime ? null : qualifiesOn, packageStart, number,
                hours, rules.effectiveFrom());
    }

    static LocalDate windowEnd(LocalDate packageStart, VoucherSettings s) {
        if (s.windowMode() == VoucherSettings.WindowMode.FIXED_PERIODS) {
            return periodStart(packageStart, s).plusYears(s.windowYears());
        }
        return packageStart.plusYears(s.windowYears());
    }

    static LocalDate periodStart(LocalDate date, VoucherSettings s) {
        LocalDate start = s.schemeStart();
        while (!start.plusYears(s.windowYears()).isAfter(date)) {
            start = start.plusYears(s.windowYears());
        }
        return start;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
