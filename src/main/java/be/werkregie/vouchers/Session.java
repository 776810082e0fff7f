package be.werkregie.vouchers;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One registered guidance session, in half-hour units. */
public record Session(UUID id, UUID voucherId, UUID coachId, String coachName, LocalDate date, LocalTime startTime,
                      int halfHours, String mode, boolean paid, boolean cancelled, String cancelReason) {

    public String durationLabel() {
        return Voucher.hoursLabel(halfHours);
    }
}
