package be.werkregie.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The one clock of the platform. Every rule, page and SQL statement takes "now" and "today" from this bean; nothing in
 * {@code src/main} calls {@code now()} without it ({@code ClockDisciplineTest} fails when something does).
 *
 * <ul>
 *   <li>{@code werkregie.clock.zone} (default Europe/Brussels): the zone in which "today" is decided.</li>
 *   <li>{@code werkregie.clock.fixed}: an ISO date-time; the clock stands still there (tests, reproducible demos).</li>
 *   <li>{@code werkregie.clock.shift}: an ISO period (P1Y, P3Y, P-2M…) added to the fixed or the system clock, so the
 *       whole suite can be run a year or three years later: {@code ./mvnw -B verify -Dwerkregie.clock.shift=P3Y}.</li>
 * </ul>
 */
@Configuration
public class TimeConfig {

    @Bean
    Clock clock(@Value("${werkregie.clock.zone:Europe/Brussels}") String zone,
                @Value("${werkregie.clock.fixed:}") String fixed,
                @Value("${werkregie.clock.shift:P0D}") String shift) {
        return clockOf(ZoneId.of(zone), fixed, shift);
    }

    static Clock clockOf(ZoneId zone, String fixed, String shift) {
        Period period = shift == null || shift.isBlank() ? Period.ZERO : Period.parse(shift.trim());
        if (fixed != null && !fixed.isBlank()) {
            ZonedDateTime at = OffsetDateTime.parse(fixed.trim()).atZoneSameInstant(zone).plus(period);
            return Clock.fixed(at.toInstant(), zone);
        }
        Clock system = Clock.system(zone);
        if (period.isZero()) {
            return system;
        }
        ZonedDateTime now = ZonedDateTime.now(system);
        return Clock.offset(system, Duration.between(now, now.plus(period)));
    }

    /** Pages read "today" from the platform clock, never from the JVM (templates must not call now()). */
    @ControllerAdvice
    static class TodayAdvice {
        private final Clock clock;

        TodayAdvice(Clock clock) {
            this.clock = clock;
        }

        @ModelAttribute("today")
        java.time.LocalDate today() {
            return java.time.LocalDate.now(clock);
        }
    }
}
