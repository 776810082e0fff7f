package be.werkregie.vouchers;

import java.time.LocalDate;
import java.util.UUID;

/** A voucher was issued: the contribution is paid and the voucher can be handed to a centre (published after commit). */
public record VoucherIssued(UUID voucherId, UUID personId, String code, LocalDate validUntil, int hours) {}
