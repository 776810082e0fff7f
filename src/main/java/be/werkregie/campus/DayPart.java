package be.werkregie.campus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The parts of a campus day a space is booked by: a morning, an afternoon or an evening (each priced at the day-part
 * share of the day rate, 50 % by the source) or the whole day (morning and afternoon; the day rate). Times are the
 * campus's wall-clock time; a booking holds the half-open range [start, end).
 */
public enum DayPart {
    MORNING(LocalTime.of(8, 30), LocalTime.of(12, 30)),
    AFTERNOON(LocalTime.of(13, 0), LocalTime.of(17, 0)),
    EVENING(LocalTime.of(18, 0), LocalTime.of(22, 0)),
    DAY(LocalTime.of(8, 30), LocalTime.of(17, 0));

    private final LocalTime start;
    private final LocalTime end;

    DayPart(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    public LocalDateTime startOn(LocalDate d) {
        return d.atTime(start);
    }

    public LocalDateTime endOn(LocalDate d) {
        return d.atTime(end);
    }

    /** Whether this part, on the same day, overlaps the other (the whole day overlaps the morning and the afternoon). */
    public boolean overlaps(DayPart other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The day parts the occupancy counts against the target: a working day's morning and afternoon. */
    public int occupancyUnits() {
        return switch (this) {
            case MORNING, AFTERNOON -> 1;
            case DAY -> 2;
            case EVENING -> 0;
        };
    }

    public static DayPart parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
