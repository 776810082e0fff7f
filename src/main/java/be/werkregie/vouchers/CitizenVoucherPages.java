package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.vouchers.VoucherForms.ComplaintForm;
import be.werkregie.vouchers.VoucherForms.DeclarationForm;
import be.werkregie.vouchers.VoucherForms.SurveyForm;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen's career-voucher pages: check and request a voucher, pay the contribution, the survey and complaints. */
@Controller
class CitizenVoucherPages {

    private final Vouchers vouchers;
    private final Quality quality;
    private final MessageSource messages;
    private final Clock clock;

    CitizenVoucherPages(Vouchers vouchers, Quality quality, MessageSource messages, Clock clock) {
        this.vouchers = vouchers;
        this.quality = quality;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/me/vouchers")
    String mine(Model model) {
        CurrentUser me = CurrentUser.get();
        List<Voucher> mine = vouchers.ofPerson(me.personId());
        model.addAttribute("vouchers", mine);
        Map<UUID, List<Session>> sessions = new java.util.HashMap<>();
        mine.stream().filter(v -> v.usedHalfHours() > 0).forEach(v -> sessions.put(v.id(), vouchers.sessions(v.id())));
        model.addAttribute("sessions", sessions);
        model.addAttribute("complaints", quality.complaintsOfPerson(me.personId()));
        model.addAttribute("situations", Eligibility.WorkSituation.values());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("categories", Quality.COMPLAINT_CATEGORIES);
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "vouchers/me";
    }

    @PostMapping("/me/vouchers")
    String request(DeclarationForm form, @RequestParam(defaultValue = "check") String action, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("form", form.values());
        try {
            Vouchers.Declaration d = form.read();
            if ("request".equals(action)) {
                Voucher v = vouchers.request(me.personId(), d, form.requestKey(), me);
                redirect.addFlashAttribute("notice", "voucher.requested");
                return "redirect:/me/vouchers#voucher-" + v.id();
            }
            Eligibility.Result r = vouchers.check(me.personId(), d);
            model.addAttribute("check", r);
            model.addAttribute("refusals", VoucherErrors.explain(r, messages));
        } catch (VoucherRefusedException e) {
            model.addAttribute("check", e.result());
            model.addAttribute("refusals", VoucherErrors.explain(e.result(), messages));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        }
        return mine(model);
    }

    @PostMapping("/me/vouchers/{id}/contribution")
    String pay(@PathVariable UUID id, RedirectAttributes redirect) {
        // to the payment provider's page; it sends the citizen back to the receipt
        CurrentUser me = CurrentUser.get();
        try {
            return "redirect:" + vouchers.checkoutUrl(id, me.personId(), "/me/vouchers/" + id + "/receipt");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "voucher.alreadyPaid");
            return "redirect:/me/vouchers";
        }
    }

    /** Back from the provider: the platform asks the provider (not the browser) whether it was paid, then shows the receipt. */
    @GetMapping("/me/vouchers/{id}/receipt")
    String receipt(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            Voucher v = vouchers.confirmContribution(id, me.personId(), me);
            model.addAttribute("voucher", v);
            model.addAttribute("reference", vouchers.paymentReference(id));
            model.addAttribute("amount", v.contribution());
            return "vouchers/receipt";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "voucher.notPaidYet");
            return "redirect:/me/vouchers#voucher-" + id;
        }
    }

    @GetMapping("/me/vouchers/{id}/survey")
    String surveyForm(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        Voucher v = vouchers.find(id).filter(x -> x.personId().equals(me.personId())).orElseThrow(() -> new NotFoundException("voucher"));
        model.addAttribute("voucher", v);
        model.addAttribute("answered", quality.surveyAnswered(id));
        model.addAttribute("statements", java.util.stream.IntStream.rangeClosed(1, Quality.STATEMENTS).boxed().toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "vouchers/survey";
    }

    @PostMapping("/me/vouchers/{id}/survey")
    String survey(@PathVariable UUID id, SurveyForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            quality.answerSurvey(id, me.personId(), form.read());
            redirect.addFlashAttribute("notice", "survey.thanks");
            return "redirect:/me/vouchers";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form.values());
            return surveyForm(id, model);
        }
    }

    @PostMapping("/me/vouchers/{id}/complaints")
    String complaint(@PathVariable UUID id, ComplaintForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            FormReader r = new FormReader();
            LocalDate concerns = r.date("concernsDate", form.concernsDate());
            r.done();
            quality.fileComplaint(id, me.personId(), form.category(), concerns, form.description(), form.requestKey(), me);
            redirect.addFlashAttribute("notice", "complaint.filed");
            return "redirect:/me/vouchers";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("complaintForm", form.values());
            model.addAttribute("complaintVoucher", id);
            return mine(model);
        }
    }
}
