package be.werkregie.dossier;

import be.werkregie.geo.Municipalities;
import be.werkregie.geo.Municipality;
import be.werkregie.identity.CurrentUser;
import be.werkregie.people.PersonDirectory;
import be.werkregie.platform.ListView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My clients" for a social service: everyone who gave the organisation an active consent, with what it allows, until
 * when (a consent that ends within {@link #EXPIRING_DAYS} days stands out, so that it can be renewed with the person in
 * time) and the handovers that wait for the organisation. Searched, filtered, sorted and paged like every list.
 */
@Controller
class MyClientsController {

    /** A consent ending within this many days is shown as "ends soon". */
    static final int EXPIRING_DAYS = 30;

    record Row(UUID personId, String name, String municipality, LocalDate birthDate, String scope, LocalDate consentUntil,
               boolean endsSoon, int handovers) {}

    private final PersonDirectory people;
    private final Dossier dossier;
    private final Municipalities municipalities;
    private final Clock clock;

    MyClientsController(PersonDirectory people, Dossier dossier, Municipalities municipalities, Clock clock) {
        this.people = people;
        this.dossier = dossier;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping("/clients")
    String myClients(@RequestParam Map<String, String> query, Model model) {
        CurrentUser me = CurrentUser.get();
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Integer> waiting = new HashMap<>();
        for (Handover h : dossier.inbox(me.organisationId())) {
            waiting.merge(h.personId(), 1, Integer::sum);
        }
        List<Row> all = people.clientsOf(me, 2000).stream().map(c -> new Row(c.person().id(), c.person().fullName(),
                municipalities.byNis(c.person().municipalityNis()).map(Municipality::nameNl).orElse(""), c.person().birthDate(),
                c.scope(), c.consentExpiresOn(), !c.consentExpiresOn().isAfter(today.plusDays(EXPIRING_DAYS)),
                waiting.getOrDefault(c.person().id(), 0))).toList();
        ListView.Builder b = ListView.from(query)
                .sort("name", Comparator.comparing(Row::name))
                .sort("until", Comparator.comparing(Row::consentUntil).thenComparing(Row::name))
                .sort("municipality", Comparator.comparing(Row::municipality).thenComparing(Row::name))
                .keep("scope", "attention");
        String scope = b.param("scope");
        boolean attention = "true".equals(b.param("attention"));
        model.addAttribute("list", b.of(all, r -> r.name() + " " + r.municipality(),
                r -> (scope.isEmpty() || r.scope().equals(scope)) && (!attention || r.endsSoon() || r.handovers() > 0)));
        model.addAttribute("scope", scope);
        model.addAttribute("attention", attention);
        model.addAttribute("expiringDays", EXPIRING_DAYS);
        model.addAttribute("endingSoon", all.stream().filter(Row::endsSoon).count());
        model.addAttribute("withHandovers", all.stream().filter(r -> r.handovers() > 0).count());
        return "dossier/clients";
    }
}
