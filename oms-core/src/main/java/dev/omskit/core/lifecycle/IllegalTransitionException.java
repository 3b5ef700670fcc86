package dev.omskit.core.lifecycle;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Lifecycle} has no transition from a state on a trigger, for example {@code SHIP} from {@code
 * CANCELLED}. Thrown by {@link Lifecycle#require}; the message lists the triggers that are allowed from
 * that state. Category {@link ErrorCategory#FAILED_PRECONDITION}.
 */
public class IllegalTransitionException extends OmsException {
    private final String lifecycleName;
    private final State from;
    private final Trigger trigger;
    private final List<Trigger> allowedTriggers;

    /**
     * An error for the lifecycle called {@code lifecycleName}, which has no transition from {@code from}
     * on {@code trigger} but does have transitions from {@code from} on {@code allowedTriggers}.
     */
    public IllegalTransitionException(
            String lifecycleName, State from, Trigger trigger, List<Trigger> allowedTriggers) {
        super(
                ErrorCategory.FAILED_PRECONDITION,
                "Lifecycle '" + lifecycleName + "' has no transition from " + from + " on " + trigger
                        + " (triggers allowed from " + from + ": " + describe(allowedTriggers) + ")");
        this.lifecycleName = lifecycleName;
        this.from = from;
        this.trigger = trigger;
        this.allowedTriggers = List.copyOf(allowedTriggers);
    }

    /** The name of the lifecycle. */
    public String lifecycleName() {
        return lifecycleName;
    }

    /** The state the transition was asked from. */
    public State from() {
        return from;
    }

    /** The trigger that has no transition from {@link #from()}. */
    public Trigger trigger() {
        return trigger;
    }

    /** The triggers that do have a transition from {@link #from()}, in declaration order; unmodifiable. */
    public List<Trigger> allowedTriggers() {
        return allowedTriggers;
    }

    private static String describe(List<Trigger> allowed) {
        return allowed.isEmpty() ? "none" : allowed.stream().map(Trigger::name).collect(Collectors.joining(", "));
    }
}
