package dev.omskit.core.order;

import dev.omskit.core.lifecycle.Trigger;

/** The triggers of the default order lifecycle; each moves units of lines from one stage to the next. */
public final class OrderTriggers {
    public static final Trigger ALLOCATE = Trigger.of("ALLOCATE");
    public static final Trigger BACKORDER = Trigger.of("BACKORDER");
    /** Gives allocated or released units back to sourcing (a location rejected them, or a re-route). */
    public static final Trigger DEALLOCATE = Trigger.of("DEALLOCATE");

    public static final Trigger RELEASE = Trigger.of("RELEASE");
    public static final Trigger SHIP = Trigger.of("SHIP");
    public static final Trigger DELIVER = Trigger.of("DELIVER");
    public static final Trigger RETURN = Trigger.of("RETURN");
    /** Required in every order lifecycle: it is what {@code CancelOrder} applies. */
    public static final Trigger CANCEL = Trigger.of("CANCEL");

    private OrderTriggers() {}
}
