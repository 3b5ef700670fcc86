package dev.omskit.core;

import dev.omskit.core.model.LineId;
import dev.omskit.core.returns.ReturnRequest;
import java.util.Map;

/**
 * What invoicing does when a refund is created from a return (a credit note, an adjustment of the
 * e-invoice): called by {@link Returns} inside the same work, so whatever it writes commits atomically
 * with the refund, or not at all.
 *
 * @implSpec Runs inside the optimistic retry of the command: it must decide from {@code work} and its
 *     arguments only (no I/O with side effects), write documents only through {@code work}, and throw a
 *     typed error to refuse (nothing is stored then).
 */
interface ReturnInvoicing {
    /** Invoicing that does nothing. */
    ReturnInvoicing NONE = (work, rma, refundedUnits, shippingRefunded, reason) -> {};

    /**
     * The default: when the order has an issued e-invoice, the adjustment draft for the refunded units
     * (and the shipping fee when it is refunded) is written in the same commit as the refund; an
     * order without an issued invoice gets nothing.
     */
    static ReturnInvoicing adjustingIssuedInvoices(dev.omskit.core.spi.IdGenerator ids) {
        return (work, rma, refundedUnits, shippingRefunded, reason) -> {
            if (refundedUnits.isEmpty() && !shippingRefunded) {
                return;
            }
            Invoicing.draftAdjustmentForReturn(work, refundedUnits, shippingRefunded, reason, ids);
        };
    }

    /**
     * A refund was created for {@code rma}.
     *
     * @param work the work the refund is decided in
     * @param rma the return as it is before being marked refunded
     * @param refundedUnits units refunded per order line
     * @param shippingRefunded whether the shipping fee is refunded too
     * @param reason the refund's reason, for the document
     */
    void onRefundCreated(
            OrderWork work,
            ReturnRequest rma,
            Map<LineId, Integer> refundedUnits,
            boolean shippingRefunded,
            String reason);
}
