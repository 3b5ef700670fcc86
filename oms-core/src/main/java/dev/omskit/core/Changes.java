package dev.omskit.core;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.change.ChangeResult;
import dev.omskit.core.change.OrderChange;
import dev.omskit.core.change.PaymentDifference;
import dev.omskit.core.change.Settlements;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;

/**
 * The one change model: every change after placement is decided on a version of the order,
 * previewed without being stored ({@link #preview}), applied with the same decision ({@link #apply}),
 * its totals recomputed from the lines, and the payment difference to settle returned with it. A preview
 * and an apply on the same order version decide the same events, totals and difference; set the
 * command's {@code expectedVersion} to {@link ChangePreview#baseVersion()} to apply exactly what was
 * shown, or let the facade decide again on the latest version.
 *
 * <p>Obtained from {@link Oms#changes()}. Thread-safe.
 */
public final class Changes {
    private final Oms oms;

    Changes(Oms oms) {
        this.oms = oms;
    }

    /** What the change would do, stored nowhere. */
    public ChangePreview<Order> preview(OrderChange change) {
        Checks.notNull("change", change);
        return oms.preview(change.command(), type(change), body(change));
    }

    /** Applies the change; nothing is stored when it is refused or invalid. */
    public ChangeResult apply(OrderChange change) {
        Checks.notNull("change", change);
        Oms.Body<Order> body = body(change);
        return oms.work(
                change.command(),
                type(change),
                work -> {
                    Order after = body.apply(work);
                    return new ChangeResult(after, work.original().version(), work.written(), work.paymentDifference());
                },
                (order, documents) -> new ChangeResult(order, order.version(), documents, difference(order)));
    }

    private static String type(OrderChange change) {
        return change instanceof OrderChange.Edit ? "EditOrder" : "CancelOrder";
    }

    private static Oms.Body<Order> body(OrderChange change) {
        if (change instanceof OrderChange.Edit edit) {
            EditOrder command = edit.command();
            return work -> settled(work, work.edit(command));
        }
        CancelOrder command = ((OrderChange.Cancel) change).command();
        return work -> settled(work, work.cancel(command));
    }

    private static Order settled(OrderWork work, Order after) {
        Settlements.forTotals(after).ifPresent(p -> work.settle(p.amount(), p.reason()));
        return after;
    }

    private static PaymentDifference difference(Order order) {
        PaymentDifference none = PaymentDifference.none(order.currency());
        return Settlements.forTotals(order)
                .map(p -> none.plus(p.amount(), p.reason()))
                .orElse(none);
    }
}
