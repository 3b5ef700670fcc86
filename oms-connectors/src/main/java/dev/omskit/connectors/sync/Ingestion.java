package dev.omskit.connectors.sync;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelCursor;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderNotice;
import dev.omskit.connectors.channel.ChannelPage;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.CaptureResult;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Orders in: webhooks and polls become {@code INGEST_ORDER} work, which captures, allocates and acknowledges. */
final class Ingestion {
    static final String ORDER = "order";
    static final String ORDER_ID = "orderId";
    static final String CHANNEL_ORDER_ID = "channelOrderId";
    static final String UPDATED_AT = "updatedAt";
    static final String SOURCE = "source";
    static final String LINE_UNITS = "line.";
    static final String CANCELLED_BEFORE_CAPTURE = "cancelledBeforeCapture";
    static final String CHANNEL_STATUS = "channelStatus";

    private final SyncEngine engine;

    Ingestion(SyncEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, SyncHandler> handlers) {
        handlers.put(SyncWorkType.INGEST_ORDER, SyncHandler.each(this::ingest));
        handlers.put(SyncWorkType.ALLOCATE_ORDER, SyncHandler.each(this::allocate));
        handlers.put(SyncWorkType.CANCEL_FROM_CHANNEL, SyncHandler.each(this::cancelFromChannel));
        handlers.put(SyncWorkType.ACKNOWLEDGE_ORDER, SyncHandler.batched(50, this::acknowledge));
    }

    static String key(String connector, String channelOrderId) {
        return "ingest/" + connector + "/" + channelOrderId;
    }

    void webhook(ChannelBinding b, WebhookRequest request) {
        ChannelOrderNotice notice = b.connector().webhookHandler().accept(request);
        offer(b, notice.channelOrderId(), notice.updatedAt(), notice.order(), "webhook");
    }

    /** Reads the channel's new orders page by page; each becomes work before the cursor moves past it. */
    int poll(ChannelBinding b) {
        TenantId tenant = b.tenant();
        String connector = b.connectorId();
        String feed = "orders:" + b.account();
        Optional<String> stored = engine.cursors().cursor(tenant, connector, feed);
        int offered = 0;
        for (int page = 0; page < engine.config().maxPagesPerPoll(); page++) {
            ChannelCursor since = stored.map(ChannelCursor::of).orElse(ChannelCursor.START);
            ChannelPage<ChannelOrder> got = engine.caller()
                    .call(connector, b.account(), "pullOrders", () -> b.connector()
                            .pullOrders(since, engine.config().pageSize()));
            for (ChannelOrder order : got.items()) {
                offer(b, order.channelOrderId(), order.updatedAt(), Optional.of(order), "poll");
                offered++;
            }
            if (got.next().equals(since)) {
                break;
            }
            if (!engine.cursors()
                    .advance(tenant, connector, feed, stored, got.next().value())) {
                break; // another engine read this page and moved on; its work items are the same keys
            }
            stored = Optional.of(got.next().value());
            if (!got.hasMore()) {
                break;
            }
        }
        return offered;
    }

    /**
     * Stores ingestion work for one channel order, unless the stored work is for a newer change of it or
     * the order was captured already. A notice without the order keeps order data stored before.
     */
    void offer(
            ChannelBinding b, String channelOrderId, Instant updatedAt, Optional<ChannelOrder> order, String source) {
        TenantId tenant = b.tenant();
        String key = key(b.connectorId(), channelOrderId);
        Optional<SyncWork> existing = engine.work().find(tenant, key);
        Optional<String> keptOrder = Optional.empty();
        if (existing.isPresent()) {
            SyncWork w = existing.get();
            if (w.state() == SyncState.DONE && w.payload().containsKey(ORDER_ID)) {
                // captured once; core keeps it from here, except that the channel may cancel it
                if (order.isPresent() && order.get().cancelledInChannel()) {
                    askCancel(
                            b,
                            channelOrderId,
                            w.payload().get(ORDER_ID),
                            order.get().channelStatus());
                }
                return;
            }
            Instant held = Instant.parse(w.payload().getOrDefault(UPDATED_AT, Instant.MIN.toString()));
            if (w.state() != SyncState.DISCARDED && held.isAfter(updatedAt)) {
                return; // an older notice arriving late
            }
            keptOrder = Optional.ofNullable(w.payload().get(ORDER));
        }
        Map<String, String> payload = new HashMap<>();
        payload.put(CHANNEL_ORDER_ID, channelOrderId);
        payload.put(UPDATED_AT, updatedAt.toString());
        payload.put(SOURCE, source);
        Optional<String> kept = keptOrder;
        order.map(ChannelOrderJson::write).or(() -> kept).ifPresent(json -> payload.put(ORDER, json));
        engine.work()
                .enqueue(
                        tenant,
                        key,
                        b.connectorId(),
                        SyncWorkType.INGEST_ORDER,
                        payload,
                        engine.clock().instant());
    }

