package be.werkregie.campus;

import be.werkregie.campus.CampusForms.AgreementForm;
import be.werkregie.campus.CampusForms.DecisionForm;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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
 * The campus manager's pages (and an administrator's, for every campus): requests waiting for approval, use-agreement
 * bookings that can give way to the employment service's own planning, the agreements (request, approve, refuse), the
 * occupancy against the target, the invoice runs and the invoices with their PDF, CSV and UBL e-invoice.
 */
@Controller
class CampusManagerPages {

    private final Campuses campuses;
    private final Bookings bookings;
    private final Occupancy occupancy;
    private final CampusInvoices invoices;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final CampusEvents events;
    private final CampusChildcare childcare;

    CampusManagerPages(Campuses campuses, Bookings bookings, Occupancy occupancy, CampusInvoices invoices, Clock clock,
                       org.springframework.context.MessageSource messages, CampusEvents events, CampusChildcare childcare) {
        this.messages = messages;
        this.events = events;
        this.childcare = childcare;
        this.campuses = campuses;
        this.bookings = bookings;
        this.occupancy = occupancy;
        this.invoices = invoices;
        this.clock = clock;
    }

    private Campuses.Campus managed(String code) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        if (!campuses.manages(CurrentUser.get(), c.id())) {
            throw new NotFoundException("campus");
        }
        return c;
    }

    @GetMapping("/campus/manage")
    String manage(Model model) {
        CurrentUser me = CurrentUser.get();
        var mine = campuses.managedBy(me);
        if (mine.isPresent()) {
            return "redirect:/campus/manage/" + mine.get().code();
        }
        model.addAttribute("campuses", campuses.campuses());
        return "campus/manage-choose";
    }

    @GetMapping("/campus/manage/{code}")
    String campus(@PathVariable String code, Model model) {
        Campuses.Campus c = managed(code);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("campus", c);
        model.addAttribute("requests", bookings.requests(c.id()));
        model.addAttribute("lowerPriority", bookings.ofCampus(c.id(), today, today.plusWeeks(8)).stream()
                .filter(b -> b.agreementId() != null && b.tariff().startsWith("USE")).toList());
        model.addAttribute("agreements", campuses.agreements(c.id()));
        return "campus/manage";
    }

    @PostMapping("/campus/manage/bookings/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        Booking b = bookings.approve(id, CurrentUser.get());
        redirect.addFlashAttribute("notice", "campus.booking.approvedNotice");
        return "redirect:/campus/manage/" + code(b);
    }

    @PostMapping("/campus/manage/bookings/{id}/refuse")
    String refuse(@PathVariable UUID id, DecisionForm form, RedirectAttributes redirect, Model model) {
        Booking b = bookings.visible(id, CurrentUser.get());
        try {
            bookings.cancel(id, form.note(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.booking.refusedNotice");
            return "redirect:/campus/manage/" + code(b);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return campus(code(b), model);
        }
    }

    @PostMapping("/campus/manage/bookings/{id}/give-way")
    String giveWay(@PathVariable UUID id, DecisionForm form, RedirectAttributes redirect, Model model) {
        Booking b = bookings.visible(id, CurrentUser.get());
        try {
            bookings.giveWay(id, form.note(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.booking.gaveWayNotice");
            return "redirect:/campus/manage/" + code(b);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return campus(code(b), model);
        }
    }

    private String code(Booking b) {
        return campuses.campus(b.campusId()).orElseThrow().code();
    }

    // ---- agreements ----

    @GetMapping("/campus/manage/{code}/agreements/new")
    String agreementForm(@PathVariable String code, AgreementForm form, Model model) {
        Campuses.Campus c = managed(code);
        model.addAttribute("campus", c);
        model.addAttribute("form", form.values());
        model.addAttribute("freeSpaces", campuses.spaces(c.id()).stream().filter(s -> s.shared() && s.kind() == SpaceKind.OFFICE
                || s.shared() && s.kind() == SpaceKind.CLASSROOM).toList());
        model.addAttribute("models", Agreement.Model.values());
        return "campus/agreement-new";
    }

    @PostMapping("/campus/manage/{code}/agreements")
    String requestAgreement(@PathVariable String code, AgreementForm form, Model model, RedirectAttributes redirect) {
        Campuses.Campus c = managed(code);
        try {
            Agreement a = campuses.request(form.read(c.id()), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.agreement.requestedNotice");
            return "redirect:/campus/manage/" + code + "#agreement-" + a.number();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return agreementForm(code, form, model);
        }
    }

    @PostMapping("/campus/manage/agreements/{id}/approve")
    String approveAgreement(@PathVariable UUID id, DecisionForm form, RedirectAttributes redirect) {
        Agreement a = campuses.approve(id, form.note(), CurrentUser.get());
        redirect.addFlashAttribute("notice", "campus.agreement.approvedNotice");
        return "redirect:/campus/manage/" + campuses.campus(a.campusId()).orElseThrow().code();
    }

    @PostMapping("/campus/manage/agreements/{id}/refuse")
    String refuseAgreement(@PathVariable UUID id, DecisionForm form, RedirectAttributes redirect, Model model) {
        Agreement a = campuses.agreement(id).orElseThrow(() -> new NotFoundException("agreement"));
        String code = campuses.campus(a.campusId()).orElseThrow().code();
        try {
            campuses.refuse(id, form.note(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.agreement.refusedNotice");
            return "redirect:/campus/manage/" + code;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return campus(code, model);
        }
    }

    // ---- occupancy ----

    @GetMapping("/campus/manage/{code}/occupancy")
    String occupancy(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String until,
                     Model model) {
        Campuses.Campus c = managed(code);
        LocalDate[] range = range(from, until, model);
        Occupancy.Report r = occupancy.report(c.id(), range[0], range[1]);
        model.addAttribute("report", r);
        model.addAttribute("trendSvg", Occupancy.trendSvg(r, messages.getMessage("campus.trendAlt", new Object[] {r.targetPercent()},
                org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        model.addAttribute("campus", c);
        model.addAttribute("form", java.util.Map.of("from", range[0].toString(), "until", range[1].toString()));
        return "campus/occupancy";
    }

    @GetMapping("/campus/manage/{code}/occupancy.csv")
    ResponseEntity<byte[]> occupancyCsv(@PathVariable String code, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String until) {
        Campuses.Campus c = managed(code);
        LocalDate[] range = range(from, until, null);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bezetting-" + c.code() + "-" + range[0] + ".csv\"")
                .body(Occupancy.csv(occupancy.report(c.id(), range[0], range[1])).getBytes(StandardCharsets.UTF_8));
    }

    /** The period asked for, the last eight weeks when none; at most two years; a malformed date is reported. */
    private LocalDate[] range(String from, String until, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = today.minusWeeks(8);
        LocalDate u = today;
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        try {
            if (from != null && !from.isBlank()) {
                f = LocalDate.parse(from.trim());
            }
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new InvalidInputException.FieldProblem("from", "validation.date"));
        }
        try {
            if (until != null && !until.isBlank()) {
                u = LocalDate.parse(until.trim());
            }
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new InvalidInputException.FieldProblem("until", "validation.date"));
        }
        if (u.isBefore(f)) {
            problems.add(new InvalidInputException.FieldProblem("until", "campus.agreement.endBeforeStart"));
            u = f;
        }
        if (f.plusYears(2).isBefore(u)) {
            problems.add(new InvalidInputException.FieldProblem("until", "campus.occupancy.tooLong"));
            u = f.plusYears(2);
        }
        if (!problems.isEmpty()) {
            if (model == null) {
                throw new InvalidInputException(problems);
            }
            model.addAttribute("errors", problems);
        }
        return new LocalDate[] {f, u};
    }

    // ---- invoices ----

    @GetMapping("/campus/manage/{code}/invoices")
    String invoices(@PathVariable String code, Model model) {
        Campuses.Campus c = managed(code);
        model.addAttribute("campus", c);
        model.addAttribute("invoices", invoices.ofCampus(c.id()));
        LocalDate today = LocalDate.now(clock);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of("until", today.toString(), "runKey", "campus-" + today));
        }
        return "campus/invoices";
    }

    @PostMapping("/campus/manage/{code}/invoices")
    String run(@PathVariable String code, @RequestParam(defaultValue = "") String until, @RequestParam(defaultValue = "") String runKey,
               Model model, RedirectAttributes redirect) {
        managed(code);
        try {
            LocalDate u;
            try {
                u = LocalDate.parse(until.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInputException.of("until", "validation.date");
            }
            var outcome = invoices.run(u, runKey, CurrentUser.get());
            redirect.addFlashAttribute("notice", outcome.created() ? "campus.invoice.runDone" : "campus.invoice.runAgain");
            return "redirect:/campus/manage/" + code + "/invoices";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", java.util.Map.of("until", until, "runKey", runKey));
            return invoices(code, model);
        }
    }

    @PostMapping("/campus/manage/invoices/{id}/credit-note")
    String creditNote(@PathVariable UUID id, DecisionForm form, RedirectAttributes redirect, Model model) {
        CampusInvoices.Invoice inv = invoices.visible(id, CurrentUser.get());
        String code = campuses.campus(inv.campusId()).orElseThrow().code();
        try {
            invoices.creditNote(id, form.note(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.invoice.credited");
            return "redirect:/campus/manage/" + code + "/invoices";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return invoices(code, model);
        }
    }

    // ---- events and childcare ----

    @GetMapping("/campus/manage/{code}/events")
    String events(@PathVariable String code, CampusForms.EventForm form, Model model) {
        Campuses.Campus c = managed(code);
        model.addAttribute("campus", c);
        model.addAttribute("events", events.upcoming(c.id()));
        model.addAttribute("spaces", campuses.spaces(c.id()).stream().filter(s -> s.bookable() && s.shared()).toList());
        model.addAttribute("kinds", CampusEvents.Kind.values());
        model.addAttribute("form", form.values());
        return "campus/manage-events";
    }

    @PostMapping("/campus/manage/{code}/events")
    String createEvent(@PathVariable String code, CampusForms.EventForm form, Model model, RedirectAttributes redirect) {
        Campuses.Campus c = managed(code);
        try {
            events.create(c.id(), form.read(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.event.created");
            return "redirect:/campus/manage/" + code + "/events";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return events(code, form, model);
        }
    }

    @GetMapping("/campus/manage/events/{id}")
    String registrations(@PathVariable UUID id, Model model) {
        CampusEvents.Event e = events.find(id).orElseThrow(() -> new NotFoundException("event"));
        model.addAttribute("registrations", events.registrations(id, CurrentUser.get()));
        model.addAttribute("event", e);
        model.addAttribute("campus", campuses.campus(e.campusId()).orElseThrow());
        model.addAttribute("lang", org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return "campus/manage-registrations";
    }

    @GetMapping("/campus/manage/{code}/childcare")
    String childcare(@PathVariable String code, CampusForms.ChildcareForm form, Model model) {
        Campuses.Campus c = managed(code);
        model.addAttribute("campus", c);
        model.addAttribute("groups", childcare.groups(c.id()));
        model.addAttribute("waiting", childcare.waiting(c.id()));
        model.addAttribute("placed", childcare.placed(c.id()));
        model.addAttribute("categories", CampusChildcare.Category.values());
        model.addAttribute("form", form.values());
        return "campus/childcare";
    }

    @PostMapping("/campus/manage/{code}/childcare")
    String requestChildcare(@PathVariable String code, CampusForms.ChildcareForm form, Model model, RedirectAttributes redirect) {
        Campuses.Campus c = managed(code);
        try {
            CampusChildcare.Request r = childcare.request(c.id(), form.read(), CurrentUser.get());
            redirect.addFlashAttribute("notice", r.status().equals("PLACED") ? "campus.childcare.placedNotice" : "campus.childcare.waitingNotice");
            return "redirect:/campus/manage/" + code + "/childcare";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return childcare(code, form, model);
        }
    }

    @PostMapping("/campus/manage/childcare/{id}/end")
    String endChildcare(@PathVariable UUID id, RedirectAttributes redirect) {
        CampusChildcare.Request r = childcare.end(id, CurrentUser.get());
        redirect.addFlashAttribute("notice", "campus.childcare.endedNotice");
        return "redirect:/campus/manage/" + campuses.campus(r.campusId()).orElseThrow().code() + "/childcare";
    }

    // ---- an agreement: settlements and rent waivers ----

    @GetMapping("/campus/manage/agreements/{id}")
    String agreement(@PathVariable UUID id, Model model) {
        Agreement a = campuses.agreement(id).orElseThrow(() -> new NotFoundException("agreement"));
        Campuses.Campus c = managed(campuses.campus(a.campusId()).orElseThrow().code());
        model.addAttribute("campus", c);
        model.addAttribute("agreement", a);
        model.addAttribute("settlements", campuses.settlements(id));
        model.addAttribute("dedicated", campuses.dedicatedSpaces(id).stream().map(s -> campuses.space(s).orElseThrow()).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of());
        }
        return "campus/agreement";
    }

    @PostMapping("/campus/manage/agreements/{id}/settlements")
    String addSettlement(@PathVariable UUID id, @RequestParam(defaultValue = "") String period, @RequestParam(defaultValue = "") String description,
                         @RequestParam(defaultValue = "") String amount, Model model, RedirectAttributes redirect) {
        try {
            java.math.BigDecimal value;
            try {
                value = amount.isBlank() ? null : new java.math.BigDecimal(amount.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("amount", "validation.amount");
            }
            campuses.addSettlement(id, period, description, value, CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.settlement.added");
            return "redirect:/campus/manage/agreements/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", java.util.Map.of("period", period, "description", description, "amount", amount));
            return agreement(id, model);
        }
    }

    @PostMapping("/campus/manage/agreements/{id}/waivers")
    String waivers(@PathVariable UUID id, @RequestParam(defaultValue = "") String years, Model model, RedirectAttributes redirect) {
        try {
            List<Integer> list = new java.util.ArrayList<>();
            for (String y : years.split("[,;\\s]+")) {
                if (!y.isBlank()) {
                    try {
                        list.add(Integer.parseInt(y.trim()));
                    } catch (NumberFormatException e) {
                        throw InvalidInputException.of("years", "validation.number");
                    }
                }
            }
            campuses.setRentWaivedYears(id, list, CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.agreement.waiversSaved");
            return "redirect:/campus/manage/agreements/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", java.util.Map.of("years", years));
            return agreement(id, model);
        }
    }
}
