package be.werkregie.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shared sessions in PostgreSQL (several instances), at the cost of one read per request instead of three
 * transactions (benchmarks.md, 2026-12-02 third session): Spring Session reads the session, writes its last access,
 * and reads it again after saving to decide whether to resend the cookie. Here
 * <ul>
 *   <li>the session saved in this request answers that second read (kept for the request only, cleared by a filter
 *       that runs before the session filter);</li>
 *   <li>the last access is written at most once a minute when nothing else changed (a session of 30 minutes may thus
 *       expire up to a minute early, never late).</li>
 * </ul>
 * Attributes (the security context, the CSRF token) are written as before, the moment they change.
 */
@Configuration
@org.springframework.session.config.annotation.web.http.EnableSpringHttpSession
class SessionStore {

    private JdbcIndexedSessionRepository jdbcSessions;

    /** Deletes expired sessions (Spring Boot's JDBC session configuration did this; it backs off for ours). */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${spring.session.jdbc.cleanup-cron:0 */10 * * * *}")
    void cleanUpExpiredSessions() {
        if (jdbcSessions != null) {
            jdbcSessions.cleanUpExpiredSessions();
        }
    }

    static final Duration ACCESS_PRECISION = Duration.ofMinutes(1);
    private static final ThreadLocal<Session> SAVED_IN_THIS_REQUEST = new ThreadLocal<>();

    @Bean
    @Primary
    @SuppressWarnings({"rawtypes", "unchecked"})
    FindByIndexNameSessionRepository<Session> thriftySessions(org.springframework.jdbc.core.JdbcTemplate template,
            org.springframework.transaction.PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${spring.session.timeout:30m}") Duration timeout) {
        // as Spring Session's JdbcHttpSessionConfiguration builds it: its own transactions, the default table
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.afterPropertiesSet();
        JdbcIndexedSessionRepository jdbc = new JdbcIndexedSessionRepository(template, tx);
        jdbc.setDefaultMaxInactiveInterval(timeout);
        jdbc.afterPropertiesSet();
        this.jdbcSessions = jdbc;
        FindByIndexNameSessionRepository delegate = jdbc;
        return new FindByIndexNameSessionRepository<>() {
            @Override
            public Session createSession() {
                return delegate.createSession();
            }

            @Override
            public void save(Session session) {
                Session real = session instanceof Tracked t ? t.real : session;
                delegate.save(real);
                SAVED_IN_THIS_REQUEST.set(session);
            }

            @Override
            public Session findById(String id) {
                Session saved = SAVED_IN_THIS_REQUEST.get();
                if (saved != null && saved.getId().equals(id)) {
                    return saved;
                }
                Session found = (Session) delegate.findById(id);
                return found == null ? null : new Tracked(found);
            }

            @Override
            public void deleteById(String id) {
                SAVED_IN_THIS_REQUEST.remove();
                delegate.deleteById(id);
            }

            @Override
            public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
                return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
            }
        };
    }

    /** Clears what the request saved, before and after each request (threads are pooled). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionRequestScope() {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                SAVED_IN_THIS_REQUEST.remove();
                try {
                    chain.doFilter(request, response);
                } finally {
                    SAVED_IN_THIS_REQUEST.remove();
                }
            }
        });
        r.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return r;
    }

    /** A session read from the store: the last access moves only when it is a minute or more later. */
    static final class Tracked implements Session {
        final Session real;

        Tracked(Session real) {
            this.real = real;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            if (Duration.between(real.getLastAccessedTime(), at).compareTo(ACCESS_PRECISION) >= 0) {
                real.setLastAccessedTime(at);
            }
        }

        @Override public String getId() { return real.getId(); }
        @Override public String changeSessionId() { return real.changeSessionId(); }
        @Override public <T> T getAttribute(String name) { return real.getAttribute(name); }
        @Override public Set<String> getAttributeNames() { return real.getAttributeNames(); }
        @Override public void setAttribute(String name, Object value) { real.setAttribute(name, value); }
        @Override public void removeAttribute(String name) { real.removeAttribute(name); }
        @Override public Instant getCreationTime() { return real.getCreationTime(); }
        @Override public Instant getLastAccessedTime() { return real.getLastAccessedTime(); }
        @Override public void setMaxInactiveInterval(Duration interval) { real.setMaxInactiveInterval(interval); }
        @Override public Duration getMaxInactiveInterval() { return real.getMaxInactiveInterval(); }
        @Override public boolean isExpired() { return real.isExpired(); }
    }
}
