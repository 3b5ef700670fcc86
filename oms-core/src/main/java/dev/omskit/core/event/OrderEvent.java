package dev.omskit.core.event;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Hold;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Something that happened to an order. Events are immutable, appended to the order's audit trail and to
 * the outbox in the same commit as the change, and delivered to listeners at least once. Replaying an
 * order's events in sequence rebuilds the order.
 *
 * <p>Personal data inside (buyer, address) prints as {@code ***}; events carry no secrets.
 */
public sealed interface OrderEvent extends OmsEvent
        permits OrderEvent.OrderCaptured,
                OrderEvent.LinesTransitioned,
                OrderEvent.OrderEdited,
                OrderEvent.HoldPlaced,
                OrderEvent.HoldReleased,
                OrderEvent.PaymentRecorded,
                OrderEvent.ActionRecorded,
                OrderEvent.DocumentChanged {

    /** Who, when, which order, status before and after. */
    EventHeader header();

    @Override
    default String eventId() {
        return header().eventId();
    }

    @Override
    default dev.omskit.core.model.TenantId tenant() {
        return header().tenant();
    }

    @Override
    default dev.omskit.core.model.OrderId orderId() {
        return header().orderId();
    }

    @Override
    default java.time.Instant occurredAt() {
        return header().occurredAt();
    }

    @Override
    default dev.omskit.core.model.Actor actor() {
        return header().actor();
    }

    /** The same event with another header (used while deciding, to stamp the resulting status). */
    OrderEvent withHeader(EventHeader header);

    /** One line for people: what happened, e.g. {@code SHIP 2 x L1 RELEASED->SHIPPED}. */
    String describe();

    /** The order was captured; carries the order as captured (version 1). */
    record OrderCaptured(EventHeader header, Order order) implements OrderEvent {
        @Override
        public OrderCaptured withHeader(EventHeader header) {
            return new OrderCaptured(header, order);
        }

        @Override
        public String describe() {
            return "captured from " + order.channel() + " as '" + order.channelOrderId() + "' with "
                    + order.lines().size() + " line(s), total " + order.totals().total();
        }
    }

    /** Units of one line moved from one stage to another. */
    record LineMove(LineId line, State from, State to, int units) {
        @Override
        public String toString() {
            return units + " x " + line + " " + from + "->" + to;
        }
    }

    /** A trigger moved units of lines between stages (allocate, ship, cancel ...). */
    record LinesTransitioned(EventHeader header, Trigger trigger, List<LineMove> moves, Optional<String> reason)
            implements OrderEvent {
        public LinesTransitioned {
            moves = List.copyOf(moves);
        }

        @Override
        public LinesTransitioned withHeader(EventHeader header) {
            return new LinesTransitioned(header, trigger, moves, reason);
        }

        @Override
        public String describe() {
            return trigger + " " + moves.stream().map(LineMove::toString).collect(Collectors.joining(", "))
                    + reason.map(r -> " (" + r + ")").orElse("");
        }
    }

    /** One change made by an edit. */
    sealed interface Change {
        /** The buyer details were replaced. */
        record BuyerChanged(Buyer buyer) implements Change {}

        /** The shipping address was replaced. */
        record ShippingAddressChanged(Address address) implements Change {}

        /** A line was added. */
        record LineAdded(OrderLine line) implements Change {}

        /** A line was removed entirely. */
        record LineRemoved(LineId line, Sku sku, int units) implements Change {}

        /** A line's ordered quantity changed; {@code after} is where its units are now. */
        record LineQuantityChanged(LineId line, int fromUnits, int toUnits, LineQuantities after) implements Change {}
    }

    /** The order was edited before release. */
    record OrderEdited(EventHeader header, List<Change> changes) implements OrderEvent {
        public OrderEdited {
            changes = List.copyOf(changes);
        }

        @Override
        public OrderEdited withHeader(EventHeader header) {
            return new OrderEdited(header, changes);
        }

        @Override
        public String describe() {
            return "edited: " + changes.stream().map(OrderEvent::describeChange).collect(Collectors.joining(", "));
        }
    }

    /** A hold was placed. */
    record HoldPlaced(EventHeader header, Hold hold) implements OrderEvent {
        @Override
        public HoldPlaced withHeader(EventHeader header) {
            return new HoldPlaced(header, hold);
        }

        @Override
        public String describe() {
            return "hold " + hold.type() + " placed: " + hold.reason();
        }
    }

    /** A hold was released. */
    record HoldReleased(EventHeader header, HoldType type, String note) implements OrderEvent {
        @Override
        public HoldReleased withHeader(EventHeader header) {
            return new HoldReleased(header, type, note);
        }

        @Override
        public String describe() {
            return "hold " + type + " released: " + note;
        }
    }

    /** The payment moved in its lifecycle. */
    record PaymentRecorded(
            EventHeader header,
            Trigger trigger,
            State from,
            State to,
            Optional<Money> amount,
            Optional<String> reference)
            implements OrderEvent {
        @Override
        public PaymentRecorded withHeader(EventHeader header) {
            return new PaymentRecorded(header, trigger, from, to, amount, reference);
        }

        @Override
        public String describe() {
            return "payment " + trigger + " " + from + "->" + to
                    + amount.map(a -> " " + a).orElse("")
                    + reference.map(r -> " ref " + r).orElse("");
        }
    }

    /** A lifecycle action recorded a fact during a transition. */
    record ActionRecorded(EventHeader header, Trigger trigger, String name, Map<String, String> attributes)
            implements OrderEvent {
        public ActionRecorded {
            attributes = Checks.orderedCopy("attributes", attributes);
        }

        @Override
        public ActionRecorded withHeader(EventHeader header) {
            return new ActionRecorded(header, trigger, name, attributes);
        }

        @Override
        public String describe() {
            return "on " + trigger + ": " + name + " " + new java.util.TreeMap<>(attributes);
        }
    }

    /**
     * A document of the order changed in this commit (a shipment handed over, an invoice issued, a return
     * received): it puts the change in the order's audit trail and, by moving the order's version, makes
     * concurrent changes to the order's documents conflict and be decided again, never both applied on
     * one stale view.
     */
    record DocumentChanged(
            EventHeader header,
            String kind,
            String documentId,
            Trigger trigger,
            Optional<State> from,
            State to,
            String summary)
            implements OrderEvent {
        @Override
        public DocumentChanged withHeader(EventHeader header) {
            return new DocumentChanged(header, kind, documentId, trigger, from, to, summary);
        }

        @Override
        public String describe() {
            return kind + " " + documentId + " " + trigger + " "
                    + from.map(s -> s + "->").orElse("") + to + ": " + summary;
        }
    }

    private static String describeChange(Change change) {
        if (change instanceof Change.BuyerChanged) {
            return "buyer changed";
        } else if (change instanceof Change.ShippingAddressChanged) {
            return "shipping address changed";
        } else if (change instanceof Change.LineAdded added) {
            return "line " + added.line().id() + " added (" + added.line().ordered() + " x "
                    + added.line().sku() + ")";
        } else if (change instanceof Change.LineRemoved removed) {
            return "line " + removed.line() + " removed (" + removed.units() + " x " + removed.sku() + ")";
        } else if (change instanceof Change.LineQuantityChanged changed) {
            return "line " + changed.line() + " quantity " + changed.fromUnits() + "->" + changed.toUnits();
        }
        throw new IllegalStateException("unknown change " + change);
    }
}
