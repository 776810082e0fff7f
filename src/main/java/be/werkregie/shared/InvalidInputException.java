package be.werkregie.shared;

import java.util.List;

/** Bad input, field by field; nothing was changed. Messages are keys resolved in the user's language. */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String messageKey, Object... args) {}

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
