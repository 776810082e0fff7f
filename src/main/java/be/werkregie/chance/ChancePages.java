package be.werkregie.chance;

import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Role;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The pages of the model's runners and auditors (analysts, administrators): the versions and their life cycle, the
 * groups and what a boundary change would do, the audit report of a version (HTML, PDF) with its raw data (CSV), and
 * the explanation of one client's score. No other role reaches them (ChanceSecurity, and the services check again).
 */
@Controller
class ChancePages {

    private final ChanceModels models;
    private final ChanceScoring scoring;
    private final ChanceAudit audit;
    private final ChancePolicies policies;
    private final ChanceExplanations explanations;
    private final org.thymeleaf.spring6.SpringTemplateEngine templates;
    private final Clock clock;

    ChancePages(ChanceModels models, ChanceScoring scoring, ChanceAudit audit, ChancePolicies policies, ChanceExplanations explanations,
                org.thymeleaf.spring6.SpringTemplateEngine templates, Clock clock) {
        this.models = models;
        this.scoring = scoring;
        this.audit = audit;
        this.policies = policies;
        this.explanations = explanations;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/chance")
    String index(@RequestParam Map<String, String> query, Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("versions", models.versions(me));
        model.addAttribute("myName", me.username());
        model.addAttribute("mayActivate", me.has(Role.ADMINISTRATOR));
        model.addAttribute("lastRun", scoring.lastRun().orElse(null));
        Map<String, BigDecimal> current = policies.boundariesOn(LocalDate.now(clock));
        model.addAttribute("boundaries", current);
        Map<String, Long> counts = scoring.countsUnder(current);
        model.addAttribute("counts", counts);
        Map<String, BigDecimal> fees = policies.feesOn(LocalDate.now(clock));
        Map<String, be.werkregie.shared.Money> feeLabels = new LinkedHashMap<>();
        fees.forEach((g, f) -> feeLabels.put(g, be.werkregie.shared.Money.euros(f.toPlainString())));
        model.addAttribute("fees", feeLabels);
        model.addAttribute("atStake", atStake(counts, fees));
        // "what if": other boundaries typed in, each between 0 and 1 and in descending order
        Map<String, BigDecimal> other = new LinkedHashMap<>();
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        BigDecimal previous = BigDecimal.ONE;
        boolean asked = false;
        for (String g : current.keySet()) {
            String typed = query.get("boundary" + g);
            if (typed == null || typed.isBlank()) {
                other.put(g, current.get(g));
                continue;
            }
            asked = true;
            try {
                BigDecimal b = new BigDecimal(typed.trim().replace(',', '.'));
                if (b.signum() < 0 || b.compareTo(previous) > 0) {
                    problems.add(new InvalidInputException.FieldProblem("boundary" + g, "chance.boundary.order"));
                } else {
                    other.put(g, b);
                    previous = b;
                }
            } catch (NumberFormatException e) {
                problems.add(new InvalidInputException.FieldProblem("boundary" + g, "validation.number"));
            }
        }
        model.addAttribute("whatIf", asked && problems.isEmpty() ? other : null);
        Map<String, Long> whatIfCounts = asked && problems.isEmpty() ? scoring.countsUnder(other) : null;
        model.addAttribute("whatIfCounts", whatIfCounts);
        model.addAttribute("whatIfAtStake", whatIfCounts == null ? null : atStake(whatIfCounts, fees));
        model.addAttribute("form", query);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
        }
        return "chance/index";
    }

    /** The result fees if every scored client found work: what a boundary move does to the money at stake. */
    static be.werkregie.shared.Money atStake(Map<String, Long> counts, Map<String, BigDecimal> fees) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            total = total.add(fees.getOrDefault(c.getKey(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(c.getValue())));
        }
        return be.werkregie.shared.Money.euros(total.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @PostMapping("/chance/versions")
    String train(RedirectAttributes redirect, Model model) {
        try {
            ChanceModels.Version v = models.train(CurrentUser.get());
            redirect.addFlashAttribute("notice", "chance.trained");
            return "redirect:/chance/versions/" + v.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return index(Map.of(), model);
        }
    }

    @PostMapping("/chance/versions/{id}/approval")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(id, redirect, "chance.approved", () -> models.approve(id, note, CurrentUser.get()));
    }

    @PostMapping("/chance/versions/{id}/rejection")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(id, redirect, "chance.rejected", () -> models.reject(id, note, CurrentUser.get()));
    }

    @PostMapping("/chance/versions/{id}/activation")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        return decide(id, redirect, "chance.activated", () -> models.activate(id, CurrentUser.get()));
    }

    private String decide(UUID id, RedirectAttributes redirect, String notice, Runnable move) {
        try {
            move.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/chance/versions/" + id;
    }

    @GetMapping("/chance/versions/{id}")
    String version(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        ChanceAudit.Report report = audit.report(id, me);
        model.addAttribute("r", report);
        model.addAttribute("v", report.version());
        model.addAttribute("myName", me.username());
        model.addAttribute("mayActivate", me.has(Role.ADMINISTRATOR));
        model.addAttribute("charts", new ChanceCharts());
        return "chance/version";
    }

    @GetMapping(value = "/chance/versions/{id}/audit.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
        ChanceAudit.Report report = audit.report(id, CurrentUser.get());
        org.thymeleaf.context.Context c = new org.thymeleaf.context.Context(locale);
        c.setVariable("r", report);
        c.setVariable("v", report.version());
        c.setVariable("charts", new ChanceCharts());
        byte[] pdf = be.werkregie.shared.Pdf.fromHtml(templates.process("chance/audit-pdf", c));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kow-audit-" + report.version().label() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    /** The audit's raw data: one line per spell of the validation and test periods, pseudonymised. */
    @GetMapping(value = "/chance/versions/{id}/audit.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        ChanceModels.Version v = models.version(id, CurrentUser.get());
        StringBuilder out = new StringBuilder("pseudonym,split,started_on,score,worked,sex,origin,age_band,disability,education,province\n");
        for (ChanceAudit.Row r : audit.rows(id, null)) {
            out.append(r.pseudonym()).append(',').append(r.split()).append(',').append(r.startedOn()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.score())).append(',').append(r.worked() ? 1 : 0);
            for (String a : ChanceAudit.ATTRIBUTES) {
                out.append(',').append(r.groups().get(a));
            }
            out.append('\n');
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kow-audit-" + v.label() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/chance/explanation")
    String explanation(@RequestParam(defaultValue = "") String person, Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("person", person);
        if (!person.isBlank()) {
            try {
                UUID id;
                try {
                    id = UUID.fromString(person.trim());
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("person", "chance.explanation.personId");
                }
                model.addAttribute("explanation", explanations.explain(id, me));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.problems());
            } catch (NotFoundException e) {
                model.addAttribute("errors", List.of(new InvalidInputException.FieldProblem("person", "chance.explanation.none")));
            }
        }
        return "chance/explanation";
    }
}
