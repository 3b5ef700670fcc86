package dev.omskit.core.invoice;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.Checks;

/**
 * The invoice's amounts at one VAT rate (tổng hợp theo thuế suất): the sums of its lines at that rate.
 * VAT is summed from the lines, never recomputed on the rate's net, so the breakdown adds up to the
 * invoice totals and to the order to the unit.
 *
 * @param rate the VAT rate
 * @param net sum of the lines' net amounts at this rate
 * @param vat sum of their VAT
 * @param total net plus VAT
 */
public record VatSubtotal(VatRate rate, Money net, Money vat, Money total) {
    public VatSubtotal {
        Checks.notNull("rate", rate);
        Checks.notNull("net", net);
        Checks.notNull("vat", vat);
        Checks.notNull("total", total);
    }
}
