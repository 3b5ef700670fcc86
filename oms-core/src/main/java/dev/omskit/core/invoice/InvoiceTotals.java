package dev.omskit.core.invoice;

import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;

/**
 * The money of a whole invoice, the sums of its lines (signed on an adjustment).
 *
 * @param discount sum of the lines' discounts
 * @param net sum of the lines' net amounts (tổng tiền chưa thuế)
 * @param vat sum of their VAT (tổng tiền thuế)
 * @param total what the invoice states the buyer pays (tổng tiền thanh toán): net plus VAT
 */
public record InvoiceTotals(Money discount, Money net, Money vat, Money total) {
    public InvoiceTotals {
        Checks.notNull("discount", discount);
        Checks.notNull("net", net);
        Checks.notNull("vat", vat);
        Checks.notNull("total", total);
    }
}
