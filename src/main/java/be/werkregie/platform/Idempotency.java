package be.werkregie.platform;

import be.werkregie.shared.ConflictException;
import be.werkregie.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's one idempotency mechanism: same key → same result, one effect, one audit record, never a 500.
 *
 * <p>{@link #once} inserts (scope, owner, key) and runs the work in the caller's transaction. A retry after the first
 * committed finds the row and returns the stored result without running the work. A parallel twin's insert waits on
 * the first transaction's row lock, then finds the committed row the same way; if the first failed (bad input), its
 * row is rolled back and the twin does the work itself. The owner (the organisation or user) scopes keys, so one
 * client can never replay another's. The same key with a different request is refused with a conflict.
 */
@Component
public class Idempotency {

    private final JdbcClient jdbc;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once for the key. {@code fingerprint} describes the request (its meaningful fields), so that
     * a reused key with other content is caught. A blank key runs the work without protection.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID once(String scope, Object owner, String key, Object fingerprint, Supplier<UUID> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        if (key.length() > 100) {
            throw InvalidInputException.of("idempotencyKey", "validation.tooLong", 100);
        }
        String o = String.valueOf(owner);
        String fp = hash(String.valueOf(fingerprint));
        int inserted = jdbc.sql("""
                insert into idempotency_record (scope, owner, key, fingerprint, created_at) values (?,?,?,?,?)
                on conflict (scope, owner, key) do nothing""")
                .params(scope, o, key, fp, OffsetDateTime.now(clock)).update();
        if (inserted == 1) {
            UUID result = work.get();
            jdbc.sql("update idempotency_record set result = ? where scope = ? and owner = ? and key = ?")
                    .params(result == null ? null : result.toString(), scope, o, key).update();
            return result;
        }
        var stored = jdbc.sql("select fingerprint, result from idempotency_record where scope = ? and owner = ? and key = ?")
                .params(scope, o, key).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        if (!Objects.equals(stored[0], fp)) {
            throw new ConflictException("idempotencyKey", "validation.idempotencyKeyReused");
        }
        return stored[1] == null ? null : UUID.fromString(stored[1]);
    }

    /** Whether a request with this key has already been made (and kept) by the owner in this scope. */
    public boolean seen(String scope, Object owner, String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        return jdbc.sql("select count(*) from idempotency_record where scope = ? and owner = ? and key = ?")
                .params(scope, String.valueOf(owner), key).query(Long.class).single() > 0;
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
