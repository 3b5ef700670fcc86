package dev.omskit.connectors.supplier;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.core.inventory.PurchaseOrder;

/**
 * A supplier we buy from through its system (EDI, a portal API, a marketplace of vendors): it takes our
 * purchase orders and tells us what it ships against them with advance shipping notices (ASNs). Named
 * {@code SupplierConnector} so it does not clash with {@code java.util.function.Supplier}.
 *
 * @implSpec Thread-safe.
 *     <p><b>Idempotency.</b> {@link #sendPurchaseOrder} is keyed by the purchase order id: sending an id
 *     again returns the first {@link PurchaseOrderAck} (same supplier reference) and places no second order
 *     at the supplier, whatever the content the second time. {@link #advanceShippingNotices} has no effect;
 *     the same cursor returns the same notices (more may follow at the end). Each notice carries the
 *     supplier's ASN id, unique per connector; a notice may be seen more than once.
 *     <p><b>Rules.</b> A purchase order for another supplier than the connector's, or one cancelled or
 *     closed, is refused {@code NOT_RETRYABLE} without reaching the supplier's books. An ASN names a
 *     purchase order the supplier acknowledged, and never more units of a SKU than were ordered.
 *     <p><b>Failures</b> are {@code ConnectorException}s: content the supplier refuses (unknown SKU, a
 *     closed account) {@code NOT_RETRYABLE} with its reason; refused credentials {@code
 *     AUTHENTICATION_FAILED}; throttling {@code RATE_LIMITED}; 5xx, resets and unparseable answers {@code
 *     RETRYABLE}; no answer in time {@code TIMEOUT}. An operation whose capability is not declared fails
 *     {@code NOT_RETRYABLE} ({@link Connector#require}). Messages never carry credentials.
 */
public interface SupplierConnector extends Connector {
    /** {@link #sendPurchaseOrder}: place a purchase order with the supplier. */
    Capability SEND_PURCHASE_ORDER = Capability.of("SEND_PURCHASE_ORDER");
    /** {@link #advanceShippingNotices}: poll the supplier's advance shipping notices since a cursor. */
    Capability ASN_POLL = Capability.of("ASN_POLL");

    /** Always {@link ConnectorKind#SUPPLIER}. */
    @Override
    default ConnectorKind kind() {
        return ConnectorKind.SUPPLIER;
    }

    /**
     * The supplier's code this connector orders from; a purchase order's {@link PurchaseOrder#supplier()}
     * must be it.
     */
    String supplierCode();

    /** Places {@code order} with the supplier; idempotent by its id. */
    PurchaseOrderAck sendPurchaseOrder(PurchaseOrder order);

    /** The notices after {@code query}'s cursor, oldest first, at most its limit. */
    AsnPage advanceShippingNotices(AsnQuery query);
}
