package be.werkregie.guidance;

import be.werkregie.guidance.GuidanceForms.AdmissionForm;
import be.werkregie.guidance.GuidanceForms.ConcessionForm;
import be.werkregie.guidance.GuidanceForms.ProofDecisionForm;
import be.werkregie.guidance.GuidanceForms.RunForm;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employment service's guidance administration: admissions and concessions, assignment and payment runs, the
 * results to verify, and the KPIs.
 */
@Controller
class AdminGuidancePages {

    private final be.werkregie.platform.CheckAnswers checkAnswers;
    private final Catalogue catalogue;
    private final Partners partners;
    private final Assignment assignment;
    private final GuidancePayments payments;
    private final ResultVerification verification;
    private final be.werkregie.identity.Organisations organisations;
    private final Clock clock;

    AdminGuidancePages(Catalogue catalogue, Partners partners, Assignment assignment, GuidancePayments payments,
                       ResultVerification verification, be.werkregie.identity.Organisations organisations, Clock clock,
                       be.werkregie.platform.CheckAnswers checkAnswers) {
        this.checkAnswers = checkAnswers;
        this.catalogue = catalogue;
        this.partners = partners;
        this.assignment = assignment;
        this.payments = payments;
        this.verification = verification;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/guidance/admin")
    String admin(Model model) {
        model.addAttribute("applications", partners.contracts("APPLIED"));
        model.addAttribute("contracts", partners.contracts("ACTIVE"));
        model.addAttribute("partnerOrgs", organisations.ofKind(be.werkregie.identity.OrganisationKind.PARTNER));
        model.addAttribute("concessionOffers", catalogue.offers().stream().filter(o -> o.contractForm().equals("CONCESSION")).toList());
        model.addAttribute("runs", assignment.runs());
        model.addAttribute("paymentRuns", payments.runs());
        model.addAttribute("statements", payments.partnersInRuns(CurrentUser.get()));
        model.addAttribute("kpis", payments.kpis());
        model.addAttribute("resultsToVerify", verification.pending(CurrentUser.get()));
        model.addAttribute("runKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        return "guidance/admin";
    }

    @PostMapping("/guidance/admin/contracts/{id}/admission")
    String admit(@PathVariable UUID id, AdmissionForm form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> partners.decideAdmission(id, "true".equals(form.contentOk()),
                "true".equals(form.qualityOk()), form.note(), CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/concessions")
    String concession(ConcessionForm form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> {
            FormReader r = new FormReader();
            UUID partner = r.uuid("partnerId", form.partnerId(), "validation.organisation.unknown");
            LocalDate from = r.date("validFrom", form.validFrom());
            r.done();
            partners.awardConcession(partner, form.offerCode(), from, CurrentUser.get());
        });
    }

    @PostMapping("/guidance/admin/assignment-runs")
    String assign(RunForm form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> assignment.run(form.runKey(), true, CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/payment-runs")
    String pay(RunForm form, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String confirmed, Model model,
               RedirectAttributes redirect) {
        model.addAttribute("runForm", form.values());
        if (!be.werkregie.platform.CheckAnswers.confirmed(confirmed)) {
            try {
                FormReader r = new FormReader();
                LocalDate until = r.date("until", form.until());
                r.done();
                if (be.werkregie.platform.CheckAnswers.change(confirmed)) {
                    return admin(model);
                }
                checkAnswers.tryWithoutEffect(() -> payments.run(until, form.runKey(), CurrentUser.get()));
                return be.werkregie.platform.CheckAnswers.page("check.paymentRun.title", "/guidance/admin/payment-runs")
                        .row("check.performedUntil", until.format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")))
                        .keep("until", form.until()).keep("runKey", form.runKey())
                        .consequence("check.guidanceRun.consequence")
                        .confirmWith("check.paymentRun.confirm", false)
                        .show(model);
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.problems());
                return admin(model);
            }
        }
        return adminAction(model, redirect, () -> {
            FormReader r = new FormReader();
            LocalDate until = r.date("until", form.until());
            r.done();
            payments.run(until, form.runKey(), CurrentUser.get());
        });
    }

    @PostMapping("/guidance/admin/results/{id}/decision")
    String decideResult(@PathVariable UUID id, ProofDecisionForm form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> verification.decideProof(id, FormReader.yesNo(form.approve()), form.reason(),
                CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/results/verify")
    String verifyResults(Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, verification::verifyPending);
    }

    @GetMapping("/guidance/admin/results/{id}/proof")
    org.springframework.http.ResponseEntity<byte[]> resultProofFile(@PathVariable UUID id) {
        Object[] p = verification.proof(id, CurrentUser.get()).orElseThrow(() -> new be.werkregie.shared.NotFoundException("proof"));
        byte[] bytes = (byte[]) p[1];
        String type = be.werkregie.shared.EvidenceFiles.mediaType(bytes);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(type == null ? "application/octet-stream" : type))
                .header("Content-Disposition", "attachment; filename=\"proof-" + id + "\"")
                .header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    private String adminAction(Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "guidance.saved");
            return "redirect:/guidance/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(model);
        }
    }
}
