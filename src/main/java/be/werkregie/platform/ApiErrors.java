package be.werkregie.platform;

import be.werkregie.shared.InvalidInputException;
import be.werkregie.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem details for the REST API, with field messages in the caller's language (Accept-Language). */
@RestControllerAdvice(basePackages = "be.werkregie", annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(be.werkregie.shared.ConflictException.class)
    ProblemDetail conflict(be.werkregie.shared.ConflictException e) {
        ProblemDetail p = problems(e, HttpStatus.CONFLICT);
        p.setType(URI.create("https://werkregie.example/problems/conflict"));
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problems(e, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private ProblemDetail problems(InvalidInputException e, HttpStatus status) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create("https://werkregie.example/problems/invalid-input"));
        p.setTitle(messages.getMessage("problem.invalid", null, LocaleContextHolder.getLocale()));
        List<Map<String, String>> errors = e.problems().stream().map(f -> Map.of("field", f.field(), "message",
                messages.getMessage(f.messageKey(), f.args(), LocaleContextHolder.getLocale()))).toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        p.setTitle(messages.getMessage("problem.notFound", null, LocaleContextHolder.getLocale()));
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        p.setTitle(messages.getMessage("problem.unreadable", null, LocaleContextHolder.getLocale()));
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : fieldOf(e);
        if (field != null && !field.isBlank()) {
            p.setProperty("errors", List.of(Map.of("field", field, "message",
                    messages.getMessage("validation.unreadableField", null, LocaleContextHolder.getLocale()))));
        }
        return p;
    }

    /** The JSON path of the value Jackson could not read ("items[2].date"), when it knows it. */
    static String fieldOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (var ref : d.getPath()) {
                    if (ref.getPropertyName() != null) {
                        b.append(b.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        b.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return b.toString();
            }
        }
        return null;
    }

    /** A data error the database caught (a value out of range, an impossible date): bad input, not a server fault. */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ProblemDetail dataError(org.springframework.dao.DataAccessException e) throws Exception {
        HttpStatus status = DataErrors.statusOf(e);
        if (status == null) {
            throw e;
        }
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setTitle(messages.getMessage(status == HttpStatus.CONFLICT ? "problem.conflict" : "problem.unreadable", null,
                LocaleContextHolder.getLocale()));
        return p;
    }
}
