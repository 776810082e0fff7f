package be.werkregie.cooperation;

import be.werkregie.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of local cooperation (no login): the dashboard per municipality, reference region and Flanders and
 * Brussels, with the reference figures and their source, the platform's protected counts, a comparison with the
 * region's other municipalities, trends over four years and the CSV; and the published action plans per municipality.
 */
@Controller
class CooperationPublicPages {

    private final Dashboard dashboard;
    private final ActionPlans plans;
    private final CooperationApi api;

    CooperationPublicPages(Dashboard dashboard, ActionPlans plans, CooperationApi api) {
        this.dashboard = dashboard;
        this.plans = plans;
        this.api = api;
    }

    @GetMapping("/samenwerking")
    String index(@RequestParam(defaultValue = "") String q, Model model) {
        Dashboard.Year y = dashboard.year(dashboard.currentYear());
        String query = q.trim().toLowerCase(java.util.Locale.ROOT);
        List<Dashboard.Unit> regions = y.units().values().stream().filter(u -> "REGION".equals(u.kind()))
                .sorted(java.util.Comparator.comparing(Dashboard.Unit::nameNl)).toList();
        List<Dashboard.Unit> found = query.isEmpty() ? List.of() : y.units().values().stream()
                .filter(u -> "MUNICIPALITY".equals(u.kind()) && (u.nameNl().toLowerCase(java.util.Locale.ROOT).contains(query)
                        || u.nameFr().toLowerCase(java.util.Locale.ROOT).contains(query) || u.code().equals(query)))
                .limit(30).toList();
        model.addAttribute("regions", regions);
        model.addAttribute("found", found);
        model.addAttribute("q", q);
        model.addAttribute("byRegion", y.units().values().stream().filter(u -> "MUNICIPALITY".equals(u.kind()))
                .collect(java.util.stream.Collectors.groupingBy(Dashboard.Unit::parent, java.util.TreeMap::new, java.util.stream.Collectors.toList())));
        return "cooperation/public-index";
    }

    // one row of a comparison or trend table
    record Row(String label, String href, List<Dashboard.Cell> cells) {}

    @GetMapping("/samenwerking/{unit}")
    String unit(@PathVariable String unit, @RequestParam(required = false) String year, Model model) {
        int yr;
        try {
            yr = api.year(year);
        } catch (be.werkregie.shared.InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            yr = dashboard.currentYear();
        }
        Dashboard.Year y = dashboard.year(yr);
        Dashboard.Unit u = y.units().get(unit);
        if (u == null) {
            throw new NotFoundException("unit");
        }
        String lang = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("unit", u);
        model.addAttribute("unitName", u.name(lang));
        model.addAttribute("year", y);
        model.addAttribute("years", CooperationApi.years(dashboard.currentYear()));
        model.addAttribute("breakdowns", Dashboard.Breakdown.values());
        // this unit, then the units above it, for comparison
        List<Dashboard.Unit> chain = new ArrayList<>();
        for (String c = u.code(); c != null; c = y.units().get(c).parent()) {
            chain.add(y.units().get(c));
        }
        model.addAttribute("chain", chain);
        Map<String, Dashboard.Reference> ref = y.reference().getOrDefault(u.code(), Map.of());
        model.addAttribute("reference", ref);
        model.addAttribute("referenceVars", Dashboard.REFERENCE);
        model.addAttribute("referenceSource", ref.values().stream().findFirst().orElse(null));
        model.addAttribute("employmentRate", Dashboard.rate(ref, "EMPLOYED", "WORKING_AGE_POPULATION"));
        model.addAttribute("unemploymentRate", Dashboard.rate(ref, "UNEMPLOYED_JOB_SEEKERS", "LABOUR_FORCE"));
        model.addAttribute("activityRate", Dashboard.rate(ref, "LABOUR_FORCE", "WORKING_AGE_POPULATION"));
        // trends: each year's own protected totals (never a running sum)
        List<Row> trends = new ArrayList<>();
        for (String ys : CooperationApi.years(dashboard.currentYear())) {
            Dashboard.Year other = dashboard.year(Integer.parseInt(ys));
            trends.add(new Row(ys, null, List.of(other.total(Dashboard.Breakdown.FUNNEL, u.code()), other.total(Dashboard.Breakdown.TRAJECTORIES, u.code()))));
        }
        model.addAttribute("trends", trends);
        // comparison: the region's municipalities (or the regions, for the whole)
        String level = "MUNICIPALITY".equals(u.kind()) ? u.parent() : u.code();
        List<Row> compare = new ArrayList<>();
        y.units().values().stream().filter(x -> level.equals(x.parent())).sorted(java.util.Comparator.comparing(Dashboard.Unit::nameNl))
                .forEach(x -> compare.add(new Row(x.name(lang), "/samenwerking/" + x.code(), List.of(y.total(Dashboard.Breakdown.STATUS, x.code()),
                        y.total(Dashboard.Breakdown.FUNNEL, x.code()), y.total(Dashboard.Breakdown.TRAJECTORIES, x.code())))));
        model.addAttribute("compare", compare);
        model.addAttribute("plans", "MUNICIPALITY".equals(u.kind()) ? plans.publishedFor(u.code()) : List.of());
        return "cooperation/dashboard";
    }

    @GetMapping("/samenwerking/{nis}/actieplan")
    String plan(@PathVariable String nis, Model model) {
        Dashboard.Unit u = dashboard.unit(nis).filter(x -> "MUNICIPALITY".equals(x.kind())).orElseThrow(() -> new NotFoundException("unit"));
        model.addAttribute("unit", u);
        model.addAttribute("unitName", u.name(LocaleContextHolder.getLocale().getLanguage()));
        List<ActionPlans.Plan> published = plans.publishedFor(nis);
        model.addAttribute("plans", published);
        Map<java.util.UUID, List<ActionPlans.Change>> history = new java.util.HashMap<>();
        published.forEach(p -> p.goals().forEach(g -> g.actions().forEach(a -> history.put(a.id(), plans.history(a.id())))));
        model.addAttribute("history", history);
        return "cooperation/plan";
    }
}
