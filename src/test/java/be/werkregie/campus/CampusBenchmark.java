package be.werkregie.campus;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The campus benchmark of issue 13, on the real server and database: with 100,000 bookings across the five campuses,
 * the availability of one campus-week under 20 concurrent users (p95, against the static page of the same server in the
 * same run) and the cost of one booking (check + insert, median). Run with
 * {@code ./mvnw -B test -Dtest=CampusBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "werkregie.embedded-db.database=campus_benchmark")
class CampusBenchmark {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Bookings bookings;
    @Autowired Users users;
    @Autowired Clock clock;

    static final int USERS = 20;
    static final int ROUNDS = 40;

    @Test
    void availabilityOfACampusWeekAndTheCostOfABooking() throws Exception {
        // 100,000 bookings: every bookable space, every working day of two years around today, each part with a chance
        long existing = jdbc.sql("select count(*) from cp_booking").query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into cp_booking (id, space_id, on_date, day_part, during, booker_kind, booked_by, purpose, attendees, status, price, tariff,
                  created_at)
                select gen_random_uuid(), s.id, d::date, p.part,
                  tsrange(d::date + p.starts, d::date + p.ends, '[)'), 'PES', 'bench', 'Benchmark', 1, 'CONFIRMED', 0, 'PES', now()
                from cp_space s
                cross join generate_series(?::date - 450, ?::date + 560, interval '1 day') d
                cross join (values ('MORNING', time '08:30', time '12:30'), ('AFTERNOON', time '13:00', time '17:00'),
                                   ('EVENING', time '18:00', time '22:00')) p(part, starts, ends)
                where s.bookable and extract(isodow from d) <= 5 and random() < 0.62
                on conflict do nothing""").params(today, today).update();
        long total = jdbc.sql("select count(*) from cp_booking").query(Long.class).single();
        System.out.printf("BENCH campus bookings: %d (%d from the demo), generated in %d ms%n", total, existing, (System.nanoTime() - t0) / 1_000_000);
        jdbc.sql("analyze cp_booking").update();
        assertThat(total).isGreaterThanOrEqualTo(100_000);

        String base = "http://localhost:" + port;
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            clients.add(signedIn(base, "mediator"));
        }
        // warm up both pages
        for (int i = 0; i < 30; i++) {
            get(clients.get(0), base + "/static-page.html");
            get(clients.get(0), base + "/campus/gent/week?date=" + today.plusWeeks(i % 8));
        }
        // alternate the two pages in rounds, so that both see the same load on this noisy host
        List<Long> staticMs = Collections.synchronizedList(new ArrayList<>());
        List<Long> weekMs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        for (int round = 0; round < 6; round++) {
            boolean week = round % 2 == 1;
            List<Future<?>> fs = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                HttpClient c = clients.get(u);
                int user = u;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        String path = week ? "/campus/" + List.of("gent", "antwerpen", "roeselare", "anderlecht", "machelen").get(user % 5)
                                + "/week?date=" + today.plusWeeks((i + user) % 30 - 10) : "/static-page.html";
                        long s = System.nanoTime();
                        int status = get(c, base + path);
                        long ms = (System.nanoTime() - s) / 1_000_000;
                        if (status != 200) {
                            throw new IllegalStateException(path + " answered " + status);
                        }
                        (week ? weekMs : staticMs).add(ms);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        pool.shutdown();
        double weekP95 = percentile(weekMs, 95);
        double staticP95 = percentile(staticMs, 95);
        System.out.printf("BENCH campus week availability: %d requests, p50 %.1f ms, p95 %.1f ms (static page p50 %.1f ms, p95 %.1f ms), ratio p95 %.2f%n",
                weekMs.size(), percentile(weekMs, 50), weekP95, percentile(staticMs, 50), staticP95, weekP95 / Math.max(1, staticP95));

        // where the page's time goes: the week's data alone (one campus, one thread)
        CurrentUser reader = users.find("mediator").orElseThrow();
        UUID gentId = jdbc.sql("select id from cp_campus where code = 'gent'").query(UUID.class).single();
        List<Long> dataMicros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            bookings.week(gentId, today.plusWeeks(i % 30 - 10), reader);
            dataMicros.add((System.nanoTime() - s) / 1_000);
        }
        List<Long> pageMicros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long s = System.nanoTime();
            get(clients.get(0), base + "/campus/gent/week?date=" + today.plusWeeks(i % 30 - 10));
            pageMicros.add((System.nanoTime() - s) / 1_000);
        }
        List<Long> staticMicros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long s = System.nanoTime();
            get(clients.get(0), base + "/static-page.html");
            staticMicros.add((System.nanoTime() - s) / 1_000);
        }
        System.out.printf("BENCH campus week, one user: data %.2f ms, whole page %.2f ms, static page %.2f ms (medians)%n",
                percentile(dataMicros, 50) / 1000.0, percentile(pageMicros, 50) / 1000.0, percentile(staticMicros, 50) / 1000.0);

        // the cost of one booking (validation, pricing, the insert the exclusion constraint checks), on free slots far ahead
        CurrentUser mediator = users.find("mediator").orElseThrow();
        List<UUID> spaces = jdbc.sql("select id from cp_space where bookable and dedicated_to is null and capacity >= 4 order by id").query(UUID.class).list();
        List<Long> bookNanos = new ArrayList<>();
        LocalDate far = today.plusDays(700).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < 300; i++) {
            LocalDate d = far.plusWeeks(i / (spaces.size() * 3)).plusDays(0);
            UUID space = spaces.get(i % spaces.size());
            DayPart part = List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING).get((i / spaces.size()) % 3);
            long s = System.nanoTime();
            bookings.book(new Bookings.BookingRequest(space, d, part, null, "Benchmark", 2, "bench-" + i), mediator);
            bookNanos.add(System.nanoTime() - s);
        }
        List<Long> bookMs = bookNanos.stream().map(n -> n / 1_000).toList(); // microseconds
        double bookMedianMs = percentile(bookMs, 50) / 1000.0;
        System.out.printf("BENCH campus booking (check + insert): median %.2f ms, p95 %.2f ms over %d bookings%n", bookMedianMs,
                percentile(bookMs, 95) / 1000.0, bookMs.size());
        System.out.printf("RESULT campus_week_p95_ms=%.1f target=100 %s; booking_median_ms=%.2f target=20 %s%n", weekP95,
                weekP95 <= 100 ? "PASS" : "FAIL", bookMedianMs, bookMedianMs <= 20 ? "PASS" : "FAIL");
        // the absolute targets are reported above (this 2-core host is noisy); what must hold in any run is the booking's
        // cost and that the week stays within a small multiple of the static page of the same server
        assertThat(bookMedianMs).as("booking median (ms)").isLessThanOrEqualTo(20);
        assertThat(weekP95 / Math.max(1, staticP95)).as("availability p95 against the static page's").isLessThanOrEqualTo(5);
    }

    static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    static int get(HttpClient c, String url) {
        try {
            return c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpClient signedIn(String base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=werkregie&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return http;
    }
}
