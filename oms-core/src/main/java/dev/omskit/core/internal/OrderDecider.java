package dev.omskit.core.internal;

import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.EventHeader;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.event.OrderEvent.Change;
import dev.omskit.core.event.OrderEvent.LineMove;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.order.Hold;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTransitionContext;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentLedger;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The "decide" half: turns a command and the current order into events (or a rejection), with no I/O.
 * Bad input throws {@link InvalidArgumentException} listing every violation. Thread-safe.
 */
public final class OrderDecider {
    private final OrderLifecycle lifecycle;
    private final RequestValidator validator;
    private final OrderEvolver evolver;
    private final OmsConfig config;

    public OrderDecider(OrderLifecycle lifecycle, OmsConfig config) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.validator = new RequestValidator(config, lifecycle);
        this.evolver = new OrderEvolver(lifecycle);
    }

    public OrderLifecycle lifecycle() {
        return lifecycle;
    }

    public OrderEvolver evolver() {
        return evolver;
    }

    /** Captures a new order with id {@code id} at {@code now}. */
    public Decision capture(CaptureOrder c, OrderId id, Instant now) {
        List<OrderLine> lines = new ArrayList<>();
        List<Violation> violations = validator.capture(c, lines);
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        Order order = Order.builder()
                .tenant(c.tenant())
                .id(id)
                .version(1)
                .channel(c.channel())
                .channelOrderId(c.channelOrderId())
                .customer(c.customer())
                .buyer(c.buyer())
                .shippingAddress(c.shippingAddress())
                .billingAddress(c.billingAddress())
                .currency(c.currency())
                .taxMode(c.taxMode())
                .lines(lines)
                .shippingFee(c.shippingFee().orElse(Money.zero(c.currency())))
                .paymentMethod(c.paymentMethod())
                .paymentStatus(c.paymentStatus().orElse(OrderLifecycle.defaultInitialPayment(c.paymentMethod())))
                .status(lifecycle.deriveStatus(lines))
                .createdBy(c.actor())
                .placedAt(c.placedAt().orElse(now))
                .createdAt(now)
                .updatedAt(now)
                .attributes(c.attributes())
                .build();
        if (c.expectedTotal().isPresent()
                && c.expectedTotal().get().sameCurrencyAs(order.totals().total())
                && !c.expectedTotal().get().equals(order.totals().total())) {
            throw InvalidArgumentException.of(
                    "expectedTotal",
                    "TOTAL_MISMATCH",
                    "the channel's total " + c.expectedTotal().get() + " differs from the total derived from lines,"
                            + " discounts, VAT and shipping: " + order.totals().total());
        }
        // an order captured as already authorised or paid has moved that money: its ledger says so
        Money total = order.totals().total();
        PaymentLedger ledger = PaymentLedger.zero(order.currency());
        if (order.paymentStatus().equals(PaymentStates.AUTHORIZED)) {
            order = Order.builder()
                    .from(order)
                    .payments(ledger.authorize(total))
                    .build();
        } else if (order.paymentStatus().equals(PaymentStates.PAID)) {
            order = Order.builder()
                    .from(order)
                    .payments(ledger.authorize(total).capture(total))
                    .build();
        }
        EventHeader header = EventHeader.of(c.tenant(), id, 1, now, c.actor(), Optional.empty(), order.status());
        return Decision.accepted(order, List.of(new OrderEvent.OrderCaptured(header, order)));
    }

    /** Applies a lifecycle trigger to units of lines. */
    public Decision transition(Order order, TransitionOrder c, Instant now) {
        if (c.trigger().equals(OrderTriggers.CANCEL)) {
            throw InvalidArgumentException.of(
                    "trigger",
                    "USE_CANCEL_ORDER",
                    "cancel with CancelOrder, which needs a reason and cancels all or nothing; not with"
                            + " TransitionOrder");
        }
        return move(order, c, c.trigger(), c.lines(), c.reason(), false, now);
    }

    /** Cancels the order fully or partially. */
    public Decision cancel(Order order, CancelOrder c, Instant now) {
        if (c.reason().isBlank()) {
            throw InvalidArgumentException.of("reason", "MISSING", "a cancellation needs a reason");
        }
        if (c.lines().isEmpty()) {
            List<String> stuck = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                line.quantities().byStage().forEach((stage, units) -> {
                    if (!stage.equals(OrderStages.CANCELLED)
                            && lifecycle
                                    .stages()
                                    .transition(stage, OrderTriggers.CANCEL)
                                    .isEmpty()) {
                        stuck.add(units + " unit(s) of line '" + line.id() + "' are " + stage);
                    }
                });
            }
            if (!stuck.isEmpty()) {
                return Decision.rejected(
                        Rejection.NOT_CANCELLABLE,
                        "Order '" + order.id() + "' cannot be cancelled in status " + order.status() + ": "
                                + String.join(", ", stuck));
            }
        }
        return move(order, c, OrderTriggers.CANCEL, c.lines(), Optional.of(c.reason()), true, now);
    }

    private Decision move(
            Order order,
            ExistingOrderCommand c,
            Trigger trigger,
            Map<LineId, Integer> requested,
            Optional<String> reason,
            boolean cancelling,
            Instant now) {
        List<Transition<OrderTransitionContext>> transitions =
                lifecycle.stages().transitionsOn(trigger);
        List<Violation> violations = new ArrayList<>();
        if (transitions.isEmpty()) {
            violations.add(Violation.of(
                    "trigger",
                    "UNKNOWN_TRIGGER",
                    "lifecycle '" + lifecycle.name() + "' has no trigger " + trigger + "; it has "
                            + lifecycle.stages().triggers()));
        }
        requested.forEach((lineId, units) -> {
            if (order.line(lineId).isEmpty()) {
                violations.add(Violation.of(
                        "lines[" + lineId + "]",
                        "UNKNOWN_LINE",
                        "order '" + order.id() + "' has no line '" + lineId + "'"));
            }
            if (units == null || units <= 0) {
                violations.add(
                        Violation.of("lines[" + lineId + "]", "NOT_POSITIVE", "units must be positive; was " + units));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        List<LineMove> moves = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            if (!requested.isEmpty() && !requested.containsKey(line.id())) {
                continue;
            }
            int wanted = requested.isEmpty() ? Integer.MAX_VALUE : requested.get(line.id());
            int remaining = wanted;
            for (Transition<OrderTransitionContext> t : transitions) {
                int take = Math.min(line.quantity(t.from()), remaining);
                if (take > 0) {
                    moves.add(new LineMove(line.id(), t.from(), t.to(), take));
                    remaining -= take;
                }
            }
            if (!requested.isEmpty() && remaining > 0) {
                int available = wanted - remaining;
                return Decision.rejected(
                        cancelling ? Rejection.NOT_CANCELLABLE : Rejection.INSUFFICIENT_QUANTITY,
                        "Order '" + order.id() + "' line '" + line.id() + "' has " + available
                                + " unit(s) that can take " + trigger + ", " + wanted + " requested; units by stage: "
                                + line.quantities());
            }
        }
        if (moves.isEmpty()) {
            return Decision.rejected(
                    Rejection.ILLEGAL_TRANSITION,
                    "Order '" + order.id() + "' cannot apply " + trigger + " in status " + order.status()
                            + " (no unit is in "
                            + transitions.stream()
                                    .map(t -> t.from().name())
                                    .distinct()
                                    .collect(Collectors.joining(" or "))
                            + ")");
        }
        Map<Transition<OrderTransitionContext>, Integer> used = new LinkedHashMap<>();
        for (LineMove m : moves) {
            used.merge(lifecycle.stages().require(m.from(), trigger), m.units(), Integer::sum);
        }
        List<OrderTransitionContext> contexts = new ArrayList<>();
        for (var entry : used.entrySet()) {
            Transition<OrderTransitionContext> t = entry.getKey();
            OrderTransitionContext ctx =
                    new OrderTransitionContext(order, trigger, t.from(), t.to(), entry.getValue(), c.actor());
            Optional<String> refusal = t.refusal(ctx);
            if (refusal.isPresent()) {
                return Decision.rejected(
                        Rejection.GUARD_REFUSED,
                        "Order '" + order.id() + "' cannot apply " + trigger + " from " + t.from() + ": "
                                + refusal.get());
            }
            contexts.add(ctx);
        }
        for (OrderTransitionContext ctx : contexts) {
            lifecycle.stages().require(ctx.from(), trigger).runActions(ctx);
        }
        Emitter emitter = new Emitter(order, c, now);
        emitter.emit(h -> new OrderEvent.LinesTransitioned(h, trigger, moves, reason));
        for (OrderTransitionContext ctx : contexts) {
            for (OrderTransitionContext.Recorded r : ctx.recorded()) {
                emitter.emit(h -> new OrderEvent.ActionRecorded(h, trigger, r.name(), r.attributes()));
            }
        }
        return emitter.decision();
    }

    /** Edits an order before release. */
    public Decision edit(Order order, EditOrder c, Instant now) {
        if (order.lines().stream().allMatch(l -> l.charged() == 0)) {
            return Decision.rejected(
                    Rejection.NOT_EDITABLE,
                    "Order '" + order.id() + "' cannot be edited in status " + order.status()
                            + ": every unit is cancelled; capture a new order instead");
        }
        List<String> locked = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            line.quantities().byStage().forEach((stage, units) -> {
                if (!stage.equals(OrderStages.CANCELLED) && !lifecycle.isEditable(stage)) {
                    locked.add(units + " unit(s) of line '" + line.id() + "' are " + stage);
                }
            });
        }
        if (!locked.isEmpty()) {
            return Decision.rejected(
                    Rejection.NOT_EDITABLE,
                    "Order '" + order.id() + "' cannot be edited in status " + order.status() + ": "
                            + String.join(", ", locked) + "; cancel it and capture a replacement instead");
        }
        List<Violation> out = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        c.buyer().ifPresent(b -> {
            validator.buyer("buyer", b, out);
            changes.add(new Change.BuyerChanged(b));
        });
        c.shippingAddress().ifPresent(a -> {
            validator.address("shippingAddress", a, out);
            changes.add(new Change.ShippingAddressChanged(a));
        });
        for (LineId id : c.removeLines()) {
            Optional<OrderLine> line = order.line(id);
            if (line.isEmpty()) {
                out.add(Violation.of(
                        "removeLines", "UNKNOWN_LINE", "order '" + order.id() + "' has no line '" + id + "'"));
            } else {
                changes.add(
                        new Change.LineRemoved(id, line.get().sku(), line.get().ordered()));
            }
        }
        c.changeQuantities().forEach((id, units) -> {
            String field = "changeQuantities[" + id + "]";
            Optional<OrderLine> line = order.line(id);
            if (line.isEmpty()) {
                out.add(Violation.of(field, "UNKNOWN_LINE", "order '" + order.id() + "' has no line '" + id + "'"));
                return;
            }
            if (c.removeLines().contains(id)) {
                out.add(Violation.of(field, "CONFLICTING_EDIT", "line '" + id + "' is both removed and changed"));
                return;
            }
            int before = out.size();
            validator.quantity(field, units, out);
            if (out.size() == before && units != line.get().charged()) {
                LineQuantities after = resize(line.get(), units.intValue());
                changes.add(new Change.LineQuantityChanged(id, line.get().charged(), units.intValue(), after));
            }
        });
        List<OrderLine> kept = order.lines().stream()
                .filter(l -> !c.removeLines().contains(l.id()))
                .toList();
        List<OrderLine> added = validator.lines("addLines", c.addLines(), order.currency(), order.lines(), out);
        added.forEach(l -> changes.add(new Change.LineAdded(l)));
        long liveAfter = c.addLines().stream().mapToLong(LineInput::quantity).sum();
        for (OrderLine line : kept) {
            liveAfter += c.changeQuantities().getOrDefault(line.id(), (long) line.charged());
        }
        if (liveAfter <= 0) {
            out.add(Violation.of(
                    "removeLines",
                    "EMPTY",
                    "the edit would leave no unit that is not cancelled; cancel the order instead"));
        }
        if (kept.size() + c.addLines().size() > config.maxLinesPerOrder()) {
            out.add(Violation.of(
                    "addLines",
                    "TOO_MANY_LINES",
                    "an order may have at most " + config.maxLinesPerOrder() + " lines; would have "
                            + (kept.size() + c.addLines().size())));
        }
        if (out.isEmpty() && changes.isEmpty()) {
            out.add(Violation.of("edit", "NOTHING_TO_CHANGE", "the edit changes nothing"));
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        Emitter emitter = new Emitter(order, c, now);
        emitter.emit(h -> new OrderEvent.OrderEdited(h, changes));
        return emitter.decision();
    }

    /**
     * The line's quantities with {@code live} units not cancelled: more are added to the initial stage;
     * fewer are taken from the least advanced stages first.
     */
    private LineQuantities resize(OrderLine line, int live) {
        int delta = live - line.charged();
        if (delta > 0) {
            return line.quantities().plus(lifecycle.initialStage(), delta);
        }
        int toRemove = -delta;
        LineQuantities q = line.quantities();
        List<State> stages = new ArrayList<>(q.byStage().keySet());
        stages.removeIf(OrderStages.CANCELLED::equals);
        stages.sort(Comparator.comparingInt(s -> lifecycle.stages().rank(s)));
        for (State s : stages) {
            int take = Math.min(q.get(s), toRemove);
            q = q.minus(s, take);
            toRemove -= take;
        }
        return q;
    }

    /** Places a hold. */
    public Decision placeHold(Order order, PlaceHold c, Instant now) {
        if (c.reason().isBlank()) {
            throw InvalidArgumentException.of("reason", "MISSING", "a hold needs a reason");
        }
        if (order.hold(c.type()).isPresent()) {
            return Decision.rejected(
                    Rejection.ALREADY_ON_HOLD,
                    "Order '" + order.id() + "' already has a " + c.type() + " hold: "
                            + order.hold(c.type()).get().reason());
        }
        Emitter emitter = new Emitter(order, c, now);
        emitter.emit(h -> new OrderEvent.HoldPlaced(h, new Hold(c.type(), c.reason(), c.actor(), now)));
        return emitter.decision();
    }

    /** Releases a hold. */
    public Decision releaseHold(Order order, ReleaseHold c, Instant now) {
        if (order.hold(c.type()).isEmpty()) {
            return Decision.rejected(
                    Rejection.NOT_ON_HOLD,
                    "Order '" + order.id() + "' has no " + c.type() + " hold; active holds: " + order.holds());
        }
        Emitter emitter = new Emitter(order, c, now);
        emitter.emit(h -> new OrderEvent.HoldReleased(h, c.type(), c.note()));
        return emitter.decision();
    }

    /** Moves the payment state. */
    public Decision recordPayment(Order order, RecordPayment c, Instant now) {
        List<Violation> out = new ArrayList<>();
        if (!lifecycle.payment().triggers().contains(c.trigger())) {
            out.add(Violation.of(
                    "trigger",
                    "UNKNOWN_TRIGGER",
                    "payment lifecycle has no trigger " + c.trigger() + "; it has "
                            + lifecycle.payment().triggers()));
        }
        c.amount().ifPresent(a -> {
            if (!a.currency().equals(order.currency())) {
                out.add(Violation.of(
                        "amount", "CURRENCY_MISMATCH", a + " is not in the order currency " + order.currency()));
            }
            if (!a.isPositive()) {
                out.add(Violation.of("amount", "NOT_POSITIVE", "amount must be positive; was " + a));
            }
        });
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        Optional<Transition<Order>> t = lifecycle.payment().transition(order.paymentStatus(), c.trigger());
        if (t.isEmpty()) {
            return Decision.rejected(
                    Rejection.ILLEGAL_TRANSITION,
                    "Order '" + order.id() + "' cannot apply payment " + c.trigger() + " in payment status "
                            + order.paymentStatus());
        }
        Optional<String> refusal = t.get().refusal(order);
        if (refusal.isPresent()) {
            return Decision.rejected(
                    Rejection.GUARD_REFUSED,
                    "Order '" + order.id() + "' cannot apply payment " + c.trigger() + ": " + refusal.get());
        }
        Optional<Money> amount = paymentAmount(order, c);
        t.get().runActions(order);
        Emitter emitter = new Emitter(order, c, now);
        emitter.emit(h -> new OrderEvent.PaymentRecorded(
                h, c.trigger(), t.get().from(), t.get().to(), amount, c.reference()));
        return emitter.decision();
    }

    /** Builds events one after another, stamping each with the status it leads to. */
    /**
     * The amount a payment event records: the command's, or for the default triggers the amount implied
     * (authorise or capture the rest of the total, collect the COD amount, refund what is left). A refund
     * above what was paid and not refunded is refused with {@code REFUND_EXCEEDS_PAID}.
     */
    private static Optional<Money> paymentAmount(Order order, RecordPayment c) {
        String trigger = c.trigger().name();
        PaymentLedger ledger = order.payments();
        Money total = order.totals().total();
        boolean refund =
                trigger.equals(PaymentStates.REFUND.name()) || trigger.equals(PaymentStates.REFUND_PARTIAL.name());
        if (refund) {
            Money refundable = ledger.refundable();
            if (c.amount().isPresent() && c.amount().get().compareTo(refundable) > 0) {
                throw InvalidArgumentException.of(
                        "amount",
                        "REFUND_EXCEEDS_PAID",
                        "cannot refund " + c.amount().get() + " on order '" + order.id() + "': "
                                + ledger.captured() + " was paid and " + ledger.refunded()
                                + " refunded, so at most " + refundable + " can be refunded");
            }
            if (c.amount().isEmpty() && trigger.equals(PaymentStates.REFUND_PARTIAL.name())) {
                throw InvalidArgumentException.of(
                        "amount", "REQUIRED", "a partial refund needs its amount; order '" + order.id() + "'");
            }
            return Optional.of(c.amount().orElse(refundable)).filter(Money::isPositive);
        }
        if (c.amount().isPresent()) {
            return c.amount();
        }
        if (trigger.equals(PaymentStates.AUTHORIZE.name())) {
            return Optional.of(total).filter(Money::isPositive);
        } else if (trigger.equals(PaymentStates.CAPTURE.name())) {
            return Optional.of(total.minus(ledger.captured())).filter(Money::isPositive);
        } else if (trigger.equals(PaymentStates.COLLECT_COD.name())) {
            return Optional.of(order.totals().cashOnDelivery().minus(ledger.codRemitted()))
                    .filter(Money::isPositive);
        }
        return Optional.empty();
    }

    private final class Emitter {
        private Order current;
        private final ExistingOrderCommand command;
        private final Instant now;
        private final List<OrderEvent> events = new ArrayList<>();

        Emitter(Order order, ExistingOrderCommand command, Instant now) {
            this.current = order;
            this.command = command;
            this.now = now;
        }

        void emit(Function<EventHeader, OrderEvent> body) {
            OrderStatus from = current.status();
            EventHeader header = EventHeader.of(
                    current.tenant(),
                    current.id(),
                    current.version() + 1,
                    now,
                    command.actor(),
                    Optional.of(from),
                    from);
            OrderEvent event = body.apply(header);
            Order next = evolver.evolve(current, event);
            events.add(event.withHeader(header.withToStatus(next.status())));
            current = next;
        }

        Decision decision() {
            return Decision.accepted(current, events);
        }
    }
}
