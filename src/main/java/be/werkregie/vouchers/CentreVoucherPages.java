package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormObject;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import be.werkregie.vouchers.VoucherForms.CoachForm;
import be.werkregie.vouchers.VoucherForms.DefenceForm;
import be.werkregie.vouchers.VoucherForms.GuidanceForm;
import be.werkregie.vouchers.VoucherForms.MandateApplicationForm;
import be.werkregie.vouchers.VoucherForms.ProfileForm;
import be.werkregie.vouchers.VoucherForms.SessionForm;
import be.werkregie.vouchers.VoucherForms.SiteForm;
import be.werkregie.vouchers.VoucherForms.TakeOverForm;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The career centre's pages: taking over a voucher, registering sessions and the guidance record, its own profile,
 * sites, coaches and mandate, and the sanctions against it with its defence.
 */
@Controller
class CentreVoucherPages {

    private final Vouchers vouchers;
    private final CareerCentres centres;
    private final Payments payments;
    private final Misuse misuse;
    private final Clock clock;

    CentreVoucherPages(Vouchers vouchers, CareerCentres centres, Payments payments, Misuse misuse, Clock clock) {
        this.vouchers = vouchers;
        this.centres = centres;
        this.payments = payments;
        this.misuse = misuse;
        this.clock = clock;
    }

