package be.werkregie.platform;

import be.werkregie.shared.Validator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Bad input never reaches a rule or the database as something it cannot handle. At the edge, for every endpoint at
 * once: JSON text with control characters (NUL…), dates outside 1900–2199 (+999999999-12-31) and null elements in
 * lists ([null]) are unreadable (400 naming the field); request parameters and paths with control characters are
 * refused (400) before any controller runs. Field rules (lengths, ranges, choices) stay in the modules' validators.
 */
@Configuration
class InputHygiene {

    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> {
            SimpleModule m = new SimpleModule("werkregie-input-hygiene");
            m.addDeserializer(String.class, new CleanStringDeserializer());
            m.addDeserializer(LocalDate.class, new BoundedLocalDateDeserializer());
            builder.addModule(m);
            for (Class<?> c : List.of(List.class, Set.class, Collection.class, Map.class)) {
                builder.withConfigOverride(c, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
            }
        };
    }

    static final class CleanStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            if (s != null && CONTROL.matcher(s).find()) {
                throw ctxt.weirdStringException("(control characters)", String.class, "text contains control characters");
            }
            return s;
        }
    }

    static final class BoundedLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
        BoundedLocalDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(text);
                if (d.isBefore(Validator.EARLIEST) || d.isAfter(Validator.LATEST)) {
                    throw ctxt.weirdStringException(text, LocalDate.class, "date out of range");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "not an ISO date");
            }
        }
    }

    /** Control characters in a parameter, a parameter name or the path: 400 for the whole request, nothing runs. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> controlCharacterFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (dirty(request)) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(filter);
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        r.addUrlPatterns("/*");
        return r;
    }

    static boolean dirty(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri != null && (CONTROL.matcher(uri).find() || uri.toLowerCase().contains("%00"))) {
            return true;
        }
        try {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                if (CONTROL.matcher(e.getKey()).find()) {
                    return true;
                }
                for (String v : e.getValue()) {
                    if (v != null && CONTROL.matcher(v).find()) {
                        return true;
                    }
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return true; // a body the container cannot even parse into parameters
        }
        return false;
    }
}
