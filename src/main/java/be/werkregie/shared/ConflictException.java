package be.werkregie.shared;

import java.util.List;

/**
 * A state transition lost a race or is no longer possible: the thing is no longer in the state the request expected
 * (already decided, already defended, place just taken). Answered with 409 and a plain message, never a 500; nothing
 * was changed. It is a kind of invalid input, so forms show it next to the field like any other problem.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(String field, String messageKey, Object... args) {
        super(List.of(new FieldProblem(field, messageKey, args)));
    }

    /**
     * The guard of every transition: an {@code UPDATE … WHERE id = ? AND status = <expected>} changed exactly one row,
     * or the request lost and gets a conflict. Use it after each compare-and-set.
     */
    public static void unlessChanged(int rows, String field, String messageKey, Object... args) {
        if (rows != 1) {
            throw new ConflictException(field, messageKey, args);
        }
    }
}
