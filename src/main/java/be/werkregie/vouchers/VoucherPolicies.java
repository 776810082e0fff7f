package be.werkregie.vouchers;

import static be.werkregie.policy.PolicyDefinition.decimal;
import static be.werkregie.policy.PolicyDefinition.integer;
import static be.werkregie.policy.PolicyDefinition.since;

import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The career vouchers' dated policy values; application.yml (VoucherSettings) seeds their defaults. */
@Component
class VoucherPolicies implements PolicyCatalogue {

    static final String TARIFF = "vouchers.tariff.hourly-excl-vat";
    static final String VAT = "vouchers.vat-rate";
    static final String CONTRIBUTION = "vouchers.contribution";
    static final String VALIDITY_WEEKS = "vouchers.validity-weeks";
    static final String MANDATE_YEARS = "vouchers.mandate-years";
    static final String MANDATE_EXPERIENCE = "vouchers.mandate-min-experience-years";
    static final String MIN_EXPERIENCE = "vouchers.rules.min-experience-years";
    static final String FIRST_HOURS = "vouchers.rules.first-voucher-hours";
    static final String SECOND_HOURS = "vouchers.rules.second-voucher-hours";
    static final String COMPLAINT_MAX_AGE = "vouchers.complaint-max-age-years";
    static final String AFTERCARE_MONTHS = "vouchers.aftercare-months";
    static final String DEFENCE_DAYS = "vouchers.sanction-defence-days";
    static final String STIMULUS_MIN_SHARE = "vouchers.stimulus.min-share";
    static final String STIMULUS_MIN_GUIDANCES = "vouchers.stimulus.min-guidances";
    static final String STIMULUS_MAX_PAID_SHARE = "vouchers.stimulus.max-paid-share";
    static final String STIMULUS_AMOUNT = "vouchers.stimulus.amount-per-guidance";
    static final String MISUSE_LOOKBACK = "vouchers.misuse.lookback-months";
    static final String MISUSE_EMPLOYER_DAYS = "vouchers.misuse.employer-window-days";
    static final String MISUSE_EMPLOYER_MIN = "vouchers.misuse.employer-min-vouchers";
    static final String MISUSE_OFF_HOURS_MIN = "vouchers.misuse.off-hours-min-sessions";
    static final String MISUSE_COACH_DAY_MAX = "vouchers.misuse.max-half-hours-per-coach-day";
    static final String MISUSE_POP_MIN = "vouchers.misuse.identical-pop-min-clients";

    /** The voucher rules in force on a date: experience needed, hours of the first and the second voucher, their version. */
    static VoucherSettings.Rules rulesOn(be.werkregie.policy.Policies p, LocalDate d) {
        LocalDate version = java.util.stream.Stream.of(MIN_EXPERIENCE, FIRST_HOURS, SECOND_HOURS).map(k -> p.effectiveFromOn(k, d))
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        return new VoucherSettings.Rules(version, p.integerOn(MIN_EXPERIENCE, d), p.integerOn(FIRST_HOURS, d), p.integerOn(SECOND_HOURS, d));
    }

    /** The stimulus-financing parameters in force on a date. */
    static VoucherSettings.Stimulus stimulusOn(be.werkregie.policy.Policies p, LocalDate d) {
        return new VoucherSettings.Stimulus(p.decimalOn(STIMULUS_MIN_SHARE, d), p.integerOn(STIMULUS_MIN_GUIDANCES, d),
                p.decimalOn(STIMULUS_MAX_PAID_SHARE, d), p.decimalOn(STIMULUS_AMOUNT, d));
    }

    /** The misuse thresholds in force on a date (the plausible hours stay in the configuration). */
    static VoucherSettings.Misuse misuseOn(be.werkregie.policy.Policies p, VoucherSettings s, LocalDate d) {
        return new VoucherSettings.Misuse(p.integerOn(MISUSE_LOOKBACK, d), p.integerOn(MISUSE_EMPLOYER_DAYS, d),
                p.integerOn(MISUSE_EMPLOYER_MIN, d), s.misuse().plausibleFrom(), s.misuse().plausibleUntil(),
                p.integerOn(MISUSE_OFF_HOURS_MIN, d), p.integerOn(MISUSE_COACH_DAY_MAX, d), p.integerOn(MISUSE_POP_MIN, d));
    }

    private final VoucherSettings settings;

