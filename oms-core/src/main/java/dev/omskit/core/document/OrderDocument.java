package dev.omskit.core.document;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.time.Instant;
import java.util.Set;

/**
 * A business document that belongs to one order: a fulfilment request, a shipment, an e-invoice, a
 * return, a claim, a refund. Immutable and versioned; each change produces a new version with its
 * {@code DocumentEvent}s, committed <em>in the same atomic write as the order</em> (see {@code
 * OrderCommit#documents()}), so an order and its documents never disagree.
 *
 * <p>Implementations are the aggregates of the after-sale packages; hosts read them through the
 * facades and {@code DocumentStore}.
 */
public interface OrderDocument {
    /** What kind of document this is. */
    DocumentKind<?> kind();

    TenantId tenant();

    /** The order the document belongs to. */
    OrderId orderId();

    /** Unique within the tenant and kind. */
    String id();

    /** Number of events applied; 1 after creation. Stores use it for optimistic concurrency. */
    long version();

    /** Where the document is in its lifecycle. */
    State state();

    /**
     * Keys the document can be found by, unique within the tenant and kind: a carrier's tracking number,
     * an issued invoice number, an RMA number. Empty when there are none.
     */
    Set<String> references();

    Instant createdAt();

    Instant updatedAt();
}
