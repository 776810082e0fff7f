package be.werkregie.messaging;

import be.werkregie.identity.CurrentUser;
import be.werkregie.people.PersonDirectory;
import be.werkregie.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The message outbox for staff: letters to print, SMS to export, phone calls to make, bounces to report. */
@Controller
class MessagingController {

    private final Messenger messenger;
    private final PersonDirectory people;
    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    private final Batches batches;

    private final be.werkregie.audit.AuditTrail audit;

    MessagingController(be.werkregie.audit.AuditTrail audit, Batches batches, java.time.Clock clock, Messenger messenger, PersonDirectory people, JdbcClient jdbc) {
        this.audit = audit;
        this.batches = batches;
        this.clock = clock;
        this.messenger = messenger;
        this.people = people;
        this.jdbc = jdbc;
    }

    @GetMapping("/messages")
    String outbox(@org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> query, Model model) {
        // thousands of messages: searched, filtered, sorted and paged in SQL; the newest first unless asked otherwise
        java.util.Map<String, String> q = new java.util.HashMap<>(query);
        q.putIfAbsent("sort", "when");
        if (!query.containsKey("sort")) {
            q.put("dir", "desc");
        }
        be.werkregie.platform.ListView.Builder b = be.werkregie.platform.ListView.from(q).sort("when", null).sort("subject", null)
                .sort("channel", null).sort("status", null).keep("status", "channel");
        String status = java.util.Arrays.stream(MessageStatus.values()).map(Enum::name).anyMatch(b.param("status")::equals)
                ? b.param("status") : "";
        String channel = b.param("channel").matches("[A-Z_]{1,20}") ? b.param("channel") : "";
        be.werkregie.platform.ListView<Message> list = b.paged(r -> messenger.outbox(r, status, channel));
        model.addAttribute("list", list);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("channels", List.of("EMAIL", "SMS", "LETTER", "PHONE", "FACE_TO_FACE", "NONE"));
        List<Message> recent = list.items();
        audit.recordReads(CurrentUser.get(), recent.stream().map(Message::personId).toList(), "MESSAGES", "outbox");
        model.addAttribute("smsExports", batches.smsExports());
        model.addAttribute("counts", jdbc.sql("select status, count(*) from message group by status order by status")
                .query((rs, i) -> List.of(rs.getString(1), rs.getLong(2))).list());
        return "messaging/outbox";
    }

