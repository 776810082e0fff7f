package be.werkregie.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.werkregie.IntegrationTest;
import be.werkregie.dossier.Dossier;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.people.Consents;
import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Local cooperation on PostgreSQL: no referral without a valid mandate, the intake deadline from dated policy, the
 * pre-trajectory in the integrated file, what each side sees, expiry of the mandate stopping the sharing (in the feed
 * too), the feed's cursor under concurrent writers (no event lost or repeated), compare-and-set moves, the published
 * action plan with its roll-up and history, and the public dashboard's hidden cells the same in page, JSON and CSV.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CooperationIntegrationTest {

    @Autowired Referrals referrals;
    @Autowired CooperationFeed feed;
    @Autowired ActionPlans plans;
    @Autowired Dashboard dashboard;
    @Autowired Consents consents;
    @Autowired Dossier dossier;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    CurrentUser u(String name) {
        return users.find(name).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A person of Gent without a consent to the social worker's OCMW yet. */
    UUID stranger(int k) {
        CurrentUser social = u("socialworker");
        return jdbc.sql("""
                select p.id from people_v_person p where p.municipality_nis = '44021' and p.persona is null
                  and not exists (select 1 from consent c where c.person_id = p.id and c.organisation_id = ?)
                order by p.id offset ? limit 1""").params(social.organisationId(), k).query(UUID.class).single();
    }

    UUID mandate(UUID person, String scope) {
        CurrentUser social = u("socialworker");
        return consents.grant(person, social.organisationId(), "Toeleiding naar werk", scope, today(), today().plusMonths(6), "SIGNED_FORM",
                "Formulier " + person, social);
    }

    Referrals.NewReferral referral(UUID person, String key) {
        return new Referrals.NewReferral(person, Referral.TargetGroup.NBAZU, Referral.Directing.EMPLOYMENT_SERVICE, "Wil werken",
                "Voortraject: drempels weggewerkt, wil in de logistiek werken.", "Lotte Maes", "09 266 00 00", true, key);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.problems().get(0).field() + ":" + e.problems().get(0).messageKey();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aReferralNeedsTheMandateAndBringsThePreTrajectoryIntoTheFile() {
        CurrentUser social = u("socialworker");
        CurrentUser mediator = u("mediator");
        UUID person = stranger(0);
        long before = count("co_referral");
        assertThat(refusal(() -> referrals.refer(referral(person, "k1"), social))).isEqualTo("personId:cooperation.referral.noMandate");
        // a SEE consent is not a mandate to act
        mandate(person, "SEE");
        assertThat(refusal(() -> referrals.refer(referral(person, "k1"), social))).isEqualTo("personId:cooperation.referral.noMandate");
        assertThat(count("co_referral")).isEqualTo(before);
        mandate(person, "ACT");
        Referral r = referrals.refer(referral(person, "k1"), social);
        assertThat(r.status()).isEqualTo(Referral.Status.SENT);
        assertThat(r.intakeDueOn()).isEqualTo(today().plusDays(10));
        // a retry with the same key is the same referral
        assertThat(referrals.refer(referral(person, "k1"), social).id()).isEqualTo(r.id());
        assertThat(count("co_referral")).isEqualTo(before + 1);
        // bad input: field by field, nothing changed
        assertThat(refusal(() -> referrals.refer(new Referrals.NewReferral(person, null, null, " ", "", "", "", false, null), social)))
                .startsWith("targetGroup:");
        assertThat(count("co_referral")).isEqualTo(before + 1);
        // the pre-trajectory is in the person's file, for the employment service too
        assertThat(dossier.timeline(person, mediator)).anySatisfy(e -> assertThat(e.body()).contains("wil in de logistiek werken"));
        // overdue once the deadline has passed without an intake: both sides see it
        assertThat(r.overdueOn(today().plusDays(11))).isTrue();
        assertThat(r.overdueOn(today().plusDays(10))).isFalse();
        // a mediator is not a social worker: he cannot refer; another OCMW cannot see the referral
        assertThatThrownBy(() -> referrals.refer(referral(person, "k2"), mediator)).isInstanceOf(be.werkregie.shared.NotFoundException.class);
        assertThatThrownBy(() -> referrals.follow(r.id(), u("socialworker.genk"))).isInstanceOf(be.werkregie.shared.NotFoundException.class);
    }

    @Test
    void eachSideSeesTheOthersSharedStepsOnlyAndExpiryStopsTheSharingAlsoInTheFeed() {
        CurrentUser social = u("socialworker");
        CurrentUser mediator = u("mediator");
        UUID person = stranger(1);
        UUID mandate = mandate(person, "ACT");
        Referral r = referrals.refer(referral(person, "v1"), social);
        String socialCursor = feed.read(null, 500, social).next();
        String pesCursor = lastCursor(mediator);
        referrals.confirm(r.id(), "Eva Peeters", "eva@vdab.example", null, mediator);
        referrals.addStep(r.id(), "SHARED", "Intakegesprek", "Doel: logistiek", today(), "s1", mediator);
        referrals.addStep(r.id(), "INTERNAL", "Interne nota VDAB", "niet voor het OCMW", today(), "s2", mediator);
        referrals.addStep(r.id(), "INTERNAL", "Interne nota OCMW", "niet voor VDAB", today(), "s3", social);
        List<String> socialSees = referrals.follow(r.id(), social).steps().stream().map(ReferralStep::title).toList();
        List<String> pesSees = referrals.follow(r.id(), mediator).steps().stream().map(ReferralStep::title).toList();
        assertThat(socialSees).contains("Intakegesprek", "Interne nota OCMW").doesNotContain("Interne nota VDAB");
        assertThat(pesSees).contains("Intakegesprek", "Interne nota VDAB").doesNotContain("Interne nota OCMW");
        // the feeds carry the same: the social service's feed has no VDAB-internal step
        List<String> socialFeed = titles(feed.read(socialCursor, 500, social));
        assertThat(socialFeed).contains("Intakegesprek", "Interne nota OCMW").doesNotContain("Interne nota VDAB");
        assertThat(titles(feed.read(pesCursor, 500, mediator))).contains("Intakegesprek", "Interne nota VDAB").doesNotContain("Interne nota OCMW");
        // the mandate is revoked: the social service no longer sees VDAB's steps, in the platform or in its feed
        String before = feed.read(socialCursor, 500, social).next();
        consents.revoke(person, mandate, social);
        referrals.addStep(r.id(), "SHARED", "Na het intrekken", null, today(), "s4", mediator);
        Referrals.Followed after = referrals.follow(r.id(), social);
        assertThat(after.sharing()).isFalse();
        assertThat(after.steps()).extracting(ReferralStep::title).doesNotContain("Intakegesprek", "Na het intrekken").contains("Interne nota OCMW");
        assertThat(titles(feed.read(before, 500, social))).isEmpty();
        assertThat(titles(feed.read(pesCursor, 500, mediator))).contains("Na het intrekken");
        assertThat(refusal(() -> referrals.addStep(r.id(), "SHARED", "Nog iets", null, today(), "s5", social)))
                .isEqualTo("referral:cooperation.referral.mandateExpired");
    }

    private String lastCursor(CurrentUser actor) {
        String c = null;
        CooperationFeed.Page p;
        do {
            p = feed.read(c, 500, actor);
            c = p.next();
        } while (p.more());
        return c;
    }

    static List<String> titles(CooperationFeed.Page p) {
        return p.events().stream().map(e -> String.valueOf(e.data().get("title"))).toList();
    }

    @Test
    void theFeedLosesAndRepeatsNothingWhileStepsAreWrittenConcurrently() throws Exception {
        CurrentUser social = u("socialworker");
        CurrentUser mediator = u("mediator");
        UUID person = stranger(2);
        mandate(person, "ACT");
        Referral r = referrals.refer(referral(person, "f1"), social);
        referrals.confirm(r.id(), "Eva Peeters", "eva@vdab.example", null, mediator);
        String start = lastCursor(mediator);
        int writers = 6;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            fs.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    referrals.addStep(r.id(), "SHARED", "w" + writer + "-" + i, null, today(), "fw" + writer + "-" + i, mediator);
                }
                return null;
            }));
        }
        // a reader polls all the while, as an organisation's system would, keeping its cursor
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Future<String> reader = pool.submit(() -> {
            go.await();
            String cursor = start;
            while (true) {
                CooperationFeed.Page p = feed.read(cursor, 7, mediator);
                p.events().forEach(e -> seen.add(String.valueOf(e.data().get("title"))));
                cursor = p.next();
                if (!writing.get() && p.events().isEmpty() && !p.more()) {
                    return cursor;
                }
            }
        });
        go.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        writing.set(false);
        reader.get();
        pool.shutdown();
        Set<String> expected = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < each; i++) {
                expected.add("w" + w + "-" + i);
            }
        }
        assertThat(seen).as("every event exactly once").hasSize(writers * each);
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        // a bad cursor is a clear message, not a 5xx
        assertThat(refusal(() -> feed.read("x;drop", 10, mediator))).isEqualTo("after:cooperation.feed.badCursor");
        assertThat(refusal(() -> feed.read(null, 0, mediator))).isEqualTo("limit:validation.range");
    }

    @Test
    void twoConfirmationsAtOnceOneWins() throws Exception {
        CurrentUser social = u("socialworker");
        CurrentUser mediator = u("mediator");
        UUID person = stranger(3);
        mandate(person, "ACT");
        Referral r = referrals.refer(referral(person, "c1"), social);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                go.await();
                try {
                    referrals.confirm(r.id(), "Begeleider " + k, "b" + k + "@vdab.example", null, mediator);
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> f : fs) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from co_referral_step where referral_id = ? and kind = 'CONFIRMED'").param(r.id())
                .query(Long.class).single()).isEqualTo(1);
        // moves the life cycle does not allow are refused
        assertThat(refusal(() -> referrals.decline(r.id(), "te laat", mediator))).isEqualTo("referral:cooperation.referral.notOpen");
    }

    @Test
    void aPublishedActionPlanRollsProgressUpAndKeepsItsHistory() throws Exception {
        CurrentUser localgov = u("localgov");
        int y = today().getYear();
        // a local government edits only its own municipality
        assertThat(refusal(() -> plans.createAgreement("Genk", List.of("71016"), y, y + 2, "analyse", "taken", localgov, n -> true)))
                .isEqualTo("municipalities:cooperation.agreement.notYours");
        assertThat(refusal(() -> plans.createAgreement("Gent", List.of("44021"), y, y + 9, "analyse", "taken", localgov, n -> true)))
                .isEqualTo("untilYear:cooperation.agreement.tooLong");
        UUID a = plans.createAgreement("Test Gent", List.of("44021"), y, y + 2, "Analyse", "Taken", localgov, n -> true);
        UUID goal = plans.addGoal(a, "Meer bereik", "Aanmeldingen", new java.math.BigDecimal("50"), "personen", localgov);
        UUID one = plans.addAction(goal, y, null, "JOINT_INTAKE", "OCMW", null, localgov);
        UUID two = plans.addAction(goal, y, "Lokale actie", null, "VDAB", null, localgov);
        assertThat(refusal(() -> plans.publish(a, y + 1, localgov))).isEqualTo("year:cooperation.plan.empty");
        plans.update(one, 0, ActionPlans.ActionStatus.RUNNING, 40, "gestart", localgov);
        plans.update(two, 0, ActionPlans.ActionStatus.DONE, 100, "klaar", localgov);
        // a stale version (someone changed it meanwhile) is refused
        assertThat(refusal(() -> plans.update(one, 0, ActionPlans.ActionStatus.RUNNING, 60, "oud scherm", localgov)))
                .isEqualTo("version:cooperation.action.changedMeanwhile");
        assertThat(refusal(() -> plans.update(one, 1, ActionPlans.ActionStatus.DONE, 60, "klaar?", localgov)))
                .isEqualTo("progress:cooperation.action.doneIsComplete");
        ActionPlans.Plan plan = plans.plan(a, y);
        assertThat(plan.goals().get(0).progress()).isEqualTo(70);
        assertThat(plan.published()).isFalse();
        // not on the public page before publication; on it after, with the history
        String nis = "44021";
        String page = mvc.perform(get("/samenwerking/" + nis + "/actieplan")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("Test Gent");
        plans.publish(a, y, localgov);
        assertThat(refusal(() -> plans.publish(a, y, localgov))).isEqualTo("year:cooperation.plan.alreadyPublished");
        page = mvc.perform(get("/samenwerking/" + nis + "/actieplan")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Test Gent").contains("Lokale actie").contains("gestart").contains("70 %");
        assertThat(plans.history(one)).extracting(ActionPlans.Change::note).containsExactly("gestart", "Opgenomen in het actieplan");
    }

    @Test
    void theDashboardHidesTheSameCellsInThePageTheJsonAndTheCsv() throws Exception {
        dashboard.forget();
        Dashboard.Year y = dashboard.year(today().getYear());
        assertThat(y.units()).hasSizeGreaterThan(300);
        assertThat(y.hiddenCells()).isPositive();
        // every shown count is zero or at least the threshold
        for (var table : y.cells().values()) {
            for (Dashboard.Cell[] row : table.values()) {
                for (Dashboard.Cell c : row) {
                    assertThat(c.hidden() || c.value() == 0 || c.value() >= y.threshold()).isTrue();
                }
            }
        }
        String csv = mvc.perform(get("/api/cooperation/dashboard.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String json = mvc.perform(get("/api/cooperation/dashboard/44021")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Dashboard.Cell[] gent = y.of(Dashboard.Breakdown.STATUS, "44021");
        for (int i = 0; i < gent.length; i++) {
            String cat = i < Dashboard.Breakdown.STATUS.categories.size() ? Dashboard.Breakdown.STATUS.categories.get(i) : "TOTAL";
            String line = "\"44021\",MUNICIPALITY,\"Gent\",STATUS," + cat + "," + gent[i].text() + "," + gent[i].hidden();
            assertThat(csv).contains(line);
            assertThat(json).contains("\"" + cat + "\":" + (gent[i].hidden() ? "{\"hidden\":true}" : "{\"value\":" + gent[i].value() + ",\"hidden\":false}"));
        }
        // public, no login; bad input is a clear 422, an unknown unit a 404
        mvc.perform(get("/samenwerking/44021")).andExpect(status().isOk());
        mvc.perform(get("/samenwerking/ALL?lang=fr")).andExpect(status().isOk());
        assertThat(mvc.perform(get("/samenwerking/ALL?lang=en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Flanders and Brussels").doesNotContain("Vlaanderen en Brussel");
        // a region's address has no spaces or colons, and its page opens in every language
        String region = y.units().get("44021").parent();
        assertThat(region).matches("R-[a-z0-9-]+");
        mvc.perform(get("/samenwerking/" + region + "?lang=fr")).andExpect(status().isOk());
        mvc.perform(get("/api/cooperation/dashboard/44021?year=abc")).andExpect(status().is(422));
        mvc.perform(get("/api/cooperation/dashboard/99999")).andExpect(status().isNotFound());
        // the feed is not public
        mvc.perform(get("/api/cooperation/feed")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cooperation/feed").with(user(u("socialworker")))).andExpect(status().isOk());
    }
}
