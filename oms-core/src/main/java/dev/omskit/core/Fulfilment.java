package dev.omskit.core;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentOutcome;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.FulfilmentRequestLifecycle;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationLine;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fulfilment requests (R-40): releases units of an order to locations and takes their confirmations.
 * Every command commits the order's unit moves and the request's new version in one atomic write:
 *
 * <ul>
 *   <li>{@link #release} moves units {@code ALLOCATED -> RELEASED} and creates one request per location;
 *   <li>{@link #accept}, {@link #confirmPick}, {@link #confirmPack} follow the location's work; a short
 *       pick moves the missing units {@code RELEASED -> CREATED} ({@code DEALLOCATE}) and records the
 *       shortfall and its reason on the request;
 *   <li>{@link #reject} (the location refuses) moves all its units back to {@code CREATED}; {@link
 *       #cancel} (the merchant withdraws it) does too, without re-routing.
 * </ul>
 *
 * <p>After the commit of a short pick, the short units are recorded as a stock adjustment at the location
 * (with an inventory; idempotency key {@code short-<request>-<line>}), then the {@link ShortPickRerouter}
 * places the missing units again; after a rejection only the rerouter runs. A request becomes {@code
 * SHIPPED} when {@link Shipping} hands over the shipments of all its picked units.
 *
 * <p>Errors: {@code InvalidArgumentException} with {@code UNKNOWN_LINE}, {@code NOT_POSITIVE}, {@code
 * NOT_ALLOCATED}, {@code NOTHING_TO_RELEASE}, {@code LOCATION_REQUIRED}, {@code UNKNOWN_LOCATION}, {@code
 * EXCEEDS_REQUESTED}, {@code NOTHING_PICKED}, {@code REASON_REQUIRED}; {@code NotFoundException} for an
 * unknown request; {@code OrderRejectedException} ({@code ILLEGAL_TRANSITION}) for a move the lifecycle
 * does not allow. Nothing is stored on any of them. Thread-safe.
 */
public final class Fulfilment {
    private static final System.Logger LOG = System.getLogger(Fulfilment.class.getName());

    private final Oms oms;

    Fulfilment(Oms oms) {
        this.oms = oms;
    }

    /** A body's result, with whether it was decided now (not replayed), so after-commit steps run once. */
    private record Decided(FulfilmentOutcome outcome, boolean fresh, Map<LineId, Integer> shortUnits) {}

    /** Releases units to locations (see {@link ReleaseFulfilment}). */
    public FulfilmentOutcome release(ReleaseFulfilment command) {
        Checks.notNull("command", command);
        return oms.work(
                        command,
                        "ReleaseFulfilment",
                        work -> releaseIn(work, command),
                        (order, docs) -> replay(order, docs, null))
                .outcome();
    }

    private Decided releaseIn(OrderWork work, ReleaseFulfilment c) {
        Order order = work.order();
        Map<LocationId, Map<LineId, Integer>> plan = new LinkedHashMap<>();
        List<Violation> out = new ArrayList<>();
        if (c.location().isPresent()) {
            LocationId location = c.location().get();
            oms.inventory().ifPresent(inv -> {
                if (inv.location(order.tenant(), location).isEmpty()) {
                    out.add(Violation.of(
                            "location", "UNKNOWN_LOCATION", "the inventory has no location '" + location + "'"));
                }
            });
            Map<LineId, Integer> lines = new LinkedHashMap<>();
            if (c.lines().isEmpty()) {
                order.lines().forEach(l -> {
                    if (l.quantity(OrderStages.ALLOCATED) > 0) {
                        lines.put(l.id(), l.quantity(OrderStages.ALLOCATED));
                    }
                });
            } else {
                c.lines().forEach((id, units) -> {
                    Optional<OrderLine> line = order.line(id);
                    String field = "lines[" + id + "]";
                    if (line.isEmpty()) {
                        out.add(Violation.of(
                                field, "UNKNOWN_LINE", "order '" + order.id() + "' has no line '" + id + "'"));
                    } else if (units == null || units <= 0) {
                        out.add(Violation.of(field, "NOT_POSITIVE", "units must be positive; were " + units));
                    } else if (units > line.get().quantity(OrderStages.ALLOCATED)) {
                        out.add(Violation.of(
                                field,
                                "NOT_ALLOCATED",
                                units + " unit(s) of line '" + id + "' requested, "
                                        + line.get().quantity(OrderStages.ALLOCATED) + " allocated"));
                    } else {
                        lines.put(id, units);
                    }
                });
            }
            if (out.isEmpty() && !lines.isEmpty()) {
                plan.put(location, lines);
            }
        } else {
            plan.putAll(byReservation(work, order, out));
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        if (plan.isEmpty()) {
            throw InvalidArgumentException.of(
                    "lines", "NOTHING_TO_RELEASE", "order '" + order.id() + "' has no allocated unit to release");
        }
        List<FulfilmentRequest> created = new ArrayList<>();
        for (Map.Entry<LocationId, Map<LineId, Integer>> e : plan.entrySet()) {
            work.transitionFrom(
                    OrderStages.ALLOCATED, OrderTriggers.RELEASE, e.getValue(), "released to " + e.getKey());
            FulfilmentRequest r = FulfilmentRequest.create(
                    order.tenant(),
                    order.id(),
                    oms.ids().nextId(order.tenant(), "ful"),
                    e.getKey(),
                    e.getValue(),
                    work.now());
            created.add(work.write(null, r, FulfilmentRequestLifecycle.RELEASE, "released to " + e.getKey()));
        }
        return new Decided(new FulfilmentOutcome(work.order(), created, false, Optional.empty()), true, Map.of());
    }

    /**
     * The allocated units per location, from the order's reservations: per line, the units reserved at a
     * location and not held by live requests there yet.
     */
    private Map<LocationId, Map<LineId, Integer>> byReservation(OrderWork work, Order order, List<Violation> out) {
        if (oms.inventory().isEmpty()) {
            out.add(Violation.of(
                    "location",
                    "LOCATION_REQUIRED",
                    "without an inventory there is no reservation to release by; name the location"));
            return Map.of();
        }
        List<Reservation> reservations =
                oms.inventory().get().reservationsFor(order.tenant(), OrderStock.reference(order.id()));
        List<FulfilmentRequest> requests = work.documents(FulfilmentRequest.KIND);
        List<Shipment> shipments = work.documents(Shipment.KIND);
        Map<LocationId, Map<LineId, Integer>> plan = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            int allocated = line.quantity(OrderStages.ALLOCATED);
            if (allocated == 0) {
                continue;
            }
            Map<LocationId, Integer> free = new LinkedHashMap<>();
            for (Reservation r : reservations) {
                if (!r.status().isOpen()) {
                    continue;
                }
                for (ReservationLine rl : r.lines()) {
                    if (rl.ref().startsWith(line.id().value() + "@") && rl.open() > 0) {
                        free.merge(rl.location(), rl.open(), Integer::sum);
                    }
                }
            }
            // units reserved at a location and already released there (not shipped yet) are not free
            for (FulfilmentRequest fr : requests) {
                int held = fr.units(line.id()) - Shipping.shippedFrom(shipments, fr.location(), line.id(), fr.id());
                if (held > 0) {
                    free.computeIfPresent(fr.location(), (l, u) -> u - held);
                }
            }
            int left = allocated;
            for (Map.Entry<LocationId, Integer> f : free.entrySet()) {
                int take = Math.min(left, Math.max(0, f.getValue()));
                if (take > 0) {
                    plan.computeIfAbsent(f.getKey(), k -> new LinkedHashMap<>()).merge(line.id(), take, Integer::sum);
                    left -= take;
                }
            }
            if (left > 0) {
                out.add(Violation.of(
                        "location",
                        "LOCATION_REQUIRED",
                        left + " allocated unit(s) of line '" + line.id()
                                + "' have no reservation at a location; name the location"));
            }
        }
        return plan;
    }

    /** The location accepts a request. */
    public FulfilmentOutcome accept(ChangeFulfilment command) {
        return simple(command, "AcceptFulfilment", FulfilmentRequestLifecycle.ACCEPT, "accepted");
    }

    /** The location confirms the request's picked units are packed. */
    public FulfilmentOutcome confirmPack(ChangeFulfilment command) {
        return simple(command, "ConfirmPack", FulfilmentRequestLifecycle.PACK, "packed");
    }

    private FulfilmentOutcome simple(ChangeFulfilment c, String type, Trigger trigger, String summary) {
        Checks.notNull("command", c);
        return oms.work(
                        c,
                        type,
                        work -> {
                            FulfilmentRequest r = request(work, c.requestId());
                            FulfilmentRequest next = work.write(
                                    r, r.next(move(r, trigger), work.now()), trigger, summary + " at " + r.location());
                            return new Decided(
                                    new FulfilmentOutcome(work.order(), List.of(next), false, Optional.empty()),
                                    true,
                                    Map.of());
                        },
                        (order, docs) -> replay(order, docs, c.requestId()))
                .outcome();
    }

    /**
     * The location confirms its pick; a short pick returns the missing units to {@code CREATED}, records
     * the stock discrepancy and re-routes them (see the class comment).
     */
    public FulfilmentOutcome confirmPick(ConfirmPick command) {
        Checks.notNull("command", command);
        Decided d = oms.work(
                command,
                "ConfirmPick",
                work -> {
                    FulfilmentRequest r = request(work, command.requestId());
                    State to = move(r, FulfilmentRequestLifecycle.PICK);
                    List<Violation> out = new ArrayList<>();
                    command.picked().forEach((line, units) -> {
                        String field = "picked[" + line + "]";
                        if (!r.requested().containsKey(line)) {
                            out.add(Violation.of(
                                    field, "UNKNOWN_LINE", "request '" + r.id() + "' has no line '" + line + "'"));
                        } else if (units == null || units < 0) {
                            out.add(Violation.of(
                                    field, "NOT_POSITIVE", "picked units must not be negative; were " + units));
                        } else if (units > r.requested().get(line)) {
                            out.add(Violation.of(
                                    field,
                                    "EXCEEDS_REQUESTED",
                                    units + " unit(s) picked of line '" + line + "', "
                                            + r.requested().get(line) + " requested"));
                        }
                    });
                    if (!out.isEmpty()) {
                        throw new InvalidArgumentException(out);
                    }
                    Map<LineId, Integer> picked = new LinkedHashMap<>();
                    Map<LineId, Integer> shortfall = new LinkedHashMap<>();
                    r.requested().forEach((line, units) -> {
                        int p = command.picked().getOrDefault(line, 0);
                        picked.put(line, p);
                        if (p < units) {
                            shortfall.put(line, units - p);
                        }
                    });
                    if (picked.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                        throw InvalidArgumentException.of(
                                "picked",
                                "NOTHING_PICKED",
                                "nothing of request '" + r.id() + "' was picked; reject the request instead");
                    }
                    Optional<String> reason = command.reason().filter(s -> !s.isBlank());
                    if (!shortfall.isEmpty() && reason.isEmpty()) {
                        throw InvalidArgumentException.of(
                                "reason",
                                "REASON_REQUIRED",
                                "a short pick of " + shortfall + " on request '" + r.id() + "' needs a reason");
                    }
                    String summary = "picked " + picked;
                    if (!shortfall.isEmpty()) {
                        work.transitionFrom(
                                OrderStages.RELEASED,
                                OrderTriggers.DEALLOCATE,
                                shortfall,
                                "short pick at " + r.location() + ": " + reason.get());
                        summary += "; short " + shortfall + ": " + reason.get();
                    }
                    FulfilmentRequest next = work.write(
                            r,
                            r.next(to, picked, shortfall, shortfall.isEmpty() ? r.note() : reason, work.now()),
                            FulfilmentRequestLifecycle.PICK,
                            summary);
                    return new Decided(
                            new FulfilmentOutcome(work.order(), List.of(next), false, Optional.empty()),
                            true,
                            shortfall);
                },
                (order, docs) -> replay(order, docs, command.requestId()));
        if (!d.fresh() || d.shortUnits().isEmpty()) {
            return d.outcome();
        }
        recordShortStock(d.outcome(), d.shortUnits(), command);
        return reroute(d.outcome(), command, d.outcome().request().note().orElse("short pick"));
    }

    /** The location refuses the request (reason required): its units go back to {@code CREATED} and are re-routed. */
    public FulfilmentOutcome reject(ChangeFulfilment command) {
        Decided d = giveBack(command, "RejectFulfilment", FulfilmentRequestLifecycle.REJECT, "rejected");
        return d.fresh()
                ? reroute(d.outcome(), command, d.outcome().request().note().orElseThrow())
                : d.outcome();
    }

    /** The merchant withdraws a request not yet picked (reason required): its units go back to {@code CREATED}. */
    public FulfilmentOutcome cancel(ChangeFulfilment command) {
        return giveBack(command, "CancelFulfilment", FulfilmentRequestLifecycle.CANCEL, "cancelled")
                .outcome();
    }

    private Decided giveBack(ChangeFulfilment c, String type, Trigger trigger, String verb) {
        Checks.notNull("command", c);
        return oms.work(
                c,
                type,
                work -> {
                    FulfilmentRequest r = request(work, c.requestId());
                    State to = move(r, trigger);
                    String reason = c.reason()
                            .filter(s -> !s.isBlank())
                            .orElseThrow(() -> InvalidArgumentException.of(
                                    "reason", "REASON_REQUIRED", "a request " + verb + " needs a reason"));
                    Map<LineId, Integer> units = new LinkedHashMap<>();
                    r.requested().forEach((line, n) -> {
                        if (r.units(line) > 0) {
                            units.put(line, r.units(line));
                        }
                    });
                    work.transitionFrom(
                            OrderStages.RELEASED,
                            OrderTriggers.DEALLOCATE,
                            units,
                            verb + " at " + r.location() + ": " + reason);
                    FulfilmentRequest next = work.write(
                            r,
                            r.next(to, r.picked(), units, Optional.of(reason), work.now()),
                            trigger,
                            verb + ": " + reason);
                    return new Decided(
                            new FulfilmentOutcome(work.order(), List.of(next), false, Optional.empty()), true, units);
                },
                (order, docs) -> replay(order, docs, c.requestId()));
    }

    /** The order's fulfilment requests, oldest first. */
    public List<FulfilmentRequest> requests(TenantId tenant, OrderId order) {
        oms.get(tenant, order);
        return oms.storage().documents().ofOrder(tenant, order, FulfilmentRequest.KIND);
    }

    /** One request. */
    public Optional<FulfilmentRequest> find(TenantId tenant, String requestId) {
        return oms.storage().documents().find(tenant, FulfilmentRequest.KIND, requestId);
    }

    /** The lifecycle requests follow. */
    public dev.omskit.core.lifecycle.Lifecycle<FulfilmentRequest> lifecycle() {
        return FulfilmentRequestLifecycle.get();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static FulfilmentRequest request(OrderWork work, String id) {
        return work.find(FulfilmentRequest.KIND, id)
                .orElseThrow(() -> new NotFoundException("fulfilment request '" + id + "' not found on order '"
                        + work.order().id() + "'"));
    }

    static State move(FulfilmentRequest r, Trigger trigger) {
        Optional<Transition<FulfilmentRequest>> t =
                FulfilmentRequestLifecycle.get().transition(r.state(), trigger);
        if (t.isEmpty()) {
            throw new OrderRejectedException(Rejection.of(
                    Rejection.ILLEGAL_TRANSITION,
                    "fulfilment request '" + r.id() + "' cannot " + trigger + " in state " + r.state() + "; allowed: "
                            + FulfilmentRequestLifecycle.get().transitionsFrom(r.state()).stream()
                                    .map(Transition::trigger)
                                    .toList()));
        }
        return t.get().to();
    }

    private static Decided replay(Order order, List<OrderDocument> docs, String requestId) {
        List<FulfilmentRequest> requests = new ArrayList<>();
        for (OrderDocument d : docs) {
            if (d instanceof FulfilmentRequest r && (requestId == null || r.id().equals(requestId))) {
                requests.add(r);
            }
        }
        return new Decided(new FulfilmentOutcome(order, requests, false, Optional.empty()), false, Map.of());
    }

    /** Records the short units as missing stock at the location, so the sourcing does not offer them again. */
    private void recordShortStock(FulfilmentOutcome outcome, Map<LineId, Integer> shortUnits, ConfirmPick c) {
        if (oms.inventory().isEmpty()) {
            return;
        }
        Inventory inventory = oms.inventory().get();
        FulfilmentRequest r = outcome.request();
        for (Map.Entry<LineId, Integer> e : shortUnits.entrySet()) {
            Optional<OrderLine> line = outcome.order().line(e.getKey());
            if (line.isEmpty()) {
                continue;
            }
            try {
                int available = inventory
                        .level(r.tenant(), line.get().sku(), r.location())
                        .available();
                int units = Math.min(e.getValue(), available);
                if (units > 0) {
                    inventory.adjust(AdjustStock.builder()
                            .tenant(r.tenant())
                            .sku(line.get().sku())
                            .location(r.location())
                            .delta(-units)
                            .reason("short pick on fulfilment request " + r.id() + ": "
                                    + r.note().orElse("missing"))
                            .idempotencyKey(IdempotencyKey.of("short-" + r.id() + "-" + e.getKey()))
                            .actor(c.actor())
                            .build());
                }
            } catch (OmsException ex) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "could not record the short pick of request " + r.id() + " in the inventory; count "
                                + r.location() + " for " + line.get().sku(),
                        ex);
            }
        }
    }

    private FulfilmentOutcome reroute(FulfilmentOutcome outcome, ExistingOrderCommand c, String reason) {
        FulfilmentRequest r = outcome.request();
        try {
            Order after =
                    oms.shortPickRerouter().reroute(oms, r.tenant(), r.orderId(), r.location(), reason, c.actor());
            return new FulfilmentOutcome(after, outcome.requests(), true, Optional.empty());
        } catch (OmsException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "re-routing order " + r.orderId() + " after " + r.id() + " failed; its units wait in CREATED",
                    e);
            return new FulfilmentOutcome(
                    oms.get(r.tenant(), r.orderId()), outcome.requests(), false, Optional.of(e.getMessage()));
        }
    }
}
