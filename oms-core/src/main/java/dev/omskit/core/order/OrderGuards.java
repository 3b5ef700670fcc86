package dev.omskit.core.order;

import dev.omskit.core.lifecycle.Guard;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.PaymentMethod;
import java.util.Set;
import java.util.stream.Collectors;

/** The guards of the default order lifecycle, for hosts to reuse on their own transitions. */
public final class OrderGuards {
    private static final Set<State> SETTLED_ENOUGH = Set.of(
            PaymentStates.AUTHORIZED,
            PaymentStates.PAID,
            PaymentStates.PARTIALLY_REFUNDED,
            PaymentStates.COD_PENDING,
            PaymentStates.COD_PARTIALLY_COLLECTED,
            PaymentStates.COD_COLLECTED);

    private static final Guard<OrderTransitionContext> NOT_ON_HOLD = Guard.of(
            "notOnHold",
            ctx -> !ctx.order().isOnHold(),
            ctx -> "order '" + ctx.order().id() + "' is on hold: "
                    + ctx.order().holds().stream().map(Hold::toString).collect(Collectors.joining(", ")));

    private static final Guard<OrderTransitionContext> PAID_OR_COD = Guard.of(
            "paidOrCod",
            ctx -> SETTLED_ENOUGH.contains(ctx.order().paymentStatus()),
            ctx -> "order '" + ctx.order().id() + "' is neither paid nor cash on delivery: payment status "
                    + ctx.order().paymentStatus() + " (method " + ctx.order().paymentMethod() + ")");

    private OrderGuards() {}

    /** Refuses while any hold is active. */
    public static Guard<OrderTransitionContext> notOnHold() {
        return NOT_ON_HOLD;
    }

    /**
     * Allows only when payment is authorised, paid, or the order is {@link PaymentMethod#CASH_ON_DELIVERY
     * cash on delivery}.
     */
    public static Guard<OrderTransitionContext> paidOrCashOnDelivery() {
        return PAID_OR_COD;
    }
}
