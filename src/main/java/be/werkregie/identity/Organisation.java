package be.werkregie.identity;

import java.util.UUID;

public record Organisation(UUID id, OrganisationKind kind, String name, String municipalityNis, UUID parentId,
                           String email, String phone) {}
