package be.werkregie.guidance;

import be.werkregie.guidance.GuidanceForms.ActionForm;
import be.werkregie.guidance.GuidanceForms.FlankingForm;
import be.werkregie.guidance.GuidanceForms.OutcomeForm;
import be.werkregie.guidance.GuidanceForms.StopForm;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's guidance pages: its trajectories, actions and evidence, flanking actions, stop with handover, outcome. */
@Controller
class PartnerGuidancePages {

    private final Catalogue catalogue;
    private final Partners partners;
    private final Trajectories trajectories;
    private final ResultVerification verification;
    private final Clock clock;
    private final GuidancePayments payments;
    private final be.werkregie.platform.CheckAnswers checkAnswers;

    PartnerGuidancePages(Catalogue catalogue, Partners partners, Trajectories trajectories, ResultVerification verification, Clock clock,
                         GuidancePayments payments, be.werkregie.platform.CheckAnswers checkAnswers) {
        this.payments = payments;
        this.checkAnswers = checkAnswers;
        this.catalogue = catalogue;
        this.partners = partners;
        this.trajectories = trajectories;
        this.verification = verification;
        this.clock = clock;
    }

    @GetMapping("/partner/trajectories")
    String partnerList(@RequestParam java.util.Map<String, String> query, Model model) {
        // the partner's caseload: search by name, filter by status and offer, sort, page; overdue goals stand out
        java.util.List<Trajectories.Trajectory> all = trajectories.ofPartner(CurrentUser.get(), null);
        be.werkregie.platform.ListView.Builder b = be.werkregie.platform.ListView.from(query)
                .sort("goal", java.util.Comparator.comparing(Trajectories.Trajectory::goalDate)
                        .thenComparing(Trajectories.Trajectory::clientName))
                .sort("client", java.util.Comparator.comparing(Trajectories.Trajectory::clientName))
                .sort("started", java.util.Comparator.comparing(Trajectories.Trajectory::startedOn).reversed())
                .sort("status", java.util.Comparator.comparing((Trajectories.Trajectory t) -> t.status().ordinal())
                        .thenComparing(Trajectories.Trajectory::goalDate))
                .keep("status", "offer");
        String status = b.param("status").isEmpty() && !query.containsKey("status") ? "ACTIVE" : b.param("status");
        String offer = b.param("offer");
        model.addAttribute("list", b.of(all, Trajectories.Trajectory::clientName,
                t -> (status.isEmpty() || t.status().name().equals(status)) && (offer.isEmpty() || t.offerCode().equals(offer))));
        model.addAttribute("status", status);
        model.addAttribute("offer", offer);
        model.addAttribute("statuses", Trajectories.Trajectory.Status.values());
        model.addAttribute("offers", all.stream().map(Trajectories.Trajectory::offerCode).distinct().sorted().toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("statements", payments.ownRuns(CurrentUser.get()));
        return "guidance/partner-list";
    }

    @GetMapping("/partner/trajectories/{id}")
    String partnerTrajectory(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        partners.ownPartner(me);
        Trajectories.Trajectory t = trajectories.get(id, me);
        model.addAttribute("t", t);
        model.addAttribute("actions", trajectories.actions(id, me));
        model.addAttribute("kinds", catalogue.actionKinds());
        model.addAttribute("flanking", catalogue.flankingActions().stream().filter(f -> f.combinableWith().contains(t.offerCode())
                && !t.flanking().contains(f.code())).toList());
        model.addAttribute("contractTypes", Trajectories.CONTRACT_TYPES);
        String resultStatus = t.endedWithWork() ? verification.status(id).orElse(null) : null;
        model.addAttribute("resultStatus", resultStatus);
        model.addAttribute("fee", "VERIFIED".equals(resultStatus) ? trajectories.resultFeeForPartner(id, me) : null);
        model.addAttribute("key", UUID.randomUUID().toString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "guidance/partner-trajectory";
    }

    @PostMapping("/partner/trajectories/{id}/actions")
    String action(@PathVariable UUID id, ActionForm form, @RequestParam(name = "evidence", required = false) MultipartFile evidence,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form.values());
        return partnerAction(id, model, redirect, () -> {
            FormReader r = new FormReader();
            LocalDate on = r.date("occurredOn", form.occurredOn());
            r.done();
            trajectories.registerAction(id, form.kind(), on, form.note(),
                    evidence == null || evidence.isEmpty() ? null : evidence.getOriginalFilename(),
                    evidence == null || evidence.isEmpty() ? null : bytes(evidence), form.key(), CurrentUser.get());
        });
    }

    /** Cancels (to correct) a registered action or output that no payment run has claimed yet, with a reason. */
    @PostMapping("/partner/trajectories/{id}/actions/{actionId}/cancellation")
    String cancelAction(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam(required = false) String reason, Model model,
                        RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> trajectories.cancelAction(id, actionId, reason, CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/flanking")
    String flanking(@PathVariable UUID id, FlankingForm form, Model model, RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> trajectories.addFlanking(id, form.code(), form.motivation(), CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/stop")
    String stop(@PathVariable UUID id, StopForm form, @RequestParam(defaultValue = "") String confirmed, Model model,
                RedirectAttributes redirect) {
        Runnable step = () -> trajectories.stop(id, form.motivation(), form.contactName(), form.contactDetails(), CurrentUser.get());
        model.addAttribute("stopForm", form.values());
        if (be.werkregie.platform.CheckAnswers.change(confirmed)) {
            return partnerTrajectory(id, model);
        }
        if (!be.werkregie.platform.CheckAnswers.confirmed(confirmed)) {
            // check your answers: the stop is tried without effect first, so a mistake shows on the form
            try {
                checkAnswers.tryWithoutEffect(step);
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.problems());
                return partnerTrajectory(id, model);
            }
            Trajectories.Trajectory t = trajectories.get(id, CurrentUser.get());
            return be.werkregie.platform.CheckAnswers.page("check.stop.title", "/partner/trajectories/" + id + "/stop")
                    .row("check.client", t.clientName())
                    .row("check.motivation", form.motivation())
                    .row("check.contact", form.contactName())
                    .row("check.contactDetails", form.contactDetails())
                    .keepAll(java.util.Map.of("motivation", nz(form.motivation()), "contactName", nz(form.contactName()),
                            "contactDetails", nz(form.contactDetails())))
                    .consequence("check.stop.consequence")
                    .confirmWith("check.stop.confirm", true)
                    .show(model);
        }
        return partnerAction(id, model, redirect, step);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @PostMapping("/partner/trajectories/{id}/result-proof")
    String resultProof(@PathVariable UUID id, @RequestParam(name = "proof", required = false) MultipartFile proof, Model model,
                       RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> verification.submitProof(id,
                proof == null || proof.isEmpty() ? null : proof.getOriginalFilename(),
                proof == null || proof.isEmpty() ? null : bytes(proof), CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/outcome")
    String outcome(@PathVariable UUID id, OutcomeForm form, Model model, RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> {
            FormReader r = new FormReader();
            LocalDate start = r.date("workStart", form.workStart());
            r.done();
            trajectories.outcome(id, form.outcome(), start, form.contractType(), CurrentUser.get());
        });
    }

    private String partnerAction(UUID id, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "guidance.saved");
            return "redirect:/partner/trajectories/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return partnerTrajectory(id, model);
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.of("evidence", "guidance.evidenceInvalid");
        }
    }
}
