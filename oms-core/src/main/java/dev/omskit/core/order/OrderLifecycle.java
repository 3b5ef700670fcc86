package dev.omskit.core.order;

import static dev.omskit.core.order.OrderStages.ALLOCATED;
import static dev.omskit.core.order.OrderStages.BACKORDERED;
import static dev.omskit.core.order.OrderStages.CANCELLED;
import static dev.omskit.core.order.OrderStages.CREATED;
import static dev.omskit.core.order.OrderStages.DELIVERED;
import static dev.omskit.core.order.OrderStages.RELEASED;
import static dev.omskit.core.order.OrderStages.RETURNED;
import static dev.omskit.core.order.OrderStages.SHIPPED;
import static dev.omskit.core.order.OrderTriggers.ALLOCATE;
import static dev.omskit.core.order.OrderTriggers.BACKORDER;
import static dev.omskit.core.order.OrderTriggers.CANCEL;
import static dev.omskit.core.order.OrderTriggers.DEALLOCATE;
import static dev.omskit.core.order.OrderTriggers.DELIVER;
import static dev.omskit.core.order.OrderTriggers.RELEASE;
import static dev.omskit.core.order.OrderTriggers.RETURN;
import static dev.omskit.core.order.OrderTriggers.SHIP;

import dev.omskit.core.lifecycle.Guard;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.LifecycleDefinitionException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The order lifecycle: a {@link Lifecycle} over the stages units of lines move through, plus the payment
 * lifecycle beside it. Immutable and thread-safe.
 *
 * <p>The stages are ranked in declaration order; a unit moves when a command applies a trigger to it. The
 * order's {@link OrderStatus} is derived from where its units are. A stage ranked before {@link
 * OrderStages#RELEASED} is <em>editable</em>: edits are allowed while every live unit is in one.
 *
 * <p>Hosts extend the defaults without forking: {@code OrderLifecycle.defaultStages().toBuilder()} adds a
 * stage (say {@code FRAUD_REVIEW} before {@code CREATED}, made the initial stage), transitions, guards
 * and actions, and {@link #of(Lifecycle)} checks that the result still has what the use cases need: one
 * initial stage, the {@code RELEASED} and {@code CANCELLED} stages, and {@code CANCELLED} final.
 */
public final class OrderLifecycle {
    private static final OrderLifecycle DEFAULTS = new OrderLifecycle(buildDefaultStages(), buildDefaultPayment());

    private final Lifecycle<OrderTransitionContext> stages;
    private final Lifecycle<Order> payment;
    private final State initialStage;
    private final int releasedRank;

    private OrderLifecycle(Lifecycle<OrderTransitionContext> stages, Lifecycle<Order> payment) {
        this.stages = stages;
        this.payment = payment;
        List<String> problems = new ArrayList<>();
        if (stages.initialStates().size() != 1) {
            problems.add("an order lifecycle needs exactly one initial stage, where captured units enter; has "
                    + stages.initialStates());
        }
        if (!stages.contains(RELEASED)) {
            problems.add("an order lifecycle needs the stage RELEASED (edits stop there)");
        }
        if (!stages.contains(CANCELLED) || !stages.finalStates().contains(CANCELLED)) {
            problems.add("an order lifecycle needs the final stage CANCELLED");
        }
        if (stages.transitionsOn(OrderTriggers.CANCEL).isEmpty()) {
            problems.add("an order lifecycle needs at least one transition on CANCEL");
        }
        for (State s : List.of(PaymentStates.PENDING, PaymentStates.COD_PENDING)) {
            if (!payment.initialStates().contains(s)) {
                problems.add("a payment lifecycle needs the initial state " + s);
            }
        }
        if (!problems.isEmpty()) {
            throw new LifecycleDefinitionException(stages.name(), problems);
        }
        this.initialStage = stages.initialStates().iterator().next();
        this.releasedRank = stages.rank(RELEASED);
    }

    /** The default lifecycle: the default stages and the default payment lifecycle. */
    public static OrderLifecycle defaults() {
        return DEFAULTS;
    }

    /** An order lifecycle over custom stages (usually the defaults extended) and the default payment. */
    public static OrderLifecycle of(Lifecycle<OrderTransitionContext> stages) {
        return of(stages, DEFAULTS.payment);
    }

    /** An order lifecycle over custom stages and a custom payment lifecycle. */
    public static OrderLifecycle of(Lifecycle<OrderTransitionContext> stages, Lifecycle<Order> payment) {
        return new OrderLifecycle(Checks.notNull("stages", stages), Checks.notNull("payment", payment));
    }

    /**
     * The default stages: {@code CREATED -> ALLOCATED | BACKORDERED -> RELEASED -> SHIPPED -> DELIVERED ->
     * RETURNED}, cancellation before release. Allocation and release are refused while the order is on
     * hold; release also needs payment authorised, paid, or cash on delivery.
     */
    public static Lifecycle<OrderTransitionContext> defaultStages() {
        return DEFAULTS.stages;
    }

    /** The default payment lifecycle. */
    public static Lifecycle<Order> defaultPayment() {
        return DEFAULTS.payment;
    }

    private static Lifecycle<OrderTransitionContext> buildDefaultStages() {
        List<Guard<OrderTransitionContext>> notOnHold = List.of(OrderGuards.notOnHold());
        List<Guard<OrderTransitionContext>> releasable =
                List.of(OrderGuards.notOnHold(), OrderGuards.paidOrCashOnDelivery());
        return Lifecycle.<OrderTransitionContext>builder("order")
                .state(CREATED, BACKORDERED, ALLOCATED, RELEASED, SHIPPED, DELIVERED, RETURNED, CANCELLED)
                .initial(CREATED)
                .finalStates(DELIVERED, RETURNED, CANCELLED)
                .transition(CREATED, ALLOCATE, ALLOCATED, notOnHold, List.of())
                .transition(BACKORDERED, ALLOCATE, ALLOCATED, notOnHold, List.of())
                .transition(CREATED, BACKORDER, BACKORDERED, notOnHold, List.of())
                .transition(ALLOCATED, DEALLOCATE, CREATED)
                .transition(RELEASED, DEALLOCATE, CREATED)
                .transition(ALLOCATED, RELEASE, RELEASED, releasable, List.of())
                .transition(RELEASED, SHIP, SHIPPED)
                .transition(SHIPPED, DELIVER, DELIVERED)
                .transition(DELIVERED, RETURN, RETURNED)
                .transition(SHIPPED, RETURN, RETURNED)
                .transition(CREATED, CANCEL, CANCELLED)
                .transition(BACKORDERED, CANCEL, CANCELLED)
                .transition(ALLOCATED, CANCEL, CANCELLED)
                .build();
    }

    private static Lifecycle<Order> buildDefaultPayment() {
        return Lifecycle.<Order>builder("payment")
                .state(
                        PaymentStates.PENDING,
                        PaymentStates.FAILED,
                        PaymentStates.AUTHORIZED,
                        PaymentStates.PAID,
                        PaymentStates.PARTIALLY_REFUNDED,
                        PaymentStates.REFUNDED,
                        PaymentStates.VOIDED,
                        PaymentStates.COD_PENDING,
                        PaymentStates.COD_PARTIALLY_COLLECTED,
                        PaymentStates.COD_COLLECTED)
                .initial(PaymentStates.PENDING, PaymentStates.AUTHORIZED, PaymentStates.PAID, PaymentStates.COD_PENDING)
                .finalStates(
                        PaymentStates.PAID,
                        PaymentStates.PARTIALLY_REFUNDED,
                        PaymentStates.REFUNDED,
                        PaymentStates.VOIDED,
                        PaymentStates.COD_COLLECTED)
                .transition(PaymentStates.PENDING, PaymentStates.AUTHORIZE, PaymentStates.AUTHORIZED)
                .transition(PaymentStates.PENDING, PaymentStates.CAPTURE, PaymentStates.PAID)
                .transition(PaymentStates.PENDING, PaymentStates.FAIL, PaymentStates.FAILED)
                .transition(PaymentStates.PENDING, PaymentStates.VOID, PaymentStates.VOIDED)
                .transition(PaymentStates.FAILED, PaymentStates.AUTHORIZE, PaymentStates.AUTHORIZED)
                .transition(PaymentStates.FAILED, PaymentStates.CAPTURE, PaymentStates.PAID)
                .transition(PaymentStates.FAILED, PaymentStates.VOID, PaymentStates.VOIDED)
                .transition(PaymentStates.AUTHORIZED, PaymentStates.CAPTURE, PaymentStates.PAID)
                .transition(PaymentStates.AUTHORIZED, PaymentStates.VOID, PaymentStates.VOIDED)
                .transition(PaymentStates.PAID, PaymentStates.REFUND_PARTIAL, PaymentStates.PARTIALLY_REFUNDED)
                .transition(PaymentStates.PAID, PaymentStates.REFUND, PaymentStates.REFUNDED)
                .transition(
                        PaymentStates.PARTIALLY_REFUNDED,
                        PaymentStates.REFUND_PARTIAL,
                        PaymentStates.PARTIALLY_REFUNDED)
                .transition(PaymentStates.PARTIALLY_REFUNDED, PaymentStates.REFUND, PaymentStates.REFUNDED)
                .transition(PaymentStates.COD_PENDING, PaymentStates.COLLECT_COD, PaymentStates.COD_COLLECTED)
                .transition(
                        PaymentStates.COD_PENDING,
                        PaymentStates.COLLECT_COD_PARTIAL,
                        PaymentStates.COD_PARTIALLY_COLLECTED)
                .transition(
                        PaymentStates.COD_PARTIALLY_COLLECTED,
                        PaymentStates.COLLECT_COD_PARTIAL,
                        PaymentStates.COD_PARTIALLY_COLLECTED)
                .transition(
                        PaymentStates.COD_PARTIALLY_COLLECTED, PaymentStates.COLLECT_COD, PaymentStates.COD_COLLECTED)
                .transition(PaymentStates.COD_PENDING, PaymentStates.VOID, PaymentStates.VOIDED)
                .transition(PaymentStates.COD_COLLECTED, PaymentStates.REFUND_PARTIAL, PaymentStates.PARTIALLY_REFUNDED)
                .transition(PaymentStates.COD_COLLECTED, PaymentStates.REFUND, PaymentStates.REFUNDED)
                .build();
    }

    /** The lifecycle's name (the stages' name). */
    public String name() {
        return stages.name();
    }

    /** The stages units move through. */
    public Lifecycle<OrderTransitionContext> stages() {
        return stages;
    }

    /** The payment lifecycle. */
    public Lifecycle<Order> payment() {
        return payment;
    }

    /** The stage captured and added units enter. */
    public State initialStage() {
        return initialStage;
    }

    /** Whether units in {@code stage} still allow edits: ranked before RELEASED and not CANCELLED. */
    public boolean isEditable(State stage) {
        return !CANCELLED.equals(stage) && stages.rank(stage) < releasedRank;
    }

    /** The payment state a new order starts in, given its method and what the channel said. */
    public boolean isValidInitialPayment(PaymentMethod method, State state) {
        if (!payment.initialStates().contains(state)) {
            return false;
        }
        boolean cod = state.name().startsWith("COD_");
        return method == PaymentMethod.CASH_ON_DELIVERY ? cod : !cod;
    }

    /** The default initial payment state for a method. */
    public static State defaultInitialPayment(PaymentMethod method) {
        return method == PaymentMethod.CASH_ON_DELIVERY ? PaymentStates.COD_PENDING : PaymentStates.PENDING;
    }

    /**
     * The order status for these lines: the most advanced stage holding a live (not cancelled) unit, and
     * whether all live units are there; {@code CANCELLED} when every unit is cancelled.
     */
    public OrderStatus deriveStatus(Collection<OrderLine> lines) {
        int bestRank = -1;
        State best = null;
        int live = 0;
        int inBest = 0;
        for (OrderLine line : lines) {
            for (var entry : line.quantities().byStage().entrySet()) {
                State stage = entry.getKey();
                if (CANCELLED.equals(stage)) {
                    continue;
                }
                int units = entry.getValue();
                live += units;
                int rank = stages.rank(stage);
                if (rank > bestRank) {
                    bestRank = rank;
                    best = stage;
                    inBest = units;
                } else if (rank == bestRank) {
                    inBest += units;
                }
            }
        }
        if (best == null) {
            return OrderStatus.of(CANCELLED);
        }
        return inBest == live ? OrderStatus.of(best) : OrderStatus.partially(best);
    }

    /** The stages as a Mermaid state diagram. */
    public String toMermaid() {
        return stages.toMermaid();
    }

    /** The stages as a Graphviz DOT graph. */
    public String toDot() {
        return stages.toDot();
    }

    @Override
    public String toString() {
        return "OrderLifecycle[" + name() + "]";
    }
}
