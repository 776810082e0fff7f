package be.werkregie.guidance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A guidance trajectory started at a partner site after the client's choice (an assignment run publishes
 * {@link AssignmentCompleted} for its placements instead). Carries what a notification needs: the partner's name and
 * the site as "name, municipality".
 */
public record TrajectoryStarted(UUID trajectoryId, UUID personId, UUID partnerId, UUID siteId, String offerCode, LocalDate startedOn,
                                String partnerName, String siteLabel) {}
