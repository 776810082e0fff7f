package be.werkregie.campus;

import be.werkregie.policy.Policies;
import be.werkregie.policy.PolicyCatalogue;
import be.werkregie.policy.PolicyDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The campus module's dated policy values (the financial and exploitation framework of the source): the day rates per
 * kind of space for user types 1 (market rate) and 2 (cost-covering rate) — type 3 takes the rate of its cooperation
 * agreement —, the day-part share (50 %), the m² rates of dedicated and shared space, the limits of the three agreement
 * models (partnership ≥ 18 years, partner-specific area ≤ 15 %, lease more than a year, use agreement at most a year),
 * the occupancy target (75 %), VAT, the invoice term and the notice the employment service gives when its own planning
 * moves a lower-priority booking. The amounts are examples; the framework agreement sets the real ones.
 */
@Component
class CampusPolicies implements PolicyCatalogue {

    static final String DAY_RATE = "campus.day-rate.";
    static final String DAY_PART_SHARE = "campus.day-part-share";
    static final String OCCUPANCY_TARGET = "campus.occupancy-target";
    static final String PARTNER_AREA_MAX = "campus.partner-area-max";
    static final String PARTNERSHIP_MIN_YEARS = "campus.partnership-min-years";
    static final String USE_MAX_MONTHS = "campus.use-max-months";
    static final String LEASE_MIN_MONTHS = "campus.lease-min-months";
    static final String DEDICATED_M2 = "campus.m2-month-rate.dedicated";
    static final String SHARED_M2 = "campus.m2-month-rate.shared";
    static final String VAT = "campus.vat-rate";
    static final String DUE_DAYS = "campus.invoice-due-days";
    static final String NOTICE_DAYS = "campus.priority-notice-days";
    static final LocalDate SINCE = LocalDate.of(2026, 1, 1);

    /** Example day rates (EUR) per kind: market rate (type 1) and cost-covering rate (type 2). */
    static final Map<SpaceKind, String[]> DEFAULT_RATES = Map.of(
            SpaceKind.CLASSROOM, new String[] {"350.00", "190.00"},
            SpaceKind.WORKSHOP, new String[] {"450.00", "240.00"},
            SpaceKind.MEETING_ROOM, new String[] {"250.00", "130.00"},
            SpaceKind.OPEN_LEARNING_CENTRE, new String[] {"400.00", "210.00"},
            SpaceKind.EVENT_HALL, new String[] {"900.00", "480.00"},
            SpaceKind.OFFICE, new String[] {"150.00", "80.00"},
            SpaceKind.CHILDCARE, new String[] {"300.00", "160.00"},
            SpaceKind.TALENT_CENTRE, new String[] {"500.00", "260.00"});

    private final Policies policies;

    CampusPolicies(@Lazy Policies policies) {
        this.policies = policies;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        List<PolicyDefinition> out = new ArrayList<>();
        for (SpaceKind k : SpaceKind.values()) {
            out.add(PolicyDefinition.decimal(DAY_RATE + k + ".MARKET", true, "0", "100000",
                    "Day rate of a " + k + " for user type 1 (market rate, EUR)", PolicyDefinition.since(SINCE, DEFAULT_RATES.get(k)[0])));
            out.add(PolicyDefinition.decimal(DAY_RATE + k + ".COST", true, "0", "100000",
                    "Day rate of a " + k + " for user type 2 (cost-covering rate, EUR)", PolicyDefinition.since(SINCE, DEFAULT_RATES.get(k)[1])));
        }
        out.add(PolicyDefinition.decimal(DAY_PART_SHARE, false, "0.1", "1", "Share of the day rate for one day part (morning, afternoon, evening)",
                PolicyDefinition.since(SINCE, "0.50")));
        out.add(PolicyDefinition.decimal(OCCUPANCY_TARGET, false, "0.1", "1", "Target occupancy of a campus with its in-house partners",
                PolicyDefinition.since(SINCE, "0.75")));
        out.add(PolicyDefinition.decimal(PARTNER_AREA_MAX, false, "0", "1", "Largest share of a campus's area that may be partner-specific",
                PolicyDefinition.since(SINCE, "0.15")));
        out.add(PolicyDefinition.integer(PARTNERSHIP_MIN_YEARS, false, 1, 99, "Shortest partnership (years)", PolicyDefinition.since(SINCE, 18)));
        out.add(PolicyDefinition.integer(USE_MAX_MONTHS, false, 1, 24, "Longest use agreement (months)", PolicyDefinition.since(SINCE, 12)));
        out.add(PolicyDefinition.integer(LEASE_MIN_MONTHS, false, 1, 120, "A lease runs longer than this many months", PolicyDefinition.since(SINCE, 12)));
        out.add(PolicyDefinition.decimal(DEDICATED_M2, true, "0", "1000", "Monthly rate per m² of dedicated space (EUR)",
                PolicyDefinition.since(SINCE, "14.50")));
        out.add(PolicyDefinition.decimal(SHARED_M2, true, "0", "1000", "Monthly rate per m² of shared space, before the distribution key (EUR)",
                PolicyDefinition.since(SINCE, "14.50")));
        out.add(PolicyDefinition.decimal(VAT, false, "0", "100", "VAT rate on campus invoices (%)", PolicyDefinition.since(SINCE, "21")));
        out.add(PolicyDefinition.integer(DUE_DAYS, false, 1, 120, "Days to pay a campus invoice", PolicyDefinition.since(SINCE, 30)));
        out.add(PolicyDefinition.integer(NOTICE_DAYS, false, 0, 180,
                "Least notice (days) when the employment service's own planning moves or cancels a lower-priority booking",
                PolicyDefinition.since(SINCE, 14)));
        return out;
    }

    BigDecimal dayRate(SpaceKind kind, int userType, LocalDate on) {
        return policies.decimalOn(DAY_RATE + kind + (userType == 1 ? ".MARKET" : ".COST"), on);
    }

    BigDecimal dayPartShare(LocalDate on) {
        return policies.decimalOn(DAY_PART_SHARE, on);
    }

    BigDecimal occupancyTarget(LocalDate on) {
        return policies.decimalOn(OCCUPANCY_TARGET, on);
    }

    BigDecimal partnerAreaMax(LocalDate on) {
        return policies.decimalOn(PARTNER_AREA_MAX, on);
    }

    int partnershipMinYears(LocalDate on) {
        return policies.integerOn(PARTNERSHIP_MIN_YEARS, on);
    }

    int useMaxMonths(LocalDate on) {
        return policies.integerOn(USE_MAX_MONTHS, on);
    }

    int leaseMinMonths(LocalDate on) {
        return policies.integerOn(LEASE_MIN_MONTHS, on);
    }

    BigDecimal dedicatedM2(LocalDate on) {
        return policies.decimalOn(DEDICATED_M2, on);
    }

    BigDecimal sharedM2(LocalDate on) {
        return policies.decimalOn(SHARED_M2, on);
    }

    BigDecimal vatRate(LocalDate on) {
        return policies.decimalOn(VAT, on);
    }

    int dueDays(LocalDate on) {
        return policies.integerOn(DUE_DAYS, on);
    }

    int noticeDays(LocalDate on) {
        return policies.integerOn(NOTICE_DAYS, on);
    }
}
