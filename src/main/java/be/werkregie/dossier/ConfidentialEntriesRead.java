package be.werkregie.dossier;

import java.util.List;
import java.util.UUID;

/**
 * An administrator opened a person's confidential entries ("break glass") for a stated reason. The person sees it in
 * "Who viewed my file"; the organisations that wrote those entries are told (messaging listens).
 */
public record ConfidentialEntriesRead(UUID personId, List<UUID> authorOrganisations, String reader, String readerOrganisation,
                                      String reason, java.time.OffsetDateTime at) {}
