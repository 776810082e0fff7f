package be.werkregie;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.identity.Users;
import be.werkregie.platform.JobRuns;
import be.werkregie.vouchers.CareerCentres;
import be.werkregie.vouchers.SearchRobot;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several stateless instances on one PostgreSQL: two application instances (each its own web server, scheduler and
 * snapshot) on one database. A sign-in on one is valid on the other (sessions in the database), a scheduled job runs
 * once, and a centre changed on one shows in the other's search robot within seconds.
 */
class TwoInstancesTest {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WerkregieApplication.class).profiles("test")
                .run("--server.port=0", "--werkregie.embedded-db.database=twoinstances", "--werkregie.vouchers.search-sync=PT1S");
    }

    @BeforeAll
    static void startBoth() {
        a = start();
        b = start();
    }

    @AfterAll
    static void stopBoth() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static String base(ConfigurableApplicationContext c) {
        return "http://localhost:" + c.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aSignInOnOneInstanceIsValidOnTheOther() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base(a) + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=mediator&password=werkregie&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/home");
        // the same browser, now served by the other instance
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base(b) + "/home")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Eva Peeters");
    }

    @Test
    void aScheduledJobFiresOnBothInstancesButRunsOnce() throws Exception {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        Object jobsA = a.getBean(Class.forName("be.werkregie.vouchers.VoucherJobs"));
        Object jobsB = b.getBean(Class.forName("be.werkregie.vouchers.VoucherJobs"));
        var detect = Class.forName("be.werkregie.vouchers.VoucherJobs").getDeclaredMethod("detectMisuse");
        detect.setAccessible(true);
        long before = jdbc.sql("select count(*) from platform_job_run where job = 'vouchers.misuse-detection'").query(Long.class).single();
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> invoke(detect, jobsA));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> invoke(detect, jobsB));
        onA.get();
        onB.get();
        assertThat(jdbc.sql("select count(*) from platform_job_run where job = 'vouchers.misuse-detection'").query(Long.class).single())
                .isEqualTo(before + 1);
        // and the claim itself: of two instances claiming the same job at the same minute, one wins
        String job = "test-" + UUID.randomUUID();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> a.getBean(JobRuns.class).claim(job));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> b.getBean(JobRuns.class).claim(job));
        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
    }

    private static void invoke(java.lang.reflect.Method m, Object target) {
        try {
            m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCentreChangedOnOneInstanceShowsInTheOthersSearchWithinSeconds() throws Exception {
        SearchRobot robotB = b.getBean(SearchRobot.class);
        CareerCentres centresA = a.getBean(CareerCentres.class);
        var centre = robotB.activeCentres().get(0);
        var site = centresA.sites(centre.id()).get(0);
        String word = "kompasroos" + (System.nanoTime() % 1000);
        SearchRobot.Query query = new SearchRobot.Query(null, site.latitude(), site.longitude(), 50, null, null, null, null, word, 100, 0);
        assertThat(robotB.search(query).hits()).isEmpty();
        var admin = a.getBean(Users.class).find("admin").orElseThrow();
        centresA.updateProfile(centre.id(), new CareerCentres.ProfileInput("Wij werken met de " + word + " van uw loopbaan.",
                "https://kompas.example", List.of("nl"), false, List.of(), List.of(), false), admin);
        long started = System.nanoTime();
        while (robotB.search(query).hits().isEmpty() && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(200);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(robotB.search(query).hits()).extracting(h -> h.centre().id()).containsExactly(centre.id());
        assertThat(seconds).as("seconds until the other instance showed the change").isLessThanOrEqualTo(5);
    }
}
