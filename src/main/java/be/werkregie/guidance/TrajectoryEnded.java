package be.werkregie.guidance;

import java.time.LocalDate;
import java.util.UUID;

/** A trajectory ended: outcome WORK_FOUND (a claim until verified), ENDED, or STOPPED (with a warm handover). */
public record TrajectoryEnded(UUID trajectoryId, UUID personId, UUID partnerId, String outcome, LocalDate endedOn) {}
