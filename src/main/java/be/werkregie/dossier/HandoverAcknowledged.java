package be.werkregie.dossier;

import java.util.UUID;

/** Published when the receiving organisation confirms it has taken over a person. */
public record HandoverAcknowledged(UUID handoverId, UUID personId, String toOrganisation, String acknowledgedBy) {}
