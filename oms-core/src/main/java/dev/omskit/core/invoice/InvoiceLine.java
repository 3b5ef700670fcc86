package dev.omskit.core.invoice;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.VatRate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an invoice. Goods lines come from an order line ({@link #lineId()}); the shipping fee is a
 * line of its own. On an original or replacement invoice every amount is positive; on an adjustment the
 * line carries the signed change: a return has a negative quantity and negative amounts, a price
 * correction the units concerned and the signed difference per unit in {@link #unitPrice()}.
 *
 * <p>Amounts are computed exactly as {@code OrderLine.amounts(TaxMode)} computes them (discount prorated
 * half-even over the units, VAT rounded half-up to the currency), so an invoice agrees with its order to
 * the unit. Always {@code net + vat == total}.
 */
@Value.Immutable
public abstract class InvoiceLine {
    /** The line's number on the invoice (số thứ tự), from 1. */
    public abstract int position();

    public abstract InvoiceLineKind kind();

    /** The order line of a goods line; empty for shipping. */
    public abstract Optional<LineId> lineId();

    public abstract Optional<Sku> sku();

    /** What is sold, as printed: the product title, else the SKU, or the shipping line's name. */
    public abstract String name();

    /** The unit of measure (đơn vị tính), e.g. {@code cái}, {@code unit}. */
    public abstract String unit();

    /** Units; negative for units given back on an adjustment. */
    public abstract int quantity();

    /**
     * Price of one unit, net or gross of VAT as the invoice's tax mode says; on a price correction the
     * signed difference per unit.
     */
    public abstract Money unitPrice();

    /** The discount on this line (signed like the line on an adjustment). */
    public abstract Money discount();

    public abstract VatRate vatRate();

    /** Amount without VAT, after discount (thành tiền chưa thuế). */
    public abstract Money net();

    /** The VAT amount (tiền thuế). */
    public abstract Money vat();

    /** Net plus VAT (tổng tiền thanh toán). */
    public abstract Money total();

    @Value.Check
    protected void check() {
        if (!net().plus(vat()).equals(total())) {
            throw InvalidArgumentException.of(
                    "lines[" + position() + "]",
                    "INCONSISTENT",
                    "invoice line " + position() + ": net " + net() + " + VAT " + vat() + " is not the total "
                            + total());
        }
        if (kind() == InvoiceLineKind.GOODS && lineId().isEmpty()) {
            throw InvalidArgumentException.of(
                    "lines[" + position() + "].lineId",
                    "REQUIRED",
                    "invoice line " + position() + " sells goods but names no order line");
        }
        if (position() < 1) {
            throw InvalidArgumentException.of(
                    "lines[" + position() + "].position", "NOT_POSITIVE", "invoice lines are numbered from 1");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InvoiceLine}. */
    public static class Builder extends ImmutableInvoiceLine.Builder {}
}
