package dev.omskit.core.change;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * What an applied change did: the order after it, the documents it wrote, the payment difference left to
 * settle, and the versions it spans. The change set is identified by the order and the versions: {@code
 * o-1@3..5} took order {@code o-1} from version 3 to 5 (or left it at 3 when only documents changed).
 *
 * @param order the order after the change
 * @param fromVersion the version the change was decided on
 * @param documents the documents written, as they are afterwards
 * @param paymentDifference the money to settle with the buyer
 */
public record ChangeResult(
        Order order, long fromVersion, List<OrderDocument> documents, PaymentDifference paymentDifference) {
    public ChangeResult {
        Checks.notNull("order", order);
        Checks.notNull("paymentDifference", paymentDifference);
        documents = List.copyOf(documents);
    }

    /** The version the order is at after the change. */
    public long toVersion() {
        return order.version();
    }

    /** For example {@code o-1@3..5}. */
    public String changeSetId() {
        return order.id() + "@" + fromVersion + ".." + order.version();
    }
}
