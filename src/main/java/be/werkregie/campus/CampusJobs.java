package be.werkregie.campus;

import be.werkregie.platform.JobRuns;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning (on one instance, {@link JobRuns}) a reminder for each confirmed booking of the next day to the booker's
 * organisation, through messaging ({@link CampusBookingReminder}; messaging's idempotency key makes a rerun send nothing
 * twice).
 */
@Component
class CampusJobs {

    private final JdbcClient jdbc;
    private final JobRuns jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampusJobs(JdbcClient jdbc, JobRuns jobs, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${werkregie.campus.reminder-cron:0 0 7 * * *}", zone = "${werkregie.clock.zone:Europe/Brussels}")
    void remindDaily() {
        if (jobs.claim("campus.reminders")) {
            remind(LocalDate.now(clock).plusDays(1));
        }
    }

    /** Publishes a reminder for every confirmed booking on the day that has an organisation to tell. Returns how many. */
    @Transactional
    int remind(LocalDate day) {
        return jdbc.sql("""
                select b.id, b.organisation_id, c.name, s.name, b.on_date, b.day_part, b.purpose from cp_booking b
                join cp_space s on s.id = b.space_id join cp_campus c on c.id = s.campus_id
                where b.on_date = ? and b.status = 'CONFIRMED' and b.organisation_id is not null""")
                .param(day)
                .query((rs, i) -> new CampusBookingReminder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)))
                .list().stream().peek(events::publishEvent).toList().size();
    }
}
