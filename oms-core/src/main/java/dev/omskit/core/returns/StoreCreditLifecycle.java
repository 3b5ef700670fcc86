package dev.omskit.core.returns;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/**
 * The store credit lifecycle: {@code ACTIVE} while it has a balance ({@code REDEEM} keeps it active),
 * {@code REDEEMED} when a redemption empties it, {@code EXPIRED} past its expiry.
 */
public final class StoreCreditLifecycle {
    public static final State ACTIVE = State.of("ACTIVE");
    public static final State REDEEMED = State.of("REDEEMED");
    public static final State EXPIRED = State.of("EXPIRED");

    public static final Trigger REDEEM = Trigger.of("REDEEM");
    public static final Trigger REDEEM_ALL = Trigger.of("REDEEM_ALL");
    public static final Trigger EXPIRE = Trigger.of("EXPIRE");

    private static final Lifecycle<StoreCredit> LIFECYCLE = Lifecycle.<StoreCredit>builder("store-credit")
            .state(ACTIVE, REDEEMED, EXPIRED)
            .initial(ACTIVE)
            .finalStates(REDEEMED, EXPIRED)
            .transition(ACTIVE, REDEEM, ACTIVE)
            .transition(ACTIVE, REDEEM_ALL, REDEEMED)
            .transition(ACTIVE, EXPIRE, EXPIRED)
            .build();

    private StoreCreditLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<StoreCredit> get() {
        return LIFECYCLE;
    }
}
