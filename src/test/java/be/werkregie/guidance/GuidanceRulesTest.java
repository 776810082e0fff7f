package be.werkregie.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.guidance.Routing.Impact;
import be.werkregie.guidance.Routing.Indication;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing, combinability, Open House admission, the fee schedule by date and the outflow interval. */
class GuidanceRulesTest {

    @Test
    void routingIndicationFirstThenLargeImpactElseBasic() {
        assertThat(Routing.propose(Indication.PMP, Map.of()).product()).isEqualTo("SPECIALISED");
        assertThat(Routing.propose(Indication.PMAH, Map.of("HEALTH", Impact.NONE)).product()).isEqualTo("SPECIALISED");
        assertThat(Routing.propose(Indication.NONE, Map.of("HEALTH", Impact.LARGE, "DEBT", Impact.NONE)))
                .isEqualTo(new Routing.Proposal("SPECIALISED", "routing.largeImpact", "HEALTH"));
        assertThat(Routing.propose(Indication.NONE, Map.of("HEALTH", Impact.LIMITED, "DEBT", Impact.LIMITED)).product()).isEqualTo("BASIC");
        assertThat(Routing.propose(Indication.NONE, Map.of()).product()).isEqualTo("BASIC");
        // several large factors: the explanation names one, deterministically
        assertThat(Routing.propose(Indication.NONE, Map.of("MOBILITY", Impact.LARGE, "DEBT", Impact.LARGE)).argument()).isEqualTo("DEBT");
    }

    static final List<Catalogue.Offer> CATALOGUE = List.of(
            new Catalogue.Offer("BASIC", "PRODUCT", "b", "b", "b", List.of(), List.of(), "CONCESSION"),
            new Catalogue.Offer("SPECIALISED", "PRODUCT", "s", "s", "s", List.of(), List.of(), "CONCESSION"),
            new Catalogue.Offer("PMAB_EXPERTISE", "FLANKING", "p", "p", "p", List.of(), List.of("BASIC"), "OPEN_HOUSE"),
            new Catalogue.Offer("WORKPLACE_LEARNING", "FLANKING", "w", "w", "w", List.of(), List.of("BASIC", "SPECIALISED"), "OPEN_HOUSE"),
            new Catalogue.Offer("LANGUAGE_COACHING", "FLANKING", "l", "l", "l", List.of(), List.of("BASIC", "SPECIALISED"), "OPEN_HOUSE"),
            new Catalogue.Offer("JOB_COACHING_NEW", "FLANKING", "n", "n", "n", List.of(), List.of("SPECIALISED"), "OPEN_HOUSE"));

    @Test
    void combinabilityFollowsTheCatalogueData() {
        assertThat(Catalogue.notCombinable("BASIC", List.of("PMAB_EXPERTISE", "WORKPLACE_LEARNING", "LANGUAGE_COACHING"), CATALOGUE)).isEmpty();
        assertThat(Catalogue.notCombinable("SPECIALISED", List.of("PMAB_EXPERTISE", "LANGUAGE_COACHING"), CATALOGUE))
                .containsExactly("PMAB_EXPERTISE");
        // a flanking action added as data is combinable as its row says
        assertThat(Catalogue.notCombinable("SPECIALISED", List.of("JOB_COACHING_NEW"), CATALOGUE)).isEmpty();
        assertThat(Catalogue.notCombinable("BASIC", List.of("JOB_COACHING_NEW"), CATALOGUE)).containsExactly("JOB_COACHING_NEW");
        // a product is not a flanking action; unknown codes are refused
        assertThat(Catalogue.notCombinable("BASIC", List.of("SPECIALISED", "NOPE"), CATALOGUE)).containsExactly("SPECIALISED", "NOPE");
    }

    @Test
    void openHouseAdmissionNeedsContentAndQuality() {
        assertThat(Partners.admissible(true, true)).isTrue();
        assertThat(Partners.admissible(true, false)).isFalse();
        assertThat(Partners.admissible(false, true)).isFalse();
    }

