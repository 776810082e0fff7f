package be.werkregie.dossier;

import be.werkregie.identity.CurrentUser;
import be.werkregie.people.Consents;
import be.werkregie.people.NewPerson;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.people.PersonRegistration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API for partner systems (HTTP Basic); errors are RFC 9457 problem details. */
@RestController
class ClientFileApi {

    record EntryRequest(String kind, String visibility, String title, String body, LocalDate occurredOn) {}

    /**
     * A consent recorded by the receiving organisation (the caller's own; organisationId may be left out) with the person
     * present ({@code IN_PERSON}) or on a signed form ({@code SIGNED_FORM}, evidence = the form's reference).
     */
    record ConsentRequest(UUID organisationId, String purpose, String scope, LocalDate validFrom, LocalDate expiresOn,
                          String recordedVia, String evidence) {}

    private final PersonDirectory people;
    private final PersonRegistration registration;
    private final Dossier dossier;
    private final Consents consents;

    ClientFileApi(PersonDirectory people, PersonRegistration registration, Dossier dossier, Consents consents) {
        this.people = people;
        this.registration = registration;
        this.dossier = dossier;
        this.consents = consents;
    }

    @GetMapping("/api/people")
    List<Person> search(@RequestParam(defaultValue = "") String q) {
        return people.search(q, CurrentUser.get(), 50);
    }

    @GetMapping("/api/people/{id}")
    Person get(@PathVariable UUID id) {
        return people.get(id, CurrentUser.get(), "api");
    }

    @PostMapping("/api/people")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@RequestBody NewPerson person) {
        return Map.of("id", registration.register(person, CurrentUser.get()));
    }

    @GetMapping("/api/people/{id}/dossier")
    List<DossierEntry> timeline(@PathVariable UUID id) {
        return dossier.timeline(id, CurrentUser.get());
    }

    @PostMapping("/api/people/{id}/dossier")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> addEntry(@PathVariable UUID id, @RequestBody EntryRequest e,
                               @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return Map.of("id", dossier.add(id, e.kind(), e.visibility(), e.title(), e.body(), e.occurredOn(), key, CurrentUser.get()));
    }

    @PostMapping("/api/people/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> grant(@PathVariable UUID id, @RequestBody ConsentRequest c) {
        CurrentUser me = CurrentUser.get();
        people.get(id, me, "api consent");
        return Map.of("id", consents.grant(id, c.organisationId() == null ? me.organisationId() : c.organisationId(), c.purpose(),
                c.scope(), c.validFrom(), c.expiresOn(), c.recordedVia(), c.evidence(), me));
    }

    @GetMapping("/api/me")
    Person me() {
        CurrentUser me = CurrentUser.get();
        return people.get(me.personId(), me, "api own file");
    }
}
