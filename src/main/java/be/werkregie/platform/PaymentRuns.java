package be.werkregie.platform;

import be.werkregie.identity.CurrentUser;
import be.werkregie.shared.Money;
import be.werkregie.shared.PaymentRunCompleted;
import be.werkregie.shared.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one payment mechanism of the platform: every scheme (career-voucher sessions, guidance outputs and result fees,
 * and next the campus invoices) runs through the same protocol, so the guarantees are made once:
 *
 * <ol>
 *   <li><b>validate</b> the run key and the date (not in the future, by the injected clock);</li>
 *   <li><b>idempotent</b> on the run key: the same key answers the same run and pays nothing twice;</li>
 *   <li><b>one run at a time</b> per scheme (a transaction-scoped advisory lock), the key checked again under the lock;</li>
 *   <li><b>claim</b> the payable rows atomically ({@code UPDATE … SET run = ? WHERE run IS NULL … RETURNING}): a row
 *       committed while the run works is not claimed and waits for the next run;</li>
 *   <li><b>price</b> exactly the claimed rows (the scheme's tested pricing rule, with dated policy values);</li>
 *   <li><b>line</b>: write one line per priced item, then settle what the scheme deducts (recoveries);</li>
 *   <li>publish {@link PaymentRunCompleted} with the lines and total actually written.</li>
 * </ol>
 *
 * A scheme owns its tables (the run, its lines, the claim marker on its payable rows); this class never names a table.
 * The statement of a payee is rendered by {@link Statements} from the scheme's lines.
 */
@Service
public class PaymentRuns {

    /** A payable item after pricing: who is paid, for what, how much. */
    public record PricedLine<C>(UUID payeeId, C claimed, Money amount) {}

    /** The result of a run: its id, whether this call created it (false: the key was already used), lines and total. */
    public record Outcome(UUID runId, boolean created, int lines, Money total) {}

    /**
     * A payment scheme: the module-specific steps of the protocol, on the module's own tables.
     *
     * @param <C> what a claim returns for one payable row (a session, an output, a fee, a booking)
     */
    public interface Scheme<C> {

        /** VOUCHERS, GUIDANCE, CAMPUS: the name on the completion event. */
        String name();

        /** The advisory lock that serialises this scheme's runs. */
        long lockKey();

        /** The field the date is reported on when invalid. */
        default String dateField() {
            return "until";
        }

        Optional<UUID> runByKey(String runKey);

        void insertRun(UUID runId, String runKey, LocalDate until, String createdBy);

        /** Marks the payable rows up to {@code until} as claimed by the run, atomically, and returns exactly those. */
        List<C> claim(UUID runId, LocalDate until);

        /** Prices the claimed rows: the one pricing rule of the scheme. Returns the lines to write (possibly grouped). */
        List<PricedLine<C>> price(UUID runId, List<C> claimed);

        /** Writes the priced lines of the run. */
        void writeLines(UUID runId, List<PricedLine<C>> lines);

        /** Claims what the run deducts (recoveries settled in it); nothing by default. */
        default void settleDeductions(UUID runId) {}
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentRuns(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public <C> Outcome run(Scheme<C> scheme, LocalDate until, String runKey, CurrentUser actor) {
        Validator v = new Validator().required("runKey", runKey, 100);
        v.check(until != null, scheme.dateField(), "validation.date");
        v.pastOrToday(scheme.dateField(), until, clock);
        v.throwIfInvalid();
        String key = runKey.trim();
        Optional<UUID> existing = scheme.runByKey(key);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false, -1, null);
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(scheme.lockKey()).query(Object.class).single();
        existing = scheme.runByKey(key);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false, -1, null);
        }
        UUID runId = UUID.randomUUID();
        scheme.insertRun(runId, key, until, actor.username());
        List<C> claimed = scheme.claim(runId, until);
        List<PricedLine<C>> lines = scheme.price(runId, claimed);
        scheme.writeLines(runId, lines);
        scheme.settleDeductions(runId);
        Money total = lines.stream().map(PricedLine::amount).reduce(Money.ZERO, Money::plus);
        events.publishEvent(new PaymentRunCompleted(scheme.name(), runId, key, lines.size(), total.amount()));
        return new Outcome(runId, true, lines.size(), total);
    }

}
