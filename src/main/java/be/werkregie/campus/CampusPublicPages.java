package be.werkregie.campus;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** What needs no sign-in: the calendar feeds by secret address (a calendar app cannot sign in). */
@Controller
class CampusPublicPages {

    private final CampusFeeds feeds;

    CampusPublicPages(CampusFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/campus/feeds/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(feeds.feed(token).getBytes(StandardCharsets.UTF_8));
    }
}
