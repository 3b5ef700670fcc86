package dev.omskit.core;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.FulfilmentRequestLifecycle;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.CodCalculator;
import dev.omskit.core.shipment.CodRemittance;
import dev.omskit.core.shipment.CodStatus;
import dev.omskit.core.shipment.CodSummary;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.shipment.ResolveCodMismatch;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.shipment.TrackingResult;
import dev.omskit.core.shipment.TrackingUpdate;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shipments, carrier tracking and cash on delivery. Every command commits the
 * shipment's new version and the order's unit moves in one atomic write:
 *
 * <ul>
 *   <li>{@code HANDED_OVER} moves the shipment's units {@code RELEASED -> SHIPPED} (the engine consumes
 *       their reservation) and closes the fulfilment request whose picked units are all handed over;
 *   <li>{@code DELIVERED} moves them {@code SHIPPED -> DELIVERED};
 *   <li>{@code RETURNED_TO_SENDER} moves them {@code SHIPPED -> RETURNED} and, after the commit, receives
 *       them back into stock at the origin (idempotency key {@code rts-<shipment>}), with an inventory.
 * </ul>
 *
 * <p>Tracking updates ({@link #applyTracking}) are found by carrier and tracking number; a repeated or
 * out-of-order update is ignored and reported in the {@link TrackingResult}, never an error and never a
 * second effect. COD remittances ({@link #recordRemittance}) are matched against each shipment's COD
 * due; the order's payment moves {@code COD_PENDING -> COD_PARTIALLY_COLLECTED -> COD_COLLECTED}, the last
 * step when the order is complete ({@link #isComplete}): every live unit delivered or returned and every
 * shipment's COD settled.
 *
 * <p>Errors ({@code InvalidArgumentException} codes): {@code EMPTY}, {@code UNKNOWN_LINE}, {@code
 * NOT_POSITIVE}, {@code UNKNOWN_LOCATION}, {@code MALFORMED}, {@code UNITS_NOT_RELEASED}, {@code
 * UNKNOWN_REQUEST}, {@code LOCATION_MISMATCH}, {@code NOT_PICKED}, {@code UNITS_NOT_PICKED}, {@code
 * NOT_CASH_ON_DELIVERY}, {@code CURRENCY_MISMATCH}, {@code DUPLICATE_REFERENCE}, {@code REASON_REQUIRED};
 * {@code OrderRejectedException} codes {@code ILLEGAL_TRANSITION}, {@code NOT_DELIVERED}, {@code
 * COD_SETTLED}, {@code NOT_MISMATCHED}; {@code NotFoundException} for an unknown shipment or tracking
 * number; {@code DuplicateReferenceException} for a tracking number another shipment holds. Nothing is
 * stored on any of them. Thread-safe.
 */
public final class Shipping {
    private static final System.Logger LOG = System.getLogger(Shipping.class.getName());
    private static final String CARRIER = "[A-Z0-9][A-Z0-9_-]{0,31}";

    private final Oms oms;

    Shipping(Oms oms) {
        this.oms = oms;
    }

    /** A body's result and whether it was decided now (not replayed), so after-commit steps run once. */
    private record Decided(Shipment shipment, boolean fresh, boolean returned) {}

    // --------------------------------------------------------------------------------------- commands

    /** Creates a shipment of released units (see {@link CreateShipment}). */
    public Shipment create(CreateShipment command) {
        Checks.notNull("command", command);
        return oms.work(command, "CreateShipment", work -> createIn(work, command), (order, docs) -> last(docs));
    }

    private Shipment createIn(OrderWork work, CreateShipment c) {
        Order order = work.order();
        List<Violation> out = new ArrayList<>();
        if (!c.carrier().matches(CARRIER)) {
            out.add(Violation.of(
                    "carrier",
                    "MALFORMED",
                    "a carrier code is 1-32 upper-case letters, digits, - or _; was '" + c.carrier() + "'"));
        }
        oms.inventory().ifPresent(inv -> {
            if (inv.location(order.tenant(), c.origin()).isEmpty()) {
                out.add(Violation.of(
                        "origin", "UNKNOWN_LOCATION", "the inventory has no location '" + c.origin() + "'"));
            }
        });
        if (c.lines().isEmpty()) {
            out.add(Violation.of("lines", "EMPTY", "a shipment needs at least one line"));
        }
        List<Shipment> shipments = work.documents(Shipment.KIND);
        List<FulfilmentRequest> requests = work.documents(FulfilmentRequest.KIND);
        Optional<FulfilmentRequest> request = Optional.empty();
        if (c.fulfilmentRequest().isPresent()) {
            request = requests.stream()
                    .filter(r -> r.id().equals(c.fulfilmentRequest().get()))
                    .findFirst();
            if (request.isEmpty()) {
                out.add(Violation.of(
                        "fulfilmentRequest",
                        "UNKNOWN_REQUEST",
                        "order '" + order.id() + "' has no fulfilment request '"
                                + c.fulfilmentRequest().get() + "'"));
            } else if (!request.get().location().equals(c.origin())) {
                out.add(Violation.of(
                        "fulfilmentRequest",
                        "LOCATION_MISMATCH",
                        "request '" + request.get().id() + "' is at "
                                + request.get().location() + ", not " + c.origin()));
            } else if (!FulfilmentRequestLifecycle.PICKED.equals(request.get().state())
                    && !FulfilmentRequestLifecycle.PACKED.equals(request.get().state())) {
                out.add(Violation.of(
                        "fulfilmentRequest",
                        "NOT_PICKED",
                        "request '" + request.get().id() + "' is "
                                + request.get().state() + "; ship its units once picked"));
            }
        }
        for (Map.Entry<LineId, Integer> e : c.lines().entrySet()) {
            LineId line = e.getKey();
            Integer units = e.getValue();
            String field = "lines[" + line + "]";
            if (order.line(line).isEmpty()) {
                out.add(Violation.of(field, "UNKNOWN_LINE", "order '" + order.id() + "' has no line '" + line + "'"));
                continue;
            }
            if (units == null || units <= 0) {
                out.add(Violation.of(field, "NOT_POSITIVE", "units must be positive; were " + units));
                continue;
            }
            int free = shippable(order, requests, shipments, c.origin(), line);
            if (units > free) {
                out.add(Violation.of(
                        field,
                        "UNITS_NOT_RELEASED",
                        units + " unit(s) of line '" + line + "' to ship from " + c.origin() + ", but only " + free
                                + " are released there and not in another live shipment"));
            }
            if (request.isPresent() && out.isEmpty()) {
                FulfilmentRequest r = request.get();
                int picked = r.picked().getOrDefault(line, 0) - inShipmentsOf(shipments, r.id(), line);
                if (units > picked) {
                    out.add(Violation.of(
                            field,
                            "UNITS_NOT_PICKED",
                            units + " unit(s) of line '" + line + "', but request '" + r.id() + "' has " + picked
                                    + " picked and not yet in a shipment"));
                }
            }
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        Money cod = CodCalculator.codFor(order, c.lines(), c.payer(), shipments);
        Shipment s = Shipment.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .id(oms.ids().nextId(order.tenant(), "shp"))
                .version(1)
                .state(ShipmentLifecycle.CREATED)
                .origin(c.origin())
                .fulfilmentRequest(c.fulfilmentRequest())
                .lines(c.lines())
                .parcels(c.parcels())
                .carrier(c.carrier())
                .service(c.service())
                .payer(c.payer())
                .codAmount(cod)
                .codAdjustment(Money.zero(order.currency()))
                .codStatus(cod.isPositive() ? CodStatus.PENDING : CodStatus.NONE)
                .createdAt(work.now())
                .updatedAt(work.now())
                .build();
        return work.write(
                null,
                s,
                ShipmentLifecycle.CREATE,
                "shipment from " + c.origin() + " by " + c.carrier() + " " + c.service() + ", COD " + cod);
    }

    /**
     * Units of a line that may still go into a new shipment from {@code origin}: released there by live
     * fulfilment requests, minus those in other shipments (not cancelled) from there. An order without
     * fulfilment requests (released by the host directly) may ship its RELEASED units not yet in a
     * shipment waiting for hand-over.
     */
    static int shippable(
            Order order, List<FulfilmentRequest> requests, List<Shipment> shipments, LocationId origin, LineId line) {
        if (requests.isEmpty()) {
            int waiting = 0;
            for (Shipment s : shipments) {
                if (!ShipmentLifecycle.isHandedOver(s.state()) && !ShipmentLifecycle.CANCELLED.equals(s.state())) {
                    waiting += s.units(line);
                }
            }
            return order.line(line).map(l -> l.quantity(OrderStages.RELEASED)).orElse(0) - waiting;
        }
        int released = 0;
        for (FulfilmentRequest r : requests) {
            if (r.location().equals(origin)) {
                released += r.units(line);
            }
        }
        int taken = 0;
        for (Shipment s : shipments) {
            if (s.origin().equals(origin) && !ShipmentLifecycle.CANCELLED.equals(s.state())) {
                taken += s.units(line);
            }
        }
        return released - taken;
    }

    private static int inShipmentsOf(List<Shipment> shipments, String requestId, LineId line) {
        int n = 0;
        for (Shipment s : shipments) {
            if (s.fulfilmentRequest().equals(Optional.of(requestId))
                    && !ShipmentLifecycle.CANCELLED.equals(s.state())) {
                n += s.units(line);
            }
        }
        return n;
    }

    /**
     * Units of a line handed over in shipments from {@code location} that belong to {@code requestId} (or
     * name no request): what of that request's units has left.
     */
    static int shippedFrom(List<Shipment> shipments, LocationId location, LineId line, String requestId) {
        int n = 0;
        for (Shipment s : shipments) {
            if (s.origin().equals(location)
                    && ShipmentLifecycle.isHandedOver(s.state())
                    && (s.fulfilmentRequest().isEmpty()
                            || s.fulfilmentRequest().get().equals(requestId))) {
                n += s.units(line);
            }
        }
        return n;
    }

    /** Records the carrier's tracking number and label: {@code CREATED -> LABELLED}. */
    public Shipment label(LabelShipment command) {
        Checks.notNull("command", command);
        return oms.work(
                command,
                "LabelShipment",
                work -> {
                    Shipment s = shipment(work, command.shipmentId());
                    Checks.idProblem("trackingNumber", command.trackingNumber()).ifPresent(p -> {
                        throw InvalidArgumentException.of("trackingNumber", "MALFORMED", p);
                    });
                    State to = move(s, ShipmentLifecycle.LABEL);
                    Shipment next = s.next(work.now())
                            .state(to)
                            .trackingNumber(command.trackingNumber())
                            .label(command.label())
                            .build();
                    return work.write(
                            s,
                            next,
                            ShipmentLifecycle.LABEL,
                            "labelled " + Shipment.reference(s.carrier(), command.trackingNumber()));
                },
                (order, docs) -> only(docs, command.shipmentId()));
    }

    /** The carrier collected the parcel: {@code LABELLED -> HANDED_OVER}, its units ship. */
    public Shipment handOver(ChangeShipment command) {
        Checks.notNull("command", command);
        return oms.work(
                        command,
                        "HandOverShipment",
                        work -> {
                            Shipment s = shipment(work, command.shipmentId());
                            return new Decided(
                                    step(work, s, ShipmentLifecycle.HAND_OVER, "handed over to " + s.carrier(), null),
                                    true,
                                    false);
                        },
                        (order, docs) -> new Decided(only(docs, command.shipmentId()), false, false))
                .shipment();
    }

    /** Cancels a shipment not yet handed over (reason required); its units may go into another one. */
    public Shipment cancel(ChangeShipment command) {
        Checks.notNull("command", command);
        return oms.work(
                command,
                "CancelShipment",
                work -> {
                    Shipment s = shipment(work, command.shipmentId());
                    String reason = command.reason()
                            .filter(r -> !r.isBlank())
                            .orElseThrow(() -> InvalidArgumentException.of(
                                    "reason", "REASON_REQUIRED", "cancelling a shipment needs a reason"));
                    return step(work, s, ShipmentLifecycle.CANCEL, "cancelled: " + reason, null);
                },
                (order, docs) -> only(docs, command.shipmentId()));
    }

    /**
     * Applies a carrier's tracking update: the shipment moves to the state the status means, through the
     * states in between the carrier did not report. Repeated and out-of-order updates are ignored and say
     * so in the result.
     */
    public TrackingResult applyTracking(TrackingUpdate update) {
        Checks.notNull("update", update);
        Shipment found = findByTracking(update.tenant(), update.carrier(), update.trackingNumber())
                .orElseThrow(() -> new NotFoundException("no shipment of carrier '" + update.carrier()
                        + "' with tracking number '" + update.trackingNumber() + "' in tenant '" + update.tenant()
                        + "'"));
        TrackingCommand command = new TrackingCommand(update, found.orderId());
        TrackingResult[] result = new TrackingResult[1];
        Decided d = oms.work(
                command,
                "ApplyTracking",
                work -> {
                    Shipment s = shipment(work, found.id());
                    State target = update.status().state();
                    if (s.lastTrackingAt().isPresent()
                            && update.occurredAt().isBefore(s.lastTrackingAt().get())) {
                        result[0] = new TrackingResult(TrackingResult.Outcome.OUT_OF_ORDER, s);
                        return new Decided(s, false, false);
                    }
                    if (s.state().equals(target)) {
                        result[0] = new TrackingResult(TrackingResult.Outcome.DUPLICATE, s);
                        return new Decided(s, false, false);
                    }
                    Optional<List<Trigger>> path = ShipmentLifecycle.path(s.state(), target);
                    if (path.isEmpty()) {
                        result[0] = new TrackingResult(TrackingResult.Outcome.OUT_OF_ORDER, s);
                        return new Decided(s, false, false);
                    }
                    Shipment current = s;
                    List<Trigger> steps = path.get();
                    for (int i = 0; i < steps.size(); i++) {
                        boolean implied = i < steps.size() - 1;
                        String text = implied
                                ? "implied by the carrier's " + update.status() + " update"
                                : update.description();
                        current = step(work, current, steps.get(i), text, update, implied);
                    }
                    result[0] = new TrackingResult(TrackingResult.Outcome.APPLIED, current);
                    return new Decided(current, true, ShipmentLifecycle.RETURNED_TO_SENDER.equals(current.state()));
                },
                (order, docs) -> new Decided(only(docs, found.id()), false, false));
        if (d.returned()) {
            restockReturned(d.shipment().tenant(), d.shipment().id(), update.actor());
        }
        return result[0];
    }

    /** The internal command of a tracking update (never idempotency-keyed: duplicates are found by state). */
    private record TrackingCommand(TrackingUpdate update, OrderId orderId) implements ExistingOrderCommand {
        @Override
        public TenantId tenant() {
            return update.tenant();
        }

        @Override
        public Actor actor() {
            return update.actor();
        }

        @Override
        public Optional<IdempotencyKey> idempotencyKey() {
            return Optional.empty();
        }

        @Override
        public Optional<Long> expectedVersion() {
            return Optional.empty();
        }
    }

    /**
     * One lifecycle step of a shipment with its order effects; {@code update} is the carrier event that
     * led to it, if any.
     */
    private Shipment step(OrderWork work, Shipment s, Trigger trigger, String summary, TrackingUpdate update) {
        return step(work, s, trigger, summary, update, false);
    }

    private Shipment step(
            OrderWork work, Shipment s, Trigger trigger, String summary, TrackingUpdate update, boolean implied) {
        State to = move(s, trigger);
        Shipment.Builder next = s.next(work.now()).state(to);
        if (update != null) {
            next.lastTrackingAt(update.occurredAt());
        }
        String text = summary;
        if (trigger.equals(ShipmentLifecycle.HAND_OVER)) {
            work.transitionFrom(
                    OrderStages.RELEASED, OrderTriggers.SHIP, s.lines(), "shipment " + s.id() + " handed over");
        } else if (trigger.equals(ShipmentLifecycle.DELIVER)) {
            work.transitionFrom(
                    OrderStages.SHIPPED, OrderTriggers.DELIVER, s.lines(), "shipment " + s.id() + " delivered");
        } else if (trigger.equals(ShipmentLifecycle.COMPLETE_RETURN)) {
            work.transitionFrom(
                    OrderStages.SHIPPED, OrderTriggers.RETURN, s.lines(), "shipment " + s.id() + " returned to sender");
        } else if (trigger.equals(ShipmentLifecycle.FAIL_DELIVERY)) {
            String why = update == null ? "unknown" : update.failureReason().orElse(update.description());
            next.failedAttempts(s.failedAttempts() + 1).failureReason(why);
            text = "delivery failed (attempt " + (s.failedAttempts() + 1) + "): " + why;
        }
        Shipment written = work.write(s, next.build(), trigger, text, implied);
        if (trigger.equals(ShipmentLifecycle.HAND_OVER)) {
            closeRequests(work, written);
        }
        if (trigger.equals(ShipmentLifecycle.COMPLETE_RETURN) || trigger.equals(ShipmentLifecycle.DELIVER)) {
            collectIfComplete(work, Optional.empty());
        }
        return written;
    }

    /** Closes the packed requests at the shipment's origin whose picked units are all handed over now. */
    private static void closeRequests(OrderWork work, Shipment handedOver) {
        List<Shipment> shipments = work.documents(Shipment.KIND);
        for (FulfilmentRequest r : work.documents(FulfilmentRequest.KIND)) {
            if (!r.location().equals(handedOver.origin())
                    || !FulfilmentRequestLifecycle.PACKED.equals(r.state())
                    || (handedOver.fulfilmentRequest().isPresent()
                            && !handedOver.fulfilmentRequest().get().equals(r.id()))) {
                continue;
            }
            boolean all = r.picked().entrySet().stream()
                    .allMatch(e -> shippedFrom(shipments, r.location(), e.getKey(), r.id()) >= e.getValue());
            if (all) {
                work.write(
                        r,
                        r.next(Fulfilment.move(r, FulfilmentRequestLifecycle.SHIP), work.now()),
                        FulfilmentRequestLifecycle.SHIP,
                        "shipped with " + handedOver.id());
            }
        }
    }

    /** Receives a returned-to-sender shipment's units back into stock at its origin, once (key {@code rts-<id>}). */
    public void restockReturned(TenantId tenant, String shipmentId, Actor actor) {
        Shipment s = find(tenant, shipmentId)
                .orElseThrow(() -> new NotFoundException("shipment '" + shipmentId + "' not found"));
        if (!ShipmentLifecycle.RETURNED_TO_SENDER.equals(s.state())
                || oms.inventory().isEmpty()) {
            return;
        }
        Order order = oms.get(tenant, s.orderId());
        Map<Sku, Integer> bySku = new LinkedHashMap<>();
        s.lines().forEach((line, units) -> order.line(line).ifPresent(l -> bySku.merge(l.sku(), units, Integer::sum)));
        List<ReceiptLine> lines = new ArrayList<>();
        bySku.forEach((sku, units) -> lines.add(ReceiptLine.good(sku, units)));
        try {
            oms.inventory()
                    .get()
                    .receive(ReceiveGoods.builder()
                            .tenant(tenant)
                            .location(s.origin())
                            .lines(lines)
                            .cause("return-to-sender")
                            .idempotencyKey(IdempotencyKey.of("rts-" + s.id()))
                            .actor(actor)
                            .build());
        } catch (OmsException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not receive returned shipment " + s.id() + " at " + s.origin()
                            + "; call restockReturned again",
                    e);
        }
    }

    // -------------------------------------------------------------------------------------------- COD

    /** Records a carrier's COD remittance for a delivered shipment (see {@link RecordCodRemittance}). */
    public Shipment recordRemittance(RecordCodRemittance command) {
        Checks.notNull("command", command);
        return oms.work(
                command,
                "RecordCodRemittance",
                work -> {
                    Order order = work.order();
                    Shipment s = shipment(work, command.shipmentId());
                    List<Violation> out = new ArrayList<>();
                    if (order.paymentMethod() != PaymentMethod.CASH_ON_DELIVERY) {
                        out.add(Violation.of(
                                "shipmentId",
                                "NOT_CASH_ON_DELIVERY",
                                "order '" + order.id() + "' is prepaid; there is no COD to remit"));
                    }
                    if (!command.amount().currency().equals(order.currency())) {
                        out.add(Violation.of(
                                "amount",
                                "CURRENCY_MISMATCH",
                                command.amount() + " is not in the order currency " + order.currency()));
                    } else if (!command.amount().isPositive()) {
                        out.add(Violation.of(
                                "amount", "NOT_POSITIVE", "a remittance must be positive; was " + command.amount()));
                    }
                    Checks.idProblem("reference", command.reference())
                            .ifPresent(p -> out.add(Violation.of("reference", "MALFORMED", p)));
                    Optional<CodRemittance> same = s.remittances().stream()
                            .filter(r -> r.reference().equals(command.reference()))
                            .findFirst();
                    if (same.isPresent() && !same.get().amount().equals(command.amount())) {
                        out.add(Violation.of(
                                "reference",
                                "DUPLICATE_REFERENCE",
                                "remittance '" + command.reference() + "' was recorded with "
                                        + same.get().amount()));
                    }
                    if (!out.isEmpty()) {
                        throw new InvalidArgumentException(out);
                    }
                    if (same.isPresent()) {
                        return s; // the same remittance reported again: nothing more
                    }
                    if (!ShipmentLifecycle.DELIVERED.equals(s.state())) {
                        throw new OrderRejectedException(Rejection.of(
                                "NOT_DELIVERED",
                                "shipment '" + s.id() + "' is " + s.state()
                                        + "; COD is remitted for delivered shipments"));
                    }
                    if (s.codStatus() != CodStatus.PENDING && s.codStatus() != CodStatus.MISMATCHED) {
                        throw new OrderRejectedException(Rejection.of(
                                "COD_SETTLED",
                                "shipment '" + s.id() + "' COD is " + s.codStatus() + "; nothing more is due"));
                    }
                    CodRemittance remittance =
                            new CodRemittance(command.amount(), command.reference(), command.remittedAt());
                    Shipment.Builder b = s.next(work.now()).addRemittances(remittance);
                    Shipment draft = b.build();
                    Money difference = draft.codRemitted().minus(draft.codDue());
                    CodStatus status = difference.isZero() ? CodStatus.MATCHED : CodStatus.MISMATCHED;
                    Shipment next =
                            Shipment.builder().from(draft).codStatus(status).build();
                    String summary = status == CodStatus.MATCHED
                            ? "COD " + command.amount() + " remitted (" + command.reference() + "): matched"
                            : "COD mismatch: " + draft.codRemitted() + " remitted of " + draft.codDue()
                                    + " due, difference " + signed(difference) + " (" + command.reference() + ")";
                    Shipment written = work.write(s, next, ShipmentLifecycle.REMIT_COD, summary);
                    collectIfComplete(work, Optional.of(remittance));
                    return written;
                },
                (order, docs) -> only(docs, command.shipmentId()));
    }

    /** Accepts what was remitted for a mismatched shipment, with a reason. */
    public Shipment resolveCodMismatch(ResolveCodMismatch command) {
        Checks.notNull("command", command);
        return oms.work(
                command,
                "ResolveCodMismatch",
                work -> resolveIn(work, command),
                (order, docs) -> only(docs, command.shipmentId()));
    }

    /** What {@link #resolveCodMismatch} would do, stored nowhere. */
    public ChangePreview<Shipment> previewResolveCodMismatch(ResolveCodMismatch command) {
        Checks.notNull("command", command);
        return oms.preview(command, "ResolveCodMismatch", work -> resolveIn(work, command));
    }

    private Shipment resolveIn(OrderWork work, ResolveCodMismatch c) {
        Shipment s = shipment(work, c.shipmentId());
        if (c.reason().isBlank()) {
            throw InvalidArgumentException.of("reason", "REASON_REQUIRED", "accepting a COD mismatch needs a reason");
        }
        if (s.codStatus() != CodStatus.MISMATCHED) {
            throw new OrderRejectedException(Rejection.of(
                    "NOT_MISMATCHED", "shipment '" + s.id() + "' COD is " + s.codStatus() + "; nothing to resolve"));
        }
        Money difference = s.codRemitted().minus(s.codDue());
        Shipment next = s.next(work.now())
                .codAdjustment(s.codAdjustment().plus(difference))
                .codStatus(CodStatus.RESOLVED)
                .codResolution(c.reason())
                .build();
        Shipment written = work.write(
                s,
                next,
                ShipmentLifecycle.RESOLVE_COD,
                "COD difference " + signed(difference) + " accepted: " + c.reason());
        if (difference.isNegative()) {
            work.settle(difference.negate(), "COD short-remitted by " + s.carrier() + " for " + s.id());
        }
        collectIfComplete(work, Optional.empty());
        return written;
    }

    /**
     * Moves the order's payment for a remittance (partial, or collected when the order is complete now),
     * or closes a partial collection when the order became complete without new money.
     */
    private static void collectIfComplete(OrderWork work, Optional<CodRemittance> remittance) {
        Order order = work.order();
        if (order.paymentMethod() != PaymentMethod.CASH_ON_DELIVERY) {
            return;
        }
        boolean complete = complete(order, work.documents(Shipment.KIND));
        if (remittance.isPresent()) {
            work.payment(
                    complete ? PaymentStates.COLLECT_COD : PaymentStates.COLLECT_COD_PARTIAL,
                    Optional.of(remittance.get().amount()),
                    Optional.of(remittance.get().reference()));
        } else if (complete && PaymentStates.COD_PARTIALLY_COLLECTED.equals(order.paymentStatus())) {
            work.payment(PaymentStates.COLLECT_COD, Optional.empty(), Optional.of("cod-complete"));
        }
    }

    /** Whether every live unit is delivered or returned and every live shipment's COD is settled. */
    static boolean complete(Order order, List<Shipment> shipments) {
        int live = 0;
        for (OrderLine line : order.lines()) {
            int charged = line.charged();
            live += charged;
            if (line.quantity(OrderStages.DELIVERED) + line.quantity(OrderStages.RETURNED) != charged) {
                return false;
            }
        }
        if (live == 0) {
            return false;
        }
        return summary(order, shipments).isSettled()
                && shipments.stream()
                        .filter(Shipment::isLive)
                        .allMatch(s -> s.codStatus() == CodStatus.NONE
                                || s.codStatus() == CodStatus.MATCHED
                                || s.codStatus() == CodStatus.RESOLVED);
    }

    private static CodSummary summary(Order order, List<Shipment> shipments) {
        Money due = Money.zero(order.currency());
        Money remitted = due;
        int mismatches = 0;
        for (Shipment s : shipments) {
            if (s.isLive()) {
                due = due.plus(s.codDue());
                remitted = remitted.plus(s.codRemitted());
                if (s.codStatus() == CodStatus.MISMATCHED) {
                    mismatches++;
                }
            }
        }
        return new CodSummary(
                order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY,
                due,
                remitted,
                due.minus(remitted),
                mismatches);
    }

    private static String signed(Money m) {
        return (m.isNegative() ? "" : "+") + m;
    }

    // ---------------------------------------------------------------------------------------- queries

    /** The order's COD over its live shipments: due, remitted, outstanding (= due - remitted), mismatches. */
    public CodSummary codStatus(TenantId tenant, OrderId order) {
        Order o = oms.get(tenant, order);
        return summary(o, shipments(tenant, order));
    }

    /**
     * Whether the order is complete: every live unit delivered (or returned) and, for cash on delivery,
     * every live shipment's COD remitted in full (or its difference accepted).
     */
    public boolean isComplete(TenantId tenant, OrderId order) {
        return complete(oms.get(tenant, order), shipments(tenant, order));
    }

    /** The order's shipments, oldest first. */
    public List<Shipment> shipments(TenantId tenant, OrderId order) {
        return oms.storage().documents().ofOrder(tenant, order, Shipment.KIND);
    }

    /** One shipment. */
    public Optional<Shipment> find(TenantId tenant, String shipmentId) {
        return oms.storage().documents().find(tenant, Shipment.KIND, shipmentId);
    }

    /** The shipment of this carrier's tracking number. */
    public Optional<Shipment> findByTracking(TenantId tenant, String carrier, String trackingNumber) {
        return oms.storage()
                .documents()
                .findByReference(tenant, Shipment.KIND, Shipment.reference(carrier, trackingNumber));
    }

    /** The lifecycle shipments follow. */
    public Lifecycle<Shipment> lifecycle() {
        return ShipmentLifecycle.get();
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static Shipment shipment(OrderWork work, String id) {
        return work.find(Shipment.KIND, id)
                .orElseThrow(() -> new NotFoundException("shipment '" + id + "' not found on order '"
                        + work.order().id() + "'"));
    }

    private static State move(Shipment s, Trigger trigger) {
        Optional<Transition<Shipment>> t = ShipmentLifecycle.get().transition(s.state(), trigger);
        if (t.isEmpty()) {
            throw new OrderRejectedException(Rejection.of(
                    Rejection.ILLEGAL_TRANSITION,
                    "shipment '" + s.id() + "' cannot " + trigger + " in state " + s.state() + "; allowed: "
                            + ShipmentLifecycle.get().transitionsFrom(s.state()).stream()
                                    .map(Transition::trigger)
                                    .toList()));
        }
        return t.get().to();
    }

    private static Shipment only(List<OrderDocument> docs, String id) {
        for (OrderDocument d : docs) {
            if (d instanceof Shipment s && s.id().equals(id)) {
                return s;
            }
        }
        throw new NotFoundException("shipment '" + id + "' is not in the replayed result");
    }

    private static Shipment last(List<OrderDocument> docs) {
        for (int i = docs.size() - 1; i >= 0; i--) {
            if (docs.get(i) instanceof Shipment s) {
                return s;
            }
        }
        throw new NotFoundException("no shipment in the replayed result");
    }
}
