package be.werkregie.dossier;

import java.util.UUID;

/** Published when an organisation hands a person over to another one. */
public record HandoverCreated(UUID handoverId, UUID personId, String fromOrganisation, String toOrganisation,
                              String contactName, String contactDetails) {}
