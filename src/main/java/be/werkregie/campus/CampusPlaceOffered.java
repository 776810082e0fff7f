package be.werkregie.campus;

import java.time.LocalDateTime;
import java.util.UUID;

/** Someone on an event's waiting list moved up to a place (a registered person cancelled). Messaging tells them. */
public record CampusPlaceOffered(UUID registrationId, String name, String email, String language, String eventTitle, String campus,
                                 LocalDateTime startsAt, String token) {}
