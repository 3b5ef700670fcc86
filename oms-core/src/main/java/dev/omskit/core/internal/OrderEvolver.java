package dev.omskit.core.internal;

import dev.omskit.core.error.InternalException;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.event.OrderEvent.Change;
import dev.omskit.core.order.Hold;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.PaymentStates;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies events to orders: the "evolve" half of decide-then-evolve. Pure; replaying an order's trail
 * from its capture rebuilds the stored order exactly.
 */
public final class OrderEvolver {
    private final OrderLifecycle lifecycle;

    public OrderEvolver(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Rebuilds an order from its whole trail. */
    public Order replay(List<OrderEvent> trail) {
        Order order = null;
        for (OrderEvent event : trail) {
            order = evolve(order, event);
        }
        if (order == null) {
            throw new InternalException("an empty trail rebuilds no order");
        }
        return order;
    }

    /** The order after {@code event}; {@code order} is null only for the capture. */
    public Order evolve(Order order, OrderEvent event) {
        if (event instanceof OrderEvent.OrderCaptured captured) {
            if (order != null) {
                throw new InternalException("order " + order.id() + " captured twice");
            }
            return captured.order();
        }
        if (order == null) {
            throw new InternalException("event " + event.header().eventId() + " before the capture");
        }
        if (event.header().sequence() != order.version() + 1) {
            throw new InternalException("event " + event.header().eventId() + " does not follow version "
                    + order.version() + " of order " + order.id());
        }
        Order.Builder next = Order.builder()
                .from(order)
                .version(event.header().sequence())
                .updatedAt(event.header().occurredAt());
        if (event instanceof OrderEvent.LinesTransitioned moved) {
            List<OrderLine> lines = new ArrayList<>(order.lines());
            for (OrderEvent.LineMove move : moved.moves()) {
                int index = indexOf(lines, move.line());
                OrderLine line = lines.get(index);
                lines.set(
                        index,
                        OrderLine.builder()
                                .from(line)
                                .quantities(line.quantities().move(move.from(), move.to(), move.units()))
                                .build());
            }
            return withLines(next, lines);
        } else if (event instanceof OrderEvent.OrderEdited edited) {
            List<OrderLine> lines = new ArrayList<>(order.lines());
            for (Change change : edited.changes()) {
                if (change instanceof Change.BuyerChanged c) {
                    next.buyer(c.buyer());
                } else if (change instanceof Change.ShippingAddressChanged c) {
                    next.shippingAddress(c.address());
                } else if (change instanceof Change.LineAdded c) {
                    lines.add(c.line());
                } else if (change instanceof Change.LineRemoved c) {
                    lines.remove(indexOf(lines, c.line()));
                } else if (change instanceof Change.LineQuantityChanged c) {
                    int index = indexOf(lines, c.line());
                    lines.set(
                            index,
                            OrderLine.builder()
                                    .from(lines.get(index))
                                    .quantities(c.after())
                                    .build());
                }
            }
            return withLines(next, lines);
        } else if (event instanceof OrderEvent.HoldPlaced placed) {
            return next.addHolds(placed.hold()).build();
        } else if (event instanceof OrderEvent.HoldReleased released) {
            List<Hold> holds = new ArrayList<>(order.holds());
            holds.removeIf(h -> h.type().equals(released.type()));
            return next.holds(holds).build();
        } else if (event instanceof OrderEvent.PaymentRecorded paid) {
            return next.paymentStatus(paid.to())
                    .payments(ledgerAfter(order.payments(), paid))
                    .build();
        } else if (event instanceof OrderEvent.ActionRecorded || event instanceof OrderEvent.DocumentChanged) {
            return next.build();
        }
        throw new InternalException("unknown event " + event.getClass().getName());
    }

    /** The ledger after a payment event: its amount counts by trigger; a host's own triggers move no money. */
    static dev.omskit.core.order.PaymentLedger ledgerAfter(
            dev.omskit.core.order.PaymentLedger ledger, OrderEvent.PaymentRecorded paid) {
        if (paid.amount().isEmpty()) {
            return ledger;
        }
        dev.omskit.core.model.Money amount = paid.amount().get();
        String trigger = paid.trigger().name();
        if (trigger.equals(PaymentStates.AUTHORIZE.name())) {
            return ledger.authorize(amount);
        } else if (trigger.equals(PaymentStates.CAPTURE.name())) {
            return ledger.capture(amount);
        } else if (trigger.equals(PaymentStates.COLLECT_COD.name())
                || trigger.equals(PaymentStates.COLLECT_COD_PARTIAL.name())) {
            return ledger.remitCod(amount);
        } else if (trigger.equals(PaymentStates.REFUND.name()) || trigger.equals(PaymentStates.REFUND_PARTIAL.name())) {
            return ledger.refund(amount);
        }
        return ledger;
    }

    private Order withLines(Order.Builder next, List<OrderLine> lines) {
        return next.lines(lines).status(lifecycle.deriveStatus(lines)).build();
    }

    private static int indexOf(List<OrderLine> lines, dev.omskit.core.model.LineId id) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new InternalException("no line " + id + " to apply an event to");
    }
}
