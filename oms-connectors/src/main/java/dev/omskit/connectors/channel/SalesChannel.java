package dev.omskit.connectors.channel;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.webhook.WebhookHandler;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sales channel: a marketplace (Shopee, Lazada, TikTok Shop), a web store (Shopify) or any other place
 * buyers order from. The OMS pulls its orders (or receives them by webhook), acknowledges them, and pushes
 * back available stock, shipments with tracking, cancellations, and products. Every operation is an
 * optional capability the connector declares.
 *
 * @implSpec
 *     <p><b>Thread-safety.</b> Implementations are thread-safe; the engine may call any operation from
 *     several threads.
 *     <p><b>Capabilities.</b> Each operation belongs to one capability constant of this interface. An
 *     operation whose capability is not declared fails {@link FailureKind#NOT_RETRYABLE} through {@link
 *     #require} and has no effect: the default methods here do exactly that, so a connector overrides
 *     only what it declares.
 *     <p><b>Orders ({@link #PULL_ORDERS}).</b> {@link #pullOrders} returns the orders created or changed
 *     after {@code since}, oldest change first, at most {@code limit} of them, with the cursor to continue
 *     from. Cursors are opaque; the engine persists them unread. Pulling again from a cursor returns the
 *     same or newer data and never skips an order changed after it: an order is returned at least once
 *     per change (the engine deduplicates by channel order id and {@link ChannelOrder#updatedAt()}).
 *     {@link #fetchOrder} ({@link #FETCH_ORDER}) returns one order's current data, mapped the same way,
 *     and is read-only. An
 *     order the connector cannot map at all is a {@code NOT_RETRYABLE} failure naming it; an order it can
 *     map but that is invalid is returned as it is, and {@link ChannelOrder#toCapture} reports its
 *     problems.
 *     <p><b>Idempotency.</b> {@link #acknowledge} of orders acknowledged before has no second effect. {@link
 *     #pushStock} compares each update's version with the last one the channel applied for the same SKU
 *     and location: a newer one is applied, the same update again (same version and units) is reported applied
 *     without a second effect, any other update that is not newer (older, or the same version with other
 *     units) is never applied and is reported in {@link StockPushResult#stale()}. {@link
 *     #pushShipment} is idempotent by {@link ShipmentPush#shipmentId()}: the same push again has no second
 *     effect; a different push under an id already used fails {@code NOT_RETRYABLE} ("conflict"). {@link
 *     #pushCancellation} of units already cancelled by the same request has no second effect. {@link
 *     #pushProducts} of content the channel already lists is accepted with the current version and no
 *     change.
 *     <p><b>Product conflicts.</b> A product push based on a version the channel has moved on from (a
 *     merchant's edit in the channel), or a creation of a product the channel lists already, is not
 *     applied and comes back as a typed {@link ProductPushResult.Conflict} in the result, never as an
 *     exception, so one conflicting product does not fail the batch. Retrying it unchanged conflicts
 *     again.
 *     <p><b>Failures.</b> A push naming an order or line the channel does not know, more units than the
 *     line has left, or a cancellation of units already shipped fails {@code NOT_RETRYABLE} naming the
 *     ids. 5xx answers, resets and dropped responses are {@code RETRYABLE}, slow answers {@code TIMEOUT},
 *     throttling {@code RATE_LIMITED} (with the channel's retry-after), refused or expired tokens {@code
 *     AUTHENTICATION_FAILED}. A failed push has no partial effect the connector could not report.
 *     <p><b>Webhooks ({@link #WEBHOOK_ORDERS}).</b> {@link #webhookHandler()} verifies the channel's
 *     signature before parsing (see {@link WebhookHandler}); tampered or unsigned requests are {@code
 *     BAD_SIGNATURE}, verified but unreadable ones {@code MALFORMED}.
 *     <p>Secrets (app keys, tokens, webhook secrets) never appear in messages or {@code toString}.
 */
public interface SalesChannel extends Connector {
    /** {@link #pullOrders}. */
    Capability PULL_ORDERS = Capability.of("PULL_ORDERS");

    /** {@link #fetchOrder}. */
    Capability FETCH_ORDER = Capability.of("FETCH_ORDER");

    /** {@link #acknowledge}. */
    Capability ACKNOWLEDGE = Capability.of("ACKNOWLEDGE");

    /** {@link #pushStock}. */
    Capability PUSH_STOCK = Capability.of("PUSH_STOCK");

    /** {@link #pushShipment}. */
    Capability PUSH_SHIPMENT = Capability.of("PUSH_SHIPMENT");

    /** {@link #pushCancellation}. */
    Capability PUSH_CANCELLATION = Capability.of("PUSH_CANCELLATION");

    /** {@link #pullProducts}. */
    Capability PULL_PRODUCTS = Capability.of("PULL_PRODUCTS");

    /** {@link #pushProducts}. */
    Capability PUSH_PRODUCTS = Capability.of("PUSH_PRODUCTS");

    /** {@link #webhookHandler()}. */
    Capability WEBHOOK_ORDERS = Capability.of("WEBHOOK_ORDERS");

    /** Every capability of this SPI. */
    Set<Capability> ALL = Set.of(
            PULL_ORDERS,
            FETCH_ORDER,
            ACKNOWLEDGE,
            PUSH_STOCK,
            PUSH_SHIPMENT,
            PUSH_CANCELLATION,
            PULL_PRODUCTS,
            PUSH_PRODUCTS,
            WEBHOOK_ORDERS);

    /** Always {@link ConnectorKind#SALES_CHANNEL}. */
    @Override
    default ConnectorKind kind() {
        return ConnectorKind.SALES_CHANNEL;
    }

    /**
     * The orders changed after {@code since}, oldest change first.
     *
     * @param since where the previous page ended, or {@link ChannelCursor#START}
     * @param limit at most this many orders (1 or more; a connector may return fewer)
     */
    default ChannelPage<ChannelOrder> pullOrders(ChannelCursor since, int limit) {
        return unsupported(PULL_ORDERS, "pullOrders");
    }

    /**
     * One order as the channel holds it now, or empty when the channel does not know the id. The engine
     * calls it for webhooks that name an order without carrying it (Shopee, Lazada, TikTok Shop notices).
     */
    default Optional<ChannelOrder> fetchOrder(String channelOrderId) {
        return unsupported(FETCH_ORDER, "fetchOrder");
    }

    /** Tells the channel we took these orders (some channels stop re-sending them); idempotent. */
    default void acknowledge(Set<String> channelOrderIds) {
        unsupported(ACKNOWLEDGE, "acknowledge");
    }

    /** Pushes available quantities; stale updates are refused and reported, never applied. */
    default StockPushResult pushStock(List<StockUpdate> updates) {
        return unsupported(PUSH_STOCK, "pushStock");
    }

    /** Pushes a shipment and its tracking number; idempotent by shipment id. */
    default void pushShipment(ShipmentPush shipment) {
        unsupported(PUSH_SHIPMENT, "pushShipment");
    }

    /** Pushes a cancellation of some lines or the whole order; idempotent. */
    default void pushCancellation(CancellationPush cancellation) {
        unsupported(PUSH_CANCELLATION, "pushCancellation");
    }

    /**
     * The products the channel lists, changed after {@code since}, oldest change first.
     *
     * @param since where the previous page ended, or {@link ChannelCursor#START}
     * @param limit at most this many products
     */
    default ChannelPage<ChannelProduct> pullProducts(ChannelCursor since, int limit) {
        return unsupported(PULL_PRODUCTS, "pullProducts");
    }

    /** Pushes products; the ones whose channel version moved on come back as conflicts. */
    default ProductPushResult pushProducts(List<ProductPush> products) {
        return unsupported(PUSH_PRODUCTS, "pushProducts");
    }

    /** The handler of the channel's order webhooks (verify-then-parse). */
    default WebhookHandler<ChannelOrderNotice> webhookHandler() {
        return unsupported(WEBHOOK_ORDERS, "webhookHandler");
    }

    private <T> T unsupported(Capability capability, String operation) {
        require(capability, operation);
        throw ConnectorException.notRetryable(
                id(), operation, "the connector declares " + capability + " but does not implement " + operation);
    }
}
