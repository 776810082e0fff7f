package be.werkregie.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.werkregie.IntegrationTest;
import be.werkregie.TestPeople;
import be.werkregie.identity.Users;
import be.werkregie.people.PersonRegistration;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MessagingIntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withConfiguration(GreenMailConfiguration.aConfig());

    @Autowired Messenger messenger;
    @Autowired PersonRegistration registration;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    @Test
    void sendsAnEmailOverRealSmtpInThePersonsLanguage() throws Exception {
        UUID p = registration.register(TestPeople.person("Mail", List.of("EMAIL"), "mail.test@example.org", null, null),
                users.find("mediator").orElseThrow());
        UUID id = messenger.send(p, "welcome", new Object[0], "welcome-" + p);
        assertThat(messenger.send(p, "welcome", new Object[0], "welcome-" + p)).as("idempotent").isEqualTo(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> messenger.find(id).orElseThrow().status() == MessageStatus.SENT);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Welkom bij Werkregie");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("mail.test@example.org");
    }

    @Test
    void aFailedEmailFallsBackToAPrintedLetterAsARealPdf() throws Exception {
        smtp.stop();
        UUID p = registration.register(TestPeople.person("Brief", List.of("EMAIL"), "bounce@example.org", null, "Veldstraat 10"),
                users.find("mediator").orElseThrow());
        UUID first = messenger.send(p, "welcome", new Object[0], "fallback-" + p);
        await().atMost(Duration.ofSeconds(30)).until(() -> messenger.ofPerson(p).stream()
                .anyMatch(m -> "LETTER".equals(m.channel()) && m.status() == MessageStatus.IN_PRINT_BATCH));
        assertThat(messenger.find(first).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        byte[] pdf = jdbc.sql("select pdf from message where person_id = ? and channel = 'LETTER'").param(p)
                .query((rs, i) -> rs.getBytes(1)).single();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Welkom bij Werkregie").contains("Veldstraat 10");
        }
    }

    @Test
    void aPersonWithoutContactDataIsReportedUnreachable() {
        UUID p = registration.register(TestPeople.person("Nergens", List.of("FACE_TO_FACE"), null, null, null),
                users.find("mediator").orElseThrow());
        UUID id = messenger.send(p, "welcome", new Object[0], "unreachable-" + p);
        assertThat(messenger.find(id).orElseThrow().status()).isEqualTo(MessageStatus.UNREACHABLE);
    }
}