    VoucherPolicies(VoucherSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        LocalDate start = settings.schemeStart();
        return List.of(
                decimal(TARIFF, true, "0", "1000", "Hourly price of career guidance, excl. VAT (EUR)",
                        settings.tariffs().stream().map(t -> new PolicyDefinition.Dated(t.effectiveFrom(), t.hourlyExclVat().toPlainString()))
                                .toList()),
                decimal(VAT, true, "0", "1", "VAT rate for VAT-liable centres", since(start, settings.vatRate().toPlainString())),
                decimal(CONTRIBUTION, true, "0", "500", "The citizen's contribution per voucher (EUR)",
                        since(start, settings.contribution().toPlainString())),
                integer(VALIDITY_WEEKS, false, 1, 104, "Weeks a voucher stays valid to be handed to a centre",
                        since(start, settings.validityWeeks())),
                integer(MANDATE_YEARS, false, 1, 20, "Length of a centre's mandate (years)", since(start, settings.mandateYears())),
                integer(MANDATE_EXPERIENCE, false, 0, 50, "Minimum years of experience to apply for a mandate",
                        since(start, settings.mandateMinExperienceYears())),
                integer(MIN_EXPERIENCE, false, 0, 50, "Years of work experience needed for a voucher",
                        rules(r -> r.minExperienceYears())),
                integer(FIRST_HOURS, false, 1, 40, "Hours of guidance on the first voucher of a package", rules(r -> r.firstVoucherHours())),
                integer(SECOND_HOURS, false, 1, 40, "Hours of guidance on the second voucher of a package", rules(r -> r.secondVoucherHours())),
                integer(COMPLAINT_MAX_AGE, false, 1, 10, "Years after the facts that a complaint is still admissible",
                        since(start, settings.complaintMaxAgeYears())),
                integer(AFTERCARE_MONTHS, false, 1, 36, "Months after the synthesis within which aftercare can take place",
                        since(start, settings.aftercareMonths())),
                integer(DEFENCE_DAYS, false, 1, 90, "Days a centre has to put forward its defence against a proposed sanction",
                        since(start, settings.defenceDays())),
                decimal(STIMULUS_MIN_SHARE, false, "0", "1", "Stimulus: minimum share of guidances for disadvantaged groups",
                        since(start, settings.stimulus().minShare().toPlainString())),
                integer(STIMULUS_MIN_GUIDANCES, false, 0, 100000, "Stimulus: minimum number of guidances of the centre",
                        since(start, settings.stimulus().minGuidances())),
                decimal(STIMULUS_MAX_PAID_SHARE, false, "0", "1", "Stimulus: share of the guidances paid at most",
                        since(start, settings.stimulus().maxPaidShare().toPlainString())),
                decimal(STIMULUS_AMOUNT, true, "0", "10000", "Stimulus: amount per guidance of a disadvantaged worker (EUR)",
                        since(start, settings.stimulus().amountPerGuidance().toPlainString())),
                integer(MISUSE_LOOKBACK, false, 1, 120, "Misuse detection: months looked back", since(start, settings.misuse().lookbackMonths())),
                integer(MISUSE_EMPLOYER_DAYS, false, 1, 365, "Misuse detection: window for vouchers of one employer (days)",
                        since(start, settings.misuse().employerWindowDays())),
                integer(MISUSE_EMPLOYER_MIN, false, 2, 1000, "Misuse detection: vouchers of one employer's staff in the window",
                        since(start, settings.misuse().employerMinVouchers())),
                integer(MISUSE_OFF_HOURS_MIN, false, 1, 1000, "Misuse detection: sessions outside plausible hours",
                        since(start, settings.misuse().offHoursMinSessions())),
                integer(MISUSE_COACH_DAY_MAX, false, 1, 48, "Misuse detection: half hours one coach can guide in a day",
                        since(start, settings.misuse().maxHalfHoursPerCoachDay())),
                integer(MISUSE_POP_MIN, false, 2, 1000, "Misuse detection: clients sharing an identical personal development plan",
                        since(start, settings.misuse().identicalPopMinClients())));
    }

    private List<PolicyDefinition.Dated> rules(java.util.function.ToIntFunction<VoucherSettings.Rules> value) {
        return settings.rules().stream().map(r -> new PolicyDefinition.Dated(r.effectiveFrom(), String.valueOf(value.applyAsInt(r))))
                .toList();
    }
}
