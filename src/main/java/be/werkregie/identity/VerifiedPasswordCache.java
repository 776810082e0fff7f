package be.werkregie.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, which (password, stored hash) pairs it has already verified.
 *
 * <p>Partner systems call the stateless API with HTTP Basic on every request; a bcrypt check costs tens of
 * milliseconds of CPU, which would cap the API at a few dozen requests per second on two cores. A successful check is
 * remembered as an HMAC of password and stored hash under a random key that exists only in this process's memory, so
 * the cache never holds a password or a fast unkeyed hash of one. A changed password has a new stored hash and misses
 * the cache; a failed check is never cached. Entries expire after {@code ttl}; the cache holds at most
 * {@code maxEntries}.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] key = new byte[32];
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        long now = System.nanoTime();
        Long until = verified.get(fingerprint);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            if (verified.size() >= maxEntries) {
                evictExpired(now);
            }
            if (verified.size() < maxEntries) {
                verified.put(fingerprint, now + ttlNanos);
            }
        } else if (until != null) {
            verified.remove(fingerprint);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void evictExpired(long now) {
        for (Iterator<Long> it = verified.values().iterator(); it.hasNext(); ) {
            if (it.next() - now <= 0) {
                it.remove();
            }
        }
    }

    private String fingerprint(CharSequence raw, String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(encoded.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
