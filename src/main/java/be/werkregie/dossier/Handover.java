package be.werkregie.dossier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A warm handover: context, a named contact, and the receiver's acknowledgement. */
public record Handover(UUID id, UUID personId, UUID fromOrganisationId, String fromOrganisation, UUID toOrganisationId,
                       String toOrganisation, String fromUserName, String contactName, String contactDetails, String context,
                       OffsetDateTime createdAt, OffsetDateTime acknowledgedAt, String acknowledgedBy, String acknowledgementNote) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
