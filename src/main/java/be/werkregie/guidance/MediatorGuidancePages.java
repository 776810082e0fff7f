package be.werkregie.guidance;

import be.werkregie.guidance.GuidanceForms.AcknowledgementForm;
import be.werkregie.guidance.GuidanceForms.AssessmentForm;
import be.werkregie.guidance.GuidanceForms.IntakeForm;
import be.werkregie.identity.CurrentUser;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mediator's guidance pages: intakes, assessments and referrals, and the stops to acknowledge (warm handovers). */
@Controller
class MediatorGuidancePages {

    private final Catalogue catalogue;
    private final Assessments assessments;
    private final Trajectories trajectories;
    private final PersonDirectory people;

    MediatorGuidancePages(Catalogue catalogue, Assessments assessments, Trajectories trajectories, PersonDirectory people) {
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.trajectories = trajectories;
        this.people = people;
    }

    @GetMapping("/guidance/mediator")
    String mediator(@org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> query, Model model) {
        CurrentUser me = CurrentUser.get();
        // the mediator's caseload in the assessment phase: the nearest due date first, searchable and paged
        var intakes = assessments.openIntakes(me);
        var b = be.werkregie.platform.ListView.from(query)
                .sort("due", java.util.Comparator.comparing((Assessments.Intake i) -> i.dueOn()).thenComparing(i -> i.personName()))
                .sort("client", java.util.Comparator.comparing((Assessments.Intake i) -> i.personName()))
                .sort("started", java.util.Comparator.comparing((Assessments.Intake i) -> i.startedOn()));
        model.addAttribute("list", b.of(intakes, Assessments.Intake::personName, null));
        model.addAttribute("intakes", intakes);
        model.addAttribute("waiting", assessments.waiting(me));
        model.addAttribute("stops", trajectories.stopsToAcknowledge(me));
        return "guidance/mediator";
    }

    @GetMapping("/guidance/mediator/people/{id}")
    String client(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("person", people.get(id, me, "guidance assessment"));
        model.addAttribute("assessments", assessments.ofPerson(id, me));
        model.addAttribute("referrals", assessments.referralsOf(id, me));
        model.addAttribute("trajectories", trajectories.ofPerson(id, me));
        model.addAttribute("factors", Assessments.CONTEXT_FACTORS);
        model.addAttribute("products", Assessments.PRODUCTS);
        model.addAttribute("flanking", catalogue.flankingActions());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "guidance/assessment";
    }

    @PostMapping("/guidance/mediator/people/{id}/intake")
    String intake(@PathVariable UUID id, IntakeForm form, Model model) {
        try {
            assessments.startIntake(id, form.date(), CurrentUser.get());
            return "redirect:/guidance/mediator/people/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return client(id, model);
        }
    }

    @PostMapping("/guidance/mediator/people/{id}/assessment")
    String assess(@PathVariable UUID id, AssessmentForm form, @RequestParam Map<String, String> request, Model model,
                  RedirectAttributes redirect) {
        try {
            assessments.record(form.read(id, request), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.assessed");
            return "redirect:/guidance/mediator/people/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            // the factors are shown again from the request (their fields are named factor.<FACTOR>)
            Map<String, Object> typed = new java.util.HashMap<>(request);
            typed.putAll(form.values());
            model.addAttribute("form", typed);
            return client(id, model);
        }
    }

    @PostMapping("/guidance/mediator/trajectories/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, AcknowledgementForm form, Model model, RedirectAttributes redirect) {
        try {
            trajectories.acknowledgeStop(id, form.nextStep(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.acknowledged");
            return "redirect:/guidance/mediator";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return mediator(java.util.Map.of(), model);
        }
    }
}
