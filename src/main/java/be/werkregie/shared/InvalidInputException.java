package be.werkregie.shared;

import java.util.List;

/** Bad input, field by field; nothing was changed. Messages are keys resolved in the user's language. */
public class InvalidInputException extends RuntimeException {

    /** Serializable: a problem may travel in a flash attribute, in a session shared by several instances. */
    public record FieldProblem(String field, String messageKey, Object... args) implements java.io.Serializable {}

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems.stream().map(p -> p.field() + "=" + p.messageKey()).toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String key, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, key, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
