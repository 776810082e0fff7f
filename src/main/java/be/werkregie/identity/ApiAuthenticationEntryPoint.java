package be.werkregie.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a missing or wrong sign-in: 401 with a Basic challenge and a problem document; a sign-in locked
 * after too many failures gets 429 with Retry-After and a message that says so.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final MessageSource messages;

    ApiAuthenticationEntryPoint(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean locked = e instanceof LockedException;
        response.setStatus(locked ? 429 : 401);
        if (locked) {
            response.setHeader("Retry-After", "900");
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Werkregie\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = messages.getMessage(locked ? "login.locked" : "problem.unauthorized", null, LocaleContextHolder.getLocale());
        response.getWriter().write("{\"status\":" + (locked ? 429 : 401) + ",\"title\":\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
