package dev.omskit.core.spi;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of order documents (fulfilment requests, shipments, invoices, returns, claims, refunds).
 * They are written only through {@link OrderStore#commit}, in the same atomic write as their order.
 *
 * @implSpec Thread-safe, and never shows a document ahead of or behind the order it was committed with:
 *     after a commit returns, {@link OrderStore#find} and every method here show its order and documents
 *     together. Documents are keyed by tenant, kind name and id; a document of tenant A is never visible
 *     to tenant B. {@link #findByReference} finds a document by any of its {@link
 *     OrderDocument#references()}, which are unique within tenant and kind: a commit whose new references
 *     are held by another document throws {@link DuplicateReferenceException} and writes nothing. Lists
 *     are in creation order (ties by id). {@code DocumentStoreCompatibilityKit} in oms-testkit checks all
 *     of this.
 */
public interface DocumentStore {
    /** The document of this kind and id. */
    <D extends OrderDocument> Optional<D> find(TenantId tenant, DocumentKind<D> kind, String id);

    /** The document of this kind holding {@code reference}. */
    <D extends OrderDocument> Optional<D> findByReference(TenantId tenant, DocumentKind<D> kind, String reference);

    /** Every document of the order, all kinds, oldest first. */
    List<OrderDocument> ofOrder(TenantId tenant, OrderId order);

    /** The order's documents of one kind, oldest first. */
    default <D extends OrderDocument> List<D> ofOrder(TenantId tenant, OrderId order, DocumentKind<D> kind) {
        return ofOrder(tenant, order).stream()
                .filter(d -> d.kind().name().equals(kind.name()))
                .map(kind::cast)
                .toList();
    }

    /**
     * Documents of one kind in any of {@code states}, oldest first, paged (for sweeps such as "delivered
     * shipments whose COD is not remitted").
     */
    <D extends OrderDocument> List<D> inStates(
            TenantId tenant, DocumentKind<D> kind, Set<State> states, int offset, int limit);

    /** The document's events, oldest first; empty when it does not exist. */
    List<DocumentEvent> trail(TenantId tenant, DocumentKind<?> kind, String id);
}
