package dev.omskit.connectors.sync;

import dev.omskit.connectors.channel.CancellationPush;
import dev.omskit.connectors.channel.ChannelLineQuantity;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.channel.ShipmentPush;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Status out: a shipment handed to its carrier is pushed to the order's channel with its tracking number
 * (once: {@code PUSH_SHIPMENT} per shipment), and units cancelled in omskit are pushed as cancellations
 * ({@code PUSH_CANCELLATION} per order line, carrying how many units the channel was told of before).
 */
final class StatusPush {
    static final String SHIPMENT = "shipment";
    static final String ORDER = "order";
    static final String LINE = "line";
    static final String PUSHED_UNITS = "pushed.units";

    /** Shipment states in which the parcel is with the carrier (or was): the channel may hear of it. */
    static final Set<State> SHIPPED = Set.of(
            ShipmentLifecycle.HANDED_OVER,
            ShipmentLifecycle.IN_TRANSIT,
            ShipmentLifecycle.OUT_FOR_DELIVERY,
            ShipmentLifecycle.DELIVERED,
            ShipmentLifecycle.DELIVERY_FAILED,
            ShipmentLifecycle.RETURNING,
            ShipmentLifecycle.RETURNED_TO_SENDER);

    private final SyncEngine engine;

    StatusPush(SyncEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, SyncHandler> handlers) {
        handlers.put(SyncWorkType.PUSH_SHIPMENT, SyncHandler.each(this::pushShipment));
        handlers.put(SyncWorkType.PUSH_CANCELLATION, SyncHandler.each(this::pushCancellation));
    }

    void fanOut(Order order, Instant now) {
        Optional<ChannelBinding> found =
                engine.channelOf(order.tenant(), order.channel().id());
        if (found.isEmpty()) {
            return;
        }
        ChannelBinding b = found.get();
        if (b.connector().can(SalesChannel.PUSH_SHIPMENT)) {
            for (Shipment s : engine.oms().shipping().shipments(order.tenant(), order.id())) {
                if (s.trackingNumber().isPresent() && SHIPPED.contains(s.state())) {
                    engine.enqueueOnce(
                            order.tenant(),
                            "ship/" + b.connectorId() + "/" + s.id(),
                            b.connectorId(),
                            SyncWorkType.PUSH_SHIPMENT,
                            Map.of(SHIPMENT, s.id(), ORDER, order.id().value()));
                }
            }
        }
        if (b.connector().can(SalesChannel.PUSH_CANCELLATION)) {
            for (OrderLine line : order.lines()) {
                int cancelled = line.quantity(OrderStages.CANCELLED);
                if (cancelled == 0) {
                    continue;
                }
                String key = "cancel/" + b.connectorId() + "/" + order.id().value() + "/"
                        + line.id().value();
                Optional<SyncWork> existing = engine.work().find(order.tenant(), key);
                String pushed = existing.map(w -> w.payload().get(PUSHED_UNITS)).orElse("0");
                if (existing.isPresent()
                        && existing.get().state() == SyncState.DONE
                        && Integer.parseInt(pushed) >= cancelled) {
                    continue;
                }
                Map<String, String> payload = new LinkedHashMap<>();
                payload.put(ORDER, order.id().value());
                payload.put(LINE, line.id().value());
                payload.put(PUSHED_UNITS, pushed);
                engine.work()
                        .enqueue(order.tenant(), key, b.connectorId(), SyncWorkType.PUSH_CANCELLATION, payload, now);
            }
        }
    }

    private SyncOutcome pushShipment(SyncWork w) {
        ChannelBinding b = binding(w);
        Shipment s = engine.oms()
                .shipping()
                .find(w.tenant(), w.payload().get(SHIPMENT))
                .orElseThrow(() -> new ParkException("shipment '" + w.payload().get(SHIPMENT) + "' is gone"));
        Order order = engine.oms().get(w.tenant(), s.orderId());
        List<ChannelLineQuantity> lines = new ArrayList<>();
        s.lines().forEach((line, units) -> lines.add(ChannelLineQuantity.of(line.value(), units)));
        ShipmentPush push = new ShipmentPush(
                s.id(),
                order.channelOrderId(),
                lines,
                s.carrier(),
                s.trackingNumber().orElseThrow(() -> new ParkException("shipment " + s.id() + " has no tracking")));
        engine.caller().call(b.connectorId(), b.account(), "pushShipment", () -> {
            b.connector().pushShipment(push);
            return null;
        });
        return SyncOutcome.done();
    }

    private SyncOutcome pushCancellation(SyncWork w) {
        ChannelBinding b = binding(w);
        Order order = engine.oms().get(w.tenant(), OrderId.of(w.payload().get(ORDER)));
        LineId lineId = LineId.of(w.payload().get(LINE));
        OrderLine line = order.line(lineId)
                .orElseThrow(() -> new ParkException("order " + order.id() + " has no line " + lineId));
        int cancelled = line.quantity(OrderStages.CANCELLED);
        int pushed = Integer.parseInt(w.payload().getOrDefault(PUSHED_UNITS, "0"));
        Map<String, String> result = new LinkedHashMap<>(w.payload());
        result.put(PUSHED_UNITS, String.valueOf(Math.max(pushed, cancelled)));
        if (cancelled <= pushed) {
            return SyncOutcome.done(result);
        }
        CancellationPush push = new CancellationPush(
                order.channelOrderId(),
                List.of(ChannelLineQuantity.of(lineId.value(), cancelled - pushed)),
                "cancelled in omskit (" + cancelled + " of line " + lineId.value() + " in all)");
        engine.caller().call(b.connectorId(), b.account(), "pushCancellation", () -> {
            b.connector().pushCancellation(push);
            return null;
        });
        return SyncOutcome.done(result);
    }

    private ChannelBinding binding(SyncWork w) {
        return engine.findChannel(w.tenant(), w.connector())
                .orElseThrow(() -> new ParkException("no channel '" + w.connector() + "' is bound any more"));
    }
}
