package be.werkregie.campus;

import be.werkregie.shared.Lifecycle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A booking of a space for a day part or the whole day. */
public record Booking(UUID id, UUID spaceId, String spaceName, UUID campusId, String campusName, LocalDate onDate, DayPart dayPart,
                      BookerKind bookerKind, UUID agreementId, String agreementNumber, String bookedBy, String purpose, int attendees,
                      Status status, UUID seriesId, BigDecimal price, String tariff, String cancelReason, UUID invoiceId) {

    /** Who books: the employment service itself (first priority), an in-house partner, an external user. */
    public enum BookerKind { PES, PARTNER, EXTERNAL }

    public enum Status {
        REQUESTED, CONFIRMED, CANCELLED;

        public static final Lifecycle<Status> LIFECYCLE = Lifecycle.of(Status.class)
                .from(REQUESTED, CONFIRMED, CANCELLED)
                .from(CONFIRMED, CANCELLED)
                .build();
    }

    public Lifecycle.Transition<Status> approve() {
        return Status.LIFECYCLE.move(status, Status.CONFIRMED, "booking", "campus.booking.notRequested");
    }

    /** Cancelled by the booker or the campus manager until it is invoiced; an invoiced booking is corrected by a credit note. */
    public Lifecycle.Transition<Status> cancel() {
        if (invoiceId != null) {
            throw new be.werkregie.shared.ConflictException("booking", "campus.booking.invoiced");
        }
        return Status.LIFECYCLE.move(status, Status.CANCELLED, "booking", "campus.booking.cancelled");
    }

    public boolean active() {
        return status != Status.CANCELLED;
    }
}
