import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for the person page (issue 2): N concurrent signed-in mediators open random person pages,
 * alternating in rounds with the same N users fetching a static page of the same server, so both are measured
 * in the same run on the same (noisy) machine. Run with {@code java bench/LoadTest.java <baseUrl> [users] [rounds]
 * [requestsPerUserPerRound]} (-DwarmupRounds=6 before the file name); see bench/run.sh and docs/benchmarks.md.
 */
public class LoadTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int perUser = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        String user = System.getProperty("user", "mediator");
        String password = System.getProperty("password", "werkregie");

        List<String> ids = personIds(base, user, password);
        if (ids.size() < 50) {
            throw new IllegalStateException("expected at least 50 people in the demo data, found " + ids.size());
        }
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            clients.add(signIn(base, user, password));
        }
        // warm-up (JIT, template cache, connection pools), not measured: a freshly started JVM needs a few thousand
        // requests before the hot paths are compiled, and a running server is warm
        int warmupRounds = Integer.getInteger("warmupRounds", 6);
        for (int w = 0; w < warmupRounds; w++) {
            measure(clients, base, ids, perUser, false, new Random(w));
            measure(clients, base, ids, perUser, true, new Random(w + 10));
        }

        List<Long> staticNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> personNanos = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(2027);
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            staticNanos.addAll(measure(clients, base, ids, perUser, false, random));
            personNanos.addAll(measure(clients, base, ids, perUser, true, random));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Stats s = Stats.of(staticNanos);
        Stats p = Stats.of(personNanos);
        System.out.printf("users=%d rounds=%d requests/user/round=%d people=%d duration=%.1fs%n", users, rounds, perUser,
                ids.size(), seconds);
        System.out.println("| page | requests | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(s.row("/static-page.html (baseline)"));
        System.out.println(p.row("/people/{id} (person page)"));
        System.out.printf("RESULT person_p95_ms=%.1f static_p95_ms=%.1f ratio_p95=%.2f target_p95_ms=150 %s%n", p.p95, s.p95,
                p.p95 / s.p95, p.p95 <= 150 ? "PASS" : "FAIL");
        if (p.p95 > 150) {
            System.exit(2);
        }
    }

    static List<Long> measure(List<HttpClient> clients, String base, List<String> ids, int perUser, boolean person,
            Random random) throws InterruptedException {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        for (HttpClient client : clients) {
            long seed = random.nextLong();
            pool.submit(() -> {
                Random mine = new Random(seed);
                try {
                    go.await();
                    for (int i = 0; i < perUser; i++) {
                        String path = person ? "/people/" + ids.get(mine.nextInt(ids.size())) : "/static-page.html";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (response.statusCode() != 200) {
                            failures.add(path + " -> " + response.statusCode());
                        }
                        nanos.add(t1 - t0);
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        go.countDown();
        done.await();
        pool.shutdown();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " failed requests, e.g. " + failures.get(0));
        }
        return nanos;
    }

    static HttpClient signIn(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + location);
        }
        return client;
    }

    static List<String> personIds(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        for (char c = 'a'; c <= 'z' && ids.size() < 500; c++) {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/people?q=" + c))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = ID.matcher(body);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Stats(int n, double p50, double p95, double p99, double max) {
        static Stats of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Stats(sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }

        static double pct(List<Long> sorted, double p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }

        String row(String label) {
            return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", label, n, p50, p95, p99, max);
        }
    }
}