    @GetMapping("/messages/letters")
    String letters(Model model) {
        model.addAttribute("batches", jdbc.sql("""
                select b.id, b.created_at, b.closed_at, count(m.id), b.printed_at from print_batch b left join message m on m.print_batch_id = b.id
                group by b.id order by b.created_at desc limit 50""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, java.time.OffsetDateTime.class),
                        rs.getObject(3, java.time.OffsetDateTime.class), rs.getLong(4),
                        rs.getObject(5, java.time.OffsetDateTime.class)}).list());
        return "messaging/letters";
    }

    @PostMapping("/messages/letters/close")
    String closeBatch(RedirectAttributes redirect) {
        batches.closeOpenBatch();
        redirect.addFlashAttribute("notice", "notice.batchClosed");
        return "redirect:/messages/letters";
    }

    @PostMapping("/messages/letters/{id}/printed")
    String batchPrinted(@PathVariable UUID id, RedirectAttributes redirect) {
        int n = batches.markPrinted(id, CurrentUser.get().username());
        redirect.addFlashAttribute("notice", n > 0 ? "notice.batchPrinted" : "notice.nothingChanged");
        return "redirect:/messages/letters";
    }

    @GetMapping(value = "/messages/letters/{id}.pdf")
    ResponseEntity<byte[]> batchPdf(@PathVariable UUID id) {
        List<byte[]> pdfs = batches.closedBatchPdfs(id);
        if (pdfs.isEmpty()) {
            throw new be.werkregie.shared.NotFoundException("batch");
        }
        audit.recordReads(CurrentUser.get(), jdbc.sql("select person_id from message where print_batch_id = ?").param(id)
                .query(UUID.class).list(), "MESSAGES", "print batch PDF " + id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"letters-" + id + ".pdf\"")
                .body(LetterRenderer.merge(pdfs));
    }

    @PostMapping("/messages/sms/export")
    String smsExport(RedirectAttributes redirect) {
        var export = batches.exportSms(CurrentUser.get().username());
        redirect.addFlashAttribute("notice", export.isPresent() ? "notice.smsExportMade" : "notice.smsNothingToExport");
        return "redirect:/messages";
    }

    @GetMapping(value = "/messages/sms/{id}.csv")
    ResponseEntity<byte[]> smsFile(@PathVariable UUID id) {
        List<Batches.SmsLine> lines = batches.smsLines(id);
        if (lines.isEmpty()) {
            throw new be.werkregie.shared.NotFoundException("sms export");
        }
        StringBuilder csv = new StringBuilder("message_id;phone;text\n");
        for (Batches.SmsLine l : lines) {
            csv.append(l.messageId()).append(';').append(l.phone()).append(';').append(l.text()).append('\n');
        }
        audit.recordReads(CurrentUser.get(), jdbc.sql("select person_id from message where sms_export_id = ?").param(id)
                .query(UUID.class).list(), "MESSAGES", "SMS export " + id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sms-" + id + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/messages/sms/{id}/sent")
    String smsSent(@PathVariable UUID id, RedirectAttributes redirect) {
        int n = batches.confirmSms(id, CurrentUser.get().username());
        redirect.addFlashAttribute("notice", n > 0 ? "notice.smsExported" : "notice.nothingChanged");
        return "redirect:/messages";
    }

    @PostMapping("/messages/{id}/bounced")
    String bounced(@PathVariable UUID id, RedirectAttributes redirect) {
        messenger.fallBack(id, "bounce reported");
        redirect.addFlashAttribute("notice", "notice.bounceReported");
        return "redirect:/messages";
    }

    @GetMapping("/messages/phone-tasks")
    String phoneTasks(Model model) {
        List<Object[]> tasks = jdbc.sql("""
                select t.id, t.phone, t.created_at, m.subject, m.body, m.person_id from phone_task t join message m on m.id = t.message_id
                where t.done_at is null order by t.created_at limit 200""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, UUID.class)}).list();
        model.addAttribute("tasks", tasks);
        audit.recordReads(CurrentUser.get(), tasks.stream().map(t -> (UUID) t[5]).toList(), "MESSAGES", "phone tasks");
        return "messaging/phone-tasks";
    }

    @PostMapping("/messages/phone-tasks/{id}/done")
    String phoneTaskDone(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
        if (outcome.length() > 500) {
            throw InvalidInputException.of("outcome", "validation.tooLong", 500);
        }
        CurrentUser me = CurrentUser.get();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        int done = jdbc.sql("update phone_task set done_at = ?, done_by = ?, outcome = ? where id = ? and done_at is null")
                .params(now, me.displayName(), outcome, id).update();
        if (done == 1) {
            jdbc.sql("update message set status = 'DONE', delivered_at = ? where id = (select message_id from phone_task where id = ?)")
                    .params(now, id).update();
        }
        redirect.addFlashAttribute("notice", "notice.taskDone");
        return "redirect:/messages/phone-tasks";
    }

    @GetMapping("/people/{id}/messages")
    String personMessages(@PathVariable UUID id, Model model) {
        model.addAttribute("person", people.get(id, CurrentUser.get(), "messages"));
        model.addAttribute("messages", messenger.ofPerson(id));
        audit.record(CurrentUser.get(), id, be.werkregie.audit.AuditTrail.Action.READ, "MESSAGES", "messages of the person", null);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "messaging/person-messages";
    }

    @PostMapping("/people/{id}/messages")
    String sendMessage(@PathVariable UUID id, @RequestParam(defaultValue = "") String subject,
                       @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String idempotencyKey,
                       Model model, RedirectAttributes redirect) {
        try {
            messenger.sendFreeText(id, subject, body, idempotencyKey, CurrentUser.get());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("subject", subject);
            model.addAttribute("body", body);
            return personMessages(id, model);
        }
        redirect.addFlashAttribute("notice", "notice.messageQueued");
        return "redirect:/people/" + id + "/messages";
    }
}
