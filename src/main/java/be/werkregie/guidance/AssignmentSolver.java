package be.werkregie.guidance;

import be.werkregie.geo.Distance;
import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimal assignment of waiting clients to partner sites: a min-cost flow (Google OR-Tools) from clients to the sites
 * that offer their product, within every site's free capacity, minimising the total travel distance.
 *
 * <p>The objective is lexicographic, through the arc costs: first place as many clients as possible, then give as few
 * clients as possible a site beyond the maximum distance, then minimise the total distance in metres. Clients at the
 * same place with the same product are interchangeable, so they form one supply node (this keeps the network small:
 * about 320 places × 2 products × the sites). The flow is split over the clients deterministically: clients in their
 * order (longest waiting first, then id), each group's sites by distance and then site key. The same input therefore
 * always gives the same assignment.
 */
public final class AssignmentSolver {

    /** Cost of one client beyond the maximum distance, in metres-equivalent (more than any real distance). */
    static final long BEYOND_MAX = 1_000_000_000L;
    /** Cost of one client left unplaced (more than any placement). */
    static final long UNPLACED = 1_000_000_000_000L;

    public record Client(String key, double lat, double lon, String offer) {}

    public record Site(String key, double lat, double lon, Map<String, Integer> freeCapacity) {}

    public record Placement(String clientKey, String siteKey, long metres, boolean beyondMax, long nearestOfferMetres) {}

    public record Unplaced(String clientKey, String reason) {}

    public record Solution(List<Placement> placements, List<Unplaced> unplaced, long totalMetres) {}

    private static volatile boolean loaded;

    private AssignmentSolver() {}

