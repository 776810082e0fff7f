package be.werkregie.vouchers;

import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.Lifecycle;
import be.werkregie.shared.Lifecycle.Transition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A career voucher with its guidance registration. {@code usedHalfHours} counts the registered sessions. */
public record Voucher(UUID id, String code, UUID personId, LocalDate packageStart, int numberInPackage, LocalDate requestedOn,
                      LocalDate validUntil, int hours, LocalDate rulesVersion, BigDecimal contribution, boolean contributionPaid,
                      Status status, UUID centreId, String centreName, LocalDate takenOverOn, List<String> themes,
                      String careerQuestion, boolean agreementPresent, boolean attendancePresent, boolean popPresent,
                      LocalDate synthesisOn, LocalDate aftercareOn, int usedHalfHours, String popText) {

    /**
     * The voucher's life cycle: requested (awaiting the citizen's contribution) → issued → in guidance at one centre →
     * closed by the synthesis; not taken to a centre within its validity it lapses; a complaint decision can cancel it.
     */
    public enum Status {
        AWAITING_PAYMENT, ISSUED, IN_GUIDANCE, CLOSED, LAPSED, CANCELLED;

        public static final Lifecycle<Status> LIFECYCLE = Lifecycle.of(Status.class)
                .from(AWAITING_PAYMENT, ISSUED, LAPSED, CANCELLED)
                .from(ISSUED, IN_GUIDANCE, LAPSED, CANCELLED)
                .from(IN_GUIDANCE, CLOSED, CANCELLED)
                .from(CLOSED, CANCELLED)
                .from(LAPSED, CANCELLED)
                .build();

        /** A voucher never taken into guidance lapses the day after its validity (read before the nightly job writes it). */
        static boolean lapses(Status status, LocalDate validUntil, LocalDate today) {
            return LIFECYCLE.allows(status, LAPSED) && validUntil.isBefore(today);
        }
    }

    /** The contribution was paid: the voucher is issued. Only a voucher awaiting payment can be. */
    public Transition<Status> payContribution() {
        return Status.LIFECYCLE.move(status, Status.ISSUED, "payment", "voucher.notAwaitingPayment");
    }

    /**
     * A centre takes the voucher into guidance on {@code today}: it must be issued (paid, not yet taken, not lapsed) and
     * still valid. The refusals say why, on the code field the centre typed.
     */
    public Transition<Status> takeOver(LocalDate today) {
        switch (status) {
            case AWAITING_PAYMENT -> throw InvalidInputException.of("code", "voucher.notPaid");
            case IN_GUIDANCE, CLOSED -> throw InvalidInputException.of("code", "voucher.alreadyTaken");
            case LAPSED, CANCELLED -> throw InvalidInputException.of("code", "voucher.expired", validUntil);
            default -> { }
        }
        if (today.isAfter(validUntil)) {
            throw InvalidInputException.of("code", "voucher.expired", validUntil);
        }
        return Status.LIFECYCLE.move(status, Status.IN_GUIDANCE, "code", "voucher.alreadyTaken");
    }

    /** Sessions can be registered only while the voucher is in guidance. */
    public boolean acceptsSessions() {
        return status == Status.IN_GUIDANCE;
    }

    /** Recording the synthesis closes a voucher in guidance; on a closed voucher it is a correction (no move). */
    public Optional<Transition<Status>> recordSynthesis(LocalDate synthesisOn) {
        return synthesisOn != null && status == Status.IN_GUIDANCE
                ? Optional.of(Status.LIFECYCLE.move(status, Status.CLOSED, "synthesisOn", "voucher.notInGuidance"))
                : Optional.empty();
    }

    /** A voucher that was never taken into guidance lapses the day after its validity. */
    public boolean lapsesOn(LocalDate today) {
        return Status.lapses(status, validUntil, today);
    }

    /** A complaint decided with cancellation as remedy. A cancelled voucher stays cancelled (no second move). */
    public Optional<Transition<Status>> cancel() {
        return Status.LIFECYCLE.allows(status, Status.CANCELLED)
                ? Optional.of(new Transition<>(status, Status.CANCELLED)) : Optional.empty();
    }

    public int halfHoursLeft() {
        return Math.max(0, hours * 2 - usedHalfHours);
    }

    /** "3 u 30 min" style label used on pages. */
    public String usedLabel() {
        return hoursLabel(usedHalfHours);
    }

    public String leftLabel() {
        return hoursLabel(halfHoursLeft());
    }

    static String hoursLabel(int halfHours) {
        int h = halfHours / 2;
        return h + " u" + (halfHours % 2 == 1 ? " 30 min" : "");
    }
}
