package be.werkregie.platform;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * Which database errors are the caller's: SQLSTATE class 22 (data exception: numeric value out of range, invalid
 * datetime, NUL in text) is bad input (400); class 23 (integrity: a duplicate key lost in a race) is a conflict (409).
 * Anything else is a real fault and stays a 500.
 */
final class DataErrors {

    private DataErrors() {}

    static HttpStatus statusOf(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                if (s.getSQLState().startsWith("22")) {
                    return HttpStatus.BAD_REQUEST;
                }
                if (s.getSQLState().startsWith("23")) {
                    return HttpStatus.CONFLICT;
                }
            }
        }
        return e instanceof DataIntegrityViolationException ? HttpStatus.CONFLICT : null;
    }
}
