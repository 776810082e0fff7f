package be.werkregie.cooperation;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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

/** Referral pages for the two sides: the social worker who refers and follows, the employment service that takes up. */
@Controller
class ReferralPages {

    private final Referrals referrals;
    private final PersonDirectory people;
    private final Clock clock;

    ReferralPages(Referrals referrals, PersonDirectory people, Clock clock) {
        this.referrals = referrals;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/cooperation/referrals")
    String list(@RequestParam(defaultValue = "") String status, Model model) {
        CurrentUser me = CurrentUser.get();
        String s = List.of("SENT", "CONFIRMED", "DECLINED", "WITHDRAWN", "CLOSED").contains(status) ? status : "";
        model.addAttribute("referrals", referrals.list(me, s, 200));
        model.addAttribute("status", s);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("socialWorker", me.has(Role.SOCIAL_WORKER));
        return "cooperation/referrals";
    }

    @GetMapping("/cooperation/referrals/new")
    String newForm(@RequestParam(defaultValue = "") String personId, Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("personId", personId);
        return showNew(form, model);
    }

    private String showNew(Map<String, String> form, Model model) {
        CurrentUser me = CurrentUser.get();
        if (!me.has(Role.SOCIAL_WORKER)) {
            throw new be.werkregie.shared.NotFoundException("page");
        }
        // only clients who gave an ACT mandate can be referred; the list says which
        model.addAttribute("clients", people.clientsOf(me, 500).stream().filter(c -> "ACT".equals(c.scope())).toList());
        model.addAttribute("form", form);
        model.addAttribute("groups", Referral.TargetGroup.values());
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        return "cooperation/referral-new";
    }

    @PostMapping("/cooperation/referrals")
    String refer(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            FormReader r = new FormReader();
            UUID person = r.uuid("personId", form.getOrDefault("personId", ""), "cooperation.referral.noMandate");
            Referral.TargetGroup group = r.choice("targetGroup", form.getOrDefault("targetGroup", ""), Referral.TargetGroup.class);
            Referral.Directing directing = r.choice("directing", form.getOrDefault("directing", ""), Referral.Directing.class);
            r.done();
            Referral ref = referrals.refer(new Referrals.NewReferral(person, group, directing, form.get("reason"), form.get("preTrajectory"),
                    form.get("contactName"), form.get("contactDetails"), FormReader.ticked(form.get("cooperationLine")), form.get("key")), me);
            redirect.addFlashAttribute("notice", "cooperation.referral.sent");
            return "redirect:/cooperation/referrals/" + ref.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("key", form.get("key"));
            return showNew(form, model);
        }
    }

    @GetMapping("/cooperation/referrals/{id}")
    String show(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        Referrals.Followed f = referrals.follow(id, me);
        model.addAttribute("referral", f.referral());
        model.addAttribute("steps", f.steps());
        model.addAttribute("sharing", f.sharing());
        model.addAttribute("pes", Referrals.onPesSide(me));
        model.addAttribute("sender", me.organisationId() != null && me.organisationId().equals(f.referral().fromOrganisationId()));
        model.addAttribute("citizen", me.has(Role.CITIZEN));
        model.addAttribute("today", LocalDate.now(clock));
        // the person's name only while the reader may see the person (after the mandate expires the social service may not)
        model.addAttribute("person", me.has(Role.CITIZEN) || !people.maySee(me, f.referral().personId()) ? null
                : people.get(f.referral().personId(), me, "referral"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("key", UUID.randomUUID().toString());
        return "cooperation/referral";
    }

    private String back(UUID id, InvalidInputException e, Map<String, String> form, Model model) {
        model.addAttribute("errors", e.problems());
        model.addAttribute("form", form);
        return show(id, model);
    }

    @PostMapping("/cooperation/referrals/{id}/steps")
    String step(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            FormReader r = new FormReader();
            LocalDate on = r.date("occurredOn", form.getOrDefault("occurredOn", ""));
            r.done();
            referrals.addStep(id, form.get("visibility"), form.get("title"), form.get("body"), on, form.get("key"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "cooperation.step.added");
            return "redirect:/cooperation/referrals/" + id;
        } catch (InvalidInputException e) {
            return back(id, e, form, model);
        }
    }

    @PostMapping("/cooperation/referrals/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            referrals.confirm(id, form.get("caseManager"), form.get("caseManagerContact"), form.get("note"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "cooperation.referral.confirmedNotice");
            return "redirect:/cooperation/referrals/" + id;
        } catch (InvalidInputException e) {
            return back(id, e, form, model);
        }
    }

    @PostMapping("/cooperation/referrals/{id}/{move:decline|withdraw|close}")
    String move(@PathVariable UUID id, @PathVariable String move, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        try {
            CurrentUser me = CurrentUser.get();
            switch (move) {
                case "decline" -> referrals.decline(id, form.get("reason"), me);
                case "withdraw" -> referrals.withdraw(id, form.get("reason"), me);
                default -> referrals.close(id, form.get("reason"), me);
            }
            redirect.addFlashAttribute("notice", "cooperation.referral.moved." + move);
            return "redirect:/cooperation/referrals/" + id;
        } catch (InvalidInputException e) {
            Map<String, String> f = new HashMap<>(form);
            f.put("move", move);
            return back(id, e, f, model);
        }
    }
}
