package be.werkregie.campus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A booking was cancelled by someone other than its booker: refused by the campus manager, or cancelled because the
 * employment service's own planning needs the space ({@code forPriority}). Messaging tells the booker's organisation.
 */
public record CampusBookingCancelled(UUID bookingId, UUID organisationId, String bookedBy, String campus, String space, LocalDate onDate,
                                     String dayPart, String reason, boolean forPriority) {}
