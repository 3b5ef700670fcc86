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
 * (once: {@code PUSH_SHIPMENT} per shipment), and units omskit will no longer deliver (cancelled, or
 * removed by an edit) are pushed as cancellations ({@code PUSH_CANCELLATION} per channel line, measured
 * against the units the channel sold, carrying how many the channel was told of before).
 */
final class StatusPush {
    static final String SHIPMENT = "shipment";
    static final String ORDER = "order";
    static final String LINE = "line";
    static final String PUSHED_UNITS = "pushed.units";
    static final String CHANNEL_UNITS = "channel.units";

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
        boolean channelCancelled = engine.work()
                .find(order.tenant(), Ingestion.cancelKey(b.connectorId(), order.channelOrderId()))
                .isPresent();
        if (b.connector().can(SalesChannel.PUSH_CANCELLATION) && !channelCancelled) {
            Map<String, String> sold = engine.work()
                    .find(order.tenant(), Ingestion.key(b.connectorId(), order.channelOrderId()))
                    .filter(w -> w.state() == SyncState.DONE)
                    .map(SyncWork::payload)
                    .orElse(Map.of());
            sold.forEach((field, units) -> {
                if (!field.startsWith(Ingestion.LINE_UNITS)) {
                    return;
                }
                String lineId = field.substring(Ingestion.LINE_UNITS.length());
                int channelUnits = Integer.parseInt(units);
                int withdrawn = withdrawn(order, lineId, channelUnits);
                if (withdrawn == 0) {
                    return;
                }
                String key = "cancel/" + b.connectorId() + "/" + order.id().value() + "/" + lineId;
                Optional<SyncWork> existing = engine.work().find(order.tenant(), key);
                String pushed = existing.map(w -> w.payload().get(PUSHED_UNITS)).orElse("0");
                if (existing.isPresent()
                        && existing.get().state() == SyncState.DONE
                        && Integer.parseInt(pushed) >= withdrawn) {
                    return;
                }
                Map<String, String> payload = new LinkedHashMap<>();
                payload.put(ORDER, order.id().value());
                payload.put(LINE, lineId);
                payload.put(CHANNEL_UNITS, units);
                payload.put(PUSHED_UNITS, pushed);
                engine.work()
                        .enqueue(order.tenant(), key, b.connectorId(), SyncWorkType.PUSH_CANCELLATION, payload, now);
            });
        }
    }

    /**
     * Units of a channel line omskit will no longer deliver: cancelled, removed by an edit that lowered the
     * quantity, or the whole line removed.
     */
    static int withdrawn(Order order, String lineId, int channelUnits) {
        int open = order.line(LineId.of(lineId)).map(OrderLine::charged).orElse(0);
        return Math.max(0, channelUnits - open);
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
        String lineId = w.payload().get(LINE);
        int withdrawn = withdrawn(order, lineId, Integer.parseInt(w.payload().get(CHANNEL_UNITS)));
        int pushed = Integer.parseInt(w.payload().getOrDefault(PUSHED_UNITS, "0"));
        Map<String, String> result = new LinkedHashMap<>(w.payload());
        result.put(PUSHED_UNITS, String.valueOf(Math.max(pushed, withdrawn)));
        if (withdrawn <= pushed) {
            return SyncOutcome.done(result);
        }
        CancellationPush push = new CancellationPush(
                order.channelOrderId(),
                List.of(ChannelLineQuantity.of(lineId, withdrawn - pushed)),
                "cancelled in omskit (" + withdrawn + " of line " + lineId + " in all)");
        engine.caller().call(b.connectorId(), b.account(), "pushCancellation", () -> {
            b.connector().pushCancellation(push);
            return null;
        });
        return SyncOutcome.done(result);
    }

    private ChannelBinding binding(SyncWork w) {
        return engine.findChannel(w.tenant(), w.connector()).orElseThrow(() -> SyncEngine.notServed(w));
    }
}
