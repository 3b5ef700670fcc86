package dev.omskit.core.order;

import dev.omskit.core.lifecycle.State;

/**
 * The stages of the default order lifecycle. Each unit of each line is in exactly one stage, so a line of
 * 5 may have 2 {@code SHIPPED}, 2 {@code RELEASED} and 1 {@code CANCELLED}. Declared in progress order.
 */
public final class OrderStages {
    /** Captured, not yet sourced. Where new units enter in the default lifecycle. */
    public static final State CREATED = State.of("CREATED");
    /** Short of stock; waits for supply. */
    public static final State BACKORDERED = State.of("BACKORDERED");
    /** Stock reserved at a location. */
    public static final State ALLOCATED = State.of("ALLOCATED");
    /** Sent to a warehouse, store, 3PL or vendor for fulfilment. Edits stop here. */
    public static final State RELEASED = State.of("RELEASED");
    /** Handed to a carrier. */
    public static final State SHIPPED = State.of("SHIPPED");
    /** Received by the customer. */
    public static final State DELIVERED = State.of("DELIVERED");
    /** Came back (after delivery, or returned to sender). */
    public static final State RETURNED = State.of("RETURNED");
    /** Cancelled before release. Required in every order lifecycle. */
    public static final State CANCELLED = State.of("CANCELLED");

    private OrderStages() {}
}
