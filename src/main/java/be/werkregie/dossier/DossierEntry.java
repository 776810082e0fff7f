package be.werkregie.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record DossierEntry(UUID id, UUID personId, UUID organisationId, String organisationName, String authorName,
                           String kind, Visibility visibility, String title, String body, LocalDate occurredOn,
                           OffsetDateTime createdAt) {}
