package be.werkregie.cooperation;

import be.werkregie.geo.Municipalities;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.FormReader;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
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

/** The agreement editor: rubrics, goals with indicators and targets, the year's actions with owner, status and progress, publication. */
@Controller
class AgreementPages {

    private final ActionPlans plans;
    private final Municipalities municipalities;
    private final Clock clock;

    AgreementPages(ActionPlans plans, Municipalities municipalities, Clock clock) {
        this.plans = plans;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping("/cooperation/agreements")
    String list(Model model) {
        return showList(Map.of(), model);
    }

    private String showList(Map<String, String> form, Model model) {
        model.addAttribute("agreements", plans.editableBy(CurrentUser.get()));
        model.addAttribute("form", form);
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "cooperation/agreements";
    }

    @PostMapping("/cooperation/agreements")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            FormReader r = new FormReader();
            Integer from = r.integer("fromYear", form.getOrDefault("fromYear", ""), "validation.number");
            Integer until = r.integer("untilYear", form.getOrDefault("untilYear", ""), "validation.number");
            r.done();
            List<String> nis = Arrays.stream(form.getOrDefault("municipalities", "").split("[,;\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> municipalities.find(s).map(m -> m.nis()).orElse(s)).toList();
            UUID id = plans.createAgreement(form.get("name"), nis, from, until, form.get("environmentAnalysis"), form.get("taskDivision"),
                    CurrentUser.get(), n -> municipalities.byNis(n).isPresent());
            redirect.addFlashAttribute("notice", "cooperation.agreement.created");
            return "redirect:/cooperation/agreements/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return showList(form, model);
        }
    }

    @GetMapping("/cooperation/agreements/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) String year, Model model) {
        ActionPlans.Agreement a = plans.agreement(id).filter(x -> plans.mayEdit(CurrentUser.get(), x.municipalities()))
                .orElseThrow(() -> new NotFoundException("agreement"));
        int y = LocalDate.now(clock).getYear();
        try {
            if (year != null && !year.isBlank()) {
                y = Integer.parseInt(year.trim());
            }
        } catch (NumberFormatException e) {
            // the current year
        }
        y = Math.max(a.fromYear(), Math.min(a.untilYear(), y));
        model.addAttribute("agreement", a);
        model.addAttribute("plan", plans.plan(id, y));
        model.addAttribute("planYear", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(a.fromYear(), a.untilYear()).boxed().toList());
        model.addAttribute("inspiration", ActionPlans.INSPIRATION);
        model.addAttribute("statuses", ActionPlans.ActionStatus.values());
        model.addAttribute("names", a.municipalities().stream().map(n -> municipalities.byNis(n).map(m -> m.nameNl()).orElse(n)).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "cooperation/agreement";
    }

    private String back(UUID id, String year, InvalidInputException e, Map<String, String> form, Model model) {
        model.addAttribute("errors", e.problems());
        model.addAttribute("form", form);
        return show(id, year, model);
    }

    @PostMapping("/cooperation/agreements/{id}/goals")
    String goal(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            FormReader r = new FormReader();
            var target = form.getOrDefault("target", "").isBlank() ? null : r.decimal("target", form.get("target"), "validation.positive");
            r.done();
            plans.addGoal(id, form.get("goalTitle"), form.get("indicator"), target, form.get("unit"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "cooperation.goal.added");
            return "redirect:/cooperation/agreements/" + id + "?year=" + form.getOrDefault("year", "");
        } catch (InvalidInputException e) {
            return back(id, form.get("year"), e, form, model);
        }
    }

    @PostMapping("/cooperation/agreements/{id}/actions")
    String action(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            FormReader r = new FormReader();
            UUID goal = r.uuid("goalId", form.getOrDefault("goalId", ""), "validation.choice");
            Integer year = r.integer("planYear", form.getOrDefault("planYear", ""), "validation.number");
            LocalDate due = form.getOrDefault("dueOn", "").isBlank() ? null : r.date("dueOn", form.get("dueOn"));
            r.done();
            if (plans.goal(goal).filter(g -> g.agreementId().equals(id)).isEmpty()) {
                throw InvalidInputException.of("goalId", "validation.choice");
            }
            plans.addAction(goal, year, form.get("title"), form.get("inspiration"), form.get("owner"), due, CurrentUser.get());
            redirect.addFlashAttribute("notice", "cooperation.action.added");
            return "redirect:/cooperation/agreements/" + id + "?year=" + year;
        } catch (InvalidInputException e) {
            return back(id, form.get("planYear"), e, form, model);
        }
    }

    @PostMapping("/cooperation/agreements/{id}/actions/{actionId}")
    String update(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        try {
            ActionPlans.Action a = plans.action(actionId).orElseThrow(() -> new NotFoundException("action"));
            if (plans.goal(a.goalId()).filter(g -> g.agreementId().equals(id)).isEmpty()) {
                throw new NotFoundException("action");
            }
            FormReader r = new FormReader();
            ActionPlans.ActionStatus status = r.choice("status", form.getOrDefault("status", ""), ActionPlans.ActionStatus.class);
            Integer progress = r.integer("progress", form.getOrDefault("progress", ""), "validation.number");
            Integer version = r.integer("version", form.getOrDefault("version", ""), "validation.choice");
            r.done();
            plans.update(actionId, version, status, progress, form.get("note"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "cooperation.action.updated");
            return "redirect:/cooperation/agreements/" + id + "?year=" + a.planYear();
        } catch (InvalidInputException e) {
            Map<String, String> f = new HashMap<>(form);
            f.put("actionId", actionId.toString());
            return back(id, null, e, f, model);
        }
    }

    @PostMapping("/cooperation/agreements/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam(defaultValue = "") String year, Model model, RedirectAttributes redirect) {
        try {
            FormReader r = new FormReader();
            Integer y = r.integer("year", year, "validation.number");
            r.done();
            plans.publish(id, y, CurrentUser.get());
            redirect.addFlashAttribute("notice", "cooperation.plan.published");
            return "redirect:/cooperation/agreements/" + id + "?year=" + y;
        } catch (InvalidInputException e) {
            return back(id, year, e, Map.of(), model);
        }
    }
}
