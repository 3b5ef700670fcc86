package dev.omskit.core.shipment;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipment lifecycle: {@code CREATED -> LABELLED -> HANDED_OVER -> IN_TRANSIT -> OUT_FOR_DELIVERY ->
 * DELIVERED}, or {@code DELIVERY_FAILED}, after which the carrier re-attempts ({@code -> OUT_FOR_DELIVERY})
 * or returns it ({@code RETURNING -> RETURNED_TO_SENDER}). A shipment not yet handed over can be
 * cancelled.
 */
public final class ShipmentLifecycle {
    public static final State CREATED = State.of("CREATED");
    public static final State LABELLED = State.of("LABELLED");
    public static final State HANDED_OVER = State.of("HANDED_OVER");
    public static final State IN_TRANSIT = State.of("IN_TRANSIT");
    public static final State OUT_FOR_DELIVERY = State.of("OUT_FOR_DELIVERY");
    public static final State DELIVERED = State.of("DELIVERED");
    public static final State DELIVERY_FAILED = State.of("DELIVERY_FAILED");
    public static final State RETURNING = State.of("RETURNING");
    public static final State RETURNED_TO_SENDER = State.of("RETURNED_TO_SENDER");
    public static final State CANCELLED = State.of("CANCELLED");

    /** Creation (the first event of every shipment). */
    public static final Trigger CREATE = Trigger.of("CREATE");

    public static final Trigger LABEL = Trigger.of("LABEL");
    public static final Trigger HAND_OVER = Trigger.of("HAND_OVER");
    public static final Trigger DEPART = Trigger.of("DEPART");
    public static final Trigger DISPATCH = Trigger.of("DISPATCH");
    public static final Trigger DELIVER = Trigger.of("DELIVER");
    public static final Trigger FAIL_DELIVERY = Trigger.of("FAIL_DELIVERY");
    public static final Trigger REATTEMPT = Trigger.of("REATTEMPT");
    public static final Trigger RETURN_TO_SENDER = Trigger.of("RETURN_TO_SENDER");
    public static final Trigger COMPLETE_RETURN = Trigger.of("COMPLETE_RETURN");
    public static final Trigger CANCEL = Trigger.of("CANCEL");

    /** Not a state change: a COD remittance or a mismatch resolution (the state stays). */
    public static final Trigger REMIT_COD = Trigger.of("REMIT_COD");
    /** Not a state change: a COD mismatch accepted with a reason. */
    public static final Trigger RESOLVE_COD = Trigger.of("RESOLVE_COD");

    private static final Lifecycle<Shipment> LIFECYCLE = Lifecycle.<Shipment>builder("shipment")
            .state(
                    CREATED,
                    LABELLED,
                    HANDED_OVER,
                    IN_TRANSIT,
                    OUT_FOR_DELIVERY,
                    DELIVERED,
                    DELIVERY_FAILED,
                    RETURNING,
                    RETURNED_TO_SENDER,
                    CANCELLED)
            .initial(CREATED)
            .finalStates(DELIVERED, RETURNED_TO_SENDER, CANCELLED)
            .transition(CREATED, LABEL, LABELLED)
            .transition(LABELLED, HAND_OVER, HANDED_OVER)
            .transition(HANDED_OVER, DEPART, IN_TRANSIT)
            .transition(IN_TRANSIT, DISPATCH, OUT_FOR_DELIVERY)
            .transition(OUT_FOR_DELIVERY, DELIVER, DELIVERED)
            .transition(OUT_FOR_DELIVERY, FAIL_DELIVERY, DELIVERY_FAILED)
            .transition(DELIVERY_FAILED, REATTEMPT, OUT_FOR_DELIVERY)
            .transition(DELIVERY_FAILED, RETURN_TO_SENDER, RETURNING)
            .transition(RETURNING, COMPLETE_RETURN, RETURNED_TO_SENDER)
            .transition(CREATED, CANCEL, CANCELLED)
            .transition(LABELLED, CANCEL, CANCELLED)
            .build();

    private ShipmentLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<Shipment> get() {
        return LIFECYCLE;
    }

    /** Whether a shipment in {@code state} still counts (not cancelled, not returned to the sender). */
    public static boolean isLive(State state) {
        return !CANCELLED.equals(state) && !RETURNED_TO_SENDER.equals(state);
    }

    /** Whether a shipment in {@code state} has left with the carrier. */
    public static boolean isHandedOver(State state) {
        return !CREATED.equals(state) && !LABELLED.equals(state) && !CANCELLED.equals(state);
    }

    /**
     * The shortest way forward from {@code from} to {@code to} through carrier transitions (never {@code
     * CANCEL}, never {@code LABEL}): the triggers to apply in order. Empty when {@code to} cannot be
     * reached (an out-of-order update), an empty list when {@code from} is {@code to}.
     */
    public static Optional<List<Trigger>> path(State from, State to) {
        Map<State, Trigger> via = new HashMap<>();
        Map<State, State> prev = new HashMap<>();
        Deque<State> queue = new ArrayDeque<>();
        queue.add(from);
        prev.put(from, from);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            if (s.equals(to)) {
                List<Trigger> triggers = new ArrayList<>();
                for (State at = to; !at.equals(from); at = prev.get(at)) {
                    triggers.add(0, via.get(at));
                }
                return Optional.of(triggers);
            }
            for (var t : LIFECYCLE.transitionsFrom(s)) {
                if (t.trigger().equals(CANCEL) || t.trigger().equals(LABEL) || prev.containsKey(t.to())) {
                    continue;
                }
                prev.put(t.to(), s);
                via.put(t.to(), t.trigger());
                queue.add(t.to());
            }
        }
        return Optional.empty();
    }
}
