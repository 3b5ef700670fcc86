package dev.omskit.core.lifecycle;

import dev.omskit.core.error.InternalException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge of a {@link Lifecycle}: from a state, on a trigger, to a state, allowed only if every guard
 * allows it, running its actions in order when taken. Instances are made by {@link Lifecycle.Builder}
 * only. Immutable and thread-safe (provided its guards and actions are).
 *
 * @param <C> the type of the context its guards and actions look at
 */
public final class Transition<C> {
    private final State from;
    private final Trigger trigger;
    private final State to;
    private final List<Guard<C>> guards;
    private final List<Action<C>> actions;

    Transition(State from, Trigger trigger, State to, List<Guard<C>> guards, List<Action<C>> actions) {
        this.from = Objects.requireNonNull(from, "from");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.to = Objects.requireNonNull(to, "to");
        this.guards = List.copyOf(guards);
        this.actions = List.copyOf(actions);
    }

    /** The state this transition leaves. */
    public State from() {
        return from;
    }

    /** The trigger that takes this transition. */
    public Trigger trigger() {
        return trigger;
    }

    /** The state this transition enters (may equal {@link #from()} for a self-loop). */
    public State to() {
        return to;
    }

    /** The guards, in the order they are checked; unmodifiable, possibly empty. */
    public List<Guard<C>> guards() {
        return guards;
    }

    /** The actions, in the order they run; unmodifiable, possibly empty. */
    public List<Action<C>> actions() {
        return actions;
    }

    /**
     * Checks the guards in order against {@code context} and returns the reason given by the first one
     * that refuses; the guards after it are not checked.
     *
     * @return empty if every guard allows the transition, otherwise the first refusal reason
     * @throws InternalException if a guard breaks its contract by returning null
     */
    public Optional<String> refusal(C context) {
        for (Guard<C> guard : guards) {
            Optional<String> refusal = guard.check(context);
            if (refusal == null) {
                throw new InternalException(
                        "Guard '" + guard.name() + "' on " + this + " returned null instead of an Optional");
            }
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the actions in order on {@code context}. An exception thrown by an action propagates and the
     * actions after it do not run.
     */
    public void runActions(C context) {
        for (Action<C> action : actions) {
            action.execute(context);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Transition<?>)) {
            return false;
        }
        Transition<?> other = (Transition<?>) o;
        return from.equals(other.from)
                && trigger.equals(other.trigger)
                && to.equals(other.to)
                && guards.equals(other.guards)
                && actions.equals(other.actions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, trigger, to, guards, actions);
    }

    /** For example {@code CREATED --ALLOCATE--> ALLOCATED}. */
    @Override
    public String toString() {
        return from + " --" + trigger + "--> " + to;
    }
}
