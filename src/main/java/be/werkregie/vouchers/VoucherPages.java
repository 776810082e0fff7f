package be.werkregie.vouchers;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormValues;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
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

/** Pages of the career-voucher scheme: public search robot, citizen, career centre and employment service. */
@Controller
class VoucherPages {

    private final Vouchers vouchers;
    private final SearchRobot robot;
    private final CareerCentres centres;
    private final Payments payments;
    private final Quality quality;
    private final MessageSource messages;
    private final Clock clock;

    private final Misuse misuse;

    VoucherPages(Vouchers vouchers, SearchRobot robot, CareerCentres centres, Payments payments, Quality quality,
                 MessageSource messages, Clock clock, Misuse misuse) {
        this.misuse = misuse;
        this.vouchers = vouchers;
        this.robot = robot;
        this.centres = centres;
        this.payments = payments;
        this.quality = quality;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- public search robot ----

    @GetMapping("/loopbaancentra")
    String search(@RequestParam(required = false) String place, @RequestParam(required = false) Double lat,
                  @RequestParam(required = false) Double lon, @RequestParam(required = false) Integer radiusKm,
                  @RequestParam(required = false) String language, @RequestParam(required = false) Boolean eCoaching,
                  @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String methodology,
                  @RequestParam(required = false) String text, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("radii", SearchRobot.RADII);
        model.addAttribute("languages", CareerCentres.LANGUAGES);
        model.addAttribute("targetGroups", CareerCentres.TARGET_GROUPS);
        model.addAttribute("methodologies", CareerCentres.METHODOLOGIES);
        model.addAttribute("form", new SearchRobot.Query(place, lat, lon, radiusKm == null ? 10 : radiusKm, language, eCoaching,
                targetGroup, methodology, text, 20, 0));
        boolean asked = place != null || (lat != null && lon != null);
        if (asked) {
            int p = page == null || page < 1 ? 1 : page;
            try {
                SearchRobot.Result r = robot.search(new SearchRobot.Query(place, lat, lon, radiusKm, language, eCoaching,
                        targetGroup, methodology, text, 20, (p - 1) * 20));
                model.addAttribute("result", r);
                model.addAttribute("page", p);
                model.addAttribute("pages", Math.max(1, (r.total() + 19) / 20));
                model.addAttribute("map", SiteMap.of(r));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.problems());
            }
        }
        return "vouchers/search";
    }

    @GetMapping("/loopbaancentra/{id}")
    String centreProfile(@PathVariable UUID id, Model model) {
        SearchRobot.Hit hit = robot.profile(id).orElseThrow(() -> new NotFoundException("centre"));
        model.addAttribute("hit", hit);
        model.addAttribute("coaches", centres.coaches(id));
        return "vouchers/centre-profile";
    }

    // ---- citizen ----

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
    String request(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "check") String action, Model model,
                   RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("form", form);
        try {
            Vouchers.Declaration d = declaration(form);
            if ("request".equals(action)) {
                Voucher v = vouchers.request(me.personId(), d, form.get("requestKey"), me);
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
        CurrentUser me = CurrentUser.get();
        vouchers.confirmContribution(id, me.personId(), me);
        redirect.addFlashAttribute("notice", "voucher.paid");
        return "redirect:/me/vouchers";
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
    String survey(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            List<Integer> scores = new java.util.ArrayList<>();
            for (int i = 1; i <= Quality.STATEMENTS; i++) {
                scores.add(intOrNull(form.get("s" + i)));
            }
            String answered = form.get("questionAnswered");
            quality.answerSurvey(id, me.personId(), new Quality.SurveyInput(scores,
                    answered == null ? null : Boolean.valueOf(answered), form.get("whatWasGood"), form.get("whatBetter"),
                    form.get("suggestions")));
            redirect.addFlashAttribute("notice", "survey.thanks");
            return "redirect:/me/vouchers";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form);
            return surveyForm(id, model);
        }
    }

