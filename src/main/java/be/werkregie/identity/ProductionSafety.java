package be.werkregie.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to run outside demo mode while demo accounts, or accounts with the known demo password, exist: a production
 * database must never be reachable with {@code werkregie}. Demo mode is on with the embedded database and off with an
 * external one unless {@code WERKREGIE_DEMO=true} says otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductionSafety implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafety.class);

    /** The demo's account names: in any database they must not open with the demo password outside demo mode. */
    static final List<String> DEMO_USERNAMES = List.of("mediator", "partner", "coach", "socialworker", "socialworker.genk",
            "partnermanager", "campus", "localgov", "analyst", "admin", "mira", "angelo", "frederic", "bernard", "abdel", "anja",
            "bjorn", "nina");

    private final Users users;
    private final PasswordEncoder passwords;
    private final boolean demo;
    private final String demoPassword;

    ProductionSafety(Users users, PasswordEncoder passwords, @Value("${werkregie.demo.enabled:false}") boolean demo,
                     @Value("${werkregie.demo.password:werkregie}") String demoPassword) {
        this.users = users;
        this.passwords = passwords;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            log.warn("Demo mode: demo data and demo accounts (password '{}') are available. Never use demo mode with real data.",
                    demoPassword.isEmpty() ? "" : demoPassword.charAt(0) + "…");
            return;
        }
        check();
    }

    void check() {
        long flagged = users.demoAccounts();
        if (flagged > 0) {
            throw new IllegalStateException(flagged + " demo accounts exist in this database while demo mode is off. Remove them, "
                    + "or start with WERKREGIE_DEMO=true if this really is a demo database.");
        }
        for (String hash : users.hashesOf(DEMO_USERNAMES)) {
            if (passwords.matches(demoPassword, hash) || passwords.matches("werkregie", hash)) {
                throw new IllegalStateException("An account opens with the known demo password while demo mode is off. "
                        + "Change its password before starting outside demo mode.");
            }
        }
    }
}
