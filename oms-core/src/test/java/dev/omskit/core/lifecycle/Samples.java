package dev.omskit.core.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** States, triggers and a small order-like lifecycle shared by the tests of this package. */
final class Samples {
    static final State CREATED = State.of("CREATED");
    static final State ALLOCATED = State.of("ALLOCATED");
    static final State SHIPPED = State.of("SHIPPED");
    static final State DELIVERED = State.of("DELIVERED");
    static final State RETURNED = State.of("RETURNED");
    static final State CANCELLED = State.of("CANCELLED");

    static final Trigger ALLOCATE = Trigger.of("ALLOCATE");
    static final Trigger SHIP = Trigger.of("SHIP");
    static final Trigger DELIVER = Trigger.of("DELIVER");
    static final Trigger RETURN = Trigger.of("RETURN");
    static final Trigger CANCEL = Trigger.of("CANCEL");

    static final Guard<Ctx> NOT_ON_HOLD = Guard.of("notOnHold", c -> !c.onHold, c -> "order " + c.id + " is on hold");
    static final Guard<Ctx> PAID = Guard.of("paid", c -> c.paid, c -> "order " + c.id + " is not paid");
    static final Action<Ctx> RESERVE_STOCK = Action.of("reserveStock", c -> c.log.add("reserveStock"));
    static final Action<Ctx> RELEASE_STOCK = Action.of("releaseStock", c -> c.log.add("releaseStock"));

    private Samples() {}

    /** A mutable test context: an order with a hold flag, a paid flag and a log of the actions run. */
    static final class Ctx {
        final String id;
        boolean onHold;
        boolean paid = true;
        final List<String> log = new ArrayList<>();

        Ctx(String id) {
            this.id = id;
        }
    }

    /**
     * CREATED -ALLOCATE-> ALLOCATED -SHIP-> SHIPPED -DELIVER-> DELIVERED -RETURN-> RETURNED, with CANCEL
     * from CREATED and ALLOCATED; final states DELIVERED, RETURNED, CANCELLED.
     */
    static Lifecycle.Builder<Ctx> orderBuilder() {
        return Lifecycle.<Ctx>builder("order")
                .state(CREATED, ALLOCATED, SHIPPED, DELIVERED, RETURNED, CANCELLED)
                .initial(CREATED)
                .finalStates(DELIVERED, RETURNED, CANCELLED)
                .transition(CREATED, ALLOCATE, ALLOCATED, List.of(NOT_ON_HOLD, PAID), List.of(RESERVE_STOCK))
                .transition(CREATED, CANCEL, CANCELLED)
                .transition(ALLOCATED, SHIP, SHIPPED)
                .transition(ALLOCATED, CANCEL, CANCELLED, List.of(), List.of(RELEASE_STOCK))
                .transition(SHIPPED, DELIVER, DELIVERED)
                .transition(DELIVERED, RETURN, RETURNED);
    }

    static Lifecycle<Ctx> order() {
        return orderBuilder().build();
    }
}
