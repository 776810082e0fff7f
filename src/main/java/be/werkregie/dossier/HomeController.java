package be.werkregie.dossier;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.people.PersonDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of every signed-in user: what waits for them (handovers to acknowledge) and what they can do today,
 * as links to the pages their role opens (never a placeholder; the coming modules add their own tasks).
 */
@Controller
class HomeController {

    private final Dossier dossier;
    private final PersonDirectory people;

    HomeController(Dossier dossier, PersonDirectory people) {
        this.dossier = dossier;
        this.people = people;
    }

    /** A thing the user can do: the label's message key and the page. */
    record Task(String label, String href) {}

    static java.util.List<Task> tasks(CurrentUser me) {
        java.util.List<Task> t = new java.util.ArrayList<>();
        be.werkregie.identity.OrganisationKind kind = me.organisationKind();
        if (me.has(Role.MEDIATOR)) {
            t.add(new Task("nav.search", "/people"));
            t.add(new Task("nav.newPerson", "/people/new"));
            t.add(new Task("nav.guidanceMediator", "/guidance/mediator"));
        }
        if (me.has(Role.SOCIAL_WORKER)) {
            t.add(new Task("nav.myClients", "/clients"));
            t.add(new Task("nav.search", "/people"));
            t.add(new Task("nav.newPerson", "/people/new"));
        }
        if (me.hasAny(Role.PARTNER_STAFF, Role.PARTNER_MANAGER) && kind == be.werkregie.identity.OrganisationKind.PARTNER) {
            t.add(new Task("nav.partnerTrajectories", "/partner/trajectories"));
            t.add(new Task("nav.search", "/people"));
        }
        if (me.hasAny(Role.PARTNER_STAFF, Role.PARTNER_MANAGER) && kind == be.werkregie.identity.OrganisationKind.CAREER_CENTRE) {
            t.add(new Task("nav.centreVouchers", "/centre/vouchers"));
            t.add(new Task("nav.centreProfile", "/centre/profile"));
            t.add(new Task("nav.sanctions", "/centre/sanctions"));
        }
        if (me.hasAny(Role.ANALYST, Role.ADMINISTRATOR)) {
            t.add(new Task("nav.chance", "/chance"));
        }
        if (me.hasAny(Role.CAMPUS_MANAGER, Role.ADMINISTRATOR)) {
            t.add(new Task("nav.campusManage", "/campus/manage"));
        }
        if (me.hasAny(Role.CAMPUS_MANAGER, Role.MEDIATOR, Role.PARTNER_STAFF, Role.PARTNER_MANAGER, Role.ADMINISTRATOR)) {
            t.add(new Task("nav.campus", "/campus"));
        }
        if (me.has(Role.ADMINISTRATOR)) {
            t.add(new Task("nav.voucherAdmin", "/vouchers/admin"));
            t.add(new Task("nav.guidanceAdmin", "/guidance/admin"));
            t.add(new Task("nav.misuse", "/vouchers/admin/misuse"));
            t.add(new Task("nav.messages", "/messages"));
            t.add(new Task("home.task.policy", "/policy"));
            t.add(new Task("home.task.locks", "/accounts/locks"));
        }
        // what every professional can consult: the public offer and the reference data
        t.add(new Task("nav.landing", "/begeleiding"));
        t.add(new Task("nav.searchCentres", "/loopbaancentra"));
        t.add(new Task("nav.geo", "/geo"));
        return t.stream().distinct().toList();
    }

    @GetMapping("/home")
    String home(Model model) {
        CurrentUser me = CurrentUser.get();
        if (me.has(Role.CITIZEN)) {
            return "redirect:/me";
        }
        java.util.List<Handover> inbox = dossier.inbox(me.organisationId());
        model.addAttribute("inbox", inbox);
        // whose handover it is: the client's name on every card (each an audited read, as on the person page)
        java.util.Map<java.util.UUID, String> clients = new java.util.HashMap<>();
        for (Handover h : inbox) {
            if (!clients.containsKey(h.personId()) && people.maySee(me, h.personId())) {
                clients.put(h.personId(), people.get(h.personId(), me, "handover inbox").fullName());
            }
        }
        model.addAttribute("clients", clients);
        model.addAttribute("role", me.mainRole().name());
        model.addAttribute("tasks", tasks(me));
        if (me.has(Role.ADMINISTRATOR)) {
            model.addAttribute("personCount", people.count());
        }
        return "home";
    }
}
