package dev.omskit.core.command;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A line as a channel or an agent sends it. Raw on purpose: nothing is checked when it is built, so that
 * validation can report every problem of a request at once (blank SKU, zero quantity, wrong currency).
 */
@Value.Immutable
@OmsStyle
public abstract class LineInput {
    /** The channel's line id; {@code L1}, {@code L2}... by position when absent. */
    public abstract Optional<String> lineId();

    public abstract String sku();

    public abstract Optional<String> title();

    public abstract long quantity();

    /** Price of one unit. */
    public abstract Money unitPrice();

    /** Discount on the whole line; zero when absent. */
    public abstract Optional<Money> discount();

    @Value.Default
    public VatRate vatRate() {
        return VatRate.ZERO;
    }

    public abstract Map<String, String> attributes();

    /** A line of {@code quantity} x {@code sku} at {@code unitPrice}. */
    public static LineInput of(String sku, long quantity, Money unitPrice) {
        return builder().sku(sku).quantity(quantity).unitPrice(unitPrice).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LineInput}. */
    public static class Builder extends ImmutableLineInput.Builder {}
}
