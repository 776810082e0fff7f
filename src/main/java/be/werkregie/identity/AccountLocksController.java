package be.werkregie.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see sign-ins locked after too many failures and can lift a lock early. */
@Controller
class AccountLocksController {

    private final LoginThrottle throttle;

    AccountLocksController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/accounts/locks")
    String locks(Model model) {
        model.addAttribute("locks", throttle.locks());
        return "identity/locks";
    }

    @PostMapping("/accounts/locks/unlock")
    String unlock(@RequestParam(defaultValue = "") String subject, RedirectAttributes redirect) {
        boolean done = throttle.unlock(subject, CurrentUser.get());
        redirect.addFlashAttribute("notice", done ? "locks.unlocked" : "notice.nothingChanged");
        return "redirect:/accounts/locks";
    }
}
