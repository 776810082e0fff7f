package be.werkregie.guidance;

import be.werkregie.shared.FormObject;
import be.werkregie.shared.FormReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The forms of the guidance pages, bound as records of text fields ({@link FormObject}) and read into the services'
 * typed inputs with every malformed field reported at once.
 */
final class GuidanceForms {

    private GuidanceForms() {}

    record LandingForm(String offer, String language, String place, String wheelchair, String freeOnly) implements FormObject {
        Partners.LandingQuery read() {
            return new Partners.LandingQuery(offer, language, place, "true".equals(wheelchair), "true".equals(freeOnly));
        }
    }

    record ChoiceForm(String siteId) implements FormObject {
        UUID site() {
            FormReader r = new FormReader();
            UUID id = r.uuid("siteId", siteId, "guidance.unknownSite");
            r.done();
            return id;
        }
    }

    record IntakeForm(String startedOn) implements FormObject {
        LocalDate date() {
            FormReader r = new FormReader();
            LocalDate d = r.date("startedOn", startedOn);
            r.done();
            return d;
        }
    }

    /** The assessment; the context factors come as fields named {@code factor.<FACTOR>} and are read from the request. */
    record AssessmentForm(String jobTarget, String indication, String product, String overrideReason, List<String> flanking,
                          String notes, String requestKey) implements FormObject {
        Assessments.AssessmentInput read(UUID personId, Map<String, String> request) {
            FormReader r = new FormReader();
            Map<String, Routing.Impact> factors = new HashMap<>();
            for (String f : Assessments.CONTEXT_FACTORS) {
                Routing.Impact impact = r.choice("contextFactors", request.get("factor." + f), Routing.Impact.class);
                if (impact != null) {
                    factors.put(f, impact);
                }
            }
            var in = new Assessments.AssessmentInput(personId, jobTarget, r.choice("indication", indication, Routing.Indication.class), factors,
                    product, overrideReason, flanking, notes, requestKey);
            r.done();
            return in;
        }
    }

    record AcknowledgementForm(String nextStep) implements FormObject {}

    record AdmissionForm(String contentOk, String qualityOk, String note) implements FormObject {}

    record ConcessionForm(String partnerId, String offerCode, String validFrom) implements FormObject {}

    record RunForm(String runKey, String until) implements FormObject {}

    record ProofDecisionForm(String approve, String reason) implements FormObject {}

    record ActionForm(String kind, String occurredOn, String note, String key) implements FormObject {}

    record FlankingForm(String code, String motivation) implements FormObject {}

    record StopForm(String motivation, String contactName, String contactDetails) implements FormObject {}

    record OutcomeForm(String outcome, String workStart, String contractType) implements FormObject {}
}
