package be.werkregie.dossier;

import be.werkregie.audit.AuditTrail;
import be.werkregie.geo.Municipalities;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Organisations;
import be.werkregie.identity.Role;
import be.werkregie.people.Channel;
import be.werkregie.people.Consents;
import be.werkregie.people.Education;
import be.werkregie.people.NewPerson;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import be.werkregie.people.PersonStatus;
import be.werkregie.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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

/** Staff pages of the integrated client file: search, register, the person page and what can be done there. */
@Controller
class ClientFileController {

    private final PersonDirectory people;
    private final PersonRegistration registration;
    private final Consents consents;
    private final Dossier dossier;
    private final Organisations organisations;
    private final Municipalities municipalities;

    private final java.time.Clock clock;

    private final org.springframework.transaction.support.TransactionTemplate pageTransaction;

    ClientFileController(org.springframework.transaction.PlatformTransactionManager transactions, java.time.Clock clock, PersonDirectory people, PersonRegistration registration, Consents consents, Dossier dossier,
                         Organisations organisations, Municipalities municipalities) {
        this.pageTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.clock = clock;
        this.people = people;
        this.registration = registration;
        this.consents = consents;
        this.dossier = dossier;
        this.organisations = organisations;
        this.municipalities = municipalities;
    }

    static final int SEARCH_LIMIT = 50;