    static void loadNativeLibraries() {
        if (!loaded) {
            synchronized (AssignmentSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    static long metres(double lat1, double lon1, double lat2, double lon2) {
        return Math.round(Distance.km(lat1, lon1, lat2, lon2) * 1000);
    }

    /** Clients must be given in their order (longest waiting first); sites in any order. */
    public static Solution solve(List<Client> clients, List<Site> sites, double maxKm) {
        loadNativeLibraries();
        long tStart = System.nanoTime();
        long maxMetres = Math.round(maxKm * 1000);
        // groups of interchangeable clients, in order of their first client
        Map<String, List<Client>> groups = new LinkedHashMap<>();
        for (Client c : clients) {
            groups.computeIfAbsent(c.lat() + "|" + c.lon() + "|" + c.offer(), k -> new ArrayList<>()).add(c);
        }
        // sinks: (site, offer) with free capacity, sorted by site key for a stable network
        record Sink(Site site, String offer, int capacity) {}
        List<Sink> sinks = new ArrayList<>();
        for (Site s : sites.stream().sorted(Comparator.comparing(Site::key)).toList()) {
            s.freeCapacity().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .filter(e -> e.getValue() != null && e.getValue() > 0)
                    .forEach(e -> sinks.add(new Sink(s, e.getKey(), e.getValue())));
        }
        Map<String, List<Integer>> sinksByOffer = new HashMap<>();
        for (int i = 0; i < sinks.size(); i++) {
            sinksByOffer.computeIfAbsent(sinks.get(i).offer(), k -> new ArrayList<>()).add(i);
        }
        List<List<Client>> groupList = new ArrayList<>(groups.values());
        int g = groupList.size();
        int sinkBase = g;
        int target = g + sinks.size();
        MinCostFlow flow = new MinCostFlow();
        record Arc(int arc, int group, int sink, long metres) {}
        List<Arc> arcs = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            Client first = groupList.get(i).get(0);
            int size = groupList.get(i).size();
            for (int s : sinksByOffer.getOrDefault(first.offer(), List.of())) {
                Sink sink = sinks.get(s);
                long m = metres(first.lat(), first.lon(), sink.site().lat(), sink.site().lon());
                long cost = m + (m > maxMetres ? BEYOND_MAX : 0);
                int arc = flow.addArcWithCapacityAndUnitCost(i, sinkBase + s, Math.min(size, sink.capacity()), cost);
                arcs.add(new Arc(arc, i, s, m));
            }
            flow.addArcWithCapacityAndUnitCost(i, target, size, UNPLACED);
            flow.setNodeSupply(i, size);
        }
        for (int s = 0; s < sinks.size(); s++) {
            flow.addArcWithCapacityAndUnitCost(sinkBase + s, target, sinks.get(s).capacity(), 0);
        }
        flow.setNodeSupply(target, -clients.size());
        long tBuilt = System.nanoTime();
        MinCostFlowBase.Status status = flow.solve();
        org.slf4j.LoggerFactory.getLogger(AssignmentSolver.class).info("min-cost flow: {} groups, {} sinks, {} arcs; build {} ms, solve {} ms",
                g, sinks.size(), flow.getNumArcs(), (tBuilt - tStart) / 1_000_000, (System.nanoTime() - tBuilt) / 1_000_000);
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow: " + status);
        }
        // nearest site offering the product (regardless of capacity), for the explanation
        long[] nearest = new long[g];
        java.util.Arrays.fill(nearest, -1);
        Map<Integer, List<Arc>> used = new HashMap<>();
        for (Arc a : arcs) {
            if (nearest[a.group()] < 0 || a.metres() < nearest[a.group()]) {
                nearest[a.group()] = a.metres();
            }
            if (flow.getFlow(a.arc()) > 0) {
                used.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a);
            }
        }
        List<Placement> placements = new ArrayList<>(clients.size());
        List<Unplaced> unplaced = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < g; i++) {
            List<Client> members = groupList.get(i);
            List<Arc> mine = used.getOrDefault(i, List.of()).stream()
                    .sorted(Comparator.comparingLong(Arc::metres).thenComparing(a -> sinks.get(a.sink()).site().key())).toList();
            int next = 0;
            for (Arc a : mine) {
                long f = flow.getFlow(a.arc());
                for (long k = 0; k < f; k++) {
                    Client c = members.get(next++);
                    placements.add(new Placement(c.key(), sinks.get(a.sink()).site().key(), a.metres(), a.metres() > maxMetres,
                            nearest[i]));
                    total += a.metres();
                }
            }
            String reason = sinksByOffer.containsKey(members.get(0).offer()) ? "NO_FREE_CAPACITY" : "NO_SITE_FOR_OFFER";
            for (; next < members.size(); next++) {
                unplaced.add(new Unplaced(members.get(next).key(), reason));
            }
        }
        return new Solution(placements, unplaced, total);
    }

    /**
     * The simple alternative, for comparison in the benchmark: each client in order takes the nearest site with free
     * capacity for the product (beyond the maximum distance only when nothing nearer is free).
     */
    public static Solution greedy(List<Client> clients, List<Site> sites, double maxKm) {
        Map<String, int[]> free = new HashMap<>();
        for (Site s : sites) {
            s.freeCapacity().forEach((offer, cap) -> free.put(s.key() + "|" + offer, new int[] {cap == null ? 0 : cap}));
        }
        Map<String, List<Object[]>> sortedByPlace = new HashMap<>();
        List<Placement> placements = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        long total = 0;
        long maxMetres = Math.round(maxKm * 1000);
        for (Client c : clients) {
            List<Object[]> candidates = sortedByPlace.computeIfAbsent(c.lat() + "|" + c.lon() + "|" + c.offer(), k -> {
                List<Object[]> list = new ArrayList<>();
                for (Site s : sites) {
                    if (s.freeCapacity().getOrDefault(c.offer(), 0) > 0) {
                        list.add(new Object[] {s, metres(c.lat(), c.lon(), s.lat(), s.lon())});
                    }
                }
                list.sort(Comparator.<Object[]>comparingLong(o -> (Long) o[1]).thenComparing(o -> ((Site) o[0]).key()));
                return list;
            });
            Placement p = null;
            for (Object[] o : candidates) {
                int[] cap = free.get(((Site) o[0]).key() + "|" + c.offer());
                if (cap[0] > 0) {
                    cap[0]--;
                    long m = (Long) o[1];
                    p = new Placement(c.key(), ((Site) o[0]).key(), m, m > maxMetres, (Long) candidates.get(0)[1]);
                    break;
                }
            }
            if (p == null) {
                unplaced.add(new Unplaced(c.key(), candidates.isEmpty() ? "NO_SITE_FOR_OFFER" : "NO_FREE_CAPACITY"));
            } else {
                placements.add(p);
                total += p.metres();
            }
        }
        return new Solution(placements, unplaced, total);
    }

    /** The objective value the solver minimises (for checks against brute force). */
    public static long objective(Solution s) {
        long beyond = s.placements().stream().filter(Placement::beyondMax).count();
        return s.unplaced().size() * UNPLACED + beyond * BEYOND_MAX + s.totalMetres();
    }
}
