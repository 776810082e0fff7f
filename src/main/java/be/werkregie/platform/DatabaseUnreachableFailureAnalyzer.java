package be.werkregie.platform;

import java.net.ConnectException;
import org.postgresql.util.PSQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A clear message, instead of a stack trace, when the configured database cannot be reached. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PSQLException cause) {
        Throwable t = cause;
        while (t != null && !(t instanceof ConnectException)) {
            t = t.getCause();
        }
        if (t == null && !"08001".equals(cause.getSQLState())) {
            return null;
        }
        return new FailureAnalysis(
                "Werkregie cannot reach its PostgreSQL database: " + cause.getMessage(),
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, "
                        + "or unset SPRING_DATASOURCE_URL to use the embedded database.",
                cause);
    }
}
