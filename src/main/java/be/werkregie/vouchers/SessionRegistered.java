package be.werkregie.vouchers;

import java.time.LocalDate;
import java.util.UUID;

/** A centre registered a guidance session on a voucher. */
public record SessionRegistered(UUID sessionId, UUID voucherId, UUID centreId, LocalDate date, int halfHours, String mode) {}