    @GetMapping("/centre/vouchers")
    String centre(@org.springframework.web.bind.annotation.RequestParam Map<String, String> query, Model model) {
        CurrentUser me = CurrentUser.get();
        List<Voucher> all = vouchers.ofCentre(me);
        be.werkregie.platform.ListView.Builder b = be.werkregie.platform.ListView.from(query)
                .sort("takenOver", java.util.Comparator.comparing(Voucher::takenOverOn,
                        java.util.Comparator.nullsLast(java.util.Comparator.<java.time.LocalDate>naturalOrder())).reversed())
                .sort("code", java.util.Comparator.comparing(Voucher::code))
                .sort("validUntil", java.util.Comparator.comparing(Voucher::validUntil).thenComparing(Voucher::code))
                .sort("status", java.util.Comparator.comparing((Voucher v) -> v.status().ordinal()))
                .keep("status");
        String status = b.param("status");
        // the clients' names are read (and audited) only for the rows shown, unless the coach searches by name
        Map<java.util.UUID, String> names = b.param("q").isEmpty() ? Map.of() : vouchers.clientNames(all, me);
        be.werkregie.platform.ListView<Voucher> page = b.of(all, v -> v.code() + " " + names.getOrDefault(v.id(), ""),
                v -> status.isEmpty() || v.status().name().equals(status));
        model.addAttribute("list", page);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Voucher.Status.values());
        model.addAttribute("names", names.isEmpty() ? vouchers.clientNames(page.items(), me) : names);
        model.addAttribute("runs", payments.runsOfCentre(me.organisationId()));
        // a voucher in guidance that lapses within two weeks stands out: the last sessions must be planned now
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("soon", LocalDate.now(clock).plusDays(14));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "vouchers/centre";
    }

    @PostMapping("/centre/vouchers")
    String takeOver(TakeOverForm form, Model model, RedirectAttributes redirect) {
        try {
            Voucher v = vouchers.takeOver(form.code(), form.nationalNumber(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "voucher.takenOver");
            return "redirect:/centre/vouchers/" + v.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form.values());
            return centre(Map.of(), model);
        }
    }

    @GetMapping("/centre/vouchers/{id}")
    String centreVoucher(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        Voucher v = vouchers.ofCentre(id, me);
        model.addAttribute("voucher", v);
        model.addAttribute("clientName", vouchers.clientNames(List.of(v), me).get(v.id()));
        model.addAttribute("sessions", vouchers.sessions(id));
        model.addAttribute("coaches", centres.coaches(me.organisationId()));
        model.addAttribute("themes", Vouchers.THEMES);
        model.addAttribute("modes", Vouchers.MODES);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "vouchers/centre-voucher";
    }

    @PostMapping("/centre/vouchers/{id}/sessions")
    String registerSession(@PathVariable UUID id, SessionForm form,
                           @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String duplicateOk, Model model,
                           RedirectAttributes redirect) {
        try {
            Vouchers.SessionInput in = form.read();
            if (!"true".equals(duplicateOk) && in.halfHours() != null
                    && vouchers.hasIdenticalSession(id, in.date(), in.startTime(), in.halfHours())) {
                // the same day, time and length again: most likely registered twice; the coach decides
                model.addAttribute("duplicate", true);
                model.addAttribute("form", form.values());
                return centreVoucher(id, model);
            }
            vouchers.registerSession(id, in, form.idempotencyKey(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "session.registered");
            return "redirect:/centre/vouchers/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form.values());
            return centreVoucher(id, model);
        }
    }

    /** A session registered by mistake is cancelled with a reason until it is paid (audited). */
    @PostMapping("/centre/vouchers/{id}/sessions/{sessionId}/cancellation")
    String cancelSession(@PathVariable UUID id, @PathVariable UUID sessionId,
                         @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String reason, Model model,
                         RedirectAttributes redirect) {
        try {
            vouchers.cancelSession(sessionId, reason, CurrentUser.get());
            redirect.addFlashAttribute("notice", "session.cancelled");
            return "redirect:/centre/vouchers/" + id + "#sessions-title";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("cancelSession", sessionId);
            return centreVoucher(id, model);
        }
    }

    @PostMapping("/centre/vouchers/{id}/guidance")
    String guidance(@PathVariable UUID id, GuidanceForm form, Model model, RedirectAttributes redirect) {
        try {
            vouchers.updateGuidance(id, form.read(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.saved");
            return "redirect:/centre/vouchers/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return centreVoucher(id, model);
        }
    }

    // ---- the centre's own profile, sites, coaches and mandate ----

    @GetMapping("/centre/profile")
    String centreProfile(Model model) {
        CurrentUser me = CurrentUser.get();
        UUID centre = vouchers.centreOf(me);
        model.addAttribute("centre", centres.find(centre).orElseThrow(() -> new NotFoundException("centre")));
        model.addAttribute("sites", centres.sites(centre));
        model.addAttribute("coaches", centres.coaches(centre));
        model.addAttribute("linkRequests", centres.linkRequests(centre, me));
        model.addAttribute("mandates", centres.mandatesOf(centre));
        model.addAttribute("languages", CareerCentres.LANGUAGES);
        model.addAttribute("targetGroups", CareerCentres.TARGET_GROUPS);
        model.addAttribute("methodologies", CareerCentres.METHODOLOGIES);
        model.addAttribute("coachKinds", CareerCentres.COACH_KINDS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "vouchers/centre-self";
    }

    @PostMapping("/centre/profile")
    String saveProfile(ProfileForm form, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.updateProfile(vouchers.centreOf(CurrentUser.get()), form.read(),
                CurrentUser.get()));
    }

    @PostMapping("/centre/sites")
    String addSite(SiteForm form, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.addSite(vouchers.centreOf(CurrentUser.get()), form.name(),
                form.street(), form.municipality(), FormReader.ticked(form.headOffice()), FormReader.ticked(form.wheelchairAccess()),
                CurrentUser.get()));
    }

    /** One site's phone, e-mail and opening hours, on a page of their own (one thing per page). */
    @GetMapping("/centre/sites/{siteId}/contact")
    String siteContactPage(@PathVariable UUID siteId, Model model) {
        UUID centre = vouchers.centreOf(CurrentUser.get());
        CareerCentres.Site site = centres.sites(centre).stream().filter(s -> s.id().equals(siteId)).findFirst()
                .orElseThrow(() -> new NotFoundException("site"));
        model.addAttribute("site", site);
        model.addAttribute("days", java.util.stream.IntStream.rangeClosed(1, 7).boxed().toList());
        if (!model.containsAttribute("form")) {
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("phone", site.phone());
            values.put("email", site.email());
            for (int d = 1; d <= 7; d++) {
                OpeningHours.Day day = site.openingHours().on(d);
                values.put("from" + d, day == null ? null : day.from().toString());
                values.put("until" + d, day == null ? null : day.until().toString());
            }
            model.addAttribute("form", values);
        }
        return "vouchers/site-contact";
    }

    @PostMapping("/centre/sites/{siteId}/contact")
    String siteContact(@PathVariable UUID siteId, VoucherForms.SiteContactForm form, Model model, RedirectAttributes redirect) {
        try {
            be.werkregie.shared.Validator v = new be.werkregie.shared.Validator();
            OpeningHours hours = form.hours(v);
            centres.updateSiteContact(vouchers.centreOf(CurrentUser.get()), siteId, form.phone(), form.email(), hours, v,
                    CurrentUser.get());
            redirect.addFlashAttribute("notice", "centreSelf.contactSaved");
            return "redirect:/centre/profile";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form.values());
            return siteContactPage(siteId, model);
        }
    }

    @PostMapping("/centre/coaches")
    String addCoach(CoachForm form, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.addCoach(vouchers.centreOf(CurrentUser.get()), null, form.name(),
                form.profile(), form.kind(), form.languages(), FormReader.ticked(form.eCoaching()), CurrentUser.get()));
    }

    @PostMapping("/centre/coach-links/{coachId}/{centreId}")
    String answerLink(@PathVariable UUID coachId, @PathVariable UUID centreId, @RequestParam(defaultValue = "") String accept,
                      Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, null, () -> centres.answerLinkRequest(vouchers.centreOf(CurrentUser.get()), coachId,
                centreId, "true".equals(accept), CurrentUser.get()));
    }

    @PostMapping("/centre/sites/{siteId}/removal")
    String removeSite(@PathVariable UUID siteId, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, null, () -> centres.removeSite(vouchers.centreOf(CurrentUser.get()), siteId,
                CurrentUser.get()));
    }

    @PostMapping("/centre/coaches/{coachId}/removal")
    String removeCoach(@PathVariable UUID coachId, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, null, () -> centres.removeCoach(vouchers.centreOf(CurrentUser.get()), coachId,
                CurrentUser.get()));
    }

    @PostMapping("/centre/mandate-applications")
    String applyMandate(MandateApplicationForm form, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.apply(vouchers.centreOf(CurrentUser.get()), form.read(), CurrentUser.get()));
    }

    private String centreAction(Model model, RedirectAttributes redirect, FormObject form, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "misuse.saved");
            return "redirect:/centre/profile";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form == null ? Map.of() : form.values());
            return centreProfile(model);
        }
    }

    // ---- sanctions against the centre ----

    @GetMapping("/centre/sanctions")
    String ownSanctions(Model model) {
        model.addAttribute("sanctions", misuse.sanctionsOfOwnCentre(vouchers.centreOf(CurrentUser.get())));
        model.addAttribute("today", LocalDate.now(clock));
        return "vouchers/sanctions";
    }

    @PostMapping("/centre/sanctions/{id}/defence")
    String defend(@PathVariable UUID id, DefenceForm form, Model model, RedirectAttributes redirect) {
        try {
            misuse.defend(id, vouchers.centreOf(CurrentUser.get()), form.defence());
            redirect.addFlashAttribute("notice", "sanction.defenceSaved");
            return "redirect:/centre/sanctions";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return ownSanctions(model);
        }
    }
}
