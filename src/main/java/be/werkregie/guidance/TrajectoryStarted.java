package be.werkregie.guidance;

import java.time.LocalDate;
import java.util.UUID;

/** A guidance trajectory started at a partner site (after the client's choice or an assignment run). */
public record TrajectoryStarted(UUID trajectoryId, UUID personId, UUID partnerId, UUID siteId, String offerCode, LocalDate startedOn) {}
