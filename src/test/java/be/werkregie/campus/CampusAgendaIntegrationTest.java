package be.werkregie.campus;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public agenda's places and waiting list (also under a rush), and the childcare's priority rules, on PostgreSQL. */
@IntegrationTest
class CampusAgendaIntegrationTest {

    @Autowired Clock clock;
    @Autowired Campuses campuses;
    @Autowired CampusEvents events;
    @Autowired CampusChildcare childcare;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    UUID campus(String code) {
        return campuses.byCode(code).orElseThrow().id();
    }

    CampusEvents.Event event(int capacity) {
        return events.create(campus("roeselare"), new CampusEvents.EventInput(CampusEvents.Kind.WORKSHOP, "Workshop", "Atelier", "Workshop", "", "",
                "", LocalDate.now(clock).plusWeeks(12), LocalTime.of(10, 0), LocalTime.of(12, 0), capacity, null), users.find("admin").orElseThrow());
    }

    @Test
    void theWaitingListMovesUpWhenAPlaceIsFreedAndTheVisitorIsTold() throws Exception {
        CampusEvents.Event e = event(2);
        CampusEvents.Registration a = events.register(e.id(), "An", "an@voorbeeld.be", "nl");
        CampusEvents.Registration b = events.register(e.id(), "Bo", "bo@voorbeeld.be", "fr");
        CampusEvents.Registration c = events.register(e.id(), "Cas", "cas@voorbeeld.be", "en");
        assertThat(List.of(a.status(), b.status(), c.status())).containsExactly("REGISTERED", "REGISTERED", "WAITING");
        assertThat(c.position()).isEqualTo(1);
        // the same address twice is refused, nothing changes
        try {
            events.register(e.id(), "An again", "AN@voorbeeld.be", "nl");
            throw new AssertionError("expected a refusal");
        } catch (InvalidInputException refused) {
            assertThat(refused.problems().get(0).messageKey()).isEqualTo("campus.event.alreadyRegistered");
        }
        // the first cancels: the waiting one moves up in the same step, and gets a mail in English
        events.cancel(a.token());
        assertThat(events.byToken(c.token()).status()).isEqualTo("REGISTERED");
        assertThat(events.byToken(a.token()).status()).isEqualTo("CANCELLED");
        assertThat(events.find(e.id()).orElseThrow().registered()).isEqualTo(2);
        String subject = null;
        for (int i = 0; i < 100 && subject == null; i++) {
            subject = jdbc.sql("select subject from organisation_mail where recipient = 'cas@voorbeeld.be'").query(String.class).optional().orElse(null);
            if (subject == null) {
                Thread.sleep(100);
            }
        }
        assertThat(subject).isEqualTo("A place is free for you: Workshop");
        // the agenda as iCalendar
        assertThat(events.ics(campus("roeselare"), "fr")).contains("BEGIN:VEVENT").contains("Atelier");
    }

    @Test
    void twentyVisitorsForTheLastFivePlacesAtOnceGetFivePlacesAndFifteenWaits() throws Exception {
        CampusEvents.Event e = event(5);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            out.add(pool.submit(() -> {
                go.await();
                return events.register(e.id(), "Bezoeker " + n, "rush" + n + "@voorbeeld.be", "nl").status();
            }));
        }
        go.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<String> f : out) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter("REGISTERED"::equals).count()).isEqualTo(5);
        assertThat(statuses.stream().filter("WAITING"::equals).count()).isEqualTo(15);
        assertThat(events.find(e.id()).orElseThrow().registered()).isEqualTo(5);
    }

    @Test
    void childcarePlacesGoByThePriorityOfTheCategoryThenByDate() {
        CurrentUser admin = users.find("admin").orElseThrow();
        UUID machelen = campus("machelen");
        LocalDate today = LocalDate.now(clock);
        // fill the two groups of 18
        int free = childcare.groups(machelen).stream().mapToInt(CampusChildcare.Group::free).sum();
        for (int i = 0; i < free; i++) {
            childcare.request(machelen, new CampusChildcare.RequestInput("Kind " + i, today.minusYears(1), "Ouder " + i, null,
                    CampusChildcare.Category.COURSE_PARTICIPANT, today), admin);
        }
        assertThat(childcare.groups(machelen).stream().mapToInt(CampusChildcare.Group::free).sum()).isZero();
        // first a child of the neighbourhood, then one of a job seeker: the job seeker's child comes first (priority 1 before 2)
        CampusChildcare.Request neighbour = childcare.request(machelen, new CampusChildcare.RequestInput("Buurtkind", today.minusYears(2),
                "Buur", null, CampusChildcare.Category.NEIGHBOURHOOD, today), admin);
        CampusChildcare.Request seeker = childcare.request(machelen, new CampusChildcare.RequestInput("Kind werkzoekende", today.minusYears(2),
                "Werkzoekende", null, CampusChildcare.Category.JOB_SEEKER, today), admin);
        assertThat(neighbour.status()).isEqualTo("WAITING");
        assertThat(childcare.waiting(machelen)).extracting(CampusChildcare.Request::id).containsSubsequence(seeker.id(), neighbour.id());
        // a child leaves: the place goes to the head of the list
        CampusChildcare.Request leaving = childcare.placed(machelen).get(0);
        childcare.end(leaving.id(), admin);
        assertThat(childcare.find(seeker.id()).orElseThrow().status()).isEqualTo("PLACED");
        assertThat(childcare.find(neighbour.id()).orElseThrow().status()).isEqualTo("WAITING");
        // bad input changes nothing
        long before = jdbc.sql("select count(*) from cp_childcare_request").query(Long.class).single();
        try {
            childcare.request(machelen, new CampusChildcare.RequestInput(" ", today.plusDays(1), "", "geen-mail", null, null), admin);
            throw new AssertionError("expected a refusal");
        } catch (InvalidInputException e) {
            assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                    .contains("childName", "parentName", "parentEmail", "category", "fromDate", "birthDate");
        }
        assertThat(jdbc.sql("select count(*) from cp_childcare_request").query(Long.class).single()).isEqualTo(before);
    }
}
