package be.werkregie.campus;

import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What needs no sign-in: the public agenda of each campus with registration and waiting list, the registrant's own page
 * (see, cancel), the agenda as iCalendar, and the calendar feeds by secret address (a calendar app cannot sign in).
 */
@Controller
class CampusPublicPages {

    private final CampusFeeds feeds;
    private final CampusEvents events;
    private final Campuses campuses;

    CampusPublicPages(CampusFeeds feeds, CampusEvents events, Campuses campuses) {
        this.feeds = feeds;
        this.events = events;
        this.campuses = campuses;
    }

    @GetMapping("/campus/feeds/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(feeds.feed(token).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/loopbaancampus")
    String campuses(Model model) {
        model.addAttribute("campuses", campuses.campuses());
        return "campus/public-index";
    }

    @GetMapping("/loopbaancampus/{code}")
    String agenda(@PathVariable String code, Model model) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        model.addAttribute("campus", c);
        model.addAttribute("events", events.upcoming(c.id()));
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        return "campus/agenda";
    }

    @GetMapping("/loopbaancampus/{code}/agenda.ics")
    ResponseEntity<byte[]> agendaIcs(@PathVariable String code) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(events.ics(c.id(), LocaleContextHolder.getLocale().getLanguage()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/loopbaancampus/{code}/events/{id}")
    String event(@PathVariable String code, @PathVariable UUID id, Model model) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        CampusEvents.Event e = events.find(id).filter(x -> x.campusId().equals(c.id()) && x.status().equals("PUBLISHED"))
                .orElseThrow(() -> new NotFoundException("event"));
        model.addAttribute("campus", c);
        model.addAttribute("event", e);
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of());
        }
        return "campus/event";
    }

    @PostMapping("/loopbaancampus/{code}/events/{id}")
    String register(@PathVariable String code, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String email, Model model) {
        try {
            CampusEvents.Registration r = events.register(id, name, email, LocaleContextHolder.getLocale().getLanguage());
            return "redirect:/loopbaancampus/inschrijving/" + r.token();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", java.util.Map.of("name", name, "email", email));
            return event(code, id, model);
        }
    }

    @GetMapping("/loopbaancampus/inschrijving/{token}")
    String registration(@PathVariable String token, Model model) {
        CampusEvents.Registration r = events.byToken(token);
        CampusEvents.Event e = events.find(r.eventId()).orElseThrow();
        model.addAttribute("registration", r);
        model.addAttribute("event", e);
        model.addAttribute("campus", campuses.campus(e.campusId()).orElseThrow());
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        return "campus/registration";
    }

    @PostMapping("/loopbaancampus/inschrijving/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect, Model model) {
        try {
            events.cancel(token);
            redirect.addFlashAttribute("notice", "campus.event.cancelledNotice");
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return registration(token, model);
        }
        return "redirect:/loopbaancampus/inschrijving/" + token;
    }
}
