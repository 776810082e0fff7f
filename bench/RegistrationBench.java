import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session registrations through the partner API (issue 3), as a centre's system sends them: one half hour per request,
 * HTTP Basic, a client-chosen Idempotency-Key. Every planned registration is "voucherId;key"; the keys are
 * deterministic, so a retry after a crash sends exactly the same requests.
 *
 * <pre>
 * java bench/RegistrationBench.java burst  base user password plan.txt clients acked.txt
 *     sends every planned registration once with N concurrent clients; appends "key;sessionId" of each 201 to acked.txt
 *     (flushed at once, so it survives a kill of the server); prints the throughput. Connection errors are counted, not fatal.
 * java bench/RegistrationBench.java retry  base user password plan.txt clients acked.txt
 *     sends every planned registration again (the client's retry after an outage) and checks that every key is
 *     acknowledged and that each key acknowledged before keeps the same session id.
 * </pre>
 */
public class RegistrationBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[2] + ":" + args[3]).getBytes(StandardCharsets.UTF_8));
        List<String[]> plan = Files.readAllLines(Path.of(args[4])).stream().filter(l -> !l.isBlank()).map(l -> l.split(";")).toList();
        int clients = Integer.parseInt(args[5]);
        Path acked = Path.of(args[6]);
        String body = "{\"date\":\"" + java.time.LocalDate.now() + "\",\"startTime\":\"10:00\",\"halfHours\":1,\"mode\":\"FACE_TO_FACE\"}";

        java.util.Map<String, String> before = new java.util.HashMap<>();
        if (mode.equals("retry") && Files.exists(acked)) {
            for (String line : Files.readAllLines(acked)) {
                String[] p = line.split(";");
                if (p.length == 2) {
                    before.put(p[0], p[1]);
                }
            }
        }
        ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(plan);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Map<String, String> after = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(acked, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    try {
                        String[] item;
                        while ((item = queue.poll()) != null) {
                            try {
                                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                                URI.create(base + "/api/centre/vouchers/" + item[0] + "/sessions"))
                                        .header("Authorization", auth).header("Idempotency-Key", item[1])
                                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                Matcher m = ID.matcher(r.body());
                                if (r.statusCode() == 201 && m.find()) {
                                    ok.incrementAndGet();
                                    after.put(item[1], m.group(1));
                                    synchronized (out) {
                                        out.println(item[1] + ";" + m.group(1));
                                        out.flush();
                                    }
                                    String earlier = before.get(item[1]);
                                    if (earlier != null && !earlier.equals(m.group(1))) {
                                        mismatches.add(item[1] + ": " + earlier + " then " + m.group(1));
                                    }
                                } else {
                                    failed.incrementAndGet();
                                    if (mode.equals("retry")) {
                                        mismatches.add(item[1] + " -> " + r.statusCode() + " " + r.body());
                                    }
                                }
                            } catch (IOException e) {
                                failed.incrementAndGet(); // the server is gone (killed): the client will retry later
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                t.start();
            }
            done.await();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MODE=%s planned=%d acknowledged=%d failed=%d seconds=%.2f registrations_per_s=%.0f%n", mode, plan.size(),
                ok.get(), failed.get(), seconds, ok.get() / seconds);
        if (mode.equals("retry")) {
            long lostAcks = before.keySet().stream().filter(k -> !after.containsKey(k)).count();
            System.out.printf("RETRY acknowledged_before_crash=%d all_acknowledged_now=%s changed_ids=%d lost_acknowledged=%d%n",
                    before.size(), after.size() == plan.size(), mismatches.size(), lostAcks);
            if (!mismatches.isEmpty()) {
                System.out.println("e.g. " + mismatches.get(0));
            }
            if (after.size() != plan.size() || !mismatches.isEmpty() || lostAcks > 0) {
                System.exit(2);
            }
        }
    }
}