    @GetMapping("/people")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        if (q.length() > 100) {
            model.addAttribute("errors", List.of(new InvalidInputException.FieldProblem("q", "validation.tooLong", 100)));
        } else if (!q.isBlank()) {
            // one more than shown: past the limit the page says so and asks to refine, instead of stopping silently
            List<Person> found = people.search(q, CurrentUser.get(), SEARCH_LIMIT + 1);
            model.addAttribute("results", found.size() > SEARCH_LIMIT ? found.subList(0, SEARCH_LIMIT) : found);
            model.addAttribute("moreThan", found.size() > SEARCH_LIMIT ? SEARCH_LIMIT : null);
            // the municipality tells two namesakes apart
            Map<String, String> places = new HashMap<>();
            boolean french = "fr".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
            municipalities.all().forEach(m -> places.put(m.nis(), french && m.nameFr() != null ? m.nameFr() : m.nameNl()));
            model.addAttribute("places", places);
        }
        return "dossier/search";
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        model.addAttribute("form", Map.of("language", "nl", "preferredChannels", List.of("EMAIL")));
        return form(model);
    }

    /** Who registers on the person's consent (everyone but the employment service's mediators and administrators). */
    private static boolean needsConsent(CurrentUser me) {
        return !(me.has(Role.ADMINISTRATOR) || me.has(Role.MEDIATOR) && me.worksForEmploymentService());
    }

    private String form(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("needsConsent", needsConsent(me));
        model.addAttribute("organisationName", me.organisationName());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("statuses", PersonStatus.values());
        model.addAttribute("educations", Education.values());
        model.addAttribute("dimensions", Person.DIMENSIONS);
        return "dossier/new-person";
    }

    /**
     * The registration form of a person. The self-assessed dimensions come as fields named {@code dim_<DIMENSION>}
     * (one per dimension of {@link Person#DIMENSIONS}) and are read from the request.
     */
    record NewPersonForm(String nationalNumber, String firstName, String lastName, String municipality, String street, String email,
                         String phone, String language, String contactLanguage, List<String> preferredChannels, String status,
                         String education, String migrationBackground, String workDisability, String purpose, String scope,
                         String expiresOn, String recordedVia, String evidence) implements be.werkregie.shared.FormObject {

        /** The person's consent for the registering organisation (asked of partners and social services only). */
        be.werkregie.people.PersonRegistration.ConsentAtRegistration consent() {
            be.werkregie.shared.FormReader r = new be.werkregie.shared.FormReader();
            LocalDate until = r.date("expiresOn", expiresOn);
            r.done();
            return new be.werkregie.people.PersonRegistration.ConsentAtRegistration(purpose, scope, until, recordedVia, evidence);
        }
        NewPerson read(Map<String, String> request) {
            Map<String, Integer> dims = new HashMap<>();
            List<InvalidInputException.FieldProblem> dimProblems = new java.util.ArrayList<>();
            for (String d : Person.DIMENSIONS) {
                String v = request.get("dim_" + d);
                if (v != null && !v.isBlank()) {
                    try {
                        dims.put(d, Integer.parseInt(v.trim()));
                    } catch (NumberFormatException e) {
                        dimProblems.add(new InvalidInputException.FieldProblem(d, "validation.dimension"));
                    }
                }
            }
            if (!dimProblems.isEmpty()) {
                throw new InvalidInputException(dimProblems);
            }
            return new NewPerson(nationalNumber, firstName, lastName, municipality, street, email, phone, language, contactLanguage,
                    preferredChannels == null ? List.of() : preferredChannels, status, education,
                    be.werkregie.shared.FormReader.ticked(migrationBackground), be.werkregie.shared.FormReader.ticked(workDisability),
                    dims, null);
        }
    }

    @PostMapping("/people")
    String create(NewPersonForm f, @RequestParam Map<String, String> request, Model model) {
        try {
            CurrentUser me = CurrentUser.get();
            UUID id = registration.register(f.read(request), needsConsent(me) ? f.consent() : null, me);
            return "redirect:/people/" + id + "?registered";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            Map<String, Object> form = new HashMap<>(request);
            form.putAll(f.values());
            form.put("preferredChannels", f.preferredChannels() == null ? List.of() : f.preferredChannels());
            model.addAttribute("form", form);
            return form(model);
        }
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable UUID id, Model model) {
        // one transaction for the page's reads and their audit records: one connection and one commit per view
        return pageTransaction.execute(status -> personPage(id, model));
    }

    private String personPage(UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        Person p = people.get(id, me, "person page");
        model.addAttribute("person", p);
        model.addAttribute("municipality", municipalities.byNis(p.municipalityNis()).orElse(null));
        model.addAttribute("entries", dossier.timeline(id, me));
        model.addAttribute("handovers", dossier.handoversOf(id, me));
        model.addAttribute("consents", consents.of(id));
        model.addAttribute("organisations", organisations.receiversFor(p.municipalityNis()));
        model.addAttribute("kinds", Dossier.KINDS);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("canWrite", me.hasAny(Role.MEDIATOR, Role.PARTNER_STAFF, Role.SOCIAL_WORKER));
        model.addAttribute("canManageConsents", me.hasAny(Role.MEDIATOR, Role.SOCIAL_WORKER));
        model.addAttribute("canBreakGlass", me.has(Role.ADMINISTRATOR));
        return "dossier/person";
    }

    @PostMapping("/people/{id}/entries")
    String addEntry(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
                    @RequestParam(defaultValue = "") String visibility, @RequestParam(defaultValue = "") String title,
                    @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String occurredOn,
                    @RequestParam(defaultValue = "") String idempotencyKey, Model model, RedirectAttributes redirect) {
        try {
            dossier.add(id, kind, visibility, title, body, date(occurredOn, "occurredOn"), idempotencyKey, CurrentUser.get());
        } catch (InvalidInputException e) {
            return again(id, model, e, Map.of("kind", kind, "visibility", visibility, "title", title, "body", body,
                    "occurredOn", occurredOn), "entryForm");
        }
        redirect.addFlashAttribute("notice", "notice.entryAdded");
        return "redirect:/people/" + id + "#timeline";
    }

    @PostMapping("/people/{id}/handovers")
    String handOver(@PathVariable UUID id, @RequestParam(defaultValue = "") String toOrganisationId,
                    @RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String contactDetails,
                    @RequestParam(defaultValue = "") String context, @RequestParam(defaultValue = "") String idempotencyKey,
                    Model model, RedirectAttributes redirect) {
        try {
            dossier.handOver(id, uuid(toOrganisationId, "toOrganisationId"), contactName, contactDetails, context,
                    idempotencyKey, CurrentUser.get());
        } catch (InvalidInputException e) {
            return again(id, model, e, Map.of("toOrganisationId", toOrganisationId, "contactName", contactName,
                    "contactDetails", contactDetails, "context", context), "handoverForm");
        }
        redirect.addFlashAttribute("notice", "notice.handoverSent");
        return "redirect:/people/" + id + "#handovers";
    }

    @PostMapping("/handovers/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            dossier.acknowledge(id, note, CurrentUser.get());
            redirect.addFlashAttribute("notice", "notice.handoverAcknowledged");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/home";
    }

    /** Break glass (administrators): the confidential entries, for a stated reason that the person and the authors see. */
    @PostMapping("/people/{id}/break-glass")
    String breakGlass(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        CurrentUser me = CurrentUser.get();
        try {
            model.addAttribute("confidentialEntries", dossier.breakGlass(id, reason, me));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("breakGlassForm", Map.of("reason", reason));
        }
        return person(id, model);
    }

    @PostMapping("/people/{id}/consents")
    String grant(@PathVariable UUID id, @RequestParam(defaultValue = "") String purpose,
                 @RequestParam(defaultValue = "SEE") String scope, @RequestParam(defaultValue = "") String expiresOn,
                 @RequestParam(defaultValue = "") String recordedVia, @RequestParam(defaultValue = "") String evidence,
                 Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        people.get(id, me, "consent registration");
        try {
            // staff record a consent for their own organisation only, given by the person in front of them or on a form
            consents.grant(id, me.organisationId(), purpose, scope, null, date(expiresOn, "expiresOn"), recordedVia, evidence, me);
        } catch (InvalidInputException e) {
            return again(id, model, e, Map.of("purpose", purpose, "scope", scope, "expiresOn", expiresOn, "recordedVia", recordedVia,
                    "evidence", evidence), "consentForm");
        }
        redirect.addFlashAttribute("notice", "notice.consentGranted");
        return "redirect:/people/" + id + "#consents";
    }

    @PostMapping("/people/{id}/consents/{consentId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID consentId, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        people.get(id, me, "consent revocation");
        consents.revoke(id, consentId, me);
        redirect.addFlashAttribute("notice", "notice.consentRevoked");
        return "redirect:/people/" + id + "#consents";
    }

    @PostMapping("/people/{id}/channels")
    String channels(@PathVariable UUID id, @RequestParam(required = false) List<String> preferredChannels,
                    @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                    @RequestParam(defaultValue = "") String street, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        people.get(id, me, "channel preferences");
        try {
            registration.updateChannels(id, preferredChannels, email, phone, street, me);
        } catch (InvalidInputException e) {
            return again(id, model, e, Map.of("email", email, "phone", phone, "street", street), "channelForm");
        }
        redirect.addFlashAttribute("notice", "notice.channelsSaved");
        return "redirect:/people/" + id + "#channels";
    }

    private String again(UUID id, Model model, InvalidInputException e, Map<String, String> values, String formName) {
        model.addAttribute("errors", e.problems());
        model.addAttribute(formName, values);
        model.addAttribute("openForm", formName);
        return person(id, model);
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "validation.date");
        }
    }

    static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "validation.organisation.unknown");
        }
    }
}
