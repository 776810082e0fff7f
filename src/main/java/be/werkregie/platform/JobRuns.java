package be.werkregie.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs run once across instances. Every instance's scheduler fires; the first to record (job, minute) runs
 * the job, the others see the row and skip. A database row instead of a lock service: all instances share PostgreSQL.
 */
@Component
public class JobRuns {

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;

    JobRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True for exactly one instance per job and minute of the clock. */
    public boolean claim(String job) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("insert into platform_job_run (job, slot, instance, ran_at) values (?,?,?,?) on conflict do nothing")
                .params(job, now.truncatedTo(ChronoUnit.MINUTES), INSTANCE, now).update() == 1;
    }
}
