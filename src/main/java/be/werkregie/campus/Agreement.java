package be.werkregie.campus;

import be.werkregie.shared.Lifecycle;
import be.werkregie.shared.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agreement on the use of campus space, in one of the source's three models: a <b>partnership</b> (the partner moves
 * in for at least 18 years; dedicated spaces at 100 % per m², shared spaces pro rata of the time used by the
 * distribution key; the partner-specific area at most 15 % of the campus; rent can be waived in given years against
 * co-investment), a <b>lease</b> (more than a year; fixed rent with a flat rate or periodic settlement of operational
 * costs, a pro-rata reduction for shared use; terms such as 3-6-9) or a <b>use agreement</b> (at most a year, only when
 * the employment service does not need the space; user types 1–3; fee = day rate × days, a day part half of it).
 * The limits are dated policy values; {@link #check} applies them.
 */
public record Agreement(UUID id, String number, UUID campusId, Model model, UUID holderOrg, String holderName, String holderEmail,
                        String holderVat, Integer userType, LocalDate validFrom, LocalDate validUntil, Status status,
                        BigDecimal monthlyRent, BigDecimal monthlyCosts, boolean costsFlat, BigDecimal sharedReduction,
                        BigDecimal sharedKey, BigDecimal dayRate, List<Integer> rentWaivedYears, String term, String requestedBy,
                        String decidedBy) {

    public enum Model { PARTNERSHIP, LEASE, USE }

    public enum Status {
        REQUESTED, ACTIVE, REFUSED, ENDED;

        public static final Lifecycle<Status> LIFECYCLE = Lifecycle.of(Status.class)
                .from(REQUESTED, ACTIVE, REFUSED)
                .from(ACTIVE, ENDED)
                .build();
    }

    /** What the limits of the models are on a date (dated policy values). */
    /** The limits on a date: a lease runs longer than {@code leaseMinMonths}, a use agreement at most {@code useMaxMonths}. */
    public record Limits(int partnershipMinYears, int leaseMinMonths, int useMaxMonths, BigDecimal partnerAreaMax) {}

    /** The terms asked for: checked against the model's limits before anything is stored. */
    public record Terms(Model model, Integer userType, LocalDate validFrom, LocalDate validUntil, BigDecimal monthlyRent,
                        BigDecimal monthlyCosts, boolean costsFlat, BigDecimal sharedReduction, BigDecimal sharedKey, BigDecimal dayRate,
                        BigDecimal dedicatedArea, BigDecimal partnerAreaAlready, BigDecimal campusArea) {}

    /**
     * The rules of the three models, field by field. {@code dedicatedArea} is the area of the spaces this agreement makes
     * partner-specific; {@code partnerAreaAlready} what the same partner already has on the campus.
     */
    public static void check(Terms t, Limits l, Validator v) {
        v.check(t.model() != null, "model", "validation.choice");
        v.check(t.validFrom() != null, "validFrom", "validation.date");
        v.check(t.validUntil() != null, "validUntil", "validation.date");
        if (t.model() == null || t.validFrom() == null || t.validUntil() == null) {
            return;
        }
        if (t.validUntil().isBefore(t.validFrom())) {
            v.add("validUntil", "campus.agreement.endBeforeStart");
            return;
        }
        // periods in calendar terms: "a year" from 17 March is until 16 March, whatever leap day lies between
        switch (t.model()) {
            case PARTNERSHIP -> {
                v.check(!t.validUntil().isBefore(t.validFrom().plusYears(l.partnershipMinYears()).minusDays(1)), "validUntil",
                        "campus.agreement.partnershipTooShort", l.partnershipMinYears());
                v.check(t.sharedKey() != null && t.sharedKey().signum() > 0 && t.sharedKey().compareTo(BigDecimal.ONE) <= 0, "sharedKey",
                        "campus.agreement.sharedKey");
            }
            case LEASE -> {
                v.check(t.validUntil().isAfter(t.validFrom().plusMonths(l.leaseMinMonths()).minusDays(1)), "validUntil",
                        "campus.agreement.leaseTooShort");
                v.check(t.monthlyRent() != null && t.monthlyRent().signum() >= 0, "monthlyRent", "validation.required");
                v.check(!t.costsFlat() || t.monthlyCosts() != null && t.monthlyCosts().signum() >= 0, "monthlyCosts", "validation.required");
                v.check(t.sharedReduction() == null || t.sharedReduction().signum() >= 0 && t.sharedReduction().compareTo(BigDecimal.ONE) <= 0,
                        "sharedReduction", "campus.agreement.share");
            }
            case USE -> {
                v.check(!t.validUntil().isAfter(t.validFrom().plusMonths(l.useMaxMonths()).minusDays(1)), "validUntil", "campus.agreement.useTooLong");
                v.check(t.userType() != null && t.userType() >= 1 && t.userType() <= 3, "userType", "validation.choice");
                v.check(t.userType() == null || t.userType() != 3 || t.dayRate() != null && t.dayRate().signum() >= 0, "dayRate",
                        "campus.agreement.type3Rate");
            }
        }
        if (t.model() != Model.USE && t.dedicatedArea() != null && t.dedicatedArea().signum() > 0 && t.campusArea() != null) {
            BigDecimal after = t.dedicatedArea().add(t.partnerAreaAlready() == null ? BigDecimal.ZERO : t.partnerAreaAlready());
            v.check(after.compareTo(t.campusArea().multiply(l.partnerAreaMax())) <= 0, "spaces", "campus.agreement.areaOverLimit",
                    l.partnerAreaMax().movePointRight(2).stripTrailingZeros().toPlainString());
        }
    }

    public boolean validOn(LocalDate d) {
        return status == Status.ACTIVE && !d.isBefore(validFrom) && !d.isAfter(validUntil);
    }

    public Lifecycle.Transition<Status> approve() {
        return Status.LIFECYCLE.move(status, Status.ACTIVE, "agreement", "campus.agreement.notRequested");
    }

    public Lifecycle.Transition<Status> refuse() {
        return Status.LIFECYCLE.move(status, Status.REFUSED, "agreement", "campus.agreement.notRequested");
    }

    public Lifecycle.Transition<Status> end() {
        return Status.LIFECYCLE.move(status, Status.ENDED, "agreement", "campus.agreement.notActive");
    }

    /** A booking under a use agreement waits for the campus manager's approval; the other models book at once. */
    public boolean bookingsNeedApproval() {
        return model == Model.USE;
    }
}
