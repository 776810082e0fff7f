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
        List<Trajectories.Trajectory> mine = trajectories.ofPerson(me.personId(), me);
        model.addAttribute("assessments", assessments.ofPerson(me.personId(), me));
        model.addAttribute("referrals", referrals);
        model.addAttribute("trajectories", mine);
        model.addAttribute("offers", catalogue.offers());
        // the site of each trajectory, to say how to reach it; and the chosen ones the client may still change
        Map<UUID, Partners.Site> trajectorySites = new HashMap<>();
        Map<UUID, Assessments.Referral> changeable = new HashMap<>();
        for (Trajectories.Trajectory t : mine) {
            partners.site(t.siteId()).ifPresent(s -> trajectorySites.put(t.id(), s));
            if (trajectories.canChangeChoice(t)) {
                referrals.stream().filter(r -> r.status() == Assessments.Referral.Status.CHOSEN && t.siteId().equals(r.siteId()))
                        .findFirst().ifPresent(r -> changeable.put(t.id(), r));
            }
        }
        model.addAttribute("trajectorySites", trajectorySites);
        model.addAttribute("changeable", changeable);
        Map<UUID, List<Partners.Partner>> options = new HashMap<>();
        String home = people.get(me.personId(), me, "guidance choice").municipalityNis();
        for (Assessments.Referral r : referrals) {
            if (r.isOpen() || changeable.containsValue(r)) {
                options.put(r.id(), partners.landing(new Partners.LandingQuery(r.offerCode(), null, home, null, true)));
            }
        }
        model.addAttribute("options", options);
        // the sites to choose from, nearest to home first (not grouped by partner), with distance and free places
        be.werkregie.geo.Municipality homeMunicipality = municipalities.byNis(home).orElse(null);
        Map<UUID, List<SiteOption>> sites = new HashMap<>();
        options.forEach((referral, list) -> {
            Assessments.Referral ref = referrals.stream().filter(x -> x.id().equals(referral)).findFirst().orElseThrow();
            List<SiteOption> flat = new java.util.ArrayList<>();
            for (Partners.Partner p : list) {
                for (Partners.Site s : p.sites()) {
                    if (s.id().equals(ref.siteId())) {
                        continue; // the site already chosen is not a change
                    }
                    double km = homeMunicipality == null ? 0
                            : be.werkregie.geo.Distance.km(homeMunicipality.lat(), homeMunicipality.lon(), s.latitude(), s.longitude());
                    flat.add(new SiteOption(p.name(), p.website(), s, km, s.free().getOrDefault(ref.offerCode(), 0)));
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
        return choiceStep(id, form, confirmed, model, redirect, false);
    }

    /** A chosen partner changed for another within the choice period (the same check-your-answers step first). */
    @PostMapping("/me/guidance/referrals/{id}/change")
    String change(@PathVariable UUID id, ChoiceForm form,
                  @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String confirmed, Model model,
                  RedirectAttributes redirect) {
        return choiceStep(id, form, confirmed, model, redirect, true);
    }

    private String choiceStep(UUID id, ChoiceForm form, String confirmed, Model model, RedirectAttributes redirect, boolean change) {
        java.util.function.Consumer<UUID> act = site -> {
            if (change) {
                trajectories.changeChoice(id, site, CurrentUser.get());
            } else {
                trajectories.choose(id, site, CurrentUser.get());
            }
        };
        try {
            if (!be.werkregie.platform.CheckAnswers.confirmed(confirmed)) {
                if (be.werkregie.platform.CheckAnswers.change(confirmed)) {
                    return mine(model);
                }
                UUID site = form.site();
                checkAnswers.tryWithoutEffect(() -> act.accept(site));
                mine(model);
                @SuppressWarnings("unchecked")
                Map<UUID, List<SiteOption>> sites = (Map<UUID, List<SiteOption>>) model.getAttribute("sites");
                var page = be.werkregie.platform.CheckAnswers.page(change ? "check.choiceChange.title" : "check.choice.title",
                        "/me/guidance/referrals/" + id + (change ? "/change" : "/choice"));
                java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
                for (SiteOption o : sites.getOrDefault(id, List.of())) {
                    if (o.site().id().equals(site)) {
                        page.row("check.partner", o.partnerName()).row("check.site", o.site().name())
                                .row("check.address", o.site().address()).row("check.distance", o.distance(locale) + " km");
                        if (o.site().phone() != null) {
                            page.row("check.phone", o.site().phone());
                        }
                    }
                }
                return page.keep("siteId", site).consequence(change ? "check.choiceChange.consequence" : "check.choice.consequence")
                        .confirmWith(change ? "check.choiceChange.confirm" : "check.choice.confirm", false).show(model);
            }
            act.accept(form.site());
            redirect.addFlashAttribute("notice", change ? "guidance.changed" : "guidance.chosen");
            return "redirect:/me/guidance";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return mine(model);
        }
    }
}
