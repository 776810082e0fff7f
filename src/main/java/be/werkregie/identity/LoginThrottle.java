package be.werkregie.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles password guessing, for the form and for HTTP Basic alike. Failures are counted per account and per source
 * address within a window; past the limit the subject is locked for a while (even the right password is refused then,
 * with a clear message), the lock is written to the audit trail, and it ends by time or when an administrator unlocks
 * the account. A success clears the account's count.
 */
@Service
public class LoginThrottle {

    public record Lock(String subject, int failures, OffsetDateTime lockedUntil) {}

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration lockFor;

    LoginThrottle(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events, Clock clock,
                  @Value("${werkregie.login.max-failures-per-account:5}") int maxPerAccount,
                  @Value("${werkregie.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${werkregie.login.window:PT15M}") Duration window,
                  @Value("${werkregie.login.lock:PT15M}") Duration lockFor) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.lockFor = lockFor;
    }

    static String account(String username) {
        return "account:" + (username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
    }

    static String address(String ip) {
        return "address:" + (ip == null ? "unknown" : ip);
    }

    /** What the sign-in needs to know: a lock of the account or the address, and whether the account has failures. */
    record State(OffsetDateTime lockedUntil, boolean accountFailures) {}

    /**
     * Partner systems sign in on every API request: the state is read from the database at most every 2 seconds per
     * (account, address), so a lock set on any instance is in force everywhere within 2 seconds, and a normal request
     * costs no query. A failure here drops the remembered state at once.
     */
    private record Remembered(State state, long at) {}

    private static final long REMEMBER_NANOS = Duration.ofSeconds(2).toNanos();
    private final java.util.Map<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    State state(String username, String ip) {
        String key = account(username) + "|" + address(ip);
        Remembered r = remembered.get(key);
        long nanos = System.nanoTime();
        if (r != null && nanos - r.at() < REMEMBER_NANOS) {
            return r.state();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        State s = new State(null, false);
        for (Lock l : jdbc.sql("select subject, failures, locked_until from login_throttle where subject in (?, ?)")
                .params(account(username), address(ip))
                .query((rs, i) -> new Lock(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class))).list()) {
            OffsetDateTime until = l.lockedUntil() != null && l.lockedUntil().isAfter(now) ? l.lockedUntil() : null;
            s = new State(until != null && (s.lockedUntil() == null || until.isAfter(s.lockedUntil())) ? until : s.lockedUntil(),
                    s.accountFailures() || l.subject().equals(account(username)));
        }
        if (remembered.size() > 10_000) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(s, nanos));
        return s;
    }

    /** The time until which the account or the address is locked, if either is. */
    public Optional<OffsetDateTime> lockedUntil(String username, String ip) {
        return Optional.ofNullable(state(username, ip).lockedUntil());
    }

    /** Counts a failed attempt (in its own transaction, so a failing sign-in cannot roll it back). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String ip) {
        remembered.remove(account(username) + "|" + address(ip));
        count(account(username), maxPerAccount, username);
        count(address(ip), maxPerAddress, username);
    }

    /** A success clears the account's failures (only when it has any: a normal sign-in writes nothing, opens nothing). */
    public void succeeded(String username, String ip) {
        if (state(username, ip).accountFailures()) {
            jdbc.sql("delete from login_throttle where subject = ?").param(account(username)).update();
            remembered.keySet().removeIf(k -> k.startsWith(account(username) + "|"));
        }
    }

    private void count(String subject, int max, String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // one statement: a new window starts when the old one is over; the lock is set when the count reaches the limit
        Lock l = jdbc.sql("""
                insert into login_throttle as t (subject, failures, window_start, last_failure_at) values (?, 1, ?, ?)
                on conflict (subject) do update set
                  failures = case when t.window_start < ? then 1 else t.failures + 1 end,
                  window_start = case when t.window_start < ? then excluded.window_start else t.window_start end,
                  last_failure_at = excluded.last_failure_at
                returning subject, failures, locked_until""")
                .params(subject, now, now, now.minus(window), now.minus(window))
                .query((rs, i) -> new Lock(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class))).single();
        if (l.failures() >= max && (l.lockedUntil() == null || l.lockedUntil().isBefore(now))) {
            jdbc.sql("update login_throttle set locked_until = ? where subject = ?").params(now.plus(lockFor), subject).update();
            events.publishEvent(new SignInLockChanged(subject, true, "locked after " + l.failures() + " failures until " + now.plus(lockFor)
                    + (subject.startsWith("address:") ? " (last account tried: " + username + ")" : ""), null));
        }
    }

    /** Current locks, for the administrators' page. */
    public List<Lock> locks() {
        return jdbc.sql("select subject, failures, locked_until from login_throttle where locked_until > ? order by locked_until desc")
                .param(OffsetDateTime.now(clock))
                .query((rs, i) -> new Lock(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class))).list();
    }

    /** An administrator lifts a lock before its time; recorded in the audit trail. */
    @Transactional
    public boolean unlock(String subject, CurrentUser admin) {
        int n = jdbc.sql("delete from login_throttle where subject = ?").param(subject).update();
        remembered.clear();
        if (n > 0) {
            events.publishEvent(new SignInLockChanged(subject, false, "unlocked by an administrator", admin.username()));
        }
        return n > 0;
    }
}
