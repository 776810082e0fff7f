package be.werkregie.vouchers;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused voucher request: 422 with every rule that was not met, in the caller's language, and the qualifying date. */
@RestControllerAdvice(assignableTypes = VoucherApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VoucherErrors {

    private final MessageSource messages;

    VoucherErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(VoucherRefusedException.class)
    ProblemDetail refused(VoucherRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        p.setType(URI.create("https://werkregie.example/problems/no-voucher-right"));
        p.setTitle(messages.getMessage("voucher.refused", null, LocaleContextHolder.getLocale()));
        p.setProperty("refusals", explain(e.result(), messages));
        if (e.result().qualifiesOn() != null) {
            p.setProperty("qualifiesOn", e.result().qualifiesOn().toString());
        }
        return p;
    }

    static List<Map<String, String>> explain(Eligibility.Result r, MessageSource messages) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d/M/yyyy");
        return r.refusals().stream().map(x -> Map.of("rule", x.rule(), "message", messages.getMessage("eligibility." + x.rule(),
                x.args().stream().map(a -> a instanceof java.time.LocalDate d ? d.format(f) : a).toArray(),
                LocaleContextHolder.getLocale()))).toList();
    }
}
