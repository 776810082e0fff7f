package be.werkregie.messaging;

import be.werkregie.identity.CurrentUser;
import be.werkregie.platform.ListView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's inbox: every message and decision the platform sent them, in the language and channel it went out in,
 * newest first, with its text and how it reached them ("by e-mail to …", "as a letter by post") in plain words. A
 * message that was sent again in another channel (an e-mail that bounced, then a letter) shows once, as it finally went.
 */
@Controller
class CitizenInbox {

    private final Messenger messenger;

    CitizenInbox(Messenger messenger) {
        this.messenger = messenger;
    }

    @GetMapping("/me/messages")
    String inbox(@RequestParam Map<String, String> query, Model model) {
        CurrentUser me = CurrentUser.get();
        Map<java.util.UUID, Message> latest = new LinkedHashMap<>();
        for (Message m : messenger.ofPerson(me.personId())) {
            latest.putIfAbsent(m.id(), m); // the list is newest attempt first
        }
        List<Message> all = new ArrayList<>(latest.values());
        var list = ListView.from(query)
                .sort("date", Comparator.comparing(Message::createdAt).reversed())
                .of(all, m -> (m.subject() == null ? "" : m.subject()) + " " + (m.body() == null ? "" : m.body()), null);
        model.addAttribute("list", list);
        return "messaging/inbox";
    }
}
