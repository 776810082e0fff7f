package be.werkregie.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMS exports and print batches, by the platform's one pattern for runs and batches: <b>claim the rows atomically,
 * then work from exactly the claimed rows</b>. An SMS export claims the waiting messages in one {@code UPDATE …
 * RETURNING}; its file lists those and confirming it marks those as sent, never a message queued later. A print batch
 * is closed (frozen) before it is downloaded; a letter is only ever added to an open batch under a share lock, so no
 * letter can slip into a batch after it was closed, and "printed" marks the letters of that one batch.
 */
@Service
public class Batches {

    public record SmsLine(UUID messageId, String phone, String text) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Batches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims every SMS waiting for export into a new export; empty when none waits. */
    @Transactional
    public Optional<UUID> exportSms(String actor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into sms_export (id, created_at, created_by) values (?,?,?)").params(id, OffsetDateTime.now(clock), actor).update();
        List<UUID> claimed = jdbc.sql("""
                update message set status = 'IN_SMS_EXPORT', sms_export_id = ?
                where channel = 'SMS' and status = 'AWAITING_EXPORT' returning id""").param(id).query(UUID.class).list();
        if (claimed.isEmpty()) {
            jdbc.sql("delete from sms_export where id = ?").param(id).update();
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** The lines of one export: exactly the messages it claimed. */
    public List<SmsLine> smsLines(UUID exportId) {
        return jdbc.sql("select id, recipient, subject, body from message where sms_export_id = ? order by created_at, id")
                .param(exportId).query((rs, i) -> new SmsLine(rs.getObject(1, UUID.class), rs.getString(2),
                        (rs.getString(3) + ": " + rs.getString(4)).replace(';', ',').replace('\n', ' ').replace('\r', ' ')))
                .list();
    }

    /** Confirms that the gateway took the file: the export's messages, and only those, are sent. Once only. */
    @Transactional
    public int confirmSms(UUID exportId, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("update sms_export set confirmed_at = ?, confirmed_by = ? where id = ? and confirmed_at is null")
                .params(now, actor, exportId).update();
        if (n == 0) {
            return 0;
        }
        return jdbc.sql("update message set status = 'SENT', delivered_at = ? where sms_export_id = ? and status = 'IN_SMS_EXPORT'")
                .params(now, exportId).update();
    }

    public record SmsExport(UUID id, OffsetDateTime createdAt, String createdBy, OffsetDateTime confirmedAt, long messages) {}

    public List<SmsExport> smsExports() {
        return jdbc.sql("""
                select e.id, e.created_at, e.created_by, e.confirmed_at, count(m.id) from sms_export e
                left join message m on m.sms_export_id = e.id group by e.id order by e.created_at desc limit 50""")
                .query((rs, i) -> new SmsExport(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5))).list();
    }

    /** The open print batch, created when there is none; locked for share so that closing it waits for this letter. */
    UUID openBatchForLetter() {
        Optional<UUID> open = jdbc.sql("select id from print_batch where closed_at is null order by created_at limit 1 for share")
                .query(UUID.class).optional();
        if (open.isPresent()) {
            return open.get();
        }
        UUID b = UUID.randomUUID();
        jdbc.sql("insert into print_batch (id, created_at) values (?, ?)").params(b, OffsetDateTime.now(clock)).update();
        return b;
    }

    /** Closes one open batch: from now on its content is fixed, and new letters go to a new batch. */
    @Transactional
    public boolean closeBatch(UUID batchId) {
        return jdbc.sql("update print_batch set closed_at = ? where id = ? and closed_at is null")
                .params(OffsetDateTime.now(clock), batchId).update() == 1;
    }

    /** Closes whatever batch is open (the page's button); empty when none is open. */
    @Transactional
    public Optional<UUID> closeOpenBatch() {
        return jdbc.sql("update print_batch set closed_at = ? where closed_at is null returning id")
                .param(OffsetDateTime.now(clock)).query(UUID.class).list().stream().findFirst();
    }

    /** Confirms a closed batch was printed and posted: its letters, and only those, are printed. Once only. */
    @Transactional
    public int markPrinted(UUID batchId, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("update print_batch set printed_at = ?, printed_by = ? where id = ? and closed_at is not null and printed_at is null")
                .params(now, actor, batchId).update();
        if (n == 0) {
            return 0;
        }
        return jdbc.sql("update message set status = 'PRINTED', delivered_at = ? where print_batch_id = ? and status = 'IN_PRINT_BATCH'")
                .params(now, batchId).update();
    }

    /** The letters of a closed batch; an open batch has no printable file yet (its content may still grow). */
    public List<byte[]> closedBatchPdfs(UUID batchId) {
        return jdbc.sql("""
                select m.pdf from message m join print_batch b on b.id = m.print_batch_id
                where b.id = ? and b.closed_at is not null and m.pdf is not null order by m.created_at, m.id""")
                .param(batchId).query((rs, i) -> rs.getBytes(1)).list();
    }
}
