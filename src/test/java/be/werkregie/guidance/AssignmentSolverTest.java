package be.werkregie.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.guidance.AssignmentSolver.Client;
import be.werkregie.guidance.AssignmentSolver.Placement;
import be.werkregie.guidance.AssignmentSolver.Site;
import be.werkregie.guidance.AssignmentSolver.Solution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The optimal assignment against brute force on small instances, capacity, the maximum distance and determinism. */
class AssignmentSolverTest {

    static final String[] OFFERS = {"BASIC", "SPECIALISED"};

    record Instance(List<Client> clients, List<Site> sites) {}

    static Instance random(long seed, int clients, int sites) {
        Random r = new Random(seed);
        List<Client> cs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // few distinct places, so that groups of interchangeable clients occur
            cs.add(new Client("c" + i, 50.8 + r.nextInt(4) * 0.1, 3.5 + r.nextInt(4) * 0.2, OFFERS[r.nextInt(4) == 0 ? 1 : 0]));
        }
        List<Site> ss = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            Map<String, Integer> cap = new HashMap<>();
            cap.put("BASIC", r.nextInt(3));
            if (r.nextBoolean()) {
                cap.put("SPECIALISED", r.nextInt(2));
            }
            ss.add(new Site("s" + i, 50.7 + r.nextDouble() * 0.5, 3.3 + r.nextDouble() * 1.0, cap));
        }
        return new Instance(cs, ss);
    }

    /** Tries every assignment (each client to a site with its offer, or unplaced) and returns the best objective. */
    static long bruteForce(Instance in, double maxKm) {
        return search(in, 0, new HashMap<>(), 0, 0, 0, maxKm);
    }

    static long search(Instance in, int i, Map<String, Integer> used, long metres, int beyond, int unplaced, double maxKm) {
        if (i == in.clients().size()) {
            return unplaced * AssignmentSolver.UNPLACED + beyond * AssignmentSolver.BEYOND_MAX + metres;
        }
        Client c = in.clients().get(i);
        long best = search(in, i + 1, used, metres, beyond, unplaced + 1, maxKm);
        for (Site s : in.sites()) {
            String k = s.key() + c.offer();
            int cap = s.freeCapacity().getOrDefault(c.offer(), 0);
            if (used.getOrDefault(k, 0) < cap) {
                used.merge(k, 1, Integer::sum);
                long m = AssignmentSolver.metres(c.lat(), c.lon(), s.lat(), s.lon());
                best = Math.min(best, search(in, i + 1, used, metres + m, beyond + (m > maxKm * 1000 ? 1 : 0), unplaced, maxKm));
                used.merge(k, -1, Integer::sum);
            }
        }
        return best;
    }

    @RepeatedTest(40)
    void optimalOnSmallInstancesAsBruteForce(org.junit.jupiter.api.RepetitionInfo rep) {
        Instance in = random(rep.getCurrentRepetition(), 6, 3);
        double maxKm = 25;
        Solution s = AssignmentSolver.solve(in.clients(), in.sites(), maxKm);
        assertThat(AssignmentSolver.objective(s)).isEqualTo(bruteForce(in, maxKm));
        assertThat(s.placements().size() + s.unplaced().size()).isEqualTo(in.clients().size());
        assertCapacityRespected(in, s);
        // never worse than the greedy nearest-free-site assignment
        assertThat(AssignmentSolver.objective(s)).isLessThanOrEqualTo(AssignmentSolver.objective(
                AssignmentSolver.greedy(in.clients(), in.sites(), maxKm)));
    }

    static void assertCapacityRespected(Instance in, Solution s) {
        Map<String, Client> clients = in.clients().stream().collect(Collectors.toMap(Client::key, c -> c));
        Map<String, Long> perSiteOffer = s.placements().stream()
                .collect(Collectors.groupingBy(p -> p.siteKey() + "|" + clients.get(p.clientKey()).offer(), Collectors.counting()));
        for (Site site : in.sites()) {
            for (String offer : OFFERS) {
                assertThat(perSiteOffer.getOrDefault(site.key() + "|" + offer, 0L))
                        .isLessThanOrEqualTo(site.freeCapacity().getOrDefault(offer, 0));
            }
        }
    }

    @Test
    void capacityNeverExceededAndDeterministicOnALargerInstance() {
        Instance in = random(7, 3000, 120);
        Solution a = AssignmentSolver.solve(in.clients(), in.sites(), 30);
        Solution b = AssignmentSolver.solve(in.clients(), in.sites(), 30);
        assertCapacityRespected(in, a);
        assertThat(a.placements()).isEqualTo(b.placements());
        assertThat(a.unplaced()).isEqualTo(b.unplaced());
        assertThat(a.unplaced()).allMatch(u -> u.reason().equals("NO_FREE_CAPACITY"));
        Solution greedy = AssignmentSolver.greedy(in.clients(), in.sites(), 30);
        assertThat(AssignmentSolver.objective(a)).isLessThanOrEqualTo(AssignmentSolver.objective(greedy));
        // every client once: placed or listed with a reason
        assertThat(a.placements().size() + a.unplaced().size()).isEqualTo(in.clients().size());
    }

    @Test
    void aNearSiteIsPreferredAndAFarSiteOnlyWhenNothingWithinTheMaximumIsFree() {
        List<Client> clients = List.of(new Client("near", 51.05, 3.72, "BASIC"), new Client("also", 51.05, 3.72, "BASIC"));
        List<Site> sites = List.of(new Site("gent", 51.05, 3.73, Map.of("BASIC", 1)), new Site("brugge", 51.21, 3.22, Map.of("BASIC", 5)),
                new Site("leuven", 50.88, 4.70, Map.of("SPECIALISED", 5)));
        Solution s = AssignmentSolver.solve(clients, sites, 20);
        assertThat(s.placements()).extracting(Placement::siteKey).containsExactly("gent", "brugge");
        assertThat(s.placements().get(1).beyondMax()).isTrue(); // Brugge is ~38 km: the only free site left
        Solution special = AssignmentSolver.solve(List.of(new Client("x", 51.05, 3.72, "SPECIALISED"),
                new Client("y", 51.05, 3.72, "LANGUAGE")), sites, 20);
        assertThat(special.placements()).extracting(Placement::siteKey).containsExactly("leuven");
        assertThat(special.unplaced()).singleElement().satisfies(u -> assertThat(u.reason()).isEqualTo("NO_SITE_FOR_OFFER"));
    }
}
