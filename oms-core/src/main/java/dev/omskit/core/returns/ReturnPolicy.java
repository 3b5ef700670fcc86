package dev.omskit.core.returns;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.OmsStyle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The rules a return is checked against, per tenant and channel (see {@link ReturnsConfig}).
 *
 * <p>The window counts calendar days in {@link #zone()}: units delivered on day D may be returned through
 * day D + {@link #windowDays()} (inclusive), from the line's latest delivery. Only units in {@code
 * DELIVERED} are returnable.
 */
@Value.Immutable
@OmsStyle
public abstract class ReturnPolicy {
    /** Days after delivery a return may be requested; default 7. */
    @Value.Default
    public int windowDays() {
        return 7;
    }

    /** The zone the window's calendar days are counted in; default {@code Asia/Ho_Chi_Minh}. */
    @Value.Default
    public ZoneId zone() {
        return ZoneId.of("Asia/Ho_Chi_Minh");
    }

    /** SKUs that may never be returned (underwear, opened software ...). */
    public abstract Set<Sku> nonReturnableSkus();

    /** Product categories that may never be returned. */
    public abstract Set<String> nonReturnableCategories();

    /**
     * Whether only products flagged {@link ProductFlag#RETURNABLE} may be returned; default false (every
     * product not excluded above is returnable, also one the catalogue does not know).
     */
    @Value.Default
    public boolean requireReturnableFlag() {
        return false;
    }

    /** The condition units must come back in; default {@link ReturnCondition#ANY}. */
    @Value.Default
    public ReturnCondition requiredCondition() {
        return ReturnCondition.ANY;
    }

    /** Percent of the refunded line amounts kept as a restocking fee; default 0. */
    @Value.Default
    public BigDecimal restockingFeePercent() {
        return BigDecimal.ZERO;
    }

    /** Reasons that waive the restocking fee; default the seller-fault reasons. */
    @Value.Default
    public Set<ReturnReason> feeWaivedFor() {
        Set<ReturnReason> waived = EnumSet.noneOf(ReturnReason.class);
        for (ReturnReason r : ReturnReason.values()) {
            if (r.sellerFault()) {
                waived.add(r);
            }
        }
        return waived;
    }

    /** When shipping is refunded; default {@link ShippingRefund#WHOLE_ORDER_OR_SELLER_FAULT}. */
    @Value.Default
    public ShippingRefund shippingRefund() {
        return ShippingRefund.WHOLE_ORDER_OR_SELLER_FAULT;
    }

    /** Whether a valid request is approved at once (no agent review); default false. */
    @Value.Default
    public boolean autoApprove() {
        return false;
    }

    /** The last day a return of units delivered at {@code deliveredAt} may be requested. */
    public LocalDate lastDay(Instant deliveredAt) {
        return deliveredAt.atZone(zone()).toLocalDate().plusDays(windowDays());
    }

    /** Whether a return requested at {@code now} of units delivered at {@code deliveredAt} is in time. */
    public boolean inWindow(Instant deliveredAt, Instant now) {
        return !now.atZone(zone()).toLocalDate().isAfter(lastDay(deliveredAt));
    }

    /**
     * Why {@code sku} may not be returned, if it may not: listed SKU, listed category, or missing the
     * {@code RETURNABLE} flag when the policy requires it.
     */
    public Optional<String> notReturnable(Sku sku, Optional<Product> product) {
        if (nonReturnableSkus().contains(sku)) {
            return Optional.of("SKU '" + sku + "' is not returnable under the return policy");
        }
        if (product.isPresent()
                && product.get().category().isPresent()
                && nonReturnableCategories().contains(product.get().category().get())) {
            return Optional.of("SKU '" + sku + "' is in category '"
                    + product.get().category().get() + "', which is not returnable");
        }
        if (requireReturnableFlag() && (product.isEmpty() || !product.get().has(ProductFlag.RETURNABLE))) {
            return Optional.of("SKU '" + sku + "' is not flagged RETURNABLE in the catalogue");
        }
        return Optional.empty();
    }

    /** Whether the restocking fee applies to units returned for {@code reason}. */
    public boolean feeApplies(ReturnReason reason) {
        return restockingFeePercent().signum() > 0 && !feeWaivedFor().contains(reason);
    }

    @Value.Check
    protected void check() {
        if (windowDays() < 0) {
            throw InvalidArgumentException.of(
                    "windowDays", "NEGATIVE", "the return window must not be negative; was " + windowDays());
        }
        if (restockingFeePercent().signum() < 0 || restockingFeePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw InvalidArgumentException.of(
                    "restockingFeePercent",
                    "OUT_OF_RANGE",
                    "the restocking fee is 0-100 percent; was " + restockingFeePercent());
        }
    }

    /** The default policy: 7 days, everything returnable, no fee, shipping back on whole-order or seller fault. */
    public static ReturnPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReturnPolicy}. */
    public static class Builder extends ImmutableReturnPolicy.Builder {}
}
