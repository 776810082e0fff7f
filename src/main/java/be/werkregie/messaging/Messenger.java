package be.werkregie.messaging;

import be.werkregie.audit.AuditTrail;
import be.werkregie.identity.CurrentUser;
import be.werkregie.people.Channel;
import be.werkregie.people.Person;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.Language;
import be.werkregie.shared.Validator;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a message to a person in their language through the channel that reaches them. Sending is idempotent per
 * idempotency key: a retried call returns the first message. Delivery happens after commit; a failed channel falls
 * back to the next one (a bounced e-mail becomes a letter).
 */
@Service
public class Messenger {

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final MessageSource texts;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    private final be.werkregie.platform.Idempotency idempotency;

    Messenger(be.werkregie.platform.Idempotency idempotency, JdbcClient jdbc, PersonDirectory people, MessageSource texts, ApplicationEventPublisher events, AuditTrail audit) {
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.people = people;
        this.texts = texts;
        this.events = events;
        this.audit = audit;
    }

    /** Sends one of the plain-language templates (i18n/messages*.properties, keys message.TEMPLATE.subject/body). */
    @Transactional
    public UUID send(UUID personId, String template, Object[] args, String idempotencyKey) {
        Optional<UUID> existing = firstAttempt(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Person p = people.getForSystem(personId, "message " + template);
        Language lang = Language.fromCode(p.language(), Language.NL);
        String subject = texts.getMessage("message." + template + ".subject", args, lang.locale());
        String body = texts.getMessage("message." + template + ".body", args, lang.locale());
        return queue(p, template, lang, subject, body, idempotencyKey, 1, null, Set.of());
    }

    /** A staff member writes a message by hand; it still goes through the person's channel. */
    @Transactional
    public UUID sendFreeText(UUID personId, String subject, String body, String idempotencyKey, CurrentUser actor) {
        Validator v = new Validator().required("subject", subject, 150).required("body", body, 5000)
                .required("idempotencyKey", idempotencyKey, 100);
        v.throwIfInvalid();
        if (!people.maySee(actor, personId)) {
            throw new be.werkregie.shared.NotFoundException("person");
        }
        return idempotency.once("free-message", actor.organisationId(), idempotencyKey, java.util.Arrays.asList(personId, subject, body), () -> {
            Optional<UUID> existing = firstAttempt(idempotencyKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            Person p = people.getForSystem(personId, "free-text message");
            audit.record(actor, personId, AuditTrail.Action.WRITE, "MESSAGES", "message sent", subject);
            return queue(p, "free", Language.fromCode(p.language(), Language.NL), subject.trim(), body.trim(), idempotencyKey, 1,
                    null, Set.of());
        });
    }

    UUID queue(Person p, String template, Language lang, String subject, String body, String key, int attempt, UUID previous,
               Set<Channel> failed) {
        Optional<Channel> channel = ChannelChoice.choose(p.preferredChannels(), notBlank(p.email()), notBlank(p.phone()),
                notBlank(p.street()), failed);
        UUID id = UUID.randomUUID();
        String recipient = channel.map(c -> switch (c) {
            case EMAIL -> p.email();
            case SMS, PHONE -> p.phone();
            case LETTER -> p.fullName() + ", " + p.street();
            case FACE_TO_FACE -> null;
        }).orElse(null);
        jdbc.sql("""
                insert into message (id, person_id, template, language, channel, status, subject, body, recipient, attempt,
                  previous_attempt_id, idempotency_key, failure_reason) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, p.id(), template, lang.code(), channel.map(Enum::name).orElse(null),
                        channel.isPresent() ? MessageStatus.QUEUED.name() : MessageStatus.UNREACHABLE.name(), subject, body,
                        recipient, attempt, previous, key, channel.isPresent() ? null : "no channel reaches this person")
                .update();
        if (channel.isPresent()) {
            events.publishEvent(new MessageQueued(id));
        }
        return id;
    }

    /** Retries with the next channel after a failure or a bounce report. */
    @Transactional
    public Optional<UUID> fallBack(UUID failedMessageId, String reason) {
        Message failed = find(failedMessageId).orElseThrow(() -> new be.werkregie.shared.NotFoundException("message"));
        jdbc.sql("update message set status = 'FAILED', failure_reason = ? where id = ?").params(reason, failedMessageId).update();
        Set<Channel> tried = new HashSet<>();
        for (String c : jdbc.sql("select channel from message where idempotency_key = (select idempotency_key from message where id = ?) and channel is not null")
                .param(failedMessageId).query(String.class).list()) {
            tried.add(Channel.valueOf(c));
        }
        boolean newerExists = jdbc.sql("select count(*) from message where previous_attempt_id = ?").param(failedMessageId)
                .query(Long.class).single() > 0;
        if (newerExists) {
            return Optional.empty();
        }
        Person p = people.getForSystem(failed.personId(), "message fallback");
        String key = jdbc.sql("select idempotency_key from message where id = ?").param(failedMessageId).query(String.class).single();
        return Optional.of(queue(p, failed.template(), Language.fromCode(failed.language(), Language.NL), failed.subject(),
                failed.body(), key, failed.attempt() + 1, failedMessageId, tried));
    }

    public Optional<Message> find(UUID id) {
        return list("where id = ?", id).stream().findFirst();
    }

    public List<Message> ofPerson(UUID personId) {
        return list("where person_id = ? order by created_at desc, attempt desc limit 200", personId);
    }

    public List<Message> recent(int limit) {
        return list("order by created_at desc limit " + Math.min(limit, 500));
    }

    /** The columns the outbox sorts on, by the name the page uses. */
    static final java.util.Map<String, String> OUTBOX_ORDER = java.util.Map.of("when", "created_at", "status", "status, created_at",
            "channel", "channel nulls first, created_at", "subject", "subject, created_at");

    /**
     * One page of the outbox, searched on the subject, filtered by status and channel, sorted on a whitelisted column,
     * with the number of messages that match.
     */
    public be.werkregie.platform.ListView.Builder.Slice<Message> outbox(be.werkregie.platform.ListView.Builder.Request r,
                                                                         String status, String channel) {
        StringBuilder where = new StringBuilder("where true");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (!r.q().isEmpty()) {
            where.append(" and subject ilike ('%' || ? || '%')");
            params.add(r.q().replace("\\", "").replace("%", "").replace("_", ""));
        }
        if (status != null && !status.isEmpty()) {
            where.append(" and status = ?");
            params.add(status);
        }
        if ("NONE".equals(channel)) {
            where.append(" and channel is null");
        } else if (channel != null && !channel.isEmpty()) {
            where.append(" and channel = ?");
            params.add(channel);
        }
        int total = jdbc.sql("select count(*) from message " + where).params(params).query(Integer.class).single();
        String order = OUTBOX_ORDER.getOrDefault(r.sort(), "created_at");
        String direction = r.descending() ? " desc" : "";
        String orderBy = java.util.Arrays.stream(order.split(", ")).map(c -> c.endsWith("nulls first") ? c : c + direction)
                .collect(java.util.stream.Collectors.joining(", ")) + ", id";
        java.util.List<Object> page = new java.util.ArrayList<>(params);
        page.add(r.limit());
        page.add(r.offset());
        return new be.werkregie.platform.ListView.Builder.Slice<>(list(where + " order by " + orderBy + " limit ? offset ?",
                page.toArray()), total);
    }

    private Optional<UUID> firstAttempt(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from message where idempotency_key = ? and attempt = 1").param(key).query(UUID.class).optional();
    }

    List<Message> list(String where, Object... params) {
        return jdbc.sql("""
                select id, person_id, template, language, channel, status, subject, body, recipient, attempt, failure_reason,
                created_at, delivered_at from message """ + " " + where)
                .params(params)
                .query((rs, i) -> new Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), MessageStatus.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class)))
                .list();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
