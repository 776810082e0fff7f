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
        model.addAttribute("self", true); // the shared parts speak to the person: "your details", not "this person"
        model.addAttribute("municipality", municipalities.byNis(p.municipalityNis()).orElse(null));
        model.addAttribute("entries", dossier.timeline(p.id(), me));
        model.addAttribute("handovers", dossier.handoversOf(p.id(), me));
        model.addAttribute("consents", consents.of(p.id()));
        model.addAttribute("organisations", organisations.receiversFor(p.municipalityNis()));
        model.addAttribute("channels", Channel.values());
        return "dossier/me";
    }

    @GetMapping("/me/views")
    String views(@org.springframework.web.bind.annotation.RequestParam(required = false) String organisation,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String from,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String to,
                 @org.springframework.web.bind.annotation.RequestParam(defaultValue = "1") String page, Model model) {
        CurrentUser me = CurrentUser.get();
        java.util.List<be.werkregie.shared.InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        java.time.LocalDate fromDate = parse(from, "from", problems);
        java.time.LocalDate toDate = parse(to, "to", problems);
        UUID org = null;
        if (organisation != null && !organisation.isBlank()) {
            try {
                org = UUID.fromString(organisation.trim());
            } catch (IllegalArgumentException e) {
                problems.add(new be.werkregie.shared.InvalidInputException.FieldProblem("organisation", "validation.choice"));
            }
        }
        int p = 1;
        try {
            p = Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            p = 1;
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
        }
        model.addAttribute("trail", audit.page(me.personId(), org, fromDate, toDate, p, 50));
        model.addAttribute("readers", audit.readersOf(me.personId()));
        model.addAttribute("filter", java.util.Map.of("organisation", organisation == null ? "" : organisation,
                "from", from == null ? "" : from, "to", to == null ? "" : to));
        return "dossier/me-views";
    }

    private static java.time.LocalDate parse(String s, String field,
                                             java.util.List<be.werkregie.shared.InvalidInputException.FieldProblem> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(s.trim());
            if (d.isBefore(be.werkregie.shared.Validator.EARLIEST) || d.isAfter(be.werkregie.shared.Validator.LATEST)) {
                throw new java.time.format.DateTimeParseException("range", s, 0);
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new be.werkregie.shared.InvalidInputException.FieldProblem(field, "validation.date"));
            return null;
        }
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
