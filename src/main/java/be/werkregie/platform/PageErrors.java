package be.werkregie.platform;

import be.werkregie.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Friendly pages for "not found" and malformed links, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** A value the database refused (out of range, a conflicting duplicate): a page that says so, never a 500. */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    String dataError(org.springframework.dao.DataAccessException e, jakarta.servlet.http.HttpServletResponse response,
                     org.springframework.ui.Model model) throws Exception {
        HttpStatus status = DataErrors.statusOf(e);
        if (status == null) {
            throw e;
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        return "error";
    }
}
