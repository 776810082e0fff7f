package be.werkregie.guidance;

import java.util.Map;

/**
 * The routing rule of the 2027 model: an indication PmP or PmAH → specialised offer; otherwise a large impact of any
 * context factor → specialised offer; otherwise the basic offer. The mediator confirms or overrides with a reason.
 */
public final class Routing {

    public enum Indication { NONE, PMP, PMAH }

    public enum Impact { NONE, LIMITED, LARGE }

    /** The proposal with the message key that explains it to the client in plain language, and its argument. */
    public record Proposal(String product, String explanationKey, String argument) {}

    private Routing() {}

    public static Proposal propose(Indication indication, Map<String, Impact> contextFactors) {
        if (indication == Indication.PMP || indication == Indication.PMAH) {
            return new Proposal("SPECIALISED", "routing.indication", indication.name());
        }
        String large = contextFactors.entrySet().stream().filter(e -> e.getValue() == Impact.LARGE).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(null);
        if (large != null) {
            return new Proposal("SPECIALISED", "routing.largeImpact", large);
        }
        return new Proposal("BASIC", "routing.basic", null);
    }
}
