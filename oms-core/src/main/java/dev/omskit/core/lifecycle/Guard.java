package dev.omskit.core.lifecycle;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A condition a {@link Transition} checks before it may be taken, for example "the order is not on
 * hold". A guard only looks at the context: it must be side-effect free, quick and must not do I/O, so
 * that it can be evaluated any number of times (for example to list the commands an order accepts).
 *
 * <p>Implementations must be immutable and thread-safe; the ones made by {@link #of} are, provided the
 * functions given to it are.
 *
 * @param <C> the type of the context the guard looks at, for example an order
 */
public interface Guard<C> {
    /** A short name shown in diagrams and messages, for example {@code notOnHold}. */
    String name();

    /**
     * Checks the guard against {@code context}.
     *
     * @return empty if the transition is allowed, otherwise the reason for refusing it, a sentence
     *     naming the values involved; never null
     */
    Optional<String> check(C context);

    /**
     * A guard called {@code name} that allows a transition when {@code allows} is true and otherwise
     * refuses it with the reason {@code reasonWhenRefused} computes. If that function returns null or a
     * blank string, the reason is {@code refused by guard 'name'}.
     *
     * @throws dev.omskit.core.error.InvalidArgumentException if {@code name} is null or blank, or a
     *     function is null
     */
    static <C> Guard<C> of(String name, Predicate<? super C> allows, Function<? super C, String> reasonWhenRefused) {
        return new FunctionGuard<>(name, allows, reasonWhenRefused);
    }
}
