package be.werkregie.guidance;

import be.werkregie.chance.KowGroups;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisations;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of guidance 2027 for partner systems (trajectories, actions, outputs, statements), for the employment
 * service (assessments, assignment, payments, KPIs) and the public landing page. No response type used by a mediator
 * endpoint has a field for a KOW score or group.
 */
@RestController
class GuidanceApi {

    private final Catalogue catalogue;
    private final Partners partners;
    private final Assessments assessments;
    private final Trajectories trajectories;
    private final Assignment assignment;
    private final GuidancePayments payments;
    private final KowGroups kow;
    private final Organisations organisations;

    private final ResultVerification verification;

    GuidanceApi(ResultVerification verification, Catalogue catalogue, Partners partners, Assessments assessments, Trajectories trajectories, Assignment assignment,
                GuidancePayments payments, KowGroups kow, Organisations organisations) {
        this.verification = verification;
        this.catalogue = catalogue;
        this.partners = partners;
        this.assessments = assessments;
        this.trajectories = trajectories;
        this.assignment = assignment;
        this.payments = payments;
        this.kow = kow;
        this.organisations = organisations;
    }

    // ---- public ----

    @GetMapping("/api/guidance/offers")
    List<Catalogue.Offer> offers() {
        return catalogue.offers();
    }

    @GetMapping("/api/guidance/partners")
    List<Partners.Partner> landing(@RequestParam(required = false) String offer, @RequestParam(required = false) String language,
                                   @RequestParam(required = false) String place, @RequestParam(required = false) Boolean wheelchair,
                                   @RequestParam(required = false) Boolean freeOnly) {
        return partners.landing(new Partners.LandingQuery(offer, language, place, wheelchair, freeOnly));
    }

    // ---- mediator ----

    record IntakeBody(UUID personId, LocalDate startedOn) {}

    @PostMapping("/api/mediation/intakes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> intake(@RequestBody IntakeBody b) {
        return Map.of("id", assessments.startIntake(b.personId(), b.startedOn(), CurrentUser.get()));
    }

    @GetMapping("/api/mediation/intakes")
    List<Assessments.Intake> intakes() {
        return assessments.openIntakes(CurrentUser.get());
    }

    @PostMapping("/api/mediation/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    Assessments.Assessment assess(@RequestBody Assessments.AssessmentInput in) {
        return assessments.record(in, CurrentUser.get());
    }

    record ClientGuidance(List<Assessments.Assessment> assessments, List<Assessments.Referral> referrals,
                          List<Trajectories.Trajectory> trajectories) {}

    @GetMapping("/api/mediation/people/{id}/guidance")
    ClientGuidance client(@PathVariable UUID id) {
        CurrentUser me = CurrentUser.get();
        return new ClientGuidance(assessments.ofPerson(id, me), assessments.referralsOf(id, me), trajectories.ofPerson(id, me));
    }

    @GetMapping("/api/mediation/waiting")
    List<Assessments.Referral> waiting() {
        return assessments.waiting(CurrentUser.get());
    }

    record ChoiceBody(UUID siteId) {}

    @PostMapping("/api/mediation/referrals/{id}/choice")
    Trajectories.Trajectory chooseWithClient(@PathVariable UUID id, @RequestBody ChoiceBody b) {
        return trajectories.choose(id, b.siteId(), CurrentUser.get());
    }

    @GetMapping("/api/mediation/stops")
    List<Trajectories.Trajectory> stops() {
        return trajectories.stopsToAcknowledge(CurrentUser.get());
    }

    record AcknowledgeBody(String nextStep) {}

    @PostMapping("/api/mediation/trajectories/{id}/acknowledgement")
    Trajectories.Trajectory acknowledge(@PathVariable UUID id, @RequestBody AcknowledgeBody b) {
        return trajectories.acknowledgeStop(id, b.nextStep(), CurrentUser.get());
    }

    record FlankingBody(String code, String motivation) {}

    @PostMapping("/api/mediation/trajectories/{id}/flanking")
    Trajectories.Trajectory flankingByPes(@PathVariable UUID id, @RequestBody FlankingBody b) {
        return trajectories.addFlanking(id, b.code(), b.motivation(), CurrentUser.get());
    }

    // ---- citizen ----

