package be.werkregie.people;

import java.time.LocalDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.werkregie.IntegrationTest;
import be.werkregie.TestPeople;
import be.werkregie.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Bad input on forms and the API: a clear message per field, in the user's language, and nothing stored. */
@IntegrationTest
@AutoConfigureMockMvc
class BadInputTest {

    @Autowired java.time.Clock clock;

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired PersonDirectory people;

    private MvcResult postForm(String... fields) throws Exception {
        var b = post("/people").with(csrf()).with(user(users.loadUserByUsername("mediator")));
        for (int i = 0; i < fields.length; i += 2) {
            b = b.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(b).andReturn();
    }

    @Test
    void theRegistrationFormExplainsEveryProblemAndStoresNothing() throws Exception {
        long before = people.count();
        MvcResult r = postForm("nationalNumber", "85.07.30-033.29", "firstName", "", "lastName", "x".repeat(101),
                "municipality", "Atlantis", "email", "not-an-email", "language", "nl", "preferredChannels", "EMAIL",
                "status", "JOB_SEEKER", "education", "MEDIUM");
        String html = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("de controlecijfers passen niet").contains("Vul dit veld in.").contains("hoogstens 100 tekens")
                .contains("Deze gemeente kennen we niet").contains("geen geldig e-mailadres");
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void scriptInjectionIsRefusedNotStored() throws Exception {
        long before = people.count();
        MvcResult r = postForm("nationalNumber", TestPeople.nationalNumber(), "firstName", "<script>alert(1)</script>",
                "lastName", "Test", "municipality", "Gent", "language", "nl", "preferredChannels", "LETTER", "street", "Kouter 1",
                "status", "JOB_SEEKER", "education", "LOW");
        assertThat(r.getResponse().getContentAsString()).contains("Gebruik geen HTML of scripts").doesNotContain("<script>alert(1)</script>");
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void aFutureBirthDateInTheNationalNumberIsRefused() throws Exception {
        long before = people.count();
        // a birth date next year, with valid post-2000 check digits
        int year = LocalDate.now(clock).getYear() % 100 + 1;
        String base = String.format("%02d0101005", year);
        String future = base + String.format("%02d", 97 - ((2_000_000_000L + Long.parseLong(base)) % 97));
        MvcResult r = postForm("nationalNumber", future, "firstName", "Toekomst", "lastName", "Test", "municipality", "Gent",
                "language", "nl", "preferredChannels", "LETTER", "street", "Kouter 1", "status", "JOB_SEEKER", "education", "LOW");
        assertThat(r.getResponse().getContentAsString()).contains("geen geldige geboortedatum");
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void theApiAnswersProblemDetailsFieldByFieldInTheCallersLanguage() throws Exception {
        long before = people.count();
        MvcResult r = mvc.perform(post("/api/people").with(httpBasic("mediator", "werkregie")).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "fr")
                .content("{\"nationalNumber\":\"123\",\"firstName\":\"\",\"lastName\":\"Test\",\"municipality\":\"9000\","
                        + "\"language\":\"nl\",\"preferredChannels\":[\"EMAIL\"],\"status\":\"JOB_SEEKER\",\"education\":\"LOW\"}"))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentType()).contains("application/problem+json");
        String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("\"field\":\"nationalNumber\"").contains("\"field\":\"firstName\"").contains("\"field\":\"email\"")
                .contains("11 chiffres");
        assertThat(people.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400NotA500() throws Exception {
        MvcResult r = mvc.perform(post("/api/people").with(httpBasic("mediator", "werkregie")).contentType(MediaType.APPLICATION_JSON)
                .content("{not json")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void anUnknownPersonIsNotFoundForPagesAndApi() throws Exception {
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/people/not-a-uuid")
                .with(user(users.loadUserByUsername("mediator")))).andReturn().getResponse().getStatus()).isIn(400, 404);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/people/" + java.util.UUID.randomUUID())
                .with(httpBasic("mediator", "werkregie"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
