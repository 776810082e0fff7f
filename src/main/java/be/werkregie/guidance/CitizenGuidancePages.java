package be.werkregie.guidance;

import be.werkregie.guidance.GuidanceForms.ChoiceForm;
import be.werkregie.identity.CurrentUser;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's guidance pages: assessments, the choice of a partner site, and their trajectories. */
@Controller
class CitizenGuidancePages {

    private final be.werkregie.geo.Municipalities municipalities;
    private final be.werkregie.platform.CheckAnswers checkAnswers;
    private final Catalogue catalogue;
    private final Partners partners;
    private final Assessments assessments;
    private final Trajectories trajectories;
    private final PersonDirectory people;

    CitizenGuidancePages(Catalogue catalogue, Partners partners, Assessments assessments, Trajectories trajectories, PersonDirectory people,
                         be.werkregie.platform.CheckAnswers checkAnswers, be.werkregie.geo.Municipalities municipalities) {
        this.checkAnswers = checkAnswers;
        this.municipalities = municipalities;
        this.catalogue = catalogue;
        this.partners = partners;
        this.assessments = assessments;
        this.trajectories = trajectories;
        this.people = people;
    }

    /** A site the client can choose: its partner, how far from home, and its free places for the offer. */
    record SiteOption(String partnerName, String website, Partners.Site site, double distanceKm, int free) {
        public String distance(java.util.Locale locale) {
            java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(1);
            f.setMinimumFractionDigits(1);
            return f.format(distanceKm);
        }
    }

    @GetMapping("/me/guidance")
    String mine(Model model) {
        CurrentUser me = CurrentUser.get();
        List<Assessments.Referral> referrals = assessments.referralsOf(me.personId(), me);
        model.addAttribute("assessments", assessments.ofPerson(me.personId(), me));
        model.addAttribute("referrals", referrals);
        model.addAttribute("trajectories", trajectories.ofPerson(me.personId(), me));
        model.addAttribute("offers", catalogue.offers());
        Map<UUID, List<Partners.Partner>> options = new HashMap<>();
        String home = people.get(me.personId(), me, "guidance choice").municipalityNis();
        for (Assessments.Referral r : referrals) {
            if (r.isOpen()) {
                options.put(r.id(), partners.landing(new Partners.LandingQuery(r.offerCode(), null, home, null, true)));
            }
        }
        model.addAttribute("options", options);
        // the sites to choose from, nearest to home first (not grouped by partner), with distance and free places
        be.werkregie.geo.Municipality homeMunicipality = municipalities.byNis(home).orElse(null);
        Map<UUID, List<SiteOption>> sites = new HashMap<>();
        options.forEach((referral, list) -> {
            String offer = referrals.stream().filter(x -> x.id().equals(referral)).findFirst().map(Assessments.Referral::offerCode).orElse("");
            List<SiteOption> flat = new java.util.ArrayList<>();
            for (Partners.Partner p : list) {
                for (Partners.Site s : p.sites()) {
                    double km = homeMunicipality == null ? 0
                            : be.werkregie.geo.Distance.km(homeMunicipality.lat(), homeMunicipality.lon(), s.latitude(), s.longitude());
                    flat.add(new SiteOption(p.name(), p.website(), s, km, s.free().getOrDefault(offer, 0)));
                }
            }
            flat.sort(java.util.Comparator.comparingDouble(SiteOption::distanceKm).thenComparing(SiteOption::partnerName));
            sites.put(referral, flat);
        });
        model.addAttribute("sites", sites);
        return "guidance/me";
    }

    @PostMapping("/me/guidance/referrals/{id}/choice")
    String choose(@PathVariable UUID id, ChoiceForm form,
                  @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String confirmed, Model model,
                  RedirectAttributes redirect) {
        try {
            if (!be.werkregie.platform.CheckAnswers.confirmed(confirmed)) {
                if (be.werkregie.platform.CheckAnswers.change(confirmed)) {
                    return mine(model);
                }
                UUID site = form.site();
                checkAnswers.tryWithoutEffect(() -> trajectories.choose(id, site, CurrentUser.get()));
                mine(model);
                @SuppressWarnings("unchecked")
                Map<UUID, List<Partners.Partner>> options = (Map<UUID, List<Partners.Partner>>) model.getAttribute("options");
                String language = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
                var page = be.werkregie.platform.CheckAnswers.page("check.choice.title", "/me/guidance/referrals/" + id + "/choice");
                for (Partners.Partner p : options.getOrDefault(id, List.of())) {
                    for (Partners.Site s : p.sites()) {
                        if (s.id().equals(site)) {
                            page.row("check.partner", p.name()).row("check.site", s.name() + ", " + s.municipalityName());
                        }
                    }
                }
                return page.keep("siteId", site).consequence("check.choice.consequence")
                        .confirmWith("check.choice.confirm", false).show(model);
            }
            trajectories.choose(id, form.site(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.chosen");
            return "redirect:/me/guidance";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return mine(model);
        }
    }
}
