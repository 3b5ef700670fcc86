package dev.omskit.core.inventory;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/**
 * The purchase order lifecycle as a transition table: {@code DRAFT -> CONFIRMED -> PARTIALLY_RECEIVED ->
 * RECEIVED -> CLOSED}; a draft or an open order can be cancelled; an order partly received can be closed
 * short (the rest will not come).
 */
public final class PurchaseOrderLifecycle {
    public static final State DRAFT = State.of("DRAFT");
    public static final State CONFIRMED = State.of("CONFIRMED");
    public static final State PARTIALLY_RECEIVED = State.of("PARTIALLY_RECEIVED");
    public static final State RECEIVED = State.of("RECEIVED");
    public static final State CLOSED = State.of("CLOSED");
    public static final State CANCELLED = State.of("CANCELLED");

    public static final Trigger CONFIRM = Trigger.of("CONFIRM");
    public static final Trigger RECEIVE_PART = Trigger.of("RECEIVE_PART");
    public static final Trigger RECEIVE_REST = Trigger.of("RECEIVE_REST");
    public static final Trigger CLOSE = Trigger.of("CLOSE");
    public static final Trigger CANCEL = Trigger.of("CANCEL");

    private static final Lifecycle<PurchaseOrder> LIFECYCLE = Lifecycle.<PurchaseOrder>builder("purchase-order")
            .state(DRAFT, CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED)
            .initial(DRAFT)
            .finalStates(CLOSED, CANCELLED)
            .transition(DRAFT, CONFIRM, CONFIRMED)
            .transition(CONFIRMED, RECEIVE_PART, PARTIALLY_RECEIVED)
            .transition(CONFIRMED, RECEIVE_REST, RECEIVED)
            .transition(PARTIALLY_RECEIVED, RECEIVE_PART, PARTIALLY_RECEIVED)
            .transition(PARTIALLY_RECEIVED, RECEIVE_REST, RECEIVED)
            .transition(RECEIVED, CLOSE, CLOSED)
            .transition(PARTIALLY_RECEIVED, CLOSE, CLOSED)
            .transition(DRAFT, CANCEL, CANCELLED)
            .transition(CONFIRMED, CANCEL, CANCELLED)
            .build();

    private PurchaseOrderLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<PurchaseOrder> get() {
        return LIFECYCLE;
    }

    /** Whether goods may be received against an order in {@code status}. */
    public static boolean receivable(State status) {
        return CONFIRMED.equals(status) || PARTIALLY_RECEIVED.equals(status);
    }
}
