package be.werkregie.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts and their roles. */
@Service
public class Users implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Transactional
    public UUID create(String username, String rawPassword, String displayName, UUID organisationId, UUID personId,
                       String language, Set<Role> roles) {
        return create(username, rawPassword == null ? null : hash(rawPassword), displayName, organisationId, personId, language, roles);
    }

    /** A password's stored form (bcrypt with its own salt); made once for accounts that share it, such as the demo's. */
    public record PasswordHash(String value) {
        @Override
        public String toString() {
            return "PasswordHash[hidden]";
        }
    }

    public PasswordHash hash(String rawPassword) {
        return new PasswordHash(passwords.encode(rawPassword));
    }

    /**
     * Creates an account with a password hashed beforehand: bcrypt is slow on purpose (about 0.2 s per hash), and the
     * demo's 18 accounts all have the published demo password, so hashing it once took 3.5 s off the first start.
     */
    @Transactional
    public UUID create(String username, PasswordHash password, String displayName, UUID organisationId, UUID personId,
                       String language, Set<Role> roles) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, username, password_hash, display_name, organisation_id, person_id, language)
                values (?,?,?,?,?,?,?)""")
                .params(id, username, password == null ? null : password.value(), displayName, organisationId,
                        personId, language).update();
        for (Role r : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, r.name()).update();
        }
        recent.remove(username);
        return id;
    }

    public Optional<CurrentUser> find(String username) {
        List<CurrentUser> found = jdbc.sql("""
                select u.id, u.username, u.password_hash, u.display_name, u.organisation_id, o.name, o.kind, u.person_id,
                       u.language, u.enabled, coalesce(string_agg(r.role, ','), '') as roles
                from app_user u left join organisation o on o.id = u.organisation_id
                left join user_role r on r.user_id = u.id
                where u.username = ?
                group by u.id, o.name, o.kind""")
                .param(username)
                .query((rs, i) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String r : rs.getString("roles").split(",")) {
                        if (!r.isBlank()) {
                            roles.add(Role.valueOf(r));
                        }
                    }
                    String kind = rs.getString(7);
                    return new CurrentUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, UUID.class), rs.getString(6), kind == null ? null : OrganisationKind.valueOf(kind),
                            rs.getObject(8, UUID.class), roles, rs.getString(9), rs.getBoolean(10));
                }).list();
        return found.stream().findFirst();
    }

    /** Marks every account that exists now as a demo account (called once, by the demo loader on an empty database). */
    @Transactional
    public int markDemoAccounts() {
        return jdbc.sql("update app_user set demo = true where not demo").update();
    }

    public long demoAccounts() {
        return jdbc.sql("select count(*) from app_user where demo").query(Long.class).single();
    }

    /** The stored password hashes of these accounts (for the production-safety check). */
    List<String> hashesOf(java.util.Collection<String> usernames) {
        return jdbc.sql("select password_hash from app_user where username = any(?) and password_hash is not null")
                .param(usernames.toArray(new String[0])).query(String.class).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        // stateless API clients authenticate on every request: remember the account for a few seconds
        long now = System.nanoTime();
        Cached c = recent.get(username);
        if (c != null && now - c.at() < CACHE_NANOS) {
            return c.user();
        }
        CurrentUser user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(username, new Cached(user, now));
        return user;
    }

    /** Accounts read for authentication are reused for at most 5 seconds (a disabled account stops within that time). */
    private static final long CACHE_NANOS = java.time.Duration.ofSeconds(5).toNanos();

    private record Cached(CurrentUser user, long at) {}

    private final java.util.Map<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();
}
