package dev.omskit.core.order;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.OmsStyle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an order: a SKU, its price, discount and VAT rate, and where each of its units is in the
 * lifecycle ({@link #quantities()}). The ordered quantity is the sum over all stages.
 */
@Value.Immutable
@OmsStyle
public abstract class OrderLine {
    public abstract LineId id();

    public abstract Sku sku();

    /** The product title as the channel showed it, if given. */
    public abstract Optional<String> title();

    /** Price of one unit, in the order's currency; net or gross of VAT as the order's tax mode says. */
    public abstract Money unitPrice();

    /** Discount on the whole line for all ordered units. */
    public abstract Money discount();

    public abstract VatRate vatRate();

    /** Units per lifecycle stage. */
    public abstract LineQuantities quantities();

    /** Free-form attributes from the channel (variant, personalisation text ...). */
    public abstract Map<String, String> attributes();

    /** All units ever ordered on this line (the sum over every stage, cancelled included). */
    public int ordered() {
        return quantities().total();
    }

    /** Units in {@code stage}. */
    public int quantity(State stage) {
        return quantities().get(stage);
    }

    /** Units not cancelled: what the buyer is charged for. */
    public int charged() {
        return ordered() - quantities().get(OrderStages.CANCELLED);
    }

    /**
     * The money of this line for the units not cancelled. The discount is prorated over cancelled units
     * (half-even); VAT is rounded half-up to the currency.
     */
    public LineAmounts amounts(TaxMode taxMode) {
        int ordered = ordered();
        int charged = charged();
        Money gross = unitPrice().times(charged);
        Money discount = charged == ordered
                ? discount()
                : discount().times(charged).dividedBy(BigDecimal.valueOf(ordered), RoundingMode.HALF_EVEN);
        Money afterDiscount = gross.minus(discount);
        BigDecimal rate = vatRate().fraction();
        if (taxMode == TaxMode.PRICES_EXCLUDE_TAX) {
            Money tax = afterDiscount.times(rate, RoundingMode.HALF_UP);
            return new LineAmounts(gross, discount, afterDiscount, tax, afterDiscount.plus(tax));
        }
        // VAT inside a gross amount: gross x rate / (1 + rate), rounded once.
        BigDecimal inclusive = afterDiscount.amount();
        Money tax = Money.of(
                inclusive.multiply(rate).divide(BigDecimal.ONE.add(rate), inclusive.scale(), RoundingMode.HALF_UP),
                afterDiscount.currency());
        return new LineAmounts(gross, discount, afterDiscount.minus(tax), tax, afterDiscount);
    }

    @Value.Check
    protected void check() {
        if (!discount().sameCurrencyAs(unitPrice())) {
            throw InvalidArgumentException.of(
                    "discount",
                    "CURRENCY_MISMATCH",
                    "line " + id() + ": discount " + discount() + " is not in the currency of unit price "
                            + unitPrice());
        }
        if (ordered() <= 0) {
            throw InvalidArgumentException.of("quantities", "NOT_POSITIVE", "line " + id() + " has no units");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OrderLine}. */
    public static class Builder extends ImmutableOrderLine.Builder {}
}
