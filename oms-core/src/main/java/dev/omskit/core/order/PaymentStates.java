package dev.omskit.core.order;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;

/** The states and triggers of the default payment lifecycle, tracked beside the fulfilment stages. */
public final class PaymentStates {
    public static final State PENDING = State.of("PENDING");
    public static final State AUTHORIZED = State.of("AUTHORIZED");
    public static final State PAID = State.of("PAID");
    public static final State FAILED = State.of("FAILED");
    public static final State VOIDED = State.of("VOIDED");
    public static final State PARTIALLY_REFUNDED = State.of("PARTIALLY_REFUNDED");
    public static final State REFUNDED = State.of("REFUNDED");
    /** Cash on delivery, not yet collected. The initial state of every COD order. */
    public static final State COD_PENDING = State.of("COD_PENDING");
    /**
     * Part of the cash on delivery remitted by carriers (one shipment of several, or a remittance that
     * did not match); more remittances follow until {@link #COLLECT_COD} completes it.
     */
    public static final State COD_PARTIALLY_COLLECTED = State.of("COD_PARTIALLY_COLLECTED");
    /** Cash collected and remitted by the carrier. */
    public static final State COD_COLLECTED = State.of("COD_COLLECTED");

    public static final Trigger AUTHORIZE = Trigger.of("AUTHORIZE");
    public static final Trigger CAPTURE = Trigger.of("CAPTURE");
    public static final Trigger FAIL = Trigger.of("FAIL");
    public static final Trigger VOID = Trigger.of("VOID");
    public static final Trigger REFUND_PARTIAL = Trigger.of("REFUND_PARTIAL");
    public static final Trigger REFUND = Trigger.of("REFUND");
    public static final Trigger COLLECT_COD = Trigger.of("COLLECT_COD");
    /** A carrier remitted part of the cash on delivery (its amount counts in the ledger like COLLECT_COD). */
    public static final Trigger COLLECT_COD_PARTIAL = Trigger.of("COLLECT_COD_PARTIAL");

    private PaymentStates() {}
}
