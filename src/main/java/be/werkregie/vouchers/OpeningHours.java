package be.werkregie.vouchers;

import be.werkregie.shared.Validator;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The weekly opening hours of a site: at most one period per weekday (stored as {@code '1 09:00-17:00;3 13:00-20:00'},
 * ISO day numbers). Shown per day in the reader's language; a day without a period is closed.
 */
public record OpeningHours(List<Day> days) {

    public record Day(DayOfWeek day, LocalTime from, LocalTime until) {

        /** "maandag", "lundi", "Monday" with the times, for the public profile. */
        public String dayName(Locale locale) {
            return day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
        }

        public String period() {
            return from + "–" + until;
        }
    }

    public static final OpeningHours NONE = new OpeningHours(List.of());

    public OpeningHours {
        days = List.copyOf(days);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** The hours on a given weekday, or null when the site is closed then (for the edit form). */
    public Day on(int isoDay) {
        return days.stream().filter(d -> d.day().getValue() == isoDay).findFirst().orElse(null);
    }

    public String stored() {
        StringBuilder s = new StringBuilder();
        for (Day d : days) {
            s.append(s.isEmpty() ? "" : ";").append(d.day().getValue()).append(' ').append(d.from()).append('-').append(d.until());
        }
        return s.toString();
    }

    /** Reads the stored form; an unreadable entry is left out (it cannot be written by this class). */
    public static OpeningHours parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        List<Day> days = new ArrayList<>();
        for (String part : stored.split(";")) {
            try {
                String[] dayAndTimes = part.trim().split(" ");
                String[] times = dayAndTimes[1].split("-");
                days.add(new Day(DayOfWeek.of(Integer.parseInt(dayAndTimes[0])), LocalTime.parse(times[0]), LocalTime.parse(times[1])));
            } catch (RuntimeException e) {
                // skip
            }
        }
        return new OpeningHours(days);
    }

    /**
     * Reads the edit form: for each weekday 1..7 a field {@code from<n>} and {@code until<n>} (HH:mm); both empty
     * means closed. Errors are reported on the day's fields.
     */
    public static OpeningHours fromForm(IntFunction<String> from, IntFunction<String> until, Validator v) {
        List<Day> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            String f = from.apply(d) == null ? "" : from.apply(d).trim();
            String u = until.apply(d) == null ? "" : until.apply(d).trim();
            if (f.isEmpty() && u.isEmpty()) {
                continue;
            }
            LocalTime a = time(f);
            LocalTime b = time(u);
            v.check(a != null, "from" + d, "validation.time");
            v.check(b != null, "until" + d, "validation.time");
            if (a != null && b != null) {
                v.check(b.isAfter(a), "until" + d, "validation.untilAfterFrom");
                days.add(new Day(DayOfWeek.of(d), a, b));
            }
        }
        return new OpeningHours(days);
    }

    private static LocalTime time(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