    private SyncOutcome ingest(SyncWork w) {
        ChannelBinding b = engine.findChannel(w.tenant(), w.connector()).orElseThrow(() -> SyncEngine.notServed(w));
        String channelOrderId = w.payload().get(CHANNEL_ORDER_ID);
        Optional<Order> captured =
                engine.oms().findByChannelOrder(w.tenant(), b.channel().id(), channelOrderId);
        String json = w.payload().get(ORDER);
        if (captured.isPresent()) {
            // captured before (a retry after a crash, or a duplicate): record what the channel sold, as the
            // first run would have, and let the order's changes be worked out again with it
            Map<String, String> done = result(w, captured.get().id());
            if (json != null) {
                ChannelOrder order = ChannelOrderJson.read(json);
                sold(order, done);
                if (order.cancelledInChannel()) {
                    askCancel(b, channelOrderId, captured.get().id().value(), order.channelStatus());
                }
            } else {
                for (dev.omskit.core.order.OrderLine line : captured.get().lines()) {
                    done.put(LINE_UNITS + line.id().value(), String.valueOf(line.ordered()));
                }
            }
            engine.orderChanged(w.tenant(), captured.get().id());
            return SyncOutcome.done(done);
        }
        ChannelOrder order;
        if (json != null) {
            order = ChannelOrderJson.read(json);
        } else if (b.connector().can(SalesChannel.FETCH_ORDER)) {
            order = engine.caller()
                    .call(b.connectorId(), b.account(), "fetchOrder", () -> b.connector()
                            .fetchOrder(channelOrderId))
                    .orElseThrow(() -> new ParkException(
                            "the channel no longer has order '" + channelOrderId + "' that its webhook named"));
        } else if (b.connector().can(SalesChannel.PULL_ORDERS)) {
            // the poll stores the order's data in this very item, which then runs again with it
            poll(b);
            return SyncOutcome.done(result(w, null));
        } else {
            throw new ParkException("the webhook named order '" + channelOrderId
                    + "' without its data, and the channel can neither fetch one order nor be pulled");
        }
        if (order.cancelledInChannel()) {
            // cancelled in the channel before omskit took it: nothing to capture, nothing to allocate
            Map<String, String> done = result(w, null);
            done.put(CANCELLED_BEFORE_CAPTURE, order.channelStatus());
            return SyncOutcome.done(done);
        }
        List<Violation> problems = order.problems();
        if (!problems.isEmpty()) {
            throw new ParkException(
                    FailureKind.NOT_RETRYABLE,
                    "malformed order '" + channelOrderId + "': "
                            + problems.stream()
                                    .map(v -> v.field() + " " + v.code() + " (" + v.message() + ")")
                                    .collect(Collectors.joining("; ")));
        }
        CaptureResult result = engine.oms()
                .capture(order.toCapture(
                        w.tenant(), b.channel(), Actor.channel(b.channel().id())));
        OrderId id = result.order().id();
        if (engine.config().allocateAfterCapture()) {
            engine.enqueueOnce(
                    w.tenant(),
                    "allocate/" + id.value(),
                    SyncEngine.OMSKIT,
                    SyncWorkType.ALLOCATE_ORDER,
                    Map.of(ORDER_ID, id.value()));
        }
        if (b.connector().can(SalesChannel.ACKNOWLEDGE)) {
            engine.enqueueOnce(
                    w.tenant(),
                    "ack/" + b.connectorId() + "/" + channelOrderId,
                    b.connectorId(),
                    SyncWorkType.ACKNOWLEDGE_ORDER,
                    Map.of(CHANNEL_ORDER_ID, channelOrderId));
        }
        Map<String, String> done = result(w, id);
        sold(order, done);
        engine.orderChanged(w.tenant(), id);
        return SyncOutcome.done(done);
    }

