package be.werkregie.vouchers;

import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages of the career vouchers: the search robot and a centre's public profile (no sign-in). */
@Controller
class PublicVoucherPages {

    private final SearchRobot robot;
    private final CareerCentres centres;

    private final be.werkregie.geo.MapSettings mapSettings;

    PublicVoucherPages(SearchRobot robot, CareerCentres centres, be.werkregie.geo.MapSettings mapSettings) {
        this.robot = robot;
        this.centres = centres;
        this.mapSettings = mapSettings;
    }

    @GetMapping("/loopbaancentra")
    String search(@RequestParam(required = false) String place, @RequestParam(required = false) Double lat,
                  @RequestParam(required = false) Double lon, @RequestParam(required = false) Integer radiusKm,
                  @RequestParam(required = false) String language, @RequestParam(required = false) Boolean eCoaching,
                  @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String methodology,
                  @RequestParam(required = false) String text, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("radii", SearchRobot.RADII);
        model.addAttribute("mapSettings", mapSettings);
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
                model.addAttribute("query", query(place, lat, lon, radiusKm, language, eCoaching, targetGroup, methodology,
                        text, p));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.problems());
            }
        }
        return "vouchers/search";
    }

    /**
     * A centre's public profile. The search that led here comes along in the same parameters, so that "back to the
     * search" shows the same results again.
     */
    @GetMapping("/loopbaancentra/{id}")
    String centreProfile(@PathVariable UUID id, @RequestParam(required = false) String place, @RequestParam(required = false) Double lat,
                         @RequestParam(required = false) Double lon, @RequestParam(required = false) Integer radiusKm,
                         @RequestParam(required = false) String language, @RequestParam(required = false) Boolean eCoaching,
                         @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String methodology,
                         @RequestParam(required = false) String text, @RequestParam(required = false) Integer page, Model model) {
        SearchRobot.Hit hit = robot.profile(id).orElseThrow(() -> new NotFoundException("centre"));
        String query = query(place, lat, lon, radiusKm, language, eCoaching, targetGroup, methodology, text, page);
        model.addAttribute("backToSearch", "/loopbaancentra" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("hit", hit);
        model.addAttribute("coaches", centres.coaches(id));
        return "vouchers/centre-profile";
    }

    /** The search as an encoded query string (only the known parameters, each encoded), or "" for none. */
    static String query(String place, Double lat, Double lon, Integer radiusKm, String language, Boolean eCoaching,
                        String targetGroup, String methodology, String text, Integer page) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder.newInstance();
        java.util.function.BiConsumer<String, Object> add = (name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                b.queryParam(name, value);
            }
        };
        add.accept("place", place);
        add.accept("lat", lat);
        add.accept("lon", lon);
        add.accept("radiusKm", radiusKm);
        add.accept("language", language);
        add.accept("eCoaching", eCoaching);
        add.accept("targetGroup", targetGroup);
        add.accept("methodology", methodology);
        add.accept("text", text);
        add.accept("page", page != null && page > 1 ? page : null);
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }
}
