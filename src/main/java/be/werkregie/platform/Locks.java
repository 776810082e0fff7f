package be.werkregie.platform;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transaction-scoped advisory locks on a (purpose, id) pair: the way a module serialises a check-then-write on a thing
 * it does not own a row for (a person, an organisation) without touching another module's tables. Released at commit.
 */
@Component
public class Locks {

    private final JdbcClient jdbc;

    Locks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String purpose, UUID id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(purpose, String.valueOf(id)).query(Object.class).single();
    }
}