    private static void sold(ChannelOrder order, Map<String, String> into) {
        for (dev.omskit.connectors.channel.ChannelOrderLine line : order.lines()) {
            into.put(LINE_UNITS + line.channelLineId(), String.valueOf(line.quantity()));
        }
    }

    /**
     * What a done ingestion keeps: ids, times and the units of each line as the channel sold them (what
     * cancellations and edits in omskit are measured against), not the buyer's details.
     */
    private static Map<String, String> result(SyncWork w, OrderId id) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(CHANNEL_ORDER_ID, w.payload().get(CHANNEL_ORDER_ID));
        out.put(UPDATED_AT, w.payload().getOrDefault(UPDATED_AT, Instant.MIN.toString()));
        if (id != null) {
            out.put(ORDER_ID, id.value());
        }
        return out;
    }

    static String cancelKey(String connector, String channelOrderId) {
        return "channel-cancel/" + connector + "/" + channelOrderId;
    }

    private void askCancel(ChannelBinding b, String channelOrderId, String orderId, String channelStatus) {
        engine.enqueueOnce(
                b.tenant(),
                cancelKey(b.connectorId(), channelOrderId),
                b.connectorId(),
                SyncWorkType.CANCEL_FROM_CHANNEL,
                Map.of(CHANNEL_ORDER_ID, channelOrderId, ORDER_ID, orderId, CHANNEL_STATUS, channelStatus));
    }

    /**
     * Cancels in omskit what the channel cancelled: every unit not cancelled yet. Core refuses units that
     * shipped; the item is then parked with core's reason, for a person (a return, or a word with the
     * channel).
     */
    private SyncOutcome cancelFromChannel(SyncWork w) {
        ChannelBinding b = engine.findChannel(w.tenant(), w.connector()).orElseThrow(() -> SyncEngine.notServed(w));
        OrderId id = OrderId.of(w.payload().get(ORDER_ID));
        Order order = engine.oms().get(w.tenant(), id);
        if (order.lines().stream().allMatch(l -> l.charged() == 0)) {
            return SyncOutcome.done();
        }
        engine.oms()
                .cancel(dev.omskit.core.command.CancelOrder.builder()
                        .tenant(w.tenant())
                        .orderId(id)
                        .actor(Actor.channel(b.channel().id()))
                        .reason("cancelled in " + b.connectorId() + " ("
                                + w.payload().get(CHANNEL_STATUS) + ")")
                        .idempotencyKey(dev.omskit.core.model.IdempotencyKey.of(
                                "sync-" + cancelKey(b.connectorId(), w.payload().get(CHANNEL_ORDER_ID))))
                        .build());
        return SyncOutcome.done();
    }

    private SyncOutcome allocate(SyncWork w) {
        OrderId id = OrderId.of(w.payload().get(ORDER_ID));
        Optional<Order> order = engine.oms().find(w.tenant(), id);
        if (order.isEmpty() || order.get().quantity(dev.omskit.core.order.OrderStages.CREATED) == 0) {
            return SyncOutcome.done(); // nothing waits for allocation any more (allocated or cancelled meanwhile)
        }
        engine.oms().allocate(w.tenant(), id, engine.actor());
        return SyncOutcome.done();
    }

    private Map<String, SyncOutcome> acknowledge(List<SyncWork> leased) {
        SyncWork first = leased.get(0);
        Optional<ChannelBinding> b = engine.findChannel(first.tenant(), first.connector());
        Map<String, SyncOutcome> out = new LinkedHashMap<>();
        if (b.isEmpty()) {
            leased.forEach(w -> out.put(w.key(), SyncOutcome.of(SyncEngine.notServed(w))));
            return out;
        }
        Set<String> ids = new LinkedHashSet<>();
        leased.forEach(w -> ids.add(w.payload().get(CHANNEL_ORDER_ID)));
        SyncOutcome outcome;
        try {
            engine.caller().call(b.get().connectorId(), b.get().account(), "acknowledge", () -> {
                b.get().connector().acknowledge(ids);
                return null;
            });
            outcome = SyncOutcome.done();
        } catch (RuntimeException e) {
            outcome = SyncOutcome.of(e);
        }
        for (SyncWork w : leased) {
            out.put(w.key(), outcome);
        }
        return out;
    }
}
