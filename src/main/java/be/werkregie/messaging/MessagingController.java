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

    MessagingController(Messenger messenger, PersonDirectory people, JdbcClient jdbc) {
        this.messenger = messenger;
        this.people = people;
        this.jdbc = jdbc;
    }

    @GetMapping("/messages")
    String outbox(Model model) {
        model.addAttribute("messages", messenger.recent(100));
        model.addAttribute("counts", jdbc.sql("select status, count(*) from message group by status order by status")
                .query((rs, i) -> List.of(rs.getString(1), rs.getLong(2))).list());
        return "messaging/outbox";
    }

    @GetMapping("/messages/letters")
    String letters(Model model) {
        model.addAttribute("batches", jdbc.sql("""
                select b.id, b.created_at, b.closed_at, count(m.id) from print_batch b left join message m on m.print_batch_id = b.id
                group by b.id order by b.created_at desc limit 50""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, java.time.OffsetDateTime.class),
                        rs.getObject(3, java.time.OffsetDateTime.class), rs.getLong(4)}).list());
        return "messaging/letters";
    }

    @PostMapping("/messages/letters/close")
    String closeBatch(RedirectAttributes redirect) {
        jdbc.sql("update print_batch set closed_at = now() where closed_at is null").update();
        jdbc.sql("update message set status = 'PRINTED', delivered_at = now() where status = 'IN_PRINT_BATCH' and print_batch_id in (select id from print_batch where closed_at is not null)").update();
        redirect.addFlashAttribute("notice", "notice.batchClosed");
        return "redirect:/messages/letters";
    }

    @GetMapping(value = "/messages/letters/{id}.pdf")
    ResponseEntity<byte[]> batchPdf(@PathVariable UUID id) {
        List<byte[]> pdfs = jdbc.sql("select pdf from message where print_batch_id = ? and pdf is not null order by created_at")
                .param(id).query((rs, i) -> rs.getBytes(1)).list();
        if (pdfs.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"letters-" + id + ".pdf\"")
                .body(LetterRenderer.merge(pdfs));
    }

    @GetMapping(value = "/messages/sms.csv")
    ResponseEntity<byte[]> smsExport() {
        StringBuilder csv = new StringBuilder("message_id;phone;text\n");
        for (Message m : messenger.list("where channel = 'SMS' and status = 'AWAITING_EXPORT' order by created_at")) {
            csv.append(m.id()).append(';').append(m.recipient()).append(';')
                    .append((m.subject() + ": " + m.body()).replace(';', ',').replace('\n', ' ')).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sms-outbox.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/messages/sms/exported")
    String smsExported(RedirectAttributes redirect) {
        jdbc.sql("update message set status = 'SENT', delivered_at = now() where channel = 'SMS' and status = 'AWAITING_EXPORT'").update();
        redirect.addFlashAttribute("notice", "notice.smsExported");
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
        model.addAttribute("tasks", jdbc.sql("""
                select t.id, t.phone, t.created_at, m.subject, m.body, m.person_id from phone_task t join message m on m.id = t.message_id
                where t.done_at is null order by t.created_at limit 200""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, UUID.class)}).list());
        return "messaging/phone-tasks";
    }

    @PostMapping("/messages/phone-tasks/{id}/done")
    String phoneTaskDone(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
        if (outcome.length() > 500) {
            throw InvalidInputException.of("outcome", "validation.tooLong", 500);
        }
        CurrentUser me = CurrentUser.get();
        jdbc.sql("update phone_task set done_at = now(), done_by = ?, outcome = ? where id = ? and done_at is null")
                .params(me.displayName(), outcome, id).update();
        jdbc.sql("update message set status = 'DONE', delivered_at = now() where id = (select message_id from phone_task where id = ?)")
                .param(id).update();
        redirect.addFlashAttribute("notice", "notice.taskDone");
        return "redirect:/messages/phone-tasks";
    }

    @GetMapping("/people/{id}/messages")
    String personMessages(@PathVariable UUID id, Model model) {
        model.addAttribute("person", people.get(id, CurrentUser.get(), "messages"));
        model.addAttribute("messages", messenger.ofPerson(id));
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
