package be.werkregie.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life cycle of an aggregate (voucher, trajectory, complaint, sanction, mandate, misuse case, referral, result fee):
 * its states as an enum and the moves allowed between them. The aggregate's transition methods ask the life cycle for a
 * {@link Transition}; a move it does not allow is refused with a {@link ConflictException} before anything is written.
 * Persistence then applies the transition as a compare-and-set on the state it was taken from
 * ({@code UPDATE … SET status = :to WHERE id = ? AND status = :from}) and checks it with
 * {@link ConflictException#unlessChanged}: the rule that is unit-tested is the rule that runs, and a concurrent move
 * that got there first makes the loser's update change no row.
 */
public final class Lifecycle<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> moves;

    private Lifecycle(Class<S> type, Map<S, Set<S>> moves) {
        this.type = type;
        this.moves = moves;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean allows(S from, S to) {
        return moves.getOrDefault(from, Set.of()).contains(to);
    }

    /** The states reachable in one move from {@code from}. */
    public Set<S> next(S from) {
        return Collections.unmodifiableSet(moves.getOrDefault(from, EnumSet.noneOf(type)));
    }

    /** The states from which one move reaches {@code to} (for bulk moves such as lapsing, as an SQL list). */
    public Set<S> sources(S to) {
        EnumSet<S> set = EnumSet.noneOf(type);
        moves.forEach((from, targets) -> {
            if (targets.contains(to)) {
                set.add(from);
            }
        });
        return Collections.unmodifiableSet(set);
    }

    /** The names of {@code states} as an array, for {@code status = any(?)} in a compare-and-set. */
    public static String[] names(Set<? extends Enum<?>> states) {
        return states.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    /** A state no move leaves. */
    public boolean isFinal(S state) {
        return next(state).isEmpty();
    }

    /** The move from → to, or a conflict on {@code field} with {@code messageKey} when the life cycle does not allow it. */
    public Transition<S> move(S from, S to, String field, String messageKey, Object... args) {
        if (from == null || to == null || !allows(from, to)) {
            throw new ConflictException(field, messageKey, args);
        }
        return new Transition<>(from, to);
    }

    /** A move between two states of an aggregate, allowed by its life cycle; applied with a compare-and-set on {@code from}. */
    public record Transition<S extends Enum<S>>(S from, S to) {
        public String fromName() {
            return from.name();
        }

        public String toName() {
            return to.name();
        }
    }

    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> moves;

        private Builder(Class<S> type) {
            this.type = type;
            this.moves = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Builder<S> from(S from, S... to) {
            Set<S> set = moves.computeIfAbsent(from, k -> EnumSet.noneOf(type));
            set.addAll(java.util.Arrays.asList(to));
            return this;
        }

        public Lifecycle<S> build() {
            Map<S, Set<S>> copy = new EnumMap<>(type);
            for (S s : type.getEnumConstants()) {
                copy.put(s, Collections.unmodifiableSet(EnumSet.copyOf(moves.getOrDefault(s, EnumSet.noneOf(type)))));
            }
            return new Lifecycle<>(type, Collections.unmodifiableMap(copy));
        }
    }
}
