package be.werkregie.guidance;

import be.werkregie.guidance.GuidanceForms.LandingForm;
import be.werkregie.shared.InvalidInputException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page of guidance 2027: the offers and the partners near a place, to compare before choosing. */
@Controller
class PublicGuidancePages {

    private final Catalogue catalogue;
    private final Partners partners;

    PublicGuidancePages(Catalogue catalogue, Partners partners) {
        this.catalogue = catalogue;
        this.partners = partners;
    }

    @GetMapping("/begeleiding")
    String landing(LandingForm form, Model model) {
        model.addAttribute("form", form.values());
        model.addAttribute("offers", catalogue.offers());
        model.addAttribute("outcome", partners.outcome());
        try {
            model.addAttribute("partners", partners.landing(form.read()));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("partners", List.of());
        }
        return "guidance/landing";
    }
}
