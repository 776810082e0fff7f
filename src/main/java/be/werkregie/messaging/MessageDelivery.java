package be.werkregie.messaging;

import be.werkregie.people.PersonDirectory;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers queued messages after their transaction committed. The event publication registry keeps undelivered
 * events in PostgreSQL, so a crash between queueing and delivery is resumed on restart.
 */
@Component
class MessageDelivery {

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final LetterRenderer letters;
    private final Messenger messenger;
    private final PersonDirectory people;
    private final String from;

    private final java.time.Clock clock;

    private final Batches batches;

    MessageDelivery(Batches batches, java.time.Clock clock, JdbcClient jdbc, JavaMailSender mail, SmsGateway sms, LetterRenderer letters, Messenger messenger,
                    PersonDirectory people, @Value("${werkregie.mail.from:noreply@werkregie.example}") String from) {
        this.batches = batches;
        this.clock = clock;
        this.jdbc = jdbc;
        this.mail = mail;
        this.sms = sms;
        this.letters = letters;
        this.messenger = messenger;
        this.people = people;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(MessageQueued event) {
        deliver(event.messageId());
    }

    void deliver(UUID id) {
        Message m = messenger.find(id).orElseThrow();
        if (m.status() != MessageStatus.QUEUED) {
            return; // already handled: delivery is idempotent
        }
        switch (m.channel()) {
            case "EMAIL" -> {
                try {
                    SimpleMailMessage mailMessage = new SimpleMailMessage();
                    mailMessage.setFrom(from);
                    mailMessage.setTo(m.recipient());
                    mailMessage.setSubject(m.subject());
                    mailMessage.setText(m.body());
                    mail.send(mailMessage);
                    setStatus(id, MessageStatus.SENT);
                } catch (MailException e) {
                    log.warn("E-mail {} failed, falling back to the next channel: {}", id, e.getMessage());
                    messenger.fallBack(id, "e-mail failed: " + e.getMessage());
                }
            }
            case "SMS" -> setStatus(id, sms.send(m.recipient(), m.subject() + ": " + m.body())
                    ? MessageStatus.SENT : MessageStatus.AWAITING_EXPORT);
            case "LETTER" -> {
                var person = people.getForSystem(m.personId(), "printed letter");
                byte[] pdf = letters.render(person.fullName(), person.street(), m.subject(), m.body(), m.language());
                UUID batch = batches.openBatchForLetter();
                jdbc.sql("update message set pdf = ?, print_batch_id = ?, status = 'IN_PRINT_BATCH' where id = ?")
                        .params(pdf, batch, id).update();
            }
            case "PHONE" -> {
                jdbc.sql("insert into phone_task (id, message_id, person_id, phone) values (?,?,?,?)")
                        .params(UUID.randomUUID(), id, m.personId(), m.recipient()).update();
                setStatus(id, MessageStatus.TASK_OPEN);
            }
            default -> messenger.fallBack(id, "unsupported channel " + m.channel());
        }
    }

    private void setStatus(UUID id, MessageStatus status) {
        jdbc.sql("update message set status = ?, delivered_at = case when ? in ('SENT','PRINTED','DONE') then ? end where id = ?")
                .params(status.name(), status.name(), java.time.OffsetDateTime.now(clock), id).update();
    }
}
