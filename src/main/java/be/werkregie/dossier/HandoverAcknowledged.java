package be.werkregie.dossier;

import java.util.UUID;

/** Published when the receiving organisation confirms it has taken over a person. */
public record HandoverAcknowledged(UUID handoverId, UUID personId, UUID fromOrganisationId, String toOrganisation,
                                   String acknowledgedBy) {}
