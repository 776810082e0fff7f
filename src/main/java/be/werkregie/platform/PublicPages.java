package be.werkregie.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PublicPages {

    @GetMapping("/")
    String index() {
        return "index";
    }

    @GetMapping("/about")
    String about() {
        return "about";
    }
}
