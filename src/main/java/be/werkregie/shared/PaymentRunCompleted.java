package be.werkregie.shared;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A payment run was committed (scheme VOUCHERS or GUIDANCE; later CAMPUS invoices): the lines it wrote and their total.
 * Published by the module that ran it, for reporting and notifications.
 */
public record PaymentRunCompleted(String scheme, UUID runId, String runKey, int lines, BigDecimal total) {}
