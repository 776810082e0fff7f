package be.werkregie.vouchers;

import java.time.LocalDate;
import java.util.UUID;

/** A voucher's guidance was closed with the synthesis (the survey is open for the client). */
public record VoucherClosed(UUID voucherId, UUID personId, UUID centreId, LocalDate closedOn) {}