    @GetMapping("/api/me/guidance")
    ClientGuidance mine() {
        CurrentUser me = CurrentUser.get();
        return new ClientGuidance(assessments.ofPerson(me.personId(), me), assessments.referralsOf(me.personId(), me),
                trajectories.ofPerson(me.personId(), me));
    }

    @PostMapping("/api/me/guidance/referrals/{id}/choice")
    Trajectories.Trajectory choose(@PathVariable UUID id, @RequestBody ChoiceBody b) {
        return trajectories.choose(id, b.siteId(), CurrentUser.get());
    }

    // ---- partner ----

    @GetMapping("/api/partner/trajectories")
    List<Trajectories.Trajectory> partnerTrajectories(@RequestParam(required = false) String status) {
        return trajectories.ofPartner(CurrentUser.get(), status);
    }

    record TrajectoryView(Trajectories.Trajectory trajectory, List<Trajectories.Action> actions) {}

    @GetMapping("/api/partner/trajectories/{id}")
    TrajectoryView partnerTrajectory(@PathVariable UUID id) {
        CurrentUser me = CurrentUser.get();
        partners.ownPartner(me);
        return new TrajectoryView(trajectories.get(id, me), trajectories.actions(id, me));
    }

    record ActionBody(String kind, LocalDate occurredOn, String note, String evidenceName, String evidenceBase64) {}

    @PostMapping("/api/partner/trajectories/{id}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> action(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                             @RequestBody ActionBody b) {
        byte[] evidence;
        try {
            evidence = b.evidenceBase64() == null || b.evidenceBase64().isBlank() ? null : Base64.getDecoder().decode(b.evidenceBase64());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("evidence", "guidance.evidenceInvalid");
        }
        return Map.of("id", trajectories.registerAction(id, b.kind(), b.occurredOn(), b.note(), b.evidenceName(), evidence, key,
                CurrentUser.get()));
    }

    @PostMapping("/api/partner/trajectories/{id}/flanking")
    Trajectories.Trajectory flankingSignal(@PathVariable UUID id, @RequestBody FlankingBody b) {
        return trajectories.addFlanking(id, b.code(), b.motivation(), CurrentUser.get());
    }

    record StopBody(String motivation, String contactName, String contactDetails) {}

    @PostMapping("/api/partner/trajectories/{id}/stop")
    Trajectories.Trajectory stop(@PathVariable UUID id, @RequestBody StopBody b) {
        return trajectories.stop(id, b.motivation(), b.contactName(), b.contactDetails(), CurrentUser.get());
    }

    record OutcomeBody(String outcome, LocalDate workStart, String contractType) {}

    @PostMapping("/api/partner/trajectories/{id}/outcome")
    Trajectories.Trajectory outcome(@PathVariable UUID id, @RequestBody OutcomeBody b) {
        return trajectories.outcome(id, b.outcome(), b.workStart(), b.contractType(), CurrentUser.get());
    }

    record ProofBody(String name, String proofBase64) {}

    /** A proof of work for a claimed result without an employment record (PDF, PNG or JPEG, base64). */
    @PostMapping("/api/partner/trajectories/{id}/result-proof")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> resultProof(@PathVariable UUID id, @RequestBody ProofBody b) {
        byte[] proof;
        try {
            proof = b.proofBase64() == null || b.proofBase64().isBlank() ? null : Base64.getDecoder().decode(b.proofBase64());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("proof", "validation.evidence.type");
        }
        verification.submitProof(id, b.name(), proof, CurrentUser.get());
        return Map.of("status", "PROOF_SUBMITTED");
    }

    @GetMapping("/api/partner/trajectories/{id}/result-fee")
    Trajectories.ResultFee resultFee(@PathVariable UUID id) {
        return trajectories.resultFeeForPartner(id, CurrentUser.get());
    }

    record ProfileBody(String expertise, List<String> languages, String website) {}

    @PutMapping("/api/partner/profile")
    void profile(@RequestBody ProfileBody b) {
        partners.updateProfile(b.expertise(), b.languages(), b.website(), CurrentUser.get());
    }

    record SiteBody(String name, String municipality, Boolean wheelchairAccess, Map<String, Integer> capacity) {}