    @Test
    void feeScheduleIsLookedUpByEffectiveDate() {
        GuidanceSettings s = new GuidanceSettings(3, 14, 14, 30, 6, 5, 30, List.of(
                new GuidanceSettings.FeeSchedule(LocalDate.of(2028, 1, 1), Map.of("A", new BigDecimal("1000.00"))),
                new GuidanceSettings.FeeSchedule(LocalDate.of(2027, 1, 1), Map.of("A", new BigDecimal("900.00")))), null, null);
        assertThat(s.scheduleOn(LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(s.scheduleOn(LocalDate.of(2027, 1, 1)).orElseThrow().fees().get("A")).isEqualByComparingTo("900.00");
        assertThat(s.scheduleOn(LocalDate.of(2027, 12, 31)).orElseThrow().fees().get("A")).isEqualByComparingTo("900.00");
        assertThat(s.scheduleOn(LocalDate.of(2028, 1, 1)).orElseThrow().fees().get("A")).isEqualByComparingTo("1000.00");
    }

    @Test
    void outflowIsHiddenForSmallNumbersAndShownWithItsUncertainty() {
        assertThat(Partners.outflowOf(29, 20, 30).enough()).isFalse();
        assertThat(Partners.outflowOf(29, 20, 30).share()).isNull();
        Partners.Outflow o = Partners.outflowOf(100, 50, 30);
        assertThat(o.share()).isEqualByComparingTo("50");
        assertThat(o.low()).isEqualByComparingTo("40");
        assertThat(o.high()).isEqualByComparingTo("60");
    }

    @Test
    void correctedOutflowComparesObservedWithTheScoresExpectationAndItsUncertainty() {
        // 10 clients with a chance of 0.5 (8 in work) and 10 with 0.3 (4 in work): O = 12, E = 8, Σp(1−p) = 4.6
        double[] p = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            p[i] = i < 10 ? 0.5 : 0.3;
            y[i] = i < 8 || (i >= 10 && i < 14);
        }
        Partners.Corrected c = Partners.correctedOf(p, y, 20);
        assertThat(c.enough()).isTrue();
        assertThat(c.observed()).isEqualByComparingTo("60");
        assertThat(c.expected()).isEqualByComparingTo("40");
        assertThat(c.ratio()).isEqualByComparingTo("1.50");
        // (12 ∓ 1.96·√4.6) / 8 = 0.9745 … 2.0255
        assertThat(c.ratioLow()).isEqualByComparingTo("0.97");
        assertThat(c.ratioHigh()).isEqualByComparingTo("2.03");
        // below the policy's minimum: only the count, no figure
        Partners.Corrected few = Partners.correctedOf(java.util.Arrays.copyOf(p, 19), java.util.Arrays.copyOf(y, 19), 20);
        assertThat(few.enough()).isFalse();
        assertThat(few.ratio()).isNull();
        assertThat(few.scored()).isEqualTo(19);
        // as expected: ratio 1, and the interval contains 1
        Partners.Corrected even = Partners.correctedOf(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, true, false, true, false}, 5);
        assertThat(even.ratio()).isEqualByComparingTo("1.00");
        assertThat(even.ratioLow()).isLessThan(java.math.BigDecimal.ONE);
        assertThat(even.ratioHigh()).isGreaterThan(java.math.BigDecimal.ONE);
    }

    @Test
    void placementRuleIsLookedUpByEffectiveDate() {
        GuidanceSettings s = new GuidanceSettings(3, 14, 14, 30, 6, 5, 30, List.of(), List.of(
                new GuidanceSettings.PlacementRule(LocalDate.of(2028, 1, 1), 60, 183, 31),
                new GuidanceSettings.PlacementRule(LocalDate.of(2026, 1, 1), 28, 183, 31)), null);
        assertThat(s.placementRuleOn(LocalDate.of(2025, 6, 1)).minWorkDays()).as("before all: the earliest").isEqualTo(28);
        assertThat(s.placementRuleOn(LocalDate.of(2027, 12, 31)).minWorkDays()).isEqualTo(28);
        assertThat(s.placementRuleOn(LocalDate.of(2028, 1, 1)).minWorkDays()).isEqualTo(60);
        assertThat(s.evidenceMaxBytes()).isEqualTo(5 * 1024 * 1024);
    }
}
