package dev.omskit.core.returns;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/**
 * The return (RMA) lifecycle: {@code REQUESTED -> APPROVED | REJECTED}; {@code APPROVED -> RECEIVED ->
 * INSPECTED -> REFUNDED | CREDITED | EXCHANGED -> CLOSED}. A requested or approved return can be
 * cancelled. With {@link ReturnPolicy#autoApprove()} a valid request is created and approved in one
 * commit.
 */
public final class ReturnLifecycle {
    public static final State REQUESTED = State.of("REQUESTED");
    public static final State APPROVED = State.of("APPROVED");
    public static final State REJECTED = State.of("REJECTED");
    public static final State CANCELLED = State.of("CANCELLED");
    public static final State RECEIVED = State.of("RECEIVED");
    public static final State INSPECTED = State.of("INSPECTED");
    public static final State REFUNDED = State.of("REFUNDED");
    public static final State CREDITED = State.of("CREDITED");
    public static final State EXCHANGED = State.of("EXCHANGED");
    public static final State CLOSED = State.of("CLOSED");

    /** The trigger of a document's creation event. */
    public static final Trigger CREATE = Trigger.of("CREATE");

    public static final Trigger APPROVE = Trigger.of("APPROVE");
    public static final Trigger REJECT = Trigger.of("REJECT");
    public static final Trigger CANCEL = Trigger.of("CANCEL");
    public static final Trigger RECEIVE = Trigger.of("RECEIVE");
    public static final Trigger INSPECT = Trigger.of("INSPECT");
    public static final Trigger REFUND = Trigger.of("REFUND");
    public static final Trigger CREDIT = Trigger.of("CREDIT");
    public static final Trigger EXCHANGE = Trigger.of("EXCHANGE");
    public static final Trigger CLOSE = Trigger.of("CLOSE");

    private static final Lifecycle<ReturnRequest> LIFECYCLE = Lifecycle.<ReturnRequest>builder("return")
            .state(REQUESTED, APPROVED, REJECTED, CANCELLED, RECEIVED, INSPECTED, REFUNDED, CREDITED, EXCHANGED, CLOSED)
            .initial(REQUESTED)
            .finalStates(REJECTED, CANCELLED, CLOSED)
            .transition(REQUESTED, APPROVE, APPROVED)
            .transition(REQUESTED, REJECT, REJECTED)
            .transition(REQUESTED, CANCEL, CANCELLED)
            .transition(APPROVED, CANCEL, CANCELLED)
            .transition(APPROVED, RECEIVE, RECEIVED)
            .transition(RECEIVED, INSPECT, INSPECTED)
            .transition(INSPECTED, REFUND, REFUNDED)
            .transition(INSPECTED, CREDIT, CREDITED)
            .transition(INSPECTED, EXCHANGE, EXCHANGED)
            .transition(REFUNDED, CLOSE, CLOSED)
            .transition(CREDITED, CLOSE, CLOSED)
            .transition(EXCHANGED, CLOSE, CLOSED)
            .build();

    private ReturnLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<ReturnRequest> get() {
        return LIFECYCLE;
    }

    /** Whether a return in {@code state} still holds its requested units (not yet received, not ended). */
    public static boolean holdsUnits(State state) {
        return REQUESTED.equals(state) || APPROVED.equals(state);
    }
}
