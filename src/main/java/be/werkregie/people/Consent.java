package be.werkregie.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person's mandate to an organisation, for a purpose, valid from a date until an expiry date (inclusive). */
public record Consent(UUID id, UUID personId, UUID organisationId, String organisationName, String purpose, String scope,
                      LocalDate validFrom, LocalDate expiresOn, OffsetDateTime revokedAt, String recordedVia,
                      String evidence) {

    public boolean activeOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(expiresOn);
    }

    public boolean expiredOn(LocalDate day) {
        return day.isAfter(expiresOn);
    }
}
