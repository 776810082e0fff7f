package be.werkregie.platform;

import be.werkregie.shared.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.AttributeValueQuotes;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * The message of a field with an error, next to the field: {@code <p wr:field-error="email"></p>} becomes
 * {@code <p class="field-error" id="email-error">This is not a valid e-mail address…</p>} when the page's
 * {@code errors} name the field, and disappears when they do not (the field name may be an expression:
 * {@code wr:field-error="${'from' + d}"}). It replaces a fragment call per field: a form page without errors — nearly
 * every page — no longer resolves and processes a fragment for each of its fields (docs/benchmarks.md). The error
 * summary ({@code fragments :: errors}) links to the same ids, and app.js marks the field aria-invalid and
 * aria-describedby it.
 */
@Component
class FieldErrorDialect extends AbstractProcessorDialect {

    FieldErrorDialect() {
        super("Werkregie", "wr", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new FieldError(dialectPrefix));
    }

    static final class FieldError extends AbstractAttributeTagProcessor {

        FieldError(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "field-error", true, 1000, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String value, IElementTagStructureHandler structure) {
            List<FieldProblem> problems = new ArrayList<>();
            if (context.getVariable("errors") instanceof List<?> errors && !errors.isEmpty()) {
                String field = value.contains("${") || value.contains("'")
                        ? String.valueOf(StandardExpressions.getExpressionParser(context.getConfiguration())
                                .parseExpression(context, value).execute(context))
                        : value.trim();
                for (Object e : errors) {
                    if (e instanceof FieldProblem p && field.equals(p.field())) {
                        problems.add(p);
                    }
                }
                if (!problems.isEmpty()) {
                    IModelFactory f = context.getModelFactory();
                    IModel model = f.createModel();
                    boolean first = true;
                    for (FieldProblem p : problems) {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        attributes.put("class", "field-error");
                        if (first) {
                            attributes.put("id", field + "-error");
                        }
                        first = false;
                        model.add(f.createOpenElementTag("p", attributes, AttributeValueQuotes.DOUBLE, false));
                        String message = context.getMessage(FieldErrorDialect.class, p.messageKey(), p.args(), true);
                        model.add(f.createText(HtmlEscape.escapeHtml5(message)));
                        model.add(f.createCloseElementTag("p"));
                    }
                    structure.replaceWith(model, false);
                    return;
                }
            }
            structure.removeElement();
        }
    }
}
