package be.werkregie.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    final AtomicInteger checks = new AtomicInteger();
    final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final PasswordEncoder counting = new PasswordEncoder() {
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void rememberedOnlyAfterASuccessfulCheckAndOnlyForTheSameStoredHash() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), 100);
        String hash = cache.encode("geheim-1");
        assertThat(cache.matches("fout", hash)).isFalse();
        assertThat(cache.matches("fout", hash)).isFalse();
        assertThat(checks).hasValue(2); // failures are never cached
        assertThat(cache.matches("geheim-1", hash)).isTrue();
        assertThat(cache.matches("geheim-1", hash)).isTrue();
        assertThat(checks).hasValue(3); // the second success came from the cache
        String newHash = cache.encode("geheim-1"); // password reset: new salt, new stored hash
        assertThat(cache.matches("geheim-1", newHash)).isTrue();
        assertThat(checks).hasValue(4);
        assertThat(cache.matches("geheim-2", hash)).isFalse();
    }

    @Test
    void entriesExpire() throws InterruptedException {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMillis(1), 100);
        String hash = cache.encode("geheim");
        assertThat(cache.matches("geheim", hash)).isTrue();
        Thread.sleep(5);
        assertThat(cache.matches("geheim", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }
}
