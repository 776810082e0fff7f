package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.vouchers.VoucherForms.ComplaintDecisionForm;
import be.werkregie.vouchers.VoucherForms.ConclusionForm;
import be.werkregie.vouchers.VoucherForms.DossierControlForm;
import be.werkregie.vouchers.VoucherForms.MandateDecisionForm;
import be.werkregie.vouchers.VoucherForms.PaymentRunForm;
import be.werkregie.vouchers.VoucherForms.SanctionDecisionForm;
import be.werkregie.vouchers.VoucherForms.SanctionForm;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employment service's career-voucher pages: payment runs, mandates, complaints, stimulus financing, dossier
 * control, misuse cases and sanctions.
 */
@Controller
class AdminVoucherPages {

    private final org.springframework.context.MessageSource messages;
    private final be.werkregie.platform.CheckAnswers checkAnswers;
    private final be.werkregie.policy.Policies policies;
    private final SearchRobot robot;
    private final CareerCentres centres;
    private final Payments payments;
    private final Quality quality;
    private final Misuse misuse;
    private final Clock clock;

    AdminVoucherPages(SearchRobot robot, CareerCentres centres, Payments payments, Quality quality, Misuse misuse, Clock clock,
                      be.werkregie.platform.CheckAnswers checkAnswers, be.werkregie.policy.Policies policies,
                      org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.checkAnswers = checkAnswers;
        this.policies = policies;
        this.robot = robot;
        this.centres = centres;
        this.payments = payments;
        this.quality = quality;
        this.misuse = misuse;
        this.clock = clock;
    }

    @GetMapping("/vouchers/admin")
    String admin(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("runs", payments.runs());
        model.addAttribute("complaints", quality.openComplaints());
        model.addAttribute("mandates", centres.mandates("APPLIED"));
        int y = year == null || year < 1900 || year > 2199 ? LocalDate.now(clock).getYear() - 1 : year;
        model.addAttribute("year", y);
        model.addAttribute("stimulus", quality.stimulus(y));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("satisfaction", quality.satisfaction(null, today.minusYears(2), today));
        model.addAttribute("runKey", UUID.randomUUID().toString());
        model.addAttribute("today", today);
        model.addAttribute("outcomes", Quality.OUTCOMES);
        model.addAttribute("remedies", Quality.REMEDIES);
        model.addAttribute("allCentres", robot.activeCentres());
        return "vouchers/admin";
    }

