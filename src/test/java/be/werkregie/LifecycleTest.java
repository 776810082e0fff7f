package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.werkregie.guidance.Assessments;
import be.werkregie.guidance.ResultFeeStatus;
import be.werkregie.guidance.Trajectories;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.vouchers.CareerCentres;
import be.werkregie.vouchers.Misuse;
import be.werkregie.vouchers.Quality;
import be.werkregie.vouchers.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The aggregates' transition methods, in milliseconds and without a database: every move the rules allow, and the
 * refusal of every move they do not. These are the same methods the services call before their compare-and-set.
 */
class LifecycleTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 17);

    static Voucher voucher(Voucher.Status status, LocalDate validUntil) {
        return new Voucher(UUID.randomUUID(), "LC-1", UUID.randomUUID(), TODAY.minusYears(1), 1, TODAY.minusMonths(2), validUntil, 4,
                TODAY.minusYears(1), new BigDecimal("40.00"), status != Voucher.Status.AWAITING_PAYMENT, status, null, null, null,
                List.of(), null, false, false, false, null, null, 0, null);
    }

    @Test
    void aVoucherMovesFromPaymentToGuidanceToClosed() {
        assertThat(voucher(Voucher.Status.AWAITING_PAYMENT, TODAY.plusMonths(3)).payContribution().to()).isEqualTo(Voucher.Status.ISSUED);
        assertThat(voucher(Voucher.Status.ISSUED, TODAY).takeOver(TODAY).to()).isEqualTo(Voucher.Status.IN_GUIDANCE);
        Voucher inGuidance = voucher(Voucher.Status.IN_GUIDANCE, TODAY.plusMonths(3));
        assertThat(inGuidance.acceptsSessions()).isTrue();
        assertThat(inGuidance.recordSynthesis(TODAY).orElseThrow().to()).isEqualTo(Voucher.Status.CLOSED);
        assertThat(inGuidance.recordSynthesis(null)).isEmpty();
        assertThat(voucher(Voucher.Status.CLOSED, TODAY).recordSynthesis(TODAY)).as("a correction, not a move").isEmpty();
    }

    @Test
    void aVoucherRefusesTheWrongMoves() {
        assertThatThrownBy(() -> voucher(Voucher.Status.ISSUED, TODAY).payContribution()).isInstanceOf(ConflictException.class);
        assertThat(problem(() -> voucher(Voucher.Status.AWAITING_PAYMENT, TODAY).takeOver(TODAY))).isEqualTo("code:voucher.notPaid");
        assertThat(problem(() -> voucher(Voucher.Status.IN_GUIDANCE, TODAY).takeOver(TODAY))).isEqualTo("code:voucher.alreadyTaken");
        assertThat(problem(() -> voucher(Voucher.Status.CLOSED, TODAY).takeOver(TODAY))).isEqualTo("code:voucher.alreadyTaken");
        assertThat(problem(() -> voucher(Voucher.Status.LAPSED, TODAY).takeOver(TODAY))).isEqualTo("code:voucher.expired");
        assertThat(problem(() -> voucher(Voucher.Status.ISSUED, TODAY.minusDays(1)).takeOver(TODAY))).isEqualTo("code:voucher.expired");
        assertThat(voucher(Voucher.Status.CLOSED, TODAY).acceptsSessions()).isFalse();
        assertThat(voucher(Voucher.Status.ISSUED, TODAY.minusDays(1)).lapsesOn(TODAY)).isTrue();
        assertThat(voucher(Voucher.Status.ISSUED, TODAY).lapsesOn(TODAY)).as("valid through its last day").isFalse();
        assertThat(voucher(Voucher.Status.IN_GUIDANCE, TODAY.minusDays(1)).lapsesOn(TODAY)).as("in guidance never lapses").isFalse();
        assertThat(voucher(Voucher.Status.CLOSED, TODAY).cancel()).isPresent();
        assertThat(voucher(Voucher.Status.CANCELLED, TODAY).cancel()).isEmpty();
        assertThat(Voucher.Status.LIFECYCLE.isFinal(Voucher.Status.CANCELLED)).isTrue();
    }

    static Trajectories.Trajectory trajectory(Trajectories.Trajectory.Status status, LocalDate acknowledged) {
        return new Trajectories.Trajectory(UUID.randomUUID(), UUID.randomUUID(), "A. Client", UUID.randomUUID(), "Partner",
                UUID.randomUUID(), "Site", "BASIC", List.of(), TODAY.minusMonths(2), TODAY.plusMonths(4), status, null, null, null,
                null, null, acknowledged, null);
    }

    @Test
    void aTrajectoryEndsOnceWithStopOrOutcome() {
        var active = trajectory(Trajectories.Trajectory.Status.ACTIVE, null);
        assertThat(active.stop().to()).isEqualTo(Trajectories.Trajectory.Status.STOPPED);
        assertThat(active.end(Trajectories.Trajectory.Status.WORK_FOUND).to()).isEqualTo(Trajectories.Trajectory.Status.WORK_FOUND);
        assertThat(active.end(Trajectories.Trajectory.Status.ENDED).to()).isEqualTo(Trajectories.Trajectory.Status.ENDED);
        assertThat(problem(() -> active.end(Trajectories.Trajectory.Status.STOPPED))).isEqualTo("outcome:validation.choice");
        assertThat(problem(() -> active.end(null))).isEqualTo("outcome:validation.choice");
        var stopped = trajectory(Trajectories.Trajectory.Status.STOPPED, null);
        assertThat(problem(stopped::stop)).isEqualTo("trajectoryId:guidance.alreadyEnded");
        assertThat(problem(() -> stopped.end(Trajectories.Trajectory.Status.WORK_FOUND))).isEqualTo("trajectoryId:guidance.alreadyEnded");
        assertThat(stopped.awaitsAcknowledgement()).isTrue();
        assertThat(trajectory(Trajectories.Trajectory.Status.STOPPED, TODAY).awaitsAcknowledgement()).isFalse();
        assertThat(trajectory(Trajectories.Trajectory.Status.WORK_FOUND, null).endedWithWork()).isTrue();
        assertThat(active.endedWithWork()).isFalse();
    }

    static Assessments.Referral referral(Assessments.Referral.Status status, UUID site) {
        return new Assessments.Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "BASIC", List.of(), TODAY, TODAY.plusDays(14),
                status, site, null, null, null, null);
    }

    @Test
    void aReferralIsChosenOnceWhileOpen() {
        UUID site = UUID.randomUUID();
        assertThat(referral(Assessments.Referral.Status.WAITING, null).choose().to()).isEqualTo(Assessments.Referral.Status.CHOSEN);
        assertThat(referral(Assessments.Referral.Status.UNPLACED, null).choose().to()).isEqualTo(Assessments.Referral.Status.CHOSEN);
        assertThat(problem(() -> referral(Assessments.Referral.Status.ASSIGNED, site).choose())).isEqualTo("referralId:guidance.notWaiting");
        assertThat(problem(() -> referral(Assessments.Referral.Status.CHOSEN, site).choose())).isEqualTo("referralId:guidance.notWaiting");
        assertThat(referral(Assessments.Referral.Status.CHOSEN, site).alreadyChose(site)).as("a retry is the same answer").isTrue();
        assertThat(referral(Assessments.Referral.Status.CHOSEN, site).alreadyChose(UUID.randomUUID())).isFalse();
        assertThat(Assessments.Referral.Status.open()).containsExactly("UNPLACED", "WAITING");
    }

    @Test
    void aComplaintIsDecidedOnce() {
        var received = new Quality.Complaint(UUID.randomUUID(), UUID.randomUUID(), "LC-1", "Centre", "CONTENT", TODAY, TODAY, "x", true,
                Quality.Complaint.Status.RECEIVED, null, null, null, null);
        assertThat(received.decide().to()).isEqualTo(Quality.Complaint.Status.DECIDED);
        var decided = new Quality.Complaint(received.id(), received.voucherId(), "LC-1", "Centre", "CONTENT", TODAY, TODAY, "x", true,
                Quality.Complaint.Status.DECIDED, "FOUNDED", null, "n", TODAY);
        assertThat(problem(decided::decide)).isEqualTo("status:complaint.notOpen");
        var late = new Quality.Complaint(received.id(), received.voucherId(), "LC-1", "Centre", "CONTENT", TODAY, TODAY, "x", false,
                Quality.Complaint.Status.INADMISSIBLE, null, null, null, null);
        assertThat(problem(late::decide)).isEqualTo("status:complaint.notOpen");
    }

    static CareerCentres.Mandate mandate(CareerCentres.Mandate.Status status, LocalDate until) {
        return new CareerCentres.Mandate(UUID.randomUUID(), UUID.randomUUID(), "Centre", "0123456749", status, "label", BigDecimal.TEN,
                "v", "f", false, TODAY, TODAY, TODAY, until, null);
    }

    @Test
    void aMandateIsDecidedThenSuspendedRestoredOrRevoked() {
        var applied = mandate(CareerCentres.Mandate.Status.APPLIED, null);
        assertThat(applied.startDecision().to()).isEqualTo(CareerCentres.Mandate.Status.DECIDING);
        assertThat(applied.refuse().to()).isEqualTo(CareerCentres.Mandate.Status.REFUSED);
        assertThat(problem(() -> applied.changeTo(CareerCentres.Mandate.Status.SUSPENDED))).isEqualTo("status:centre.notActive");
        var approved = mandate(CareerCentres.Mandate.Status.APPROVED, TODAY.plusYears(5));
        assertThat(approved.inForceOn(TODAY)).isTrue();
        assertThat(problem(approved::startDecision)).isEqualTo("status:centre.notPending");
        assertThat(approved.changeTo(CareerCentres.Mandate.Status.SUSPENDED).to()).isEqualTo(CareerCentres.Mandate.Status.SUSPENDED);
        assertThat(problem(() -> approved.changeTo(CareerCentres.Mandate.Status.APPROVED))).isEqualTo("status:centre.notActive");
        assertThat(problem(() -> approved.changeTo(CareerCentres.Mandate.Status.DECIDING))).isEqualTo("status:validation.choice");
        var suspended = mandate(CareerCentres.Mandate.Status.SUSPENDED, TODAY.plusYears(5));
        assertThat(suspended.running()).isTrue();
        assertThat(suspended.inForceOn(TODAY)).isFalse();
        assertThat(suspended.changeTo(CareerCentres.Mandate.Status.APPROVED).to()).isEqualTo(CareerCentres.Mandate.Status.APPROVED);
        var revoked = mandate(CareerCentres.Mandate.Status.REVOKED, TODAY.plusYears(5));
        assertThat(problem(() -> revoked.changeTo(CareerCentres.Mandate.Status.APPROVED))).isEqualTo("status:centre.notActive");
        assertThat(mandate(CareerCentres.Mandate.Status.APPROVED, TODAY.minusDays(1)).inForceOn(TODAY)).isFalse();
    }

    static Misuse.Sanction sanction(Misuse.Sanction.Status status, LocalDate defenceUntil) {
        return new Misuse.Sanction(UUID.randomUUID(), UUID.randomUUID(), "Centre", UUID.randomUUID(), "RECOVERY", null, "m", TODAY,
                defenceUntil, null, null, status, null, null);
    }

    @Test
    void aMisuseCaseAndItsSanctionFollowTheProcedure() {
        var investigating = new Misuse.Case(UUID.randomUUID(), UUID.randomUUID(), "Centre", "OFF_HOURS", 5, 3, BigDecimal.ONE, "s",
                List.of(), TODAY, TODAY, "e", TODAY, Misuse.Case.Status.INVESTIGATING, null, null, null);
        assertThat(investigating.conclude(true).to()).isEqualTo(Misuse.Case.Status.FOUNDED);
        assertThat(investigating.conclude(false).to()).isEqualTo(Misuse.Case.Status.UNFOUNDED);
        var open = new Misuse.Case(investigating.id(), investigating.centreId(), "Centre", "OFF_HOURS", 5, 3, BigDecimal.ONE, "s",
                List.of(), TODAY, TODAY, "e", TODAY, Misuse.Case.Status.OPEN, null, null, null);
        assertThat(problem(() -> open.conclude(true))).isEqualTo("status:misuse.notInvestigating");

        assertThat(problem(() -> sanction(Misuse.Sanction.Status.PROPOSED, TODAY).decide(true, TODAY)))
                .as("final only after the defence period").isEqualTo("final:sanction.defenceRunning");
        assertThat(sanction(Misuse.Sanction.Status.PROPOSED, TODAY).decide(false, TODAY).to()).isEqualTo(Misuse.Sanction.Status.WITHDRAWN);
        assertThat(sanction(Misuse.Sanction.Status.PROPOSED, TODAY.minusDays(1)).decide(true, TODAY).to()).isEqualTo(Misuse.Sanction.Status.FINAL);
        assertThat(problem(() -> sanction(Misuse.Sanction.Status.FINAL, TODAY.minusDays(1)).decide(false, TODAY)))
                .isEqualTo("status:sanction.notProposed");
    }

    @Test
    void aResultFeeIsPayableOnlyOnceVerified() {
        assertThat(ResultFeeStatus.LIFECYCLE.allows(ResultFeeStatus.CLAIMED, ResultFeeStatus.VERIFIED)).isTrue();
        assertThat(ResultFeeStatus.LIFECYCLE.allows(ResultFeeStatus.REJECTED, ResultFeeStatus.VERIFIED))
                .as("a rejected proof needs a new proof first").isFalse();
        assertThat(ResultFeeStatus.LIFECYCLE.allows(ResultFeeStatus.REJECTED, ResultFeeStatus.PROOF_SUBMITTED)).isTrue();
        assertThat(ResultFeeStatus.LIFECYCLE.isFinal(ResultFeeStatus.VERIFIED)).isTrue();
    }

    /** "field:key" of the first problem of a refused move. */
    static String problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
        }
        throw new AssertionError("the move was not refused");
    }
}
