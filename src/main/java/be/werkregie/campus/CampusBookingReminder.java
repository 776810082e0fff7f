package be.werkregie.campus;

import java.time.LocalDate;
import java.util.UUID;

/** A confirmed booking is tomorrow: messaging reminds the booker's organisation (once per booking). */
public record CampusBookingReminder(UUID bookingId, UUID organisationId, String campus, String space, LocalDate onDate, String dayPart,
                                    String purpose) {}
