package be.werkregie.guidance;

import java.time.LocalDate;
import java.util.UUID;

/** A claimed placement was verified (employment records or an approved proof): the result fee is payable. */
public record ResultVerified(UUID trajectoryId, UUID personId, UUID partnerId, LocalDate verifiedOn, String verifiedBy) {}
