package be.werkregie.cooperation;

import be.werkregie.shared.Lifecycle;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A referral of a person from a social service (OCMW) to the employment service, on the person's own mandate, with what
 * the local pre-trajectory found. The employment service confirms the intake within the agreed number of days (dated
 * policy); both sides then follow the steps the other registers within the visibility rules.
 */
public record Referral(UUID id, UUID personId, UUID fromOrganisationId, String fromOrganisation, UUID toOrganisationId,
                       String toOrganisation, UUID mandateId, TargetGroup targetGroup, Directing directing, String reason,
                       String preTrajectory, String contactName, String contactDetails, boolean cooperationLine, Status status,
                       OffsetDateTime sentAt, LocalDate intakeDueOn, OffsetDateTime confirmedAt, String confirmedBy,
                       String caseManager, String caseManagerContact, String decidedNote) {

    /** The target groups of the pact. */
    public enum TargetGroup { NBAZU, WZW_MULTI, SOCIAL_ASSISTANCE, OTHER }

    /** Who directs the person's path (one directing professional coordinates). */
    public enum Directing { EMPLOYMENT_SERVICE, SOCIAL_SERVICE }

    public enum Status {
        SENT, CONFIRMED, DECLINED, WITHDRAWN, CLOSED;

        public static final Lifecycle<Status> LIFECYCLE = Lifecycle.of(Status.class)
                .from(SENT, CONFIRMED, DECLINED, WITHDRAWN)
                .from(CONFIRMED, CLOSED, WITHDRAWN)
                .build();
    }

    public Lifecycle.Transition<Status> confirm() {
        return Status.LIFECYCLE.move(status, Status.CONFIRMED, "referral", "cooperation.referral.notOpen");
    }

    public Lifecycle.Transition<Status> decline() {
        return Status.LIFECYCLE.move(status, Status.DECLINED, "referral", "cooperation.referral.notOpen");
    }

    public Lifecycle.Transition<Status> withdraw() {
        return Status.LIFECYCLE.move(status, Status.WITHDRAWN, "referral", "cooperation.referral.closed");
    }

    public Lifecycle.Transition<Status> close() {
        return Status.LIFECYCLE.move(status, Status.CLOSED, "referral", "cooperation.referral.notConfirmed");
    }

    /** Not confirmed (nor declined) by the due date: visible to both sides as overdue. */
    public boolean overdueOn(LocalDate today) {
        return status == Status.SENT && today.isAfter(intakeDueOn);
    }
}