    @PostMapping("/me/vouchers/{id}/complaints")
    String complaint(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            quality.fileComplaint(id, me.personId(), form.get("category"), FormValues.date(form.get("concernsDate"), "concernsDate"),
                    form.get("description"), form.get("requestKey"), me);
            redirect.addFlashAttribute("notice", "complaint.filed");
            return "redirect:/me/vouchers";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("complaintForm", form);
            model.addAttribute("complaintVoucher", id);
            return mine(model);
        }
    }

    // ---- career centre ----

    @GetMapping("/centre/vouchers")
    String centre(Model model) {
        CurrentUser me = CurrentUser.get();
        List<Voucher> list = vouchers.ofCentre(me);
        model.addAttribute("vouchers", list);
        model.addAttribute("names", vouchers.clientNames(list, me));
        model.addAttribute("runs", payments.runsOfCentre(me.organisationId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "vouchers/centre";
    }

    @PostMapping("/centre/vouchers")
    String takeOver(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Voucher v = vouchers.takeOver(form.get("code"), form.get("nationalNumber"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "voucher.takenOver");
            return "redirect:/centre/vouchers/" + v.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form);
            return centre(model);
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
    String registerSession(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            String coach = form.get("coachId");
            vouchers.registerSession(id, new Vouchers.SessionInput(FormValues.date(form.get("date"), "date"), FormValues.time(form.get("startTime"), "startTime"),
                    halfHours(form.get("duration")), form.get("mode"),
                    FormValues.uuid(coach, "coachId", "voucher.unknownCoach")), form.get("idempotencyKey"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "session.registered");
            return "redirect:/centre/vouchers/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form);
            return centreVoucher(id, model);
        }
    }

    @PostMapping("/centre/vouchers/{id}/guidance")
    String guidance(@PathVariable UUID id, @RequestParam Map<String, String> form,
                    @RequestParam(name = "themes", required = false) List<String> themes, Model model, RedirectAttributes redirect) {
        try {
            vouchers.updateGuidance(id, new Vouchers.GuidanceInput(themes, form.get("careerQuestion"),
                    form.containsKey("agreementPresent"), form.containsKey("attendancePresent"), form.containsKey("popPresent"),
                    FormValues.date(form.get("synthesisOn"), "synthesisOn"), FormValues.date(form.get("aftercareOn"), "aftercareOn"), form.get("popText")),
                    CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.saved");
            return "redirect:/centre/vouchers/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return centreVoucher(id, model);
        }
    }

    // ---- employment service ----

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
    String run(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Payments.Run r = payments.run(FormValues.date(form.get("performedUntil"), "performedUntil"), form.get("runKey"), CurrentUser.get());
            return "redirect:/vouchers/admin/payment-runs/" + r.id();
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
    String decideMandate(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            centres.decide(id, "approve".equals(form.get("decision")), form.get("reason"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "mandate.decided");
            return "redirect:/vouchers/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(null, model);
        }
    }

    @PostMapping("/vouchers/admin/complaints/{id}")
    String decideComplaint(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            String remedy = form.get("remedy");
            quality.decideComplaint(id, form.get("outcome"), remedy == null || remedy.isBlank() ? null : remedy, form.get("note"),
                    CurrentUser.get());
            redirect.addFlashAttribute("notice", "complaint.decided");
            return "redirect:/vouchers/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(null, model);
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
    String saveProfile(@RequestParam Map<String, String> form, @RequestParam(name = "languages", required = false) List<String> languages,
                       @RequestParam(name = "targetGroups", required = false) List<String> groups,
                       @RequestParam(name = "methodologies", required = false) List<String> methods, Model model,
                       RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.updateProfile(vouchers.centreOf(CurrentUser.get()),
                new CareerCentres.ProfileInput(form.get("profile"), form.get("website"), languages, form.containsKey("eCoaching"),
                        groups, methods, form.containsKey("vatLiable")), CurrentUser.get()));
    }

    @PostMapping("/centre/sites")
    String addSite(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.addSite(vouchers.centreOf(CurrentUser.get()), form.get("name"),
                form.get("street"), form.get("municipality"), form.containsKey("headOffice"), form.containsKey("wheelchairAccess"),
                CurrentUser.get()));
    }

    @PostMapping("/centre/coaches")
    String addCoach(@RequestParam Map<String, String> form, @RequestParam(name = "languages", required = false) List<String> languages,
                    Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.addCoach(vouchers.centreOf(CurrentUser.get()), null, form.get("name"),
                form.get("profile"), form.get("kind"), languages, form.containsKey("eCoaching"), CurrentUser.get()));
    }

    @PostMapping("/centre/coach-links/{coachId}/{centreId}")
    String answerLink(@PathVariable UUID coachId, @PathVariable UUID centreId, @RequestParam(defaultValue = "") String accept,
                      Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, Map.of(), () -> centres.answerLinkRequest(vouchers.centreOf(CurrentUser.get()), coachId,
                centreId, "true".equals(accept), CurrentUser.get()));
    }

    @PostMapping("/centre/sites/{siteId}/removal")
    String removeSite(@PathVariable UUID siteId, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, Map.of(), () -> centres.removeSite(vouchers.centreOf(CurrentUser.get()), siteId,
                CurrentUser.get()));
    }

    @PostMapping("/centre/coaches/{coachId}/removal")
    String removeCoach(@PathVariable UUID coachId, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, Map.of(), () -> centres.removeCoach(vouchers.centreOf(CurrentUser.get()), coachId,
                CurrentUser.get()));
    }

    @PostMapping("/centre/mandate-applications")
    String applyMandate(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return centreAction(model, redirect, form, () -> centres.apply(vouchers.centreOf(CurrentUser.get()),
                new CareerCentres.MandateApplication(form.get("enterpriseNumber"), form.get("qualityCertificate"),
                        FormValues.decimal(form.get("experienceYears"), "experienceYears", "validation.number"), form.get("vision"), form.get("coachFollowUp"), form.containsKey("stimulusOptIn")),
                CurrentUser.get()));
    }

    private String centreAction(Model model, RedirectAttributes redirect, Map<String, String> form, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "misuse.saved");
            return "redirect:/centre/profile";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form);
            return centreProfile(model);
        }
    }

    @PostMapping("/vouchers/admin/centres/dossier-control")
    String dossierControl(@RequestParam Map<String, String> form, Model model) {
        try {
            UUID centre;
            try {
                centre = UUID.fromString(form.getOrDefault("centreId", ""));
            } catch (IllegalArgumentException e) {
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
    String misusePage(Model model) {
        model.addAttribute("cases", misuse.cases(null));
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
    String conclude(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return misuseAction(() -> misuse.conclude(id, FormValues.bool(form.get("founded")), form.get("note"), CurrentUser.get()), "case-" + id,
                model, redirect);
    }

    @PostMapping("/vouchers/admin/misuse/cases/{id}/sanctions")
    String proposeSanction(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return misuseAction(() -> misuse.propose(id, new Misuse.SanctionInput(form.get("kind"), FormValues.decimal(form.get("amount"), "amount", "sanction.amount"),
                form.get("motivation"), form.get("requestKey")), CurrentUser.get()), "sanctions-title", model, redirect);
    }

    @PostMapping("/vouchers/admin/sanctions/{id}/decision")
    String decideSanction(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return misuseAction(() -> misuse.decide(id, FormValues.bool(form.get("makeFinal")), form.get("note"), CurrentUser.get()), "sanctions-title",
                model, redirect);
    }

    private String misuseAction(Runnable action, String anchor, Model model, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "misuse.saved");
            return "redirect:/vouchers/admin/misuse#" + anchor;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return misusePage(model);
        }
    }

    @GetMapping("/centre/sanctions")
    String ownSanctions(Model model) {
        model.addAttribute("sanctions", misuse.sanctionsOfOwnCentre(vouchers.centreOf(CurrentUser.get())));
        model.addAttribute("today", LocalDate.now(clock));
        return "vouchers/sanctions";
    }

    @PostMapping("/centre/sanctions/{id}/defence")
    String defend(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            misuse.defend(id, vouchers.centreOf(CurrentUser.get()), form.get("defence"));
            redirect.addFlashAttribute("notice", "sanction.defenceSaved");
            return "redirect:/centre/sanctions";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return ownSanctions(model);
        }
    }

    // ---- form parsing: malformed input becomes a field message, never a 500 ----

    static Vouchers.Declaration declaration(Map<String, String> f) {
        Eligibility.WorkSituation situation = null;
        try {
            situation = f.get("situation") == null || f.get("situation").isBlank() ? null : Eligibility.WorkSituation.valueOf(f.get("situation"));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("situation", "validation.choice");
        }
        return new Vouchers.Declaration(situation, FormValues.date(f.get("experienceSince"), "experienceSince"), FormValues.bool(f.get("ownInitiative")),
                FormValues.bool(f.get("inOutplacement")), f.get("employerName"), f.get("sector"));
    }

    /** Duration chosen as "1:30" or as a number of half hours. */
    static Integer halfHours(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("halfHours", "voucher.halfHoursPositive");
        }
    }

    static Integer intOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
