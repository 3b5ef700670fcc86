package dev.omskit.core.returns;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/** The claim lifecycle: {@code OPEN -> APPROVED | REJECTED}; {@code APPROVED -> RESOLVED -> CLOSED}. */
public final class ClaimLifecycle {
    public static final State OPEN = State.of("OPEN");
    public static final State APPROVED = State.of("APPROVED");
    public static final State REJECTED = State.of("REJECTED");
    public static final State RESOLVED = State.of("RESOLVED");
    public static final State CLOSED = State.of("CLOSED");

    public static final Trigger APPROVE = Trigger.of("APPROVE");
    public static final Trigger REJECT = Trigger.of("REJECT");
    public static final Trigger RESOLVE = Trigger.of("RESOLVE");
    public static final Trigger CLOSE = Trigger.of("CLOSE");

    private static final Lifecycle<Claim> LIFECYCLE = Lifecycle.<Claim>builder("claim")
            .state(OPEN, APPROVED, REJECTED, RESOLVED, CLOSED)
            .initial(OPEN)
            .finalStates(REJECTED, CLOSED)
            .transition(OPEN, APPROVE, APPROVED)
            .transition(OPEN, REJECT, REJECTED)
            .transition(APPROVED, RESOLVE, RESOLVED)
            .transition(RESOLVED, CLOSE, CLOSED)
            .build();

    private ClaimLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<Claim> get() {
        return LIFECYCLE;
    }

    /** Whether a claim in {@code state} counts against the delivered units (not rejected). */
    public static boolean counts(State state) {
        return !REJECTED.equals(state);
    }
}
