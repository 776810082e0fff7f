package be.werkregie.guidance;

import be.werkregie.identity.CurrentUser;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.FormValues;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of guidance 2027: the public landing page, the client's choice, the mediator's assessment and the partner's trajectories. */
@Controller
class GuidancePages {

    private final Catalogue catalogue;
    private final Partners partners;
    private final Assessments assessments;
    private final Trajectories trajectories;
    private final PersonDirectory people;
    private final Assignment assignment;
    private final GuidancePayments payments;
    private final be.werkregie.identity.Organisations organisations;
    private final Clock clock;

    private final ResultVerification verification;

    GuidancePages(ResultVerification verification, Catalogue catalogue, Partners partners, Assessments assessments, Trajectories trajectories, PersonDirectory people,
                  Assignment assignment, GuidancePayments payments, be.werkregie.identity.Organisations organisations, Clock clock) {
        this.verification = verification;
        this.organisations = organisations;
        this.assignment = assignment;
        this.payments = payments;
        this.catalogue = catalogue;
        this.partners = partners;
        this.assessments = assessments;
        this.trajectories = trajectories;
        this.people = people;
        this.clock = clock;
    }

    // ---- public landing page ----

    @GetMapping("/begeleiding")
    String landing(@RequestParam Map<String, String> form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("offers", catalogue.offers());
        try {
            model.addAttribute("partners", partners.landing(new Partners.LandingQuery(form.get("offer"), form.get("language"),
                    form.get("place"), "true".equals(form.get("wheelchair")), "true".equals(form.get("freeOnly")))));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("partners", List.of());
        }
        return "guidance/landing";
    }

    // ---- citizen ----

    @GetMapping("/me/guidance")
    String mine(Model model) {
        CurrentUser me = CurrentUser.get();
        List<Assessments.Referral> referrals = assessments.referralsOf(me.personId(), me);
        model.addAttribute("assessments", assessments.ofPerson(me.personId(), me));
        model.addAttribute("referrals", referrals);
        model.addAttribute("trajectories", trajectories.ofPerson(me.personId(), me));
        model.addAttribute("offers", catalogue.offers());
        Map<UUID, List<Partners.Partner>> options = new HashMap<>();
        String home = people.get(me.personId(), me, "guidance choice").municipalityNis();
        for (Assessments.Referral r : referrals) {
            if (r.isOpen()) {
                options.put(r.id(), partners.landing(new Partners.LandingQuery(r.offerCode(), null, home, null, true)));
            }
        }
        model.addAttribute("options", options);
        return "guidance/me";
    }

    @PostMapping("/me/guidance/referrals/{id}/choice")
    String choose(@PathVariable UUID id, @RequestParam(required = false) String siteId, Model model, RedirectAttributes redirect) {
        try {
            trajectories.choose(id, FormValues.uuid(siteId, "siteId", "guidance.unknownSite"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.chosen");
            return "redirect:/me/guidance";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return mine(model);
        }
    }

    // ---- mediator ----

    @GetMapping("/guidance/mediator")
    String mediator(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("intakes", assessments.openIntakes(me));
        model.addAttribute("waiting", assessments.waiting(me));
        model.addAttribute("stops", trajectories.stopsToAcknowledge(me));
        return "guidance/mediator";
    }

    @GetMapping("/guidance/mediator/people/{id}")
    String client(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("person", people.get(id, me, "guidance assessment"));
        model.addAttribute("assessments", assessments.ofPerson(id, me));
        model.addAttribute("referrals", assessments.referralsOf(id, me));
        model.addAttribute("trajectories", trajectories.ofPerson(id, me));
        model.addAttribute("factors", Assessments.CONTEXT_FACTORS);
        model.addAttribute("products", Assessments.PRODUCTS);
        model.addAttribute("flanking", catalogue.flankingActions());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "guidance/assessment";
    }

    @PostMapping("/guidance/mediator/people/{id}/intake")
    String intake(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            assessments.startIntake(id, FormValues.date(form.get("startedOn"), "startedOn"), CurrentUser.get());
            return "redirect:/guidance/mediator/people/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return client(id, model);
        }
    }

    @PostMapping("/guidance/mediator/people/{id}/assessment")
    String assess(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "flanking", required = false) List<String> flanking, Model model, RedirectAttributes redirect) {
        try {
            Map<String, Routing.Impact> factors = new HashMap<>();
            for (String f : Assessments.CONTEXT_FACTORS) {
                String value = form.get("factor." + f);
                if (value != null && !value.isBlank()) {
                    factors.put(f, FormValues.choice(Routing.Impact.class, value, "contextFactors"));
                }
            }
            assessments.record(new Assessments.AssessmentInput(id, form.get("jobTarget"),
                    FormValues.choice(Routing.Indication.class, form.get("indication"), "indication"), factors, form.get("product"),
                    form.get("overrideReason"), flanking, form.get("notes"), form.get("requestKey")), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.assessed");
            return "redirect:/guidance/mediator/people/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("form", form);
            return client(id, model);
        }
    }

    @PostMapping("/guidance/mediator/trajectories/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            trajectories.acknowledgeStop(id, form.get("nextStep"), CurrentUser.get());
            redirect.addFlashAttribute("notice", "guidance.acknowledged");
            return "redirect:/guidance/mediator";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return mediator(model);
        }
    }

    // ---- employment service administration ----

