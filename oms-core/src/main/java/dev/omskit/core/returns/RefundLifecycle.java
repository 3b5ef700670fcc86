package dev.omskit.core.returns;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/** The refund lifecycle: {@code PENDING -> SUCCEEDED | FAILED}; {@code FAILED -> PENDING} on a retry. */
public final class RefundLifecycle {
    public static final State PENDING = State.of("PENDING");
    public static final State SUCCEEDED = State.of("SUCCEEDED");
    public static final State FAILED = State.of("FAILED");

    public static final Trigger SUCCEED = Trigger.of("SUCCEED");
    public static final Trigger FAIL = Trigger.of("FAIL");
    public static final Trigger RETRY = Trigger.of("RETRY");

    private static final Lifecycle<Refund> LIFECYCLE = Lifecycle.<Refund>builder("refund")
            .state(PENDING, SUCCEEDED, FAILED)
            .initial(PENDING)
            .finalStates(SUCCEEDED)
            .transition(PENDING, SUCCEED, SUCCEEDED)
            .transition(PENDING, FAIL, FAILED)
            .transition(FAILED, RETRY, PENDING)
            .build();

    private RefundLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<Refund> get() {
        return LIFECYCLE;
    }

    /** Whether a refund in {@code state} is owed but not yet recorded in the order's payment ledger. */
    public static boolean outstanding(State state) {
        return PENDING.equals(state) || FAILED.equals(state);
    }
}
