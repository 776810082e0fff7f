package be.werkregie.geo;

import be.werkregie.platform.ListView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public reference data: municipalities with their reference region and province, searched, filtered, sorted, paged. */
@Controller
class GeoController {

    static final List<String> PROVINCES = List.of("VAN", "VBR", "VWV", "VOV", "VLI", "BRU");

    private final Municipalities municipalities;

    GeoController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/geo")
    String geo(@RequestParam Map<String, String> query, Model model, java.util.Locale locale) {
        List<Municipality> all = municipalities.all();
        String language = locale.getLanguage();
        ListView.Builder b = ListView.from(query)
                .sort("name", Comparator.comparing((Municipality m) -> m.name(language), java.text.Collator.getInstance(locale)))
                .sort("postcode", Comparator.comparing(Municipality::postcode))
                .sort("nis", Comparator.comparing(Municipality::nis))
                .sort("region", Comparator.comparing(Municipality::referenceRegion).thenComparing(Municipality::nameNl))
                .sort("population", Comparator.comparingInt(Municipality::population).thenComparing(Municipality::nameNl))
                .keep("province", "region");
        String province = b.param("province");
        String region = b.param("region");
        model.addAttribute("list", b.of(all, m -> m.nameNl() + " " + m.nameFr() + " " + m.postcode() + " " + m.nis(),
                m -> (province.isEmpty() || m.provinceCode().equals(province))
                        && (region.isEmpty() || m.referenceRegion().equals(region))));
        model.addAttribute("count", all.size());
        model.addAttribute("provinces", PROVINCES);
        model.addAttribute("regions", municipalities.referenceRegions());
        model.addAttribute("province", province);
        model.addAttribute("region", region);
        return "geo/municipalities";
    }
}
