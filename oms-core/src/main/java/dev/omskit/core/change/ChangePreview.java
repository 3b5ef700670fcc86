package dev.omskit.core.change;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTotals;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * What a change would do, decided exactly as applying it would but not stored (a dry run): the order
 * before and after, its recomputed totals, the events it would append, the documents it would write, and
 * the payment difference to settle. Applying the same change to the same order version gives the same
 * result: decisions are deterministic.
 *
 * @param result what the command would return
 * @param before the order as read
 * @param after the order after the change
 * @param orderEvents the order events it would append
 * @param documents the documents it would write, as they would be afterwards
 * @param documentEvents the document events it would append
 * @param paymentDifference the money to settle with the buyer
 * @param <R> the command's result type
 */
public record ChangePreview<R>(
        R result,
        Order before,
        Order after,
        List<OrderEvent> orderEvents,
        List<OrderDocument> documents,
        List<DocumentEvent> documentEvents,
        PaymentDifference paymentDifference) {
    public ChangePreview {
        Checks.notNull("before", before);
        Checks.notNull("after", after);
        Checks.notNull("paymentDifference", paymentDifference);
        orderEvents = List.copyOf(orderEvents);
        documents = List.copyOf(documents);
        documentEvents = List.copyOf(documentEvents);
    }

    /** The totals before the change. */
    public OrderTotals totalsBefore() {
        return before.totals();
    }

    /** The totals after it, recomputed from the lines. */
    public OrderTotals totalsAfter() {
        return after.totals();
    }

    /** The order version the preview was decided on; applying it later to another version decides again. */
    public long baseVersion() {
        return before.version();
    }

    /** Whether the change would change anything. */
    public boolean changesAnything() {
        return !orderEvents.isEmpty() || !documentEvents.isEmpty();
    }
}
