package dev.omskit.core.order;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An order: who bought what through which channel, where each unit of each line is in the lifecycle,
 * the payment state beside it, and active holds. Immutable; every change produces a new version through
 * the facade, with its events in the audit trail.
 *
 * <p>{@link #version()} counts the events applied (1 after capture); stores use it for optimistic
 * concurrency. {@link #status()} is derived from the lines by the lifecycle on every change.
 */
@Value.Immutable
@OmsStyle
public abstract class Order {
    public abstract TenantId tenant();

    public abstract OrderId id();

    /** Number of events applied to this order; 1 after capture. */
    public abstract long version();

    public abstract Channel channel();

    /** The order's id in its channel; unique per tenant and channel. */
    public abstract String channelOrderId();

    /** The customer, when the host's registry knows them. */
    public abstract Optional<CustomerId> customer();

    public abstract Buyer buyer();

    public abstract Address shippingAddress();

    public abstract Optional<Address> billingAddress();

    public abstract Currency currency();

    public abstract TaxMode taxMode();

    public abstract List<OrderLine> lines();

    /** Shipping fee the buyer pays (zero when shipping is free or paid by the seller). */
    public abstract Money shippingFee();

    public abstract PaymentMethod paymentMethod();

    /** The state in the payment lifecycle, e.g. {@code PAID} or {@code COD_PENDING}. */
    public abstract State paymentStatus();

    /** The money the payment events moved: authorised, captured, remitted for COD, refunded. */
    @Value.Default
    public PaymentLedger payments() {
        return PaymentLedger.zero(currency());
    }

    /** Active holds, oldest first. */
    public abstract List<Hold> holds();

    /** Status derived from the lines' stages. */
    public abstract OrderStatus status();

    /** Who captured the order. */
    public abstract Actor createdBy();

    /** When the buyer placed the order in the channel. */
    public abstract Instant placedAt();

    /** When omskit captured it. */
    public abstract Instant createdAt();

    /** When the last change was applied. */
    public abstract Instant updatedAt();

    /** Free-form attributes from the channel or the host. */
    public abstract Map<String, String> attributes();

    /** The line with this id, if the order has it. */
    public Optional<OrderLine> line(LineId lineId) {
        for (OrderLine line : lines()) {
            if (line.id().equals(lineId)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Whether any hold is active. */
    public boolean isOnHold() {
        return !holds().isEmpty();
    }

    /** The active hold of this type, if any. */
    public Optional<Hold> hold(HoldType type) {
        return holds().stream().filter(h -> h.type().equals(type)).findFirst();
    }

    /** Units in {@code stage} over all lines. */
    public int quantity(State stage) {
        int sum = 0;
        for (OrderLine line : lines()) {
            sum += line.quantity(stage);
        }
        return sum;
    }

    /**
     * Derived totals: lines, VAT, shipping and the cash-on-delivery amount (zero once every unit is
     * cancelled: nothing is delivered, so nothing is collected).
     */
    @Value.Lazy
    public OrderTotals totals() {
        Money zero = Money.zero(currency());
        Money gross = zero, discount = zero, net = zero, tax = zero, lineTotal = zero;
        for (OrderLine line : lines()) {
            LineAmounts a = line.amounts(taxMode());
            gross = gross.plus(a.gross());
            discount = discount.plus(a.discount());
            net = net.plus(a.net());
            tax = tax.plus(a.tax());
            lineTotal = lineTotal.plus(a.total());
        }
        Money total = lineTotal.plus(shippingFee());
        boolean live = lines().stream().anyMatch(l -> l.charged() > 0);
        Money cod = paymentMethod() == PaymentMethod.CASH_ON_DELIVERY && live ? total : zero;
        return new OrderTotals(gross, discount, net, tax, shippingFee(), total, cod);
    }

    @Value.Check
    protected void check() {
        if (lines().isEmpty()) {
            throw InvalidArgumentException.of("lines", "EMPTY", "order " + id() + " has no lines");
        }
        Set<LineId> seen = new HashSet<>();
        for (OrderLine line : lines()) {
            if (!seen.add(line.id())) {
                throw InvalidArgumentException.of(
                        "lines", "DUPLICATE_LINE_ID", "order " + id() + " has line id '" + line.id() + "' twice");
            }
            if (!line.unitPrice().currency().equals(currency())) {
                throw InvalidArgumentException.of(
                        "lines",
                        "CURRENCY_MISMATCH",
                        "order " + id() + " is in " + currency() + " but line " + line.id() + " costs "
                                + line.unitPrice());
            }
        }
        if (!shippingFee().currency().equals(currency())) {
            throw InvalidArgumentException.of(
                    "shippingFee",
                    "CURRENCY_MISMATCH",
                    "order " + id() + " is in " + currency() + " but its shipping fee is " + shippingFee());
        }
        if (!payments().authorized().currency().equals(currency())) {
            throw InvalidArgumentException.of(
                    "payments",
                    "CURRENCY_MISMATCH",
                    "order " + id() + " is in " + currency() + " but its payments are in "
                            + payments().authorized().currency());
        }
        if (version() < 1) {
            throw InvalidArgumentException.of("version", "NOT_POSITIVE", "order version must be at least 1");
        }
    }

    /** A new builder (stores and fixtures use it; hosts capture orders through the facade). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Order}. */
    public static class Builder extends ImmutableOrder.Builder {}
}
