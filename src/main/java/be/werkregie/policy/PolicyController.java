package be.werkregie.policy;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: every open parameter with the value in force, its history, a scheduled change, four eyes for money. */
@Controller
class PolicyController {

    private final Policies policies;
    private final Clock clock;

    PolicyController(Policies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/policy")
    String index(Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> current = new LinkedHashMap<>();
        Map<String, Object> histories = new LinkedHashMap<>();
        for (PolicyDefinition d : policies.definitions()) {
            current.put(d.key(), policies.valueOn(d.key(), today));
            histories.put(d.key(), policies.history(d.key()));
        }
        model.addAttribute("definitions", policies.definitions());
        model.addAttribute("current", current);
        model.addAttribute("histories", histories);
        model.addAttribute("waiting", policies.waiting());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "policy/index";
    }

    /** A new dated value: the parameter, from when, the value and why. */
    record ChangeForm(String key, String effectiveFrom, String value, String reason) implements be.werkregie.shared.FormObject {}

    @PostMapping("/policy/changes")
    String propose(ChangeForm form, Model model, RedirectAttributes redirect) {
        try {
            be.werkregie.shared.FormReader r = new be.werkregie.shared.FormReader();
            java.time.LocalDate from = r.date("effectiveFrom", form.effectiveFrom());
            r.done();
            Policies.Value v = policies.propose(form.key() == null ? "" : form.key(), from, form.value(), form.reason(), CurrentUser.get());
            redirect.addFlashAttribute("notice", v.status().equals("PROPOSED") ? "policy.proposed" : "policy.scheduled");
            return "redirect:/policy";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form.values());
            return index(model);
        }
    }

    @PostMapping("/policy/changes/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String approve, Model model, RedirectAttributes redirect) {
        try {
            policies.decide(id, "true".equals(approve), CurrentUser.get());
            redirect.addFlashAttribute("notice", "true".equals(approve) ? "policy.approved" : "policy.rejected");
            return "redirect:/policy";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return index(model);
        }
    }
}
