package be.werkregie.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.werkregie.IntegrationTest;
import be.werkregie.employment.EmploymentRecords;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guidance 2027 end to end on PostgreSQL: assessment and routing, choice, trajectory with actions and outputs, stop with
 * a warm handover, outcome with the result fee, payment run, the assignment run; bad input; the two information barriers.
 */
@IntegrationTest
@AutoConfigureMockMvc
class GuidanceIntegrationTest {

    @Autowired java.time.Clock clock;
    @Autowired ResultVerification verification;
    @Autowired be.werkregie.employment.EmploymentRecords records;

    @Autowired Assessments assessments;
    @Autowired Trajectories trajectories;
    @Autowired Partners partners;
    @Autowired Assignment assignment;
    @Autowired GuidancePayments payments;
    @Autowired Users users;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;
    @Autowired be.werkregie.chance.KowGroups kow;
    @Autowired MockMvc mvc;

    CurrentUser mediator() {
        return users.find("mediator").orElseThrow();
    }

    CurrentUser partner() {
        return users.find("partner").orElseThrow();
    }

    /** A person with no guidance yet, and a KOW group (recorded as the administrator would). */
    UUID freshClient(String group) {
        UUID id = jdbc.sql("""
                select p.id from person p where p.persona is null and p.language = 'nl' and not exists (select 1 from gd_referral r where r.person_id = p.id)
                and not exists (select 1 from gd_intake i where i.person_id = p.id) order by p.id limit 1""")
                .query(UUID.class).single();
        kow.record(id, group, "test", users.find("admin").orElseThrow());
        return id;
    }

