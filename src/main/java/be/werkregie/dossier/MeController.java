package be.werkregie.dossier;

import be.werkregie.audit.AuditTrail;
import be.werkregie.geo.Municipalities;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisations;
import be.werkregie.people.Channel;
import be.werkregie.people.Consents;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import be.werkregie.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen's own file: what is known, who may see it, how to reach me, and who looked at it. */
@Controller
class MeController {

    private final PersonDirectory people;
    private final PersonRegistration registration;
    private final Consents consents;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final Municipalities municipalities;

    MeController(PersonDirectory people, PersonRegistration registration, Consents consents, Dossier dossier, AuditTrail audit,
                 Organisations organisations, Municipalities municipalities) {
        this.people = people;
        this.registration = registration;
        this.consents = consents;
        this.dossier = dossier;
        this.audit = audit;
        this.organisations = organisations;
        this.municipalities = municipalities;
    }

    @GetMapping("/me")
    String me(Model model) {
        CurrentUser me = CurrentUser.get();
        Person p = people.get(me.personId(), me, "own file");
        model.addAttribute("person", p);
        model.addAttribute("municipality", municipalities.byNis(p.municipalityNis()).orElse(null));
        model.addAttribute("entries", dossier.timeline(p.id(), me));
        model.addAttribute("handovers", dossier.handoversOf(p.id(), me));
        model.addAttribute("consents", consents.of(p.id()));
        model.addAttribute("organisations", organisations.receiversFor(p.municipalityNis()));
        model.addAttribute("channels", Channel.values());
        return "dossier/me";
    }

    @GetMapping("/me/views")
    String views(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("events", audit.forPerson(me.personId(), 200));
        return "dossier/me-views";
    }

    @PostMapping("/me/consents")
    String grant(@RequestParam(defaultValue = "") String organisationId, @RequestParam(defaultValue = "") String purpose,
                 @RequestParam(defaultValue = "SEE") String scope, @RequestParam(defaultValue = "") String expiresOn,
                 Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            consents.grant(me.personId(), ClientFileController.uuid(organisationId, "organisationId"), purpose, scope, null,
                    ClientFileController.date(expiresOn, "expiresOn"), me);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("consentForm", Map.of("organisationId", organisationId, "purpose", purpose, "expiresOn", expiresOn));
            return me(model);
        }
        redirect.addFlashAttribute("notice", "notice.consentGranted");
        return "redirect:/me#consents";
    }

    @PostMapping("/me/consents/{consentId}/revoke")
    String revoke(@PathVariable UUID consentId, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            consents.revoke(me.personId(), consentId, me);
            redirect.addFlashAttribute("notice", "notice.consentRevoked");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/me#consents";
    }

    @PostMapping("/me/channels")
    String channels(@RequestParam(required = false) List<String> preferredChannels, @RequestParam(defaultValue = "") String email,
                    @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String street, Model model,
                    RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            registration.updateChannels(me.personId(), preferredChannels, email, phone, street, me);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("channelForm", Map.of("email", email, "phone", phone, "street", street));
            return me(model);
        }
        redirect.addFlashAttribute("notice", "notice.channelsSaved");
        return "redirect:/me#channels";
    }
}
