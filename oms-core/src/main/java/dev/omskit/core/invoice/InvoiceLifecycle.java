package dev.omskit.core.invoice;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/**
 * The e-invoice lifecycle as a transition table:
 *
 * <ul>
 *   <li>{@code DRAFT -ISSUE-> ISSUED}: the provider issued it (number, symbol, tax authority code);
 *   <li>{@code DRAFT -FAIL_ISSUE-> DRAFT}: the provider refused or failed; the failure is recorded;
 *   <li>{@code DRAFT -CANCEL-> CANCELLED}: the draft is discarded;
 *   <li>{@code ISSUED -ADJUST-> ADJUSTED} and {@code ADJUSTED -ADJUST-> ADJUSTED}: an adjustment invoice
 *       against it was issued (one or more);
 *   <li>{@code ISSUED -REPLACE-> REPLACED}: a replacement invoice for it was issued;
 *   <li>{@code ISSUED -CANCEL-> CANCELLED}: the issued invoice is cancelled (hủy) with a reason.
 * </ul>
 *
 * An adjusted invoice is neither replaced nor cancelled any more (a further adjustment corrects it), and
 * {@code REPLACED} and {@code CANCELLED} are the end. {@link #CREATE} is the trigger of a new draft's
 * creation event (the flow starts in {@code DRAFT}).
 */
public final class InvoiceLifecycle {
    public static final State DRAFT = State.of("DRAFT");
    public static final State ISSUED = State.of("ISSUED");
    public static final State ADJUSTED = State.of("ADJUSTED");
    public static final State REPLACED = State.of("REPLACED");
    public static final State CANCELLED = State.of("CANCELLED");

    /** The trigger of the event that creates a draft (not a transition of the table). */
    public static final Trigger CREATE = Trigger.of("CREATE");

    public static final Trigger ISSUE = Trigger.of("ISSUE");
    public static final Trigger FAIL_ISSUE = Trigger.of("FAIL_ISSUE");
    public static final Trigger ADJUST = Trigger.of("ADJUST");
    public static final Trigger REPLACE = Trigger.of("REPLACE");
    public static final Trigger CANCEL = Trigger.of("CANCEL");

    private static final Lifecycle<Invoice> LIFECYCLE = Lifecycle.<Invoice>builder("invoice")
            .state(DRAFT, ISSUED, ADJUSTED, REPLACED, CANCELLED)
            .initial(DRAFT)
            .finalStates(ISSUED, ADJUSTED, REPLACED, CANCELLED)
            .transition(DRAFT, ISSUE, ISSUED)
            .transition(DRAFT, FAIL_ISSUE, DRAFT)
            .transition(DRAFT, CANCEL, CANCELLED)
            .transition(ISSUED, ADJUST, ADJUSTED)
            .transition(ADJUSTED, ADJUST, ADJUSTED)
            .transition(ISSUED, REPLACE, REPLACED)
            .transition(ISSUED, CANCEL, CANCELLED)
            .build();

    private InvoiceLifecycle() {}

    /** The lifecycle. */
    public static Lifecycle<Invoice> get() {
        return LIFECYCLE;
    }
}
