package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.NotFoundException;
import java.time.LocalDate;
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
 * REST API of the career-voucher scheme for partner systems: the public search robot, the citizen's eligibility
 * check and request, the centre's take-over and registration, and payment statements. Described in
 * docs/api/vouchers.openapi.yaml.
 */
@RestController
class VoucherApi {

    private final Vouchers vouchers;
    private final SearchRobot robot;
    private final Payments payments;
    private final Quality quality;
    private final CareerCentres centres;

    VoucherApi(Vouchers vouchers, SearchRobot robot, Payments payments, Quality quality, CareerCentres centres) {
        this.vouchers = vouchers;
        this.robot = robot;
        this.payments = payments;
        this.quality = quality;
        this.centres = centres;
    }

    // ---- search robot (public) ----

    @GetMapping("/api/career-centres")
    SearchRobot.Result search(@RequestParam(required = false) String place, @RequestParam(required = false) Double lat,
                              @RequestParam(required = false) Double lon, @RequestParam(required = false) Integer radiusKm,
                              @RequestParam(required = false) String language, @RequestParam(required = false) Boolean eCoaching,
                              @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String methodology,
                              @RequestParam(required = false) String text, @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) Integer offset) {
        return robot.search(new SearchRobot.Query(place, lat, lon, radiusKm, language, eCoaching, targetGroup, methodology, text,
                limit, offset));
    }

    @GetMapping("/api/career-centres/{id}")
    SearchRobot.Hit centre(@PathVariable UUID id) {
        return robot.profile(id).orElseThrow(() -> new NotFoundException("centre"));
    }

    // ---- citizen ----

    record RequestBodyV(Eligibility.WorkSituation situation, LocalDate experienceSince, Boolean ownInitiative,
                        Boolean inOutplacement, String employerName, String sector, String requestKey) {
        Vouchers.Declaration declaration() {
            return new Vouchers.Declaration(situation, experienceSince, ownInitiative, inOutplacement, employerName, sector);
        }
    }

    @PostMapping("/api/me/vouchers/eligibility")
    Eligibility.Result eligibility(@RequestBody RequestBodyV body) {
        return vouchers.check(CurrentUser.get().personId(), body.declaration());
    }

    @PostMapping("/api/me/vouchers")
    @ResponseStatus(HttpStatus.CREATED)
    Voucher request(@RequestBody RequestBodyV body) {
        CurrentUser me = CurrentUser.get();
        return vouchers.request(me.personId(), body.declaration(), body.requestKey(), me);
    }

    @GetMapping("/api/me/vouchers")
    List<Voucher> mine() {
        return vouchers.ofPerson(CurrentUser.get().personId());
    }

    @PostMapping("/api/me/vouchers/{id}/contribution")
    Voucher pay(@PathVariable UUID id) {
        CurrentUser me = CurrentUser.get();
        return vouchers.confirmContribution(id, me.personId(), me);
    }

    @PostMapping("/api/me/vouchers/{id}/survey")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void survey(@PathVariable UUID id, @RequestBody Quality.SurveyInput body) {
        quality.answerSurvey(id, CurrentUser.get().personId(), body);
    }

    record ComplaintBody(String category, LocalDate concernsDate, String description) {}

    @PostMapping("/api/me/vouchers/{id}/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> complaint(@PathVariable UUID id, @RequestBody ComplaintBody body) {
        CurrentUser me = CurrentUser.get();
        return Map.of("id", quality.fileComplaint(id, me.personId(), body.category(), body.concernsDate(), body.description(), me));
    }

    // ---- career centre ----

    record TakeOverBody(String code, String nationalNumber) {}

    @PostMapping("/api/centre/vouchers")
    Voucher takeOver(@RequestBody TakeOverBody body) {
        return vouchers.takeOver(body.code(), body.nationalNumber(), CurrentUser.get());
    }

    @GetMapping("/api/centre/vouchers")
    List<Voucher> centreVouchers() {
        return vouchers.ofCentre(CurrentUser.get());
    }

    record VoucherWithSessions(Voucher voucher, List<Session> sessions) {}

    @GetMapping("/api/centre/vouchers/{id}")
    VoucherWithSessions centreVoucher(@PathVariable UUID id) {
        Voucher v = vouchers.ofCentre(id, CurrentUser.get());
        return new VoucherWithSessions(v, vouchers.sessions(id));
    }

    @PostMapping("/api/centre/vouchers/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                               @RequestBody Vouchers.SessionInput body) {
        return Map.of("id", vouchers.registerSession(id, body, key, CurrentUser.get()));
    }

    @PutMapping("/api/centre/vouchers/{id}/guidance")
    Voucher guidance(@PathVariable UUID id, @RequestBody Vouchers.GuidanceInput body) {
        return vouchers.updateGuidance(id, body, CurrentUser.get());
    }

    @GetMapping(value = "/api/centre/statements/{runId}.csv", produces = "text/csv")
    ResponseEntity<String> ownStatement(@PathVariable UUID runId) {
        CurrentUser me = CurrentUser.get();
        return csv(payments.statementCsv(payments.statement(runId, me.organisationId(), me)), runId);
    }

    @PutMapping("/api/centre/profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void profile(@RequestBody CareerCentres.ProfileInput body) {
        CurrentUser me = CurrentUser.get();
        centres.updateProfile(me.organisationId(), body, me);
    }

    record SiteBody(String name, String street, String municipality, Boolean headOffice, Boolean wheelchairAccess) {}

    @PostMapping("/api/centre/sites")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> site(@RequestBody SiteBody b) {
        CurrentUser me = CurrentUser.get();
        return Map.of("id", centres.addSite(me.organisationId(), b.name(), b.street(), b.municipality(), b.headOffice(),
                b.wheelchairAccess(), me));
    }

    record CoachBody(UUID existingCoachId, String name, String profile, String kind, List<String> languages, Boolean eCoaching) {}

    /** Adds a coach, or links a subcontractor who already works for another centre (existingCoachId). */
    @PostMapping("/api/centre/coaches")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> coach(@RequestBody CoachBody b) {
        CurrentUser me = CurrentUser.get();
        return Map.of("id", centres.addCoach(me.organisationId(), b.existingCoachId(), b.name(), b.profile(), b.kind(),
                b.languages(), b.eCoaching(), me));
    }

    record TextBody(String profile) {}

    @PutMapping("/api/centre/coaches/{id}/profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void coachProfile(@PathVariable UUID id, @RequestBody TextBody b) {
        centres.updateCoachProfile(id, b.profile(), CurrentUser.get());
    }

    @PostMapping("/api/centre/mandate-applications")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> apply(@RequestBody CareerCentres.MandateApplication b) {
        CurrentUser me = CurrentUser.get();
        return Map.of("id", centres.apply(me.organisationId(), b, me));
    }

    @GetMapping("/api/centre/mandates")
    List<CareerCentres.Mandate> ownMandates() {
        CurrentUser me = CurrentUser.get();
        vouchers.centreOf(me);
        return centres.mandatesOf(me.organisationId());
    }

    // ---- employment service ----

    record DecisionBody(Boolean approve, String reason) {}

    @PostMapping("/api/voucher-admin/mandates/{id}/decision")
    CareerCentres.Mandate decide(@PathVariable UUID id, @RequestBody DecisionBody b) {
        return centres.decide(id, Boolean.TRUE.equals(b.approve()), b.reason(), CurrentUser.get());
    }

    record StatusBody(String status, String reason) {}

    /** Suspension, revocation or reinstatement of a mandate. */
    @PostMapping("/api/voucher-admin/mandates/{id}/status")
    CareerCentres.Mandate status(@PathVariable UUID id, @RequestBody StatusBody b) {
        return centres.changeStatus(id, b.status(), b.reason(), CurrentUser.get());
    }

    record PassiveBody(Boolean passive) {}

    @PostMapping("/api/voucher-admin/centres/{id}/passive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void passive(@PathVariable UUID id, @RequestBody PassiveBody b) {
        centres.setPassive(id, Boolean.TRUE.equals(b.passive()), CurrentUser.get());
    }

    record ControlBody(Long seed) {}

    /** Draws a dossier control (at most 25 guidances) and returns what it found per dossier. */
    @PostMapping("/api/voucher-admin/centres/{id}/dossier-controls")
    @ResponseStatus(HttpStatus.CREATED)
    List<Quality.ControlItem> control(@PathVariable UUID id, @RequestBody ControlBody b) {
        UUID control = quality.drawDossierControl(id, b.seed() == null ? System.nanoTime() : b.seed(), CurrentUser.get());
        return quality.controlItems(control);
    }

    record RunBody(LocalDate performedUntil, String runKey) {}

    @PostMapping("/api/voucher-admin/payment-runs")
    @ResponseStatus(HttpStatus.CREATED)
    Payments.Run run(@RequestBody RunBody body) {
        return payments.run(body.performedUntil(), body.runKey(), CurrentUser.get());
    }

    @GetMapping("/api/voucher-admin/payment-runs")
    List<Payments.Run> runs() {
        return payments.runs();
    }

    @GetMapping(value = "/api/voucher-admin/payment-runs/{runId}/statements/{centreId}.csv", produces = "text/csv")
    ResponseEntity<String> statementCsv(@PathVariable UUID runId, @PathVariable UUID centreId) {
        return csv(payments.statementCsv(payments.statement(runId, centreId, CurrentUser.get())), runId);
    }

    @GetMapping(value = "/api/voucher-admin/payment-runs/{runId}/statements/{centreId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> statementPdf(@PathVariable UUID runId, @PathVariable UUID centreId) {
        List<Payments.Line> lines = payments.statement(runId, centreId, CurrentUser.get());
        Payments.Run run = payments.find(runId).orElseThrow(() -> new NotFoundException("run"));
        String name = lines.isEmpty() ? "" : lines.get(0).centreName();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=statement-" + runId + ".pdf")
                .contentType(MediaType.APPLICATION_PDF).body(payments.statementPdf(run, name, lines));
    }

    @GetMapping("/api/voucher-admin/stimulus/{year}")
    List<Quality.StimulusResult> stimulus(@PathVariable int year) {
        return quality.stimulus(year);
    }

    private static ResponseEntity<String> csv(String body, UUID runId) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=statement-" + runId + ".csv")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }
}
