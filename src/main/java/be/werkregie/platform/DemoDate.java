package be.werkregie.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The date the demo history is anchored to. {@code werkregie.demo.date} (ISO date) sets it; without it the platform
 * clock's date at the first start is taken. Either way it is stored on first use and read back afterwards, so a demo
 * restarted weeks later still tells one coherent story (the generators never read the clock themselves).
 */
@Component
public class DemoDate {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String configured;
    private volatile LocalDate cached;

    DemoDate(JdbcClient jdbc, Clock clock, @Value("${werkregie.demo.date:}") String configured) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = configured;
    }

    public LocalDate today() {
        LocalDate d = cached;
        if (d == null) {
            LocalDate wanted = configured == null || configured.isBlank() ? LocalDate.now(clock) : LocalDate.parse(configured.trim());
            jdbc.sql("insert into platform_demo_date (id, demo_date, chosen_at) values (1, ?, ?) on conflict (id) do nothing")
                    .params(wanted, OffsetDateTime.now(clock)).update();
            d = jdbc.sql("select demo_date from platform_demo_date where id = 1").query(LocalDate.class).single();
            cached = d;
        }
        return d;
    }
}
