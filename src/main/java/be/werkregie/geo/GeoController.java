package be.werkregie.geo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public reference data: municipalities with their reference region and province. */
@Controller
class GeoController {

    private final Municipalities municipalities;

    GeoController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/geo")
    String geo(Model model) {
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("regions", municipalities.referenceRegions());
        return "geo/municipalities";
    }
}
