package be.werkregie.dossier;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.people.PersonDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of every signed-in user, with what waits for them. */
@Controller
class HomeController {

    private final Dossier dossier;
    private final PersonDirectory people;

    HomeController(Dossier dossier, PersonDirectory people) {
        this.dossier = dossier;
        this.people = people;
    }

    @GetMapping("/home")
    String home(Model model) {
        CurrentUser me = CurrentUser.get();
        if (me.has(Role.CITIZEN)) {
            return "redirect:/me";
        }
        model.addAttribute("inbox", dossier.inbox(me.organisationId()));
        model.addAttribute("role", me.mainRole().name());
        if (me.has(Role.ADMINISTRATOR)) {
            model.addAttribute("personCount", people.count());
        }
        return "home";
    }
}
