package dev.omskit.connectors.payment;

import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.order.PaymentStates;

/** Where a payment stands after a gateway operation, and the core payment trigger it records. */
public enum PaymentStatus {
    /** The amount is authorised (held on the buyer's method). */
    AUTHORIZED(PaymentStates.AUTHORIZE),
    /** The issuer or the provider refused the authorisation. */
    DECLINED(PaymentStates.FAIL),
    /** The amount of the result was captured (the payment may have more authorised). */
    CAPTURED(PaymentStates.CAPTURE),
    /** The amount of the result was refunded; captured money is left. */
    PARTIALLY_REFUNDED(PaymentStates.REFUND_PARTIAL),
    /** The amount of the result was refunded; nothing captured is left. */
    REFUNDED(PaymentStates.REFUND),
    /** The authorisation was released; nothing can be captured any more. */
    VOIDED(PaymentStates.VOID);

    private final Trigger trigger;

    PaymentStatus(Trigger trigger) {
        this.trigger = trigger;
    }

    /** The core payment trigger to record for it ({@code RecordPayment.trigger}). */
    public Trigger trigger() {
        return trigger;
    }
}
