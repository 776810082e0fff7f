import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Load benchmark for the public search robot (issue 3): N concurrent anonymous users search career centres with a
 * realistic mix of queries (a place and radius, sometimes a language, e-coaching, target group or free text),
 * alternating in rounds with the same N users fetching the static page of the same server, so both are measured in
 * the same run. Reports p50/p95/p99 and throughput (requests per second of wall time) of both.
 * Run: {@code java bench/SearchLoadTest.java <baseUrl> [users=50] [rounds=6] [requestsPerUserPerRound=40]}.
 * With {@code -DthinkMs=N} every user waits a random 0.5–1.5 × N ms between requests (people reading their results);
 * without it the users send their next request at once (saturation).
 */
public class SearchLoadTest {

    static final String[] PLACES = {"Gent", "Antwerpen", "Leuven", "Brugge", "Hasselt", "Genk", "Mechelen", "Aalst", "Kortrijk",
            "Oostende", "Sint-Niklaas", "Roeselare", "Turnhout", "Dendermonde", "Lokeren", "Geel", "Lier", "Ieper", "Tienen",
            "Vilvoorde", "9000", "2000", "3000", "8000", "3500", "2800", "1000", "Anderlecht", "Beringen", "Maasmechelen"};
    static final int THINK_MS = Integer.getInteger("thinkMs", 0);
    static final int[] RADII = {5, 10, 10, 20, 20, 20, 50};
    static final String[] LANGUAGES = {"fr", "en", "ar", "tr"};
    static final String[] GROUPS = {"LOW_EDUCATED", "FIFTY_PLUS", "MIGRATION_BACKGROUND", "WORK_DISABILITY"};
    static final String[] TEXTS = {"burn-out", "zelfstandige", "talententest", "heroriëntatie", "coaching"};

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int perUser = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }
        int warmupRounds = Integer.getInteger("warmupRounds", 4);
        for (int w = 0; w < warmupRounds; w++) {
            measure(clients, base, perUser, false, new Random(w));
            measure(clients, base, perUser, true, new Random(w + 10));
        }
        Phase stat = new Phase();
        Phase search = new Phase();
        Random random = new Random(2027);
        for (int r = 0; r < rounds; r++) {
            stat.add(measure(clients, base, perUser, false, random));
            search.add(measure(clients, base, perUser, true, random));
        }
        Stats s = Stats.of(stat.nanos);
        Stats q = Stats.of(search.nanos);
        double staticRps = stat.nanos.size() / (stat.wallNanos / 1e9);
        double searchRps = search.nanos.size() / (search.wallNanos / 1e9);
        System.out.printf("users=%d rounds=%d requests/user/round=%d%n", users, rounds, perUser);
        System.out.println("| request | requests | p50 ms | p95 ms | p99 ms | max ms | throughput req/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.println(s.row("/static-page.html (baseline)", staticRps));
        System.out.println(q.row("/api/career-centres (search robot)", searchRps));
        double ratio = searchRps / staticRps;
        System.out.printf("RESULT think_ms=%d search_p99_ms=%.1f static_p99_ms=%.1f search_rps=%.0f static_rps=%.0f p99_target_50ms=%s%n",
                THINK_MS, q.p99, s.p99, searchRps, staticRps, q.p99 <= 50 ? "PASS" : "FAIL");
    }

    static final class Phase {
        final List<Long> nanos = new ArrayList<>();
        long wallNanos;

        void add(Result r) {
            nanos.addAll(r.nanos());
            wallNanos += r.wallNanos();
        }
    }

    record Result(List<Long> nanos, long wallNanos) {}

    static String query(Random r) {
        StringBuilder q = new StringBuilder("/api/career-centres?place=")
                .append(URLEncoder.encode(PLACES[r.nextInt(PLACES.length)], StandardCharsets.UTF_8))
                .append("&radiusKm=").append(RADII[r.nextInt(RADII.length)]);
        int extra = r.nextInt(10);
        if (extra < 2) {
            q.append("&language=").append(LANGUAGES[r.nextInt(LANGUAGES.length)]);
        } else if (extra < 4) {
            q.append("&eCoaching=true");
        } else if (extra < 5) {
            q.append("&targetGroup=").append(GROUPS[r.nextInt(GROUPS.length)]);
        } else if (extra < 6) {
            q.append("&text=").append(URLEncoder.encode(TEXTS[r.nextInt(TEXTS.length)], StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    static Result measure(List<HttpClient> clients, String base, int perUser, boolean search, Random random)
            throws InterruptedException {
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
                        String path = search ? query(mine) : "/static-page.html";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (response.statusCode() != 200) {
                            failures.add(path + " -> " + response.statusCode());
                        }
                        nanos.add(t1 - t0);
                        if (THINK_MS > 0) {
                            Thread.sleep(THINK_MS / 2 + mine.nextInt(THINK_MS + 1));
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        long start = System.nanoTime();
        go.countDown();
        done.await();
        long wall = System.nanoTime() - start;
        pool.shutdown();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " failed requests, e.g. " + failures.get(0));
        }
        return new Result(nanos, wall);
    }

    record Stats(int n, double p50, double p95, double p99, double max) {
        static Stats of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Stats(sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        }

        static double pct(List<Long> sorted, double p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
        }

        String row(String label, double rps) {
            return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f |", label, n, p50, p95, p99, max, rps);
        }
    }
}
