package be.werkregie.guidance;

import java.util.UUID;

/**
 * The client changed the partner they chose, within the choice period and before anything was registered: the
 * trajectory moved from one partner's site to another's. Carries what a notification needs.
 */
public record PartnerChoiceChanged(UUID changeId, UUID trajectoryId, UUID personId, UUID fromPartnerId, UUID toPartnerId,
                                   UUID toSiteId, String partnerName, String siteLabel) {}
