package dev.omskit.core.command;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Capture an order from a channel. Idempotent per tenant, channel and {@link #channelOrderId()}: the same
 * channel order delivered again returns the order captured the first time.
 *
 * <p>Validation reports every problem at once: lines (SKU, quantity, prices, currency, duplicate ids, too
 * many lines), address, payment, and {@link #expectedTotal()} when the channel states one.
 */
@Value.Immutable
@OmsStyle
public abstract class CaptureOrder implements OrderCommand {
    public abstract Channel channel();

    public abstract String channelOrderId();

    public abstract Optional<CustomerId> customer();

    public abstract Buyer buyer();

    public abstract Address shippingAddress();

    public abstract Optional<Address> billingAddress();

    public abstract Currency currency();

    @Value.Default
    public TaxMode taxMode() {
        return TaxMode.PRICES_EXCLUDE_TAX;
    }

    public abstract List<LineInput> lines();

    /** Shipping fee the buyer pays; zero when absent. */
    public abstract Optional<Money> shippingFee();

    @Value.Default
    public PaymentMethod paymentMethod() {
        return PaymentMethod.PREPAID;
    }

    /**
     * The payment state as the channel reports it ({@code PAID} for marketplace escrow, {@code AUTHORIZED}
     * ...); {@code PENDING} or {@code COD_PENDING} when absent.
     */
    public abstract Optional<State> paymentStatus();

    /** The total the channel computed; capture fails if omskit's derived total differs. */
    public abstract Optional<Money> expectedTotal();

    /** When the buyer placed the order in the channel; capture time when absent. */
    public abstract Optional<Instant> placedAt();

    public abstract Map<String, String> attributes();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CaptureOrder}. */
    public static class Builder extends ImmutableCaptureOrder.Builder {
        /** Sets the currency by ISO 4217 code. */
        public Builder currency(String code) {
            return currency(dev.omskit.core.model.Money.currency(code));
        }
    }
}
