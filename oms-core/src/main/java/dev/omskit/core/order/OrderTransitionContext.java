package dev.omskit.core.order;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What guards and actions of the order lifecycle see: the order as it was before the command, the
 * trigger, the stages the units move between, how many units, and who acts.
 *
 * <p>Actions may {@link #record record} a named fact; it is appended to the audit trail in the same commit
 * as the transition (for example a fraud score at approval). Actions run inside the decision: they must
 * be quick and pure; I/O belongs to event listeners. A context is used by one thread.
 */
public final class OrderTransitionContext {
    private final Order order;
    private final Trigger trigger;
    private final State from;
    private final State to;
    private final int units;
    private final Actor actor;
    private final List<Recorded> recorded = new ArrayList<>();

    /** One fact recorded by an action. */
    public record Recorded(String name, Map<String, String> attributes) {}

    public OrderTransitionContext(Order order, Trigger trigger, State from, State to, int units, Actor actor) {
        this.order = Checks.notNull("order", order);
        this.trigger = Checks.notNull("trigger", trigger);
        this.from = Checks.notNull("from", from);
        this.to = Checks.notNull("to", to);
        this.units = units;
        this.actor = Checks.notNull("actor", actor);
    }

    /** The order before this command. */
    public Order order() {
        return order;
    }

    public Trigger trigger() {
        return trigger;
    }

    public State from() {
        return from;
    }

    public State to() {
        return to;
    }

    /** Units moving from {@link #from()} to {@link #to()} over all lines. */
    public int units() {
        return units;
    }

    public Actor actor() {
        return actor;
    }

    /** Records a named fact in the audit trail of this transition. */
    public void record(String name, Map<String, String> attributes) {
        Checks.id("recorded fact name", name);
        recorded.add(new Recorded(name, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes))));
    }

    /** The facts recorded so far. */
    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }
}
