package be.werkregie.cooperation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A step one side registered on a referral; SHARED steps are seen by both sides, INTERNAL ones only by the author's. */
public record ReferralStep(UUID id, UUID referralId, UUID organisationId, String organisation, String author, String kind,
                           String visibility, String title, String body, LocalDate occurredOn, OffsetDateTime createdAt) {}
