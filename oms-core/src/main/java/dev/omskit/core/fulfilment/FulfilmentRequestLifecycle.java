package dev.omskit.core.fulfilment;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/**
 * The fulfilment request lifecycle: {@code REQUESTED -> ACCEPTED -> PICKED -> PACKED -> SHIPPED}; the
 * location may {@code REJECT} a request it has not picked; the merchant may {@code CANCEL} one not yet
 * picked. {@code SHIPPED} is entered when the shipments of the request's picked units are handed over.
 */
public final class FulfilmentRequestLifecycle {
    public static final State REQUESTED = State.of("REQUESTED");
    public static final State ACCEPTED = State.of("ACCEPTED");
    public static final State PICKED = State.of("PICKED");
    public static final State PACKED = State.of("PACKED");
    public static final State SHIPPED = State.of("SHIPPED");
    public static final State REJECTED = State.of("REJECTED");
    public static final State CANCELLED = State.of("CANCELLED");

    /** Created by a release. */
    public static final Trigger RELEASE = Trigger.of("RELEASE");

    public static final Trigger ACCEPT = Trigger.of("ACCEPT");
    public static final Trigger PICK = Trigger.of("PICK");
    public static final Trigger PACK = Trigger.of("PACK");
    public static final Trigger SHIP = Trigger.of("SHIP");
    public static final Trigger REJECT = Trigger.of("REJECT");
    public static final Trigger CANCEL = Trigger.of("CANCEL");

    private static final Lifecycle<FulfilmentRequest> LIFECYCLE = Lifecycle.<FulfilmentRequest>builder(
                    "fulfilment-request")
            .state(REQUESTED, ACCEPTED, PICKED, PACKED, SHIPPED, REJECTED, CANCELLED)
            .initial(REQUESTED)
            .finalStates(SHIPPED, REJECTED, CANCELLED)
            .transition(REQUESTED, ACCEPT, ACCEPTED)
            .transition(ACCEPTED, PICK, PICKED)
            .transition(PICKED, PACK, PACKED)
            .transition(PACKED, SHIP, SHIPPED)
            .transition(REQUESTED, REJECT, REJECTED)
            .transition(ACCEPTED, REJECT, REJECTED)
            .transition(REQUESTED, CANCEL, CANCELLED)
            .transition(ACCEPTED, CANCEL, CANCELLED)
            .build();

    private FulfilmentRequestLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<FulfilmentRequest> get() {
        return LIFECYCLE;
    }

    /** Whether a request in {@code state} still holds its units for the location (not rejected or cancelled). */
    public static boolean isLive(State state) {
        return !REJECTED.equals(state) && !CANCELLED.equals(state);
    }
}
