package be.werkregie.guidance;

import java.time.LocalDate;
import java.util.UUID;

/** A partner registered a formal output (payable) with its evidence. */
public record OutputRegistered(UUID actionId, UUID trajectoryId, UUID partnerId, String kind, LocalDate occurredOn) {}
