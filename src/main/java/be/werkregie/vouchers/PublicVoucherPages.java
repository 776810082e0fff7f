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

    PublicVoucherPages(SearchRobot robot, CareerCentres centres) {
        this.robot = robot;
        this.centres = centres;
    }

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
}