    @GetMapping("/guidance/admin")
    String admin(Model model) {
        model.addAttribute("applications", partners.contracts("APPLIED"));
        model.addAttribute("contracts", partners.contracts("ACTIVE"));
        model.addAttribute("partnerOrgs", organisations.ofKind(be.werkregie.identity.OrganisationKind.PARTNER));
        model.addAttribute("concessionOffers", catalogue.offers().stream().filter(o -> o.contractForm().equals("CONCESSION")).toList());
        model.addAttribute("runs", assignment.runs());
        model.addAttribute("paymentRuns", payments.runs());
        model.addAttribute("kpis", payments.kpis());
        model.addAttribute("resultsToVerify", verification.pending(CurrentUser.get()));
        model.addAttribute("runKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        return "guidance/admin";
    }

    @PostMapping("/guidance/admin/contracts/{id}/admission")
    String admit(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> partners.decideAdmission(id, "true".equals(form.get("contentOk")),
                "true".equals(form.get("qualityOk")), form.get("note"), CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/concessions")
    String concession(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> partners.awardConcession(FormValues.uuid(form.get("partnerId"), "partnerId",
                "validation.organisation.unknown"), form.get("offerCode"), FormValues.date(form.get("validFrom"), "validFrom"),
                CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/assignment-runs")
    String assign(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> assignment.run(form.get("runKey"), true, CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/payment-runs")
    String pay(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> payments.run(FormValues.date(form.get("until"), "until"), form.get("runKey"), CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/results/{id}/decision")
    String decideResult(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, () -> verification.decideProof(id, FormValues.bool(form.get("approve")), form.get("reason"),
                CurrentUser.get()));
    }

    @PostMapping("/guidance/admin/results/verify")
    String verifyResults(Model model, RedirectAttributes redirect) {
        return adminAction(model, redirect, verification::verifyPending);
    }

    @GetMapping("/guidance/admin/results/{id}/proof")
    org.springframework.http.ResponseEntity<byte[]> resultProofFile(@PathVariable UUID id) {
        Object[] p = verification.proof(id, CurrentUser.get()).orElseThrow(() -> new be.werkregie.shared.NotFoundException("proof"));
        byte[] bytes = (byte[]) p[1];
        String type = be.werkregie.shared.EvidenceFiles.mediaType(bytes);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(type == null ? "application/octet-stream" : type))
                .header("Content-Disposition", "attachment; filename=\"proof-" + id + "\"")
                .header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    private String adminAction(Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "guidance.saved");
            return "redirect:/guidance/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return admin(model);
        }
    }

    // ---- partner ----

    @GetMapping("/partner/trajectories")
    String partnerList(Model model) {
        model.addAttribute("trajectories", trajectories.ofPartner(CurrentUser.get(), null));
        return "guidance/partner-list";
    }

    @GetMapping("/partner/trajectories/{id}")
    String partnerTrajectory(@PathVariable UUID id, Model model) {
        CurrentUser me = CurrentUser.get();
        partners.ownPartner(me);
        Trajectories.Trajectory t = trajectories.get(id, me);
        model.addAttribute("t", t);
        model.addAttribute("actions", trajectories.actions(id, me));
        model.addAttribute("kinds", catalogue.actionKinds());
        model.addAttribute("flanking", catalogue.flankingActions().stream().filter(f -> f.combinableWith().contains(t.offerCode())
                && !t.flanking().contains(f.code())).toList());
        model.addAttribute("contractTypes", Trajectories.CONTRACT_TYPES);
        String resultStatus = t.endedWithWork() ? verification.status(id).orElse(null) : null;
        model.addAttribute("resultStatus", resultStatus);
        model.addAttribute("fee", "VERIFIED".equals(resultStatus) ? trajectories.resultFeeForPartner(id, me) : null);
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        return "guidance/partner-trajectory";
    }

    @PostMapping("/partner/trajectories/{id}/actions")
    String action(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "evidence", required = false) MultipartFile evidence, Model model, RedirectAttributes redirect)
            throws IOException {
        return partnerAction(id, model, redirect, () -> trajectories.registerAction(id, form.get("kind"),
                FormValues.date(form.get("occurredOn"), "occurredOn"), form.get("note"),
                evidence == null || evidence.isEmpty() ? null : evidence.getOriginalFilename(),
                evidence == null || evidence.isEmpty() ? null : bytes(evidence), form.get("key"), CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/flanking")
    String flanking(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> trajectories.addFlanking(id, form.get("code"), form.get("motivation"),
                CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/stop")
    String stop(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> trajectories.stop(id, form.get("motivation"), form.get("contactName"),
                form.get("contactDetails"), CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/result-proof")
    String resultProof(@PathVariable UUID id, @RequestParam(name = "proof", required = false) MultipartFile proof, Model model,
                       RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> verification.submitProof(id,
                proof == null || proof.isEmpty() ? null : proof.getOriginalFilename(),
                proof == null || proof.isEmpty() ? null : bytes(proof), CurrentUser.get()));
    }

    @PostMapping("/partner/trajectories/{id}/outcome")
    String outcome(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return partnerAction(id, model, redirect, () -> trajectories.outcome(id, form.get("outcome"),
                FormValues.date(form.get("workStart"), "workStart"), form.get("contractType"), CurrentUser.get()));
    }

    private String partnerAction(UUID id, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "guidance.saved");
            return "redirect:/partner/trajectories/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return partnerTrajectory(id, model);
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.of("evidence", "guidance.evidenceInvalid");
        }
    }

}
