package dev.omskit.core.selfservice;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * One document of an order as the customer may see it: a shipment with its tracking number, a return
 * with its RMA number, an invoice with its number.
 *
 * @param kind for example {@code shipment}
 * @param id the document's id
 * @param state where it is, for example {@code OUT_FOR_DELIVERY}
 * @param references the numbers it is known by (tracking, RMA, invoice number), sorted
 * @param updatedAt when it last changed
 */
public record DocumentSummary(String kind, String id, State state, Set<String> references, Instant updatedAt) {
    public DocumentSummary {
        Checks.notNull("kind", kind);
        Checks.notNull("id", id);
        Checks.notNull("state", state);
        references = java.util.Collections.unmodifiableSet(new TreeSet<>(references));
        Checks.notNull("updatedAt", updatedAt);
    }

    /** The summary of a document. */
    public static DocumentSummary of(OrderDocument document) {
        return new DocumentSummary(
                document.kind().name(), document.id(), document.state(), document.references(), document.updatedAt());
    }
}
