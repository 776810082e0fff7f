package be.werkregie.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;

/**
 * The "check your answers" step before something that cannot be undone (a payment run, a sanction, stopping a
 * trajectory, choosing a partner, requesting a voucher): the step is first <em>tried without effect</em> — run in a
 * transaction that is rolled back, so the rules that run are the real ones and a mistake is shown on the form before
 * the check page — then the page lists what will happen and the same form is posted again with
 * {@code confirmed=true}. Component: {@code platform/check-answers.html}; guide: docs/components.md.
 */
@Component
public class CheckAnswers {

    private final TransactionTemplate tx;

    CheckAnswers(TransactionTemplate tx) {
        this.tx = tx;
    }

    /** Whether the reader went back from the check page to change the form (which keeps what was typed). */
    public static boolean change(String value) {
        return "change".equals(value);
    }

    /** Whether the form came from the check page. */
    public static boolean confirmed(String value) {
        return "true".equals(value);
    }

    /**
     * Runs the step and rolls everything back (rows, audit records, events in the outbox): its result tells what the
     * step would do; an {@code InvalidInputException} (or a refusal) is thrown exactly as the real step would.
     */
    public <T> T tryWithoutEffect(Supplier<T> step) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            return step.get();
        });
    }

    public void tryWithoutEffect(Runnable step) {
        tryWithoutEffect(() -> {
            step.run();
            return null;
        });
    }

    /** A check page: its title, where the confirmed form goes, and what it shows. */
    public static Page page(String titleKey, String action) {
        return new Page(titleKey, action);
    }

    public static final class Page {

        /** One line of the summary: the message key of its label and the value as the reader will read it. */
        public record Row(String label, String value) {}

        private final String title;
        private final String action;
        private final List<Row> rows = new ArrayList<>();
        private final Map<String, String> hidden = new LinkedHashMap<>();
        private String consequence;
        private List<Object> consequenceArgs = List.of();
        private String confirm = "check.confirm";
        private boolean destructive;
        private String back;

        private Page(String title, String action) {
            this.title = title;
            this.action = action;
        }

        public Page row(String labelKey, Object value) {
            rows.add(new Row(labelKey, value == null ? "" : String.valueOf(value)));
            return this;
        }

        /** A field of the form, posted again unchanged with the confirmation. */
        public Page keep(String name, Object value) {
            if (value != null) {
                hidden.put(name, String.valueOf(value));
            }
            return this;
        }

        public Page keepAll(Map<String, String> values) {
            values.forEach(this::keep);
            return this;
        }

        /** What the confirmation will do, in plain words (a message key with its arguments). */
        public Page consequence(String key, Object... args) {
            this.consequence = key;
            this.consequenceArgs = List.of(args);
            return this;
        }

        /** The button's label; destructive buttons are red. */
        public Page confirmWith(String key, boolean destructive) {
            this.confirm = key;
            this.destructive = destructive;
            return this;
        }

        /** Where "change" goes back to (the form, with what was typed kept by the browser's history). */
        public Page back(String href) {
            this.back = href;
            return this;
        }

        public String show(Model model) {
            model.addAttribute("check", this);
            return "platform/check-answers";
        }

        public String title() { return title; }
        public String action() { return action; }
        public List<Row> rows() { return rows; }
        public Map<String, String> hidden() { return hidden; }
        public String consequence() { return consequence; }
        public Object[] consequenceArgs() { return consequenceArgs.toArray(); }
        public String confirm() { return confirm; }
        public boolean destructive() { return destructive; }
        public String back() { return back; }
    }
}
