package be.werkregie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import be.werkregie.IntegrationTest;
import be.werkregie.identity.CurrentUser;
import be.werkregie.identity.Users;
import be.werkregie.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registrations racing on one voucher never exceed its hours; the same key racing with itself gives one session. */
@IntegrationTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class RegistrationConcurrencyTest {

    @Autowired java.time.Clock clock;

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired Vouchers vouchers;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    UUID voucherInGuidance(CurrentUser coach, int hours) {
        UUID id = UUID.randomUUID();
        UUID person = jdbc.sql("select id from person where persona is null order by id offset 5 limit 1").query(UUID.class).single();
        jdbc.sql("""
                insert into vc_voucher (id, code, person_id, package_start, number_in_package, requested_on, valid_until, hours,
                  rules_version, contribution, contribution_paid_at, status, centre_id, taken_over_on, agreement_present)
                values (?,?,?,?,1,?,?,?,'2020-01-01',40.00,?,'IN_GUIDANCE',?,?,true)""")
                .params(id, "RACE-" + id.toString().substring(0, 8), person, LocalDate.now(clock).minusDays(7), LocalDate.now(clock).minusDays(7),
                        LocalDate.now(clock).plusDays(77), hours, java.time.OffsetDateTime.now(clock), coach.organisationId(),
                        LocalDate.now(clock).minusDays(5)).update();
        return id;
    }

    @Test
    void racingRegistrationsNeverExceedTheHoursAndAKeyCountsOnce() throws Exception {
        CurrentUser coach = users.find("coach").orElseThrow();
        UUID voucher = voucherInGuidance(coach, 3); // 6 half hours
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String key = "race-" + voucher + "-" + (i % 12); // 4 keys are sent twice at the same time
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return vouchers.registerSession(voucher, new Vouchers.SessionInput(LocalDate.now(clock), null, 1, "FACE_TO_FACE", null),
                            key, coach).toString();
                } catch (InvalidInputException e) {
                    return e.problems().get(0).messageKey();
                }
            }));
        }
        go.countDown();
        Set<String> outcomes = ConcurrentHashMap.newKeySet();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        int used = jdbc.sql("select used_half_hours from vc_voucher where id = ?").param(voucher).query(Integer.class).single();
        long rows = jdbc.sql("select count(*) from vc_session where voucher_id = ?").param(voucher).query(Long.class).single();
        long sum = jdbc.sql("select coalesce(sum(half_hours), 0) from vc_session where voucher_id = ?").param(voucher).query(Long.class).single();
        assertThat(used).isEqualTo(6);
        assertThat(rows).isEqualTo(6);
        assertThat(sum).isEqualTo(6);
        assertThat(outcomes).contains("voucher.overLimit");
        // a retry of an accepted key returns its session, even now that the voucher is full
        String accepted = jdbc.sql("select substring(idempotency_key from position(':' in idempotency_key) + 1) from vc_session where voucher_id = ? limit 1")
                .param(voucher).query(String.class).single();
        UUID again = vouchers.registerSession(voucher, new Vouchers.SessionInput(LocalDate.now(clock), null, 1, "FACE_TO_FACE", null),
                accepted, coach);
        assertThat(jdbc.sql("select count(*) from vc_session where id = ?").param(again).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from vc_session where voucher_id = ?").param(voucher).query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void aBatchRegistersEachItemOnItsOwnAndARetryChangesNothing() throws Exception {
        CurrentUser coach = users.find("coach").orElseThrow();
        UUID voucher = voucherInGuidance(coach, 3);
        String today = LocalDate.now(clock).toString();
        String body = "[{\"voucherId\":\"" + voucher + "\",\"idempotencyKey\":\"b1-" + voucher + "\",\"date\":\"" + today
                + "\",\"halfHours\":4,\"mode\":\"FACE_TO_FACE\"},"
                + "{\"voucherId\":\"" + voucher + "\",\"idempotencyKey\":\"b2-" + voucher + "\",\"date\":\"" + today
                + "\",\"halfHours\":3,\"mode\":\"FACE_TO_FACE\"},"
                + "{\"voucherId\":\"" + UUID.randomUUID() + "\",\"idempotencyKey\":\"b3-" + voucher + "\",\"date\":\"" + today
                + "\",\"halfHours\":1,\"mode\":\"FACE_TO_FACE\"}]";
        var auth = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("coach", "werkregie");
        String first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/centre/sessions")
                        .with(auth).header("Accept-Language", "en").contentType("application/json").content(body))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("voucher.overLimit").contains("voucher.notFound").contains("does not exist");
        assertThat(jdbc.sql("select count(*) from vc_session where voucher_id = ?").param(voucher).query(Long.class).single()).isEqualTo(1);
        String again = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/centre/sessions")
                        .with(auth).header("Accept-Language", "en").contentType("application/json").content(body))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select used_half_hours from vc_voucher where id = ?").param(voucher).query(Integer.class).single()).isEqualTo(4);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/centre/sessions")
                        .with(auth).contentType("application/json").content("[]"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnprocessableEntity());
    }
}
