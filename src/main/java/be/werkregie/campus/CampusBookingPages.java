package be.werkregie.campus;

import be.werkregie.campus.CampusForms.BookingForm;
import be.werkregie.campus.CampusForms.CancelForm;
import be.werkregie.campus.CampusForms.MoveForm;
import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of those who book campus space: the employment service's staff (its own planning) and partners (under their
 * agreement). The campuses and their spaces, the availability of a week, the booking form (one slot or a weekly
 * series), the confirmation with the price, their own bookings with cancel and move, a series with its skipped dates.
 */
@Controller
class CampusBookingPages {

    private final Campuses campuses;
    private final Bookings bookings;
    private final CampusFeeds feeds;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final ToolLoans loans;

    private final CampusCalendarImport calendarImport;

    CampusBookingPages(Campuses campuses, Bookings bookings, CampusFeeds feeds, Clock clock, org.springframework.context.MessageSource messages,
                       ToolLoans loans, CampusCalendarImport calendarImport) {
        this.calendarImport = calendarImport;
        this.messages = messages;
        this.loans = loans;
        this.campuses = campuses;
        this.bookings = bookings;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping("/campus")
    String index(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("campuses", campuses.campuses());
        model.addAttribute("managed", campuses.managedBy(me).orElse(null));
        return "campus/index";
    }

    @GetMapping("/campus/{code}")
    String campus(@PathVariable String code, Model model) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        model.addAttribute("campus", c);
        model.addAttribute("spaces", campuses.spaces(c.id()));
        model.addAttribute("tools", campuses.tools(c.id()));
        model.addAttribute("manages", campuses.manages(CurrentUser.get(), c.id()));
        model.addAttribute("parts", List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING, DayPart.DAY));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of());
        }
        return "campus/campus";
    }

    /** The other way of iCalendar: a booker's own planning (.ics) imported as bookings of one space, checked first. */
    @GetMapping("/campus/{code}/import")
    String importForm(@PathVariable String code, Model model) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        return showImport(c, java.util.Map.of(), model);
    }

    private String showImport(Campuses.Campus c, java.util.Map<String, String> form, Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("campus", c);
        model.addAttribute("spaces", campuses.spaces(c.id()).stream().filter(Campuses.Space::bookable).toList());
        model.addAttribute("agreements", java.util.stream.Stream.concat(
                        campuses.agreementsOf(me.organisationId()).stream().filter(a -> a.campusId().equals(c.id())),
                        campuses.manages(me, c.id()) ? campuses.agreements(c.id()).stream().filter(a -> a.status() == Agreement.Status.ACTIVE)
                                : java.util.stream.Stream.<Agreement>empty())
                .distinct().toList());
        model.addAttribute("pes", me.worksForEmploymentService());
        model.addAttribute("form", form);
        return "campus/import";
    }

    @PostMapping("/campus/{code}/import")
    String importCalendar(@PathVariable String code, @RequestParam(defaultValue = "") String spaceId,
                          @RequestParam(defaultValue = "") String agreementId, @RequestParam(defaultValue = "") String attendees,
                          @RequestParam(defaultValue = "check") String step,
                          @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                          @RequestParam(defaultValue = "") String content, Model model) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        java.util.Map<String, String> form = new java.util.HashMap<>();
        form.put("spaceId", spaceId);
        form.put("agreementId", agreementId);
        form.put("attendees", attendees);
        try {
            be.werkregie.shared.FormReader r = new be.werkregie.shared.FormReader();
            UUID space = r.uuid("spaceId", spaceId, "campus.booking.unknownSpace");
            UUID agreement = agreementId.isBlank() ? null : r.uuid("agreementId", agreementId, "validation.choice");
            Integer people = attendees.isBlank() ? Integer.valueOf(1) : r.integer("attendees", attendees, "validation.positive");
            r.done();
            if (campuses.space(space).filter(s -> s.campusId().equals(c.id())).isEmpty()) {
                throw InvalidInputException.of("spaceId", "campus.booking.unknownSpace");
            }
            byte[] ics;
            if (file != null && !file.isEmpty()) {
                ics = file.getBytes();
            } else {
                // the confirmation step sends the checked file back (as text), so that what is booked is what was checked
                ics = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            boolean check = !"import".equals(step);
            CampusCalendarImport.Result result = calendarImport.importCalendar(space, agreement, people, ics, check, CurrentUser.get());
            model.addAttribute("result", result);
            model.addAttribute("content", new String(ics, java.nio.charset.StandardCharsets.UTF_8));
            model.addAttribute("space", campuses.space(space).orElseThrow());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        } catch (java.io.IOException e) {
            model.addAttribute("errors", List.of(new InvalidInputException.FieldProblem("file", "campus.import.notICalendar")));
        }
        return showImport(c, form, model);
    }

    /** Borrows a tool for a day part, within its stock. */
    @PostMapping("/campus/{code}/tools")
    String borrow(@PathVariable String code, @RequestParam(defaultValue = "") String toolId, @RequestParam(defaultValue = "") String onDate,
                  @RequestParam(defaultValue = "") String part, @RequestParam(defaultValue = "") String quantity,
                  @RequestParam(defaultValue = "") String purpose, Model model, RedirectAttributes redirect) {
        try {
            be.werkregie.shared.FormReader r = new be.werkregie.shared.FormReader();
            UUID tool = r.uuid("toolId", toolId, "validation.choice");
            LocalDate d = r.date("onDate", onDate);
            DayPart p = r.choice("part", part, DayPart.class);
            Integer q = r.integer("quantity", quantity, "validation.positive");
            r.done();
            loans.borrow(tool, d, p, q, purpose, CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.tool.borrowed");
            return "redirect:/campus/bookings";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", java.util.Map.of("toolId", toolId, "onDate", onDate, "part", part, "quantity", quantity, "purpose", purpose));
            return campus(code, model);
        }
    }

    @PostMapping("/campus/loans/{id}/cancel")
    String cancelLoan(@PathVariable UUID id, RedirectAttributes redirect) {
        loans.cancel(id, CurrentUser.get());
        redirect.addFlashAttribute("notice", "campus.tool.cancelled");
        return "redirect:/campus/bookings";
    }

    @GetMapping("/campus/{code}/week")
    String week(@PathVariable String code, @RequestParam(required = false) String date, Model model) {
        Campuses.Campus c = campuses.byCode(code).orElseThrow(() -> new NotFoundException("campus"));
        LocalDate day = LocalDate.now(clock);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.trim());
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("errors", List.of(new InvalidInputException.FieldProblem("date", "validation.date")));
            }
        }
        if (day.isBefore(be.werkregie.shared.Validator.EARLIEST) || day.isAfter(be.werkregie.shared.Validator.LATEST)) {
            model.addAttribute("errors", List.of(new InvalidInputException.FieldProblem("date", "validation.date")));
            day = LocalDate.now(clock);
        }
        Bookings.Week w = bookings.week(c.id(), day, CurrentUser.get());
        model.addAttribute("week", w);
        model.addAttribute("gridBody", gridBody(rows(w)));
        model.addAttribute("summary", Bookings.summary(w));
        model.addAttribute("previous", w.monday().minusWeeks(1));
        model.addAttribute("next", w.monday().plusWeeks(1));
        model.addAttribute("today", LocalDate.now(clock));
        return "campus/week";
    }

    /** One cell as the page shows it: its class, its words, where it leads, the context a screen reader hears, a title. */
    record CellView(String css, String text, String href, String context, String title) {}

    record RowView(String name, String capacity, List<CellView> cells) {}

    /**
     * The grid's texts and links made once per week instead of once per cell in the template (a campus-week has some
     * 250 cells): the messages of the states, parts and dates are looked up once and joined here.
     */
    List<RowView> rows(Bookings.Week w) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.Map<String, String> states = new java.util.HashMap<>();
        for (String st : List.of("FREE", "TAKEN", "REQUESTED", "YOURS", "PAST", "DEDICATED")) {
            states.put(st, messages.getMessage("campus.state." + st, null, locale));
        }
        java.util.Map<DayPart, String> parts = new java.util.EnumMap<>(DayPart.class);
        for (DayPart p : w.parts()) {
            parts.put(p, messages.getMessage("campus.part." + p, null, locale));
        }
        java.util.Map<LocalDate, String> dates = new java.util.HashMap<>();
        for (LocalDate d : w.days()) {
            dates.put(d, be.werkregie.platform.Formats.date(d, locale));
        }
        List<RowView> out = new java.util.ArrayList<>(w.rows().size());
        for (Bookings.Row r : w.rows()) {
            List<CellView> cells = new java.util.ArrayList<>(r.cells().size());
            String spaceName = r.space().name();
            String encodedSpace = r.space().id().toString();
            for (Bookings.Cell cell : r.cells()) {
                String text = states.get(cell.state());
                String css = "cell " + cell.state().toLowerCase(java.util.Locale.ROOT);
                if (cell.state().equals("FREE")) {
                    cells.add(new CellView(css, text, "/campus/book?spaceId=" + encodedSpace + "&onDate=" + cell.day() + "&part=" + cell.part(),
                            ": " + messages.getMessage("campus.bookCell", new Object[] {spaceName, dates.get(cell.day()), parts.get(cell.part())}, locale),
                            null));
                } else {
                    cells.add(new CellView(css, text, cell.bookingId() == null ? null : "/campus/bookings/" + cell.bookingId(), null, cell.label()));
                }
            }
            out.add(new RowView(spaceName, messages.getMessage("campus.capacityShort", new Object[] {r.space().capacity()}, locale), cells));
        }
        return out;
    }

    /**
     * The grid's rows as HTML, every text escaped here: a campus-week has some 250 cells, and writing them in Java instead
     * of 250 template iterations takes most of the page's rendering time away (the benchmark measures it). The markup is
     * the same as the template's: a row header, and per cell a link (with its context for screen readers) or a text.
     */
    static String gridBody(List<RowView> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 4096);
        for (RowView r : rows) {
            b.append("<tr><th scope=\"row\"><span>").append(esc(r.name())).append("</span><br><small>").append(esc(r.capacity()))
                    .append("</small></th>");
            for (CellView c : r.cells()) {
                b.append("<td class=\"").append(esc(c.css())).append("\">");
                if (c.href() != null) {
                    b.append("<a href=\"").append(esc(c.href())).append('"');
                    if (c.title() != null) {
                        b.append(" title=\"").append(esc(c.title())).append('"');
                    }
                    b.append("><span>").append(esc(c.text())).append("</span>");
                    if (c.context() != null) {
                        b.append("<span class=\"visually-hidden\">").append(esc(c.context())).append("</span>");
                    }
                    b.append("</a>");
                } else {
                    b.append("<span>").append(esc(c.text())).append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : org.springframework.web.util.HtmlUtils.htmlEscape(s, "UTF-8");
    }

    @GetMapping("/campus/book")
    String bookForm(BookingForm form, Model model) {
        return showForm(form, model);
    }

    private String showForm(BookingForm form, Model model) {
        CurrentUser me = CurrentUser.get();
        UUID spaceId = null;
        try {
            spaceId = form.spaceId() == null ? null : UUID.fromString(form.spaceId().trim());
        } catch (IllegalArgumentException e) {
            // shown as an unknown space below
        }
        Campuses.Space space = campuses.space(spaceId).orElse(null);
        if (space == null) {
            throw new NotFoundException("space");
        }
        model.addAttribute("space", space);
        model.addAttribute("campus", campuses.campus(space.campusId()).orElseThrow());
        model.addAttribute("agreements", campuses.agreementsOf(me.organisationId()).stream()
                .filter(a -> a.campusId().equals(space.campusId())).toList());
        model.addAttribute("managedAgreements", campuses.manages(me, space.campusId())
                ? campuses.agreements(space.campusId()).stream().filter(a -> a.status() == Agreement.Status.ACTIVE).toList() : List.of());
        model.addAttribute("pes", me.worksForEmploymentService());
        model.addAttribute("form", form.values());
        model.addAttribute("parts", List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING, DayPart.DAY));
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", form.key() == null || form.key().isBlank() ? UUID.randomUUID().toString() : form.key());
        }
        return "campus/book";
    }

    @PostMapping("/campus/book")
    String book(BookingForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = CurrentUser.get();
        try {
            if (form.series()) {
                Bookings.SeriesResult s = bookings.bookSeries(form.readSeries(), "true".equals(form.skipConflicts()), form.key(), me);
                if (!s.created()) {
                    // some dates are taken: ask first, book without them on confirmation
                    model.addAttribute("conflicts", s.conflicts());
                    model.addAttribute("form", form.values());
                    model.addAttribute("space", campuses.space(form.readSeries().spaceId()).orElseThrow());
                    return "campus/series-check";
                }
                redirect.addFlashAttribute("notice", "campus.series.booked");
                return "redirect:/campus/series/" + s.seriesId();
            }
            Booking b = bookings.book(form.read(), me);
            redirect.addFlashAttribute("notice", b.status() == Booking.Status.REQUESTED ? "campus.booking.requested" : "campus.booking.confirmed");
            return "redirect:/campus/bookings/" + b.id();
        } catch (Bookings.SlotTaken e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("alternatives", e.alternatives());
            return showForm(form, model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return showForm(form, model);
        }
    }

    @GetMapping("/campus/bookings")
    String mine(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("bookings", bookings.mine(me, LocalDate.now(clock).minusWeeks(2)));
        model.addAttribute("feed", feeds.addressOf(me));
        model.addAttribute("loans", loans.mine(me, LocalDate.now(clock).minusWeeks(2)));
        return "campus/bookings";
    }

    @GetMapping("/campus/bookings/{id}")
    String booking(@PathVariable UUID id, Model model) {
        Booking b = bookings.visible(id, CurrentUser.get());
        model.addAttribute("booking", b);
        model.addAttribute("space", campuses.space(b.spaceId()).orElseThrow());
        model.addAttribute("parts", List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING, DayPart.DAY));
        model.addAttribute("mayChange", b.active() && b.invoiceId() == null && !b.onDate().isBefore(LocalDate.now(clock)));
        return "campus/booking";
    }

    @PostMapping("/campus/bookings/{id}/cancel")
    String cancel(@PathVariable UUID id, CancelForm form, Model model, RedirectAttributes redirect) {
        try {
            bookings.cancel(id, form.reason(), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.booking.cancelledNotice");
            return "redirect:/campus/bookings/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("cancelForm", form.values());
            return booking(id, model);
        }
    }

    @PostMapping("/campus/bookings/{id}/move")
    String move(@PathVariable UUID id, MoveForm form, Model model, RedirectAttributes redirect) {
        try {
            LocalDate to = form.date();
            bookings.move(id, to, DayPart.parse(form.part()), CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.booking.moved");
            return "redirect:/campus/bookings/" + id;
        } catch (Bookings.SlotTaken e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("alternatives", e.alternatives());
            model.addAttribute("moveForm", form.values());
            return booking(id, model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("moveForm", form.values());
            return booking(id, model);
        }
    }

    @GetMapping("/campus/series/{id}")
    String series(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        List<Booking> of = bookings.mine(me, LocalDate.of(2000, 1, 1)).stream().filter(b -> id.equals(b.seriesId())).toList();
        List<LocalDate> skipped = bookings.skipped(id);
        if (of.isEmpty() && skipped.isEmpty()) {
            throw new NotFoundException("series");
        }
        model.addAttribute("seriesId", id);
        model.addAttribute("bookings", of);
        model.addAttribute("skipped", skipped);
        return "campus/series";
    }

    @PostMapping("/campus/series/{id}/readd")
    String readd(@PathVariable UUID id, @RequestParam(defaultValue = "") String onDate, Model model, RedirectAttributes redirect) {
        try {
            LocalDate d;
            try {
                d = LocalDate.parse(onDate.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInputException.of("onDate", "validation.date");
            }
            Booking b = bookings.readd(id, d, CurrentUser.get());
            redirect.addFlashAttribute("notice", "campus.series.readded");
            return "redirect:/campus/bookings/" + b.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return series(id, model);
        }
    }
}
