package be.werkregie.messaging;

import be.werkregie.identity.Organisations;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to an organisation at its registered address (partners, career centres), through the event outbox: queued in
 * the caller's transaction, sent after the commit, idempotent on the key. An organisation without an address is not
 * mailed (it sees the same information in its pages).
 */
@Service
public class OrganisationMail {

    private static final Logger log = LoggerFactory.getLogger(OrganisationMail.class);

    record Queued(UUID id) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final JavaMailSender mail;
    private final ApplicationEventPublisher events;
    private final String from;

    private final java.time.Clock clock;

    OrganisationMail(java.time.Clock clock, JdbcClient jdbc, Organisations organisations, JavaMailSender mail, ApplicationEventPublisher events,
                     @Value("${werkregie.mail.from:noreply@werkregie.example}") String from) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.mail = mail;
        this.events = events;
        this.from = from;
    }

    @Transactional
    public Optional<UUID> send(UUID organisationId, String subject, String body, String idempotencyKey) {
        Optional<UUID> existing = jdbc.sql("select id from organisation_mail where idempotency_key = ?").param(idempotencyKey)
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing;
        }
        String to = organisations.find(organisationId).map(o -> o.email()).filter(e -> e != null && !e.isBlank()).orElse(null);
        if (to == null) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into organisation_mail (id, organisation_id, recipient, subject, body, status, idempotency_key)
                values (?,?,?,?,?,'QUEUED',?)""").params(id, organisationId, to, subject, body, idempotencyKey).update();
        events.publishEvent(new Queued(id));
        return Optional.of(id);
    }

    /** A mail to an address of no organisation (a visitor who registered for a public event), idempotent on the key. */
    @Transactional
    public Optional<UUID> sendToAddress(String recipient, String subject, String body, String idempotencyKey) {
        Optional<UUID> existing = jdbc.sql("select id from organisation_mail where idempotency_key = ?").param(idempotencyKey)
                .query(UUID.class).optional();
        if (existing.isPresent() || recipient == null || recipient.isBlank()) {
            return existing;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into organisation_mail (id, organisation_id, recipient, subject, body, status, idempotency_key)
                values (?,null,?,?,?,'QUEUED',?)""").params(id, recipient.trim(), subject, body, idempotencyKey).update();
        events.publishEvent(new Queued(id));
        return Optional.of(id);
    }

    @ApplicationModuleListener
    void on(Queued event) {
        var row = jdbc.sql("select recipient, subject, body from organisation_mail where id = ? and status = 'QUEUED'")
                .param(event.id()).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
        if (row.isEmpty()) {
            return;
        }
        try {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(row.get()[0]);
            m.setSubject(row.get()[1]);
            m.setText(row.get()[2]);
            mail.send(m);
            jdbc.sql("update organisation_mail set status = 'SENT', sent_at = ? where id = ?").params(OffsetDateTime.now(clock), event.id())
                    .update();
        } catch (RuntimeException e) {
            log.warn("Mail to organisation {} failed: {}", row.get()[0], e.getMessage());
            jdbc.sql("update organisation_mail set status = 'FAILED', failure_reason = ? where id = ?")
                    .params(String.valueOf(e.getMessage()), event.id()).update();
        }
    }
}