    String problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
        }
        throw new AssertionError("expected invalid input");
    }

    UUID demoPartnerSite() {
        return jdbc.sql("select s.id from gd_site s where s.partner_id = ? order by s.name limit 1").param(partner().organisationId())
                .query(UUID.class).single();
    }

    @Test
    void assessmentChoiceTrajectoryOutputsStopAndOutcome() throws Exception {
        CurrentUser mediator = mediator();
        CurrentUser partner = partner();
        UUID client = freshClient("D");
        assessments.startIntake(client, LocalDate.now(clock).minusMonths(2), mediator);

        // bad input changes nothing
        long before = jdbc.sql("select count(*) from gd_assessment").query(Long.class).single();
        assertThat(problem(() -> assessments.record(new Assessments.AssessmentInput(UUID.randomUUID(), "Lasser",
                Routing.Indication.NONE, Map.of(), "BASIC", null, List.of(), null, "k-" + UUID.randomUUID()), mediator)))
                .isEqualTo("personId:guidance.unknownClient");
        assertThat(problem(() -> assessments.record(new Assessments.AssessmentInput(client, "Lasser", Routing.Indication.PMAH,
                Map.of(), "SPECIALISED", null, List.of("PMAB_EXPERTISE"), null, "k-" + UUID.randomUUID()), mediator)))
                .isEqualTo("flanking:guidance.notCombinable");
        assertThat(problem(() -> assessments.record(new Assessments.AssessmentInput(client, "Lasser", Routing.Indication.NONE,
                Map.of("HEALTH", Routing.Impact.LARGE), "BASIC", " ", List.of(), null, "k-" + UUID.randomUUID()), mediator)))
                .isEqualTo("overrideReason:validation.required");
        assertThat(jdbc.sql("select count(*) from gd_assessment").query(Long.class).single()).isEqualTo(before);

        // routing proposes basic; the mediator confirms, with language coaching; idempotent on the key
        String key = "assess-" + client;
        Assessments.Assessment a = assessments.record(new Assessments.AssessmentInput(client, "Magazijnmedewerker",
                Routing.Indication.NONE, Map.of("MOBILITY", Routing.Impact.LIMITED), "BASIC", null, List.of("LANGUAGE_COACHING"),
                "Wil snel aan de slag.", key), mediator);
        assertThat(assessments.record(new Assessments.AssessmentInput(client, "Magazijnmedewerker",
                Routing.Indication.NONE, Map.of("MOBILITY", Routing.Impact.LIMITED), "BASIC", null, List.of("LANGUAGE_COACHING"),
                "Wil snel aan de slag.", key), mediator).id()).as("a retry gets the same assessment").isEqualTo(a.id());
        // the same key with other content is a mistake, not a retry: refused, nothing changes
        assertThatThrownBy(() -> assessments.record(new Assessments.AssessmentInput(client, "x", Routing.Indication.NONE, Map.of(),
                "BASIC", null, List.of(), null, key), mediator)).isInstanceOf(be.werkregie.shared.ConflictException.class);
        assertThat(a.proposedProduct()).isEqualTo("BASIC");
        assertThat(a.leadTimeDays()).isBetween(58L, 62L);
        assertThat(a.explanation()).contains("Basisaanbod").contains("Taalcoaching");
        Assessments.Referral r = assessments.referralsOf(client, mediator).get(0);
        assertThat(r.status().name()).isEqualTo("WAITING");
        assertThat(r.chooseBy()).isEqualTo(LocalDate.now(clock).plusDays(14));
        assertThat(problem(() -> assessments.record(new Assessments.AssessmentInput(client, "x", Routing.Indication.NONE, Map.of(),
                "BASIC", null, List.of(), null, "other-" + client), mediator))).isEqualTo("personId:guidance.alreadyInGuidance");

        // choice: a site without a contract for the product or without capacity is refused
        UUID specialisedSite = jdbc.sql("select site_id from gd_site_capacity where offer_code = 'SPECIALISED' limit 1").query(UUID.class).single();
        assertThat(problem(() -> trajectories.choose(r.id(), specialisedSite, mediator))).isEqualTo("siteId:guidance.noContract");
        UUID site = demoPartnerSite();
        int capacity = jdbc.sql("select capacity from gd_site_capacity where site_id = ?").param(site).query(Integer.class).single();
        jdbc.sql("update gd_site_capacity set capacity = 0 where site_id = ?").param(site).update();
        assertThat(problem(() -> trajectories.choose(r.id(), site, mediator))).isEqualTo("siteId:guidance.noCapacity");
        jdbc.sql("update gd_site_capacity set capacity = ? where site_id = ?").params(capacity, site).update();
        Trajectories.Trajectory t = trajectories.choose(r.id(), site, mediator);
        assertThat(t.status().name()).isEqualTo("ACTIVE");
        assertThat(t.goalDate()).isEqualTo(LocalDate.now(clock).plusMonths(6));
        assertThat(t.flanking()).containsExactly("LANGUAGE_COACHING");
        // the same choice again (a double click, a retry) is the same answer; another choice is refused
        assertThat(trajectories.choose(r.id(), site, mediator).id()).isEqualTo(t.id());
        assertThat(problem(() -> trajectories.choose(r.id(), UUID.randomUUID(), mediator))).isEqualTo("referralId:guidance.notWaiting");
        // the partner now sees the client (legal basis: the trajectory), another partner does not
        assertThat(people.maySee(partner, client)).isTrue();
        CurrentUser otherPartner = users.find("partnermanager").orElseThrow();
        assertThatThrownBy(() -> trajectories.get(t.id(), otherPartner)).isInstanceOf(NotFoundException.class);

        // actions: a formal output needs evidence; retry is idempotent; the output is payable
        assertThat(problem(() -> trajectories.registerAction(t.id(), "INTAKE", LocalDate.now(clock), "start", null, null, "a1", partner)))
                .isEqualTo("evidence:guidance.evidenceNeeded");
        assertThat(trajectories.actions(t.id(), partner)).isEmpty(); // the refused output stored nothing
        UUID action = trajectories.registerAction(t.id(), "INTAKE", LocalDate.now(clock), "start", "intake.pdf", "%PDF".getBytes(), "a1", partner);
        assertThat(trajectories.registerAction(t.id(), "INTAKE", LocalDate.now(clock), "start", "intake.pdf", "%PDF".getBytes(), "a1", partner))
                .isEqualTo(action);
        trajectories.registerAction(t.id(), "APPLICATION_ASSIGNMENT", LocalDate.now(clock), "3 vacatures", null, null, "a2", partner);
        assertThat(trajectories.actions(t.id(), partner)).hasSize(2).filteredOn(Trajectories.Action::formalOutput).singleElement()
                .satisfies(x -> assertThat(x.amount().amount()).isEqualByComparingTo("150.00"));
        assertThat(problem(() -> trajectories.addFlanking(t.id(), "LANGUAGE_COACHING", "nodig", partner)))
                .isEqualTo("code:guidance.flankingPresent");
        assertThat(trajectories.addFlanking(t.id(), "WORKPLACE_LEARNING", "Stage bij een werkgever.", partner).flanking())
                .containsExactly("LANGUAGE_COACHING", "WORKPLACE_LEARNING");

        // information barrier: no result fee before a successful end
        assertThatThrownBy(() -> trajectories.resultFeeForPartner(t.id(), partner)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/partner/trajectories/" + t.id() + "/result-fee").with(httpBasic("partner", "werkregie")))
                .andExpect(status().isNotFound());

        // outcome: work found is a claim. A start far in the future is refused; the fee is payable only once verified.
        assertThat(problem(() -> trajectories.outcome(t.id(), "WORK_FOUND", null, "PERMANENT", partner))).isEqualTo("workStart:validation.date");
        assertThat(problem(() -> trajectories.outcome(t.id(), "WORK_FOUND", LocalDate.of(2099, 12, 31), "PERMANENT", partner)))
                .isEqualTo("workStart:guidance.workStartTooFar");
        // the trajectory started two months ago and the client started work 40 days ago (moved back in the database)
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update gd_trajectory set started_on = ?, goal_date = ? where id = ?")
                .params(today.minusDays(60), today.minusDays(60).plusMonths(6), t.id()).update();
        jdbc.sql("update gd_action set occurred_on = ? where trajectory_id = ?").params(today.minusDays(59), t.id()).update();
        LocalDate workStart = today.minusDays(40);
        trajectories.outcome(t.id(), "WORK_FOUND", workStart, "PERMANENT", partner);
        assertThat(verification.status(t.id())).contains("CLAIMED");
        mvc.perform(get("/api/partner/trajectories/" + t.id() + "/result-fee").with(httpBasic("partner", "werkregie")))
                .andExpect(status().isNotFound());
        assertThat(problem(() -> trajectories.outcome(t.id(), "ENDED", null, null, partner))).isEqualTo("trajectoryId:guidance.alreadyEnded");

        // a run before verification pays the output, never the claimed result
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID run = payments.run(today, "pay-" + t.id(), admin);
        assertThat(payments.run(today, "pay-" + t.id(), admin)).isEqualTo(run);
        List<GuidancePayments.Line> lines = payments.statement(run, partner.organisationId(), partner);
        assertThat(lines).extracting(l -> l.amount().amount()).contains(new BigDecimal("150.00")).doesNotContain(new BigDecimal("3000.00"));

        // the employment records show 12 days only: still a claim; then the declaration of the whole period: verified
        UUID person = t.personId();
        records.record(new EmploymentRecords.Declaration(person, "Magazijn Noord", null, workStart, workStart.plusDays(11), "EMPLOYEE",
                "DIMONA", "test-short-" + t.id()));
        assertThat(verification.verify(t.id())).isFalse();
        records.record(new EmploymentRecords.Declaration(person, "Magazijn Noord", null, workStart.plusDays(12), null, "EMPLOYEE",
                "DIMONA", "test-long-" + t.id()));
        assertThat(verification.verifyPending()).isGreaterThanOrEqualTo(1);
        assertThat(verification.status(t.id())).contains("VERIFIED");
        String fee = mvc.perform(get("/api/partner/trajectories/" + t.id() + "/result-fee").with(httpBasic("partner", "werkregie")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fee).contains("3000.00");

        UUID second = payments.run(today, "pay-again-" + t.id(), admin);
        List<GuidancePayments.Line> paid = payments.statement(second, partner.organisationId(), partner);
        assertThat(paid).extracting(l -> l.amount().amount()).containsExactly(new BigDecimal("3000.00"));
        assertThat(payments.csv(paid)).contains("RESULT_FEE").contains("3000.00");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(payments.pdf("Trajectum", paid))) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        }
        UUID third = payments.run(today, "pay-third-" + t.id(), admin);
        assertThat(payments.statement(third, partner.organisationId(), partner)).noneMatch(l -> l.reference().startsWith("work"));
        assertThatThrownBy(() -> payments.statement(run, partner.organisationId(), otherPartner)).isInstanceOf(NotFoundException.class);
    }

    /**
     * The client changes the chosen partner within the choice period while nothing is registered (the trajectory moves,
     * the same change again is the same answer), not after the partner registered a step, nor after the period; the
     * partner cancels an unpaid action with a reason (then may register it again), a payment run leaves it out, and a
     * paid one can no longer be cancelled.
     */
    @Test
    void aChoiceChangesWithinThePeriodAndUnpaidActionsCanBeCancelled() {
        CurrentUser mediator = mediator();
        CurrentUser partner = partner();
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID client = freshClient("B");
        assessments.record(new Assessments.AssessmentInput(client, "Magazijnier", Routing.Indication.NONE, Map.of(), "BASIC",
                null, List.of(), null, "change-" + client), mediator);
        Assessments.Referral r = assessments.referralsOf(client, mediator).get(0);
        // another partner's site with room for the basic offer
        UUID other = jdbc.sql("""
                select s.id from gd_site s join gd_site_capacity c on c.site_id = s.id and c.offer_code = 'BASIC'
                join gd_contract k on k.partner_id = s.partner_id and k.offer_code = 'BASIC' and k.status = 'ACTIVE'
                  and k.valid_from <= ? and k.valid_until >= ?
                where s.partner_id <> ? and c.capacity > (select count(*) from gd_trajectory t where t.site_id = s.id and t.status = 'ACTIVE')
                order by s.id limit 1""").params(LocalDate.now(clock), LocalDate.now(clock), partner.organisationId())
                .query(UUID.class).single();
        Trajectories.Trajectory t = trajectories.choose(r.id(), other, mediator);
        assertThat(trajectories.canChangeChoice(t)).isTrue();
        Trajectories.Trajectory moved = trajectories.changeChoice(r.id(), demoPartnerSite(), mediator);
        assertThat(moved.id()).isEqualTo(t.id());
        assertThat(moved.partnerId()).isEqualTo(partner.organisationId());
        assertThat(moved.startedOn()).isEqualTo(t.startedOn());
        assertThat(trajectories.changeChoice(r.id(), demoPartnerSite(), mediator).siteId()).isEqualTo(moved.siteId());
        assertThat(jdbc.sql("select count(*) from gd_choice_change where referral_id = ?").param(r.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(assessments.referral(r.id()).orElseThrow().siteId()).isEqualTo(moved.siteId());
        // the trajectory is now in the new partner's caseload
        assertThat(trajectories.get(t.id(), partner).partnerId()).isEqualTo(partner.organisationId());

        // once the partner registered a step, the client can no longer change
        byte[] pdf = ("%PDF-1.4 " + UUID.randomUUID()).getBytes();
        UUID intake = trajectories.registerAction(t.id(), "INTAKE", LocalDate.now(clock), "start", "intake.pdf", pdf, "c1-" + t.id(), partner);
        assertThat(trajectories.canChangeChoice(trajectories.get(t.id(), partner))).isFalse();
        assertThat(problem(() -> trajectories.changeChoice(r.id(), other, mediator))).isEqualTo("referralId:guidance.alreadyStarted");

        // the partner cancels the output: a reason is needed; cancelled, it is not paid and may be registered again
        assertThat(problem(() -> trajectories.cancelAction(t.id(), intake, " ", partner))).isEqualTo("reason:validation.required");
        trajectories.cancelAction(t.id(), intake, "Verkeerde datum", partner);
        trajectories.cancelAction(t.id(), intake, "Verkeerde datum", partner); // the same again: the same answer
        assertThat(trajectories.actions(t.id(), partner)).singleElement().satisfies(a -> {
            assertThat(a.cancelled()).isTrue();
            assertThat(a.cancelReason()).isEqualTo("Verkeerde datum");
            assertThat(a.cancellable()).isFalse();
        });
        UUID again = trajectories.registerAction(t.id(), "INTAKE", LocalDate.now(clock), "start (juiste datum)", "intake.pdf", pdf,
                "c2-" + t.id(), partner);
        UUID run = payments.run(LocalDate.now(clock), "pay-change-" + t.id(), admin);
        assertThat(jdbc.sql("select count(*) from gd_action where trajectory_id = ? and payment_run_id = ?").params(t.id(), run)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select payment_run_id from gd_action where id = ?").param(intake).query(UUID.class).optional())
                .isEmpty();
        assertThat(problem(() -> trajectories.cancelAction(t.id(), again, "te laat", partner))).isEqualTo("actionId:guidance.actionPaid");
        assertThatThrownBy(() -> trajectories.cancelAction(t.id(), again, "x", users.find("partnermanager").orElseThrow()))
                .isInstanceOf(NotFoundException.class);

        // after the choice period nobody changes it any more
        UUID client2 = freshClient("B");
        assessments.record(new Assessments.AssessmentInput(client2, "Magazijnier", Routing.Indication.NONE, Map.of(), "BASIC",
                null, List.of(), null, "change2-" + client2), mediator);
        Assessments.Referral r2 = assessments.referralsOf(client2, mediator).get(0);
        trajectories.choose(r2.id(), other, mediator);
        jdbc.sql("update gd_referral set choose_by = ? where id = ?").params(LocalDate.now(clock).minusDays(1), r2.id()).update();
        assertThat(problem(() -> trajectories.changeChoice(r2.id(), demoPartnerSite(), mediator)))
                .isEqualTo("referralId:guidance.choicePeriodOver");
    }

    @Test
    void stopWithMotivationIsAWarmHandoverTheMediatorAcknowledges() {
        CurrentUser mediator = mediator();
        CurrentUser partner = partner();
        UUID client = freshClient("B");
        assessments.record(new Assessments.AssessmentInput(client, "Kassamedewerker", Routing.Indication.NONE, Map.of(), "BASIC",
                null, List.of(), null, "stop-" + client), mediator);
        Assessments.Referral r = assessments.referralsOf(client, mediator).get(0);
        Trajectories.Trajectory t = trajectories.choose(r.id(), demoPartnerSite(), mediator);
        assertThat(problem(() -> trajectories.stop(t.id(), " ", "Koen", "09 123 45 67", partner))).isEqualTo("motivation:validation.required");
        Trajectories.Trajectory stopped = trajectories.stop(t.id(), "Eerst schuldhulp nodig.", "Koen Janssens", "09 123 45 67", partner);
        assertThat(stopped.status().name()).isEqualTo("STOPPED");
        assertThat(stopped.handoverId()).isNotNull();
        assertThat(problem(() -> trajectories.stop(t.id(), "nog eens", "Koen", "09", partner))).isEqualTo("trajectoryId:guidance.alreadyEnded");
        assertThat(trajectories.stopsToAcknowledge(mediator)).extracting(Trajectories.Trajectory::id).contains(t.id());
        assertThat(problem(() -> trajectories.acknowledgeStop(t.id(), " ", mediator))).isEqualTo("nextStep:validation.required");
        Trajectories.Trajectory ack = trajectories.acknowledgeStop(t.id(), "Afspraak met schuldhulp; daarna opnieuw inschatten.", mediator);
        assertThat(ack.handoverAcknowledgedOn()).isEqualTo(LocalDate.now(clock));
        assertThat(problem(() -> trajectories.acknowledgeStop(t.id(), "x", mediator))).isEqualTo("trajectoryId:guidance.nothingToAcknowledge");
        // the handover is in the dossier, visible to the mediator
        assertThat(jdbc.sql("select count(*) from handover where id = ? and acknowledged_at is not null").param(stopped.handoverId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void assignmentRunPlacesWaitingClientsWithinCapacityAndIsIdempotent() {
        CurrentUser admin = users.find("admin").orElseThrow();
        long waiting = jdbc.sql("select count(*) from gd_referral where status in ('WAITING','UNPLACED') and choose_by < ?")
                .param(LocalDate.now(clock)).query(Long.class).single();
        assertThat(waiting).isPositive();
        Assignment.Run run = assignment.run("run-" + UUID.randomUUID(), true, admin);
        assertThat(run.clients()).isEqualTo((int) waiting);
        assertThat(run.assigned() + run.unplaced()).isEqualTo(run.clients());
        assertThat(run.totalKm()).isLessThanOrEqualTo(run.greedyKm());
        assertThat(assignment.run(run.runKey(), true, admin).id()).isEqualTo(run.id());
        // capacity never exceeded
        assertThat(jdbc.sql("""
                select count(*) from gd_site_capacity c where c.capacity < (select count(*) from gd_trajectory t
                  where t.site_id = c.site_id and t.offer_code = c.offer_code and t.status = 'ACTIVE')""").query(Long.class).single())
                .isZero();
        // every partner that received clients gets one e-mail for the run (sent after the commit)
        if (run.assigned() > 0) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select count(*) from organisation_mail where idempotency_key like ?").param("guidance-assigned-partner:" + run.id() + ":%")
                    .query(Long.class).single() > 0);
        }
        // every assigned client has a trajectory and an explanation
        assertThat(jdbc.sql("""
                select count(*) from gd_referral r where r.assignment_run = ? and r.status = 'ASSIGNED'
                  and (r.explanation is null or not exists (select 1 from gd_trajectory t where t.referral_id = r.id))""")
                .param(run.id()).query(Long.class).single()).isZero();
    }

    @Test
    void informationBarriersMediatorsNeverSeeTheKowGroup() throws Exception {
        UUID bernard = people.idOfPersona("bernard").orElseThrow();
        for (String path : List.of("/api/mediation/people/" + bernard + "/guidance", "/api/mediation/waiting", "/api/mediation/stops",
                "/api/mediation/intakes")) {
            String body = mvc.perform(get(path).with(httpBasic("mediator", "werkregie"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(body.toLowerCase()).doesNotContain("kow").doesNotContain("group").doesNotContain("score");
        }
        String page = mvc.perform(get("/guidance/mediator/people/" + bernard).with(user(mediator()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page.toLowerCase()).doesNotContain("kans op werk").doesNotContain("kow");
        // the KOW group can be recorded by an administrator only, and never read back through the API
        mvc.perform(post("/api/guidance-admin/people/" + bernard + "/kow-group").with(httpBasic("mediator", "werkregie"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"group\":\"A\",\"modelVersion\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/guidance-admin/people/" + bernard + "/kow-group").with(httpBasic("admin", "werkregie"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"group\":\"Z\",\"modelVersion\":\"x\"}")).andExpect(status().isUnprocessableEntity());
        // a partner does not see a fee for an active trajectory
        UUID active = jdbc.sql("select id from gd_trajectory where person_id = ? and status = 'ACTIVE'").param(bernard).query(UUID.class).single();
        mvc.perform(get("/api/partner/trajectories/" + active + "/result-fee").with(httpBasic("partner", "werkregie")))
                .andExpect(status().isNotFound());
        String view = mvc.perform(get("/api/partner/trajectories/" + active).with(httpBasic("partner", "werkregie")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // ids are random hex and may spell "fee": they are left out of the check
        String withoutIds = view.toLowerCase().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
        assertThat(withoutIds).doesNotContain("kow").doesNotContain("fee").doesNotContain("3000");
    }

    /**
     * Followed trajectories (started 8 months ago, ended) of synthetic clients: 16 with a chance of 0.5 at the start of
     * whom 10 worked, 16 with 0.3 of whom 6 worked, per the employment records; one more worked 10 days only, one found a
     * job after the six months (neither counts), and none is counted on the partner's word.
     */
    void followedTrajectories(UUID partnerId, UUID site, String tag) {
        LocalDate started = LocalDate.now(clock).minusMonths(8);
        for (int i = 0; i < 32; i++) {
            UUID person = UUID.nameUUIDFromBytes((tag + "-client-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            UUID id = UUID.randomUUID();
            boolean high = i < 16;
            boolean worked = high ? i < 10 : i < 22;
            jdbc.sql("""
                    insert into gd_trajectory (id, referral_id, person_id, partner_id, site_id, offer_code, started_on, goal_date, status,
                      ended_on, work_start, kow_group, kow_score, kow_version, kow_scored_on)
                    values (?,?,?,?,?,'BASIC',?,?,?,?,?,?,?,'KOW-1',?)""")
                    .params(id, UUID.randomUUID(), person, partnerId, site, started, started.plusMonths(6),
                            i == 30 ? "WORK_FOUND" : "ENDED", started.plusMonths(5), i == 30 ? started.plusMonths(5) : null,
                            high ? "B" : "C", high ? new BigDecimal("0.50000") : new BigDecimal("0.30000"), started)
                    .update();
            if (worked) {
                records.record(new EmploymentRecords.Declaration(person, "Werkgever", null, started.plusDays(30), started.plusDays(90),
                        "EMPLOYEE", "TEST", tag + "-" + i));
            } else if (i == 28) {
                records.record(new EmploymentRecords.Declaration(person, "Werkgever", null, started.plusDays(30), started.plusDays(39),
                        "TEMPORARY_AGENCY", "TEST", tag + "-" + i));
            } else if (i == 29) {
                records.record(new EmploymentRecords.Declaration(person, "Werkgever", null, started.plusMonths(6).plusDays(5), null,
                        "EMPLOYEE", "TEST", tag + "-" + i));
            }
        }
        partners.forgetOutflow();
    }

    @Test
    void outflowIsComparedWithWhatTheKowScoresAtTheStartExpected() throws Exception {
        // a partner of its own, so the figures are exactly the ones below
        UUID partnerId = UUID.randomUUID();
        followedTrajectories(partnerId, demoPartnerSite(), "outflow-exact");
        Partners.Outflow o = partners.outflow().get(partnerId);
        assertThat(o.followed()).isEqualTo(32);
        assertThat(o.inWork()).as("counted from the employment records: 28 days within 6 months").isEqualTo(16);
        assertThat(o.share()).isEqualByComparingTo("50");
        assertThat(o.low()).isEqualByComparingTo("34");
        assertThat(o.high()).isEqualByComparingTo("66");
        Partners.Corrected c = o.corrected();
        assertThat(c.enough()).isTrue();
        assertThat(c.scored()).isEqualTo(32);
        assertThat(c.observed()).isEqualByComparingTo("50");
        assertThat(c.expected()).as("the mean chance at the start").isEqualByComparingTo("40");
        // O = 16, E = 12.8, Σp(1−p) = 7.36: 1.25 (0.83 … 1.67)
        assertThat(c.ratio()).isEqualByComparingTo("1.25");
        assertThat(c.ratioLow()).isEqualByComparingTo("0.83");
        assertThat(c.ratioHigh()).isEqualByComparingTo("1.67");

        // on the landing page, for a partner the public sees, in plain words in each language
        UUID shown = jdbc.sql("""
                select c.partner_id from gd_contract c join gd_site s on s.partner_id = c.partner_id
                where c.status = 'ACTIVE' and c.offer_code = 'BASIC' and c.partner_id <> ? order by c.partner_id limit 1""")
                .param(partner().organisationId()).query(UUID.class).single();
        UUID shownSite = jdbc.sql("select id from gd_site where partner_id = ? order by name limit 1").param(shown).query(UUID.class).single();
        followedTrajectories(shown, shownSite, "outflow-landing");
        String nl = mvc.perform(get("/begeleiding").header("Accept-Language", "nl")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(nl).contains("keer het verwachte resultaat").contains("Wat betekent");
        String en = mvc.perform(get("/begeleiding?lang=en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("times the expected result").contains("worked at least 28 days within 6 months");
        // no individual score reaches the page
        assertThat(nl).doesNotContain("0.50000").doesNotContain("KOW-1");
    }

    @Test
    void landingPageIsPublicAndOpenHouseAdmitsAtOnce() throws Exception {
        mvc.perform(get("/api/guidance/partners?place=Gent&offer=BASIC")).andExpect(status().isOk());
        mvc.perform(get("/begeleiding?place=Gent")).andExpect(status().isOk());
        mvc.perform(get("/api/guidance/partners?place=Atlantis")).andExpect(status().isUnprocessableEntity());
        List<Partners.Partner> before = partners.landing(new Partners.LandingQuery("PMAB_EXPERTISE", null, null, null, null));
        Partners.Contract applied = partners.contracts("APPLIED").stream().filter(c -> c.offerCode().equals("PMAB_EXPERTISE")).findFirst()
                .orElseThrow();
        CurrentUser admin = users.find("admin").orElseThrow();
        assertThat(problem(() -> partners.decideAdmission(applied.id(), true, false, " ", admin))).isEqualTo("note:validation.required");
        partners.decideAdmission(applied.id(), true, true, null, admin);
        List<Partners.Partner> after = partners.landing(new Partners.LandingQuery("PMAB_EXPERTISE", null, null, null, null));
        assertThat(after).extracting(Partners.Partner::id).contains(applied.partnerId());
        assertThat(before).extracting(Partners.Partner::id).doesNotContain(applied.partnerId());
        assertThat(Partners.admissible(true, false)).isFalse();
        // a concession from the admin page: 5 years; an offer that is not a concession is refused, nothing is stored
        long contracts = jdbc.sql("select count(*) from gd_contract").query(Long.class).single();
        mvc.perform(post("/guidance/admin/concessions").with(user(admin)).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("partnerId", applied.partnerId().toString()).param("offerCode", "LANGUAGE_COACHING")
                        .param("validFrom", LocalDate.now(clock).toString()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from gd_contract").query(Long.class).single()).isEqualTo(contracts);
        mvc.perform(post("/guidance/admin/concessions").with(user(admin)).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("partnerId", applied.partnerId().toString()).param("offerCode", "SPECIALISED")
                        .param("validFrom", LocalDate.now(clock).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(partners.contractsOf(applied.partnerId())).anyMatch(c -> c.offerCode().equals("SPECIALISED")
                && c.validUntil().equals(LocalDate.now(clock).plusYears(5).minusDays(1)));
    }
}