    @PostMapping("/api/partner/sites")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> site(@RequestBody SiteBody b) {
        CurrentUser me = CurrentUser.get();
        return Map.of("id", partners.addSite(partners.ownPartner(me), b.name(), b.municipality(), b.wheelchairAccess(), b.capacity(), me));
    }

    record OpenHouseBody(String offerCode, String application, String requestKey) {}

    @PostMapping("/api/partner/open-house-applications")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> applyOpenHouse(@RequestBody OpenHouseBody b) {
        return Map.of("id", partners.applyOpenHouse(b.offerCode(), b.application(), b.requestKey(), CurrentUser.get()));
    }

    @GetMapping(value = "/api/partner/statements/{runId}.csv", produces = "text/csv")
    ResponseEntity<String> ownStatement(@PathVariable UUID runId) {
        CurrentUser me = CurrentUser.get();
        return csv(payments.csv(payments.statement(runId, partners.ownPartner(me), me)), runId);
    }

    // ---- employment service administration ----

    record ConcessionBody(UUID partnerId, String offerCode, LocalDate validFrom) {}

    @PostMapping("/api/guidance-admin/concessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> concession(@RequestBody ConcessionBody b) {
        return Map.of("id", partners.awardConcession(b.partnerId(), b.offerCode(), b.validFrom(), CurrentUser.get()));
    }

    @GetMapping("/api/guidance-admin/contracts")
    List<Partners.Contract> contracts(@RequestParam(required = false) String status) {
        return partners.contracts(status);
    }

    record AdmissionBody(Boolean contentOk, Boolean qualityOk, String note) {}

    @PostMapping("/api/guidance-admin/contracts/{id}/admission")
    Partners.Contract admission(@PathVariable UUID id, @RequestBody AdmissionBody b) {
        return partners.decideAdmission(id, b.contentOk(), b.qualityOk(), b.note(), CurrentUser.get());
    }

    record RunBody(String runKey, Boolean compareWithGreedy) {}

    @PostMapping("/api/guidance-admin/assignment-runs")
    @ResponseStatus(HttpStatus.CREATED)
    Assignment.Run assign(@RequestBody RunBody b) {
        return assignment.run(b.runKey(), Boolean.TRUE.equals(b.compareWithGreedy()), CurrentUser.get());
    }

    @GetMapping("/api/guidance-admin/assignment-runs")
    List<Assignment.Run> assignmentRuns() {
        return assignment.runs();
    }

    record PaymentRunBody(LocalDate until, String runKey) {}

    @PostMapping("/api/guidance-admin/payment-runs")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> pay(@RequestBody PaymentRunBody b) {
        return Map.of("id", payments.run(b.until(), b.runKey(), CurrentUser.get()));
    }

    @GetMapping("/api/guidance-admin/payment-runs")
    List<Map<String, Object>> paymentRuns() {
        return payments.runs();
    }

    @GetMapping(value = "/api/guidance-admin/payment-runs/{runId}/statements/{partnerId}.csv", produces = "text/csv")
    ResponseEntity<String> statementCsv(@PathVariable UUID runId, @PathVariable UUID partnerId) {
        return csv(payments.csv(payments.statement(runId, partnerId, CurrentUser.get())), runId);
    }

    @GetMapping(value = "/api/guidance-admin/payment-runs/{runId}/statements/{partnerId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> statementPdf(@PathVariable UUID runId, @PathVariable UUID partnerId) {
        List<GuidancePayments.Line> lines = payments.statement(runId, partnerId, CurrentUser.get());
        String name = organisations.find(partnerId).map(o -> o.name()).orElseThrow(() -> new NotFoundException("partner"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=statement-" + runId + ".pdf")
                .contentType(MediaType.APPLICATION_PDF).body(payments.pdf(name, lines));
    }

    @GetMapping("/api/guidance-admin/kpis")
    List<GuidancePayments.Kpi> kpis() {
        return payments.kpis();
    }

    record KowBody(String group, String modelVersion) {}

    /** Until the chance-of-work model lands, an administrator records a group. Write-only: no endpoint reads it back. */
    @PostMapping("/api/guidance-admin/people/{id}/kow-group")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordKow(@PathVariable UUID id, @RequestBody KowBody b) {
        kow.record(id, b.group(), b.modelVersion(), CurrentUser.get());
    }

    private static ResponseEntity<String> csv(String body, UUID runId) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=statement-" + runId + ".csv")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }
}
