package be.werkregie.messaging;

import be.werkregie.identity.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessagingApi {

    record MessageRequest(String subject, String body) {}

    private final Messenger messenger;

    MessagingApi(Messenger messenger) {
        this.messenger = messenger;
    }

    @PostMapping("/api/people/{id}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, UUID> send(@PathVariable UUID id, @RequestBody MessageRequest m,
                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return Map.of("id", messenger.sendFreeText(id, m.subject(), m.body(), key, CurrentUser.get()));
    }
}
