package be.werkregie.identity;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, to build the navigation for their role. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    CurrentUser me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser u ? u : null;
    }

    /** The path of the page, to mark the current menu entry (aria-current). */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("navigation")
    java.util.List<Navigation.Item> navigation(Authentication authentication) {
        return Navigation.itemsFor(me(authentication));
    }
}