    @PostMapping("/vouchers/admin/payment-runs")
    String run(PaymentRunForm form, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String confirmed,
               Model model) {
        try {
            FormReader r = new FormReader();
            LocalDate until = r.date("performedUntil", form.performedUntil());
            r.done();
            if (!be.werkregie.platform.CheckAnswers.confirmed(confirmed) && !be.werkregie.platform.CheckAnswers.change(confirmed)) {
                // check your answers: the run is computed without effect (rolled back) to show what it would pay
                Payments.Run preview = checkAnswers.tryWithoutEffect(() -> payments.run(until, form.runKey(), CurrentUser.get()));
                return be.werkregie.platform.CheckAnswers.page("check.paymentRun.title", "/vouchers/admin/payment-runs")
                        .row("check.performedUntil", until.format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")))
                        .row("check.lines", preview.lines())
                        .row("check.total", preview.total())
                        .keep("performedUntil", form.performedUntil()).keep("runKey", form.runKey())
                        .consequence("check.paymentRun.consequence", preview.lines(), preview.total())
                        .confirmWith("check.paymentRun.confirm", false)
                        .show(model);
            }
            if (be.werkregie.platform.CheckAnswers.change(confirmed)) {
                model.addAttribute("runForm", form.values());
                return admin(null, model);
            }
            Payments.Run run = payments.run(until, form.runKey(), CurrentUser.get());
            return "redirect:/vouchers/admin/payment-runs/" + run.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(null, model);
        }
    }

    @GetMapping("/vouchers/admin/payment-runs/{id}")
    String runPage(@PathVariable UUID id, Model model) {
        model.addAttribute("run", payments.find(id).orElseThrow(() -> new NotFoundException("run")));
        model.addAttribute("centres", payments.centresInRun(id));
        return "vouchers/run";
    }

    @PostMapping("/vouchers/admin/mandates/{id}")
    String decideMandate(@PathVariable UUID id, MandateDecisionForm form, Model model, RedirectAttributes redirect) {
        try {
            centres.decide(id, "approve".equals(form.decision()), form.reason(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "mandate.decided");
            return "redirect:/vouchers/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(null, model);
        }
    }

    @PostMapping("/vouchers/admin/complaints/{id}")
    String decideComplaint(@PathVariable UUID id, ComplaintDecisionForm form, Model model, RedirectAttributes redirect) {
        try {
            quality.decideComplaint(id, form.outcome(), FormReader.text(form.remedy()), form.note(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "complaint.decided");
            return "redirect:/vouchers/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(null, model);
        }
    }

    @PostMapping("/vouchers/admin/centres/dossier-control")
    String dossierControl(DossierControlForm form, Model model) {
        try {
            FormReader r = new FormReader();
            UUID centre = r.uuid("centreId", form.centreId(), "validation.choice");
            r.done();
            if (centre == null) {
                throw InvalidInputException.of("centreId", "validation.choice");
            }
            UUID control = quality.drawDossierControl(centre, System.nanoTime(), CurrentUser.get());
            model.addAttribute("controlItems", quality.controlItems(control));
            model.addAttribute("controlCentre", centres.find(centre).map(CareerCentres.Centre::name).orElse(""));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        }
        return admin(null, model);
    }

    // ---- misuse and sanctions ----

    @GetMapping("/vouchers/admin/misuse")
    String misusePage(@org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> query, Model model) {
        // the cases: searched by centre, filtered by pattern and status (open and in investigation first), highest score
        // first, paged
        be.werkregie.platform.ListView.Builder b = be.werkregie.platform.ListView.from(query)
                .sort("score", java.util.Comparator.comparing(Misuse.Case::score).reversed()
                        .thenComparing(Misuse.Case::centreName))
                .sort("centre", java.util.Comparator.comparing(Misuse.Case::centreName).thenComparing(Misuse.Case::pattern))
                .sort("detected", java.util.Comparator.comparing(Misuse.Case::detectedOn).reversed()
                        .thenComparing(Misuse.Case::centreName))
                .keep("pattern", "status");
        String pattern = b.param("pattern");
        String status = b.param("status").isEmpty() && !query.containsKey("status") ? "UNDECIDED" : b.param("status");
        be.werkregie.platform.ListView<Misuse.Case> cases = b.of(misuse.cases(null), c -> c.centreName() + " " + c.subject(),
                c -> (pattern.isEmpty() || c.pattern().equals(pattern)) && (status.isEmpty()
                        || ("UNDECIDED".equals(status) ? c.status() == Misuse.Case.Status.OPEN
                        || c.status() == Misuse.Case.Status.INVESTIGATING : c.status().name().equals(status))));
        model.addAttribute("list", cases);
        model.addAttribute("cases", cases.items());
        model.addAttribute("pattern", pattern);
        model.addAttribute("status", status);
        model.addAttribute("patterns", Misuse.PATTERNS);
        model.addAttribute("caseStatuses", Misuse.Case.Status.values());
        model.addAttribute("sanctions", misuse.sanctions());
        model.addAttribute("kinds", Misuse.SANCTION_KINDS);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "vouchers/misuse";
    }

    @PostMapping("/vouchers/admin/misuse/detection")
    String detect(RedirectAttributes redirect) {
        misuse.detect();
        redirect.addFlashAttribute("notice", "misuse.saved");
        return "redirect:/vouchers/admin/misuse";
    }

    @PostMapping("/vouchers/admin/misuse/cases/{id}/investigation")
    String investigate(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return misuseAction(() -> misuse.investigate(id, CurrentUser.get()), "case-" + id, model, redirect);
    }

    @PostMapping("/vouchers/admin/misuse/cases/{id}/conclusion")
    String conclude(@PathVariable UUID id, ConclusionForm form, Model model, RedirectAttributes redirect) {
        return misuseAction(() -> misuse.conclude(id, FormReader.yesNo(form.founded()), form.note(), CurrentUser.get()), "case-" + id,
                model, redirect);
    }

    @PostMapping("/vouchers/admin/misuse/cases/{id}/sanctions")
    String proposeSanction(@PathVariable UUID id, SanctionForm form,
                           @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String confirmed, Model model,
                           RedirectAttributes redirect) {
        model.addAttribute("sanctionForm", form.values());
        model.addAttribute("sanctionCase", id);
        if (!be.werkregie.platform.CheckAnswers.confirmed(confirmed)) {
            try {
                if (!be.werkregie.platform.CheckAnswers.change(confirmed)) {
                    // check your answers: the proposal is tried without effect first
                    checkAnswers.tryWithoutEffect(() -> misuse.propose(id, form.read(), CurrentUser.get()));
                    LocalDate today = LocalDate.now(clock);
                    Misuse.SanctionInput in = form.read();
                    return be.werkregie.platform.CheckAnswers.page("check.sanction.title", "/vouchers/admin/misuse/cases/" + id + "/sanctions")
                            .row("check.sanctionKind", messages.getMessage("sanction.kind." + in.kind(), null, in.kind(),
                                    org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                            .row("check.amount", in.amount() == null ? "" : be.werkregie.shared.Money.format(in.amount()))
                            .row("check.motivation", in.motivation())
                            .keepAll(java.util.Map.of("kind", nz(form.kind()), "amount", nz(form.amount()),
                                    "motivation", nz(form.motivation()), "requestKey", nz(form.requestKey())))
                            .consequence("check.sanction.consequence", policies.integerOn(VoucherPolicies.DEFENCE_DAYS, today))
                            .confirmWith("check.sanction.confirm", true)
                            .show(model);
                }
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.problems());
            }
            return misusePage(java.util.Map.of(), model);
        }
        return misuseAction(() -> misuse.propose(id, form.read(), CurrentUser.get()), "sanctions-title", model, redirect);
    }

    @PostMapping("/vouchers/admin/sanctions/{id}/decision")
    String decideSanction(@PathVariable UUID id, SanctionDecisionForm form, Model model, RedirectAttributes redirect) {
        return misuseAction(() -> misuse.decide(id, FormReader.yesNo(form.makeFinal()), form.note(), CurrentUser.get()), "sanctions-title",
                model, redirect);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String misuseAction(Runnable action, String anchor, Model model, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "misuse.saved");
            return "redirect:/vouchers/admin/misuse#" + anchor;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return misusePage(java.util.Map.of(), model);
        }
    }
}
