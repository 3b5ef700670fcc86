package dev.omskit.core.lifecycle;

import java.util.function.Consumer;

/**
 * Something a {@link Transition} does to its context when it is taken, for example recording which
 * stock was reserved. Actions must be pure with respect to the outside world, quick and free of I/O:
 * they only change the context they are given. Side effects (messages, calls to other systems) belong
 * to event listeners, which run after the change has been stored.
 *
 * <p>Implementations must be immutable and thread-safe; the ones made by {@link #of} are, provided the
 * body given to it is.
 *
 * @param <C> the type of the context the action works on, for example an order being changed
 */
public interface Action<C> {
    /** A short name shown in diagrams and messages, for example {@code reserveStock}. */
    String name();

    /** Applies the action to {@code context}. */
    void execute(C context);

    /**
     * An action called {@code name} that runs {@code body}.
     *
     * @throws dev.omskit.core.error.InvalidArgumentException if {@code name} is null or blank, or {@code
     *     body} is null
     */
    static <C> Action<C> of(String name, Consumer<? super C> body) {
        return new FunctionAction<>(name, body);
    }
}
