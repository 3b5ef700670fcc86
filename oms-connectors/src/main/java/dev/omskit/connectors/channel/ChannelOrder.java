package dev.omskit.connectors.channel;

import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An order as a sales channel reports it, mapped by the connector into our vocabulary: what core's {@link
 * CaptureOrder} needs plus the channel's own status and update time. Buyer and address print as {@code
 * ***} (see {@link Buyer}, {@link Address}).
 *
 * <p>Building one checks only presence: a malformed order from a channel must still be representable so
 * that the engine can park it with its reasons instead of dropping it. {@link #toCapture} is where it is
 * validated.
 */
@Value.Immutable
@OmsStyle
public abstract class ChannelOrder {
    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    /** The channel's order id: the deduplication key of ingestion (core captures once per id). */
    public abstract String channelOrderId();

    @Value.Redacted
    public abstract Buyer buyer();

    @Value.Redacted
    public abstract Address shippingAddress();

    @Value.Redacted
    public abstract Optional<Address> billingAddress();

    public abstract Currency currency();

    @Value.Default
    public TaxMode taxMode() {
        return TaxMode.PRICES_EXCLUDE_TAX;
    }

    public abstract List<ChannelOrderLine> lines();

    /** The shipping fee the buyer pays; zero when absent. */
    public abstract Optional<Money> shippingFee();

    @Value.Default
    public PaymentMethod paymentMethod() {
        return PaymentMethod.PREPAID;
    }

    /** The payment status as the channel reports it (e.g. {@code PAID} for marketplace escrow). */
    public abstract Optional<State> paymentStatus();

    /** The total the channel states; capture checks omskit's derived total against it. */
    public abstract Optional<Money> total();

    /** When the buyer placed the order. */
    public abstract Instant placedAt();

    /** The order's status in the channel's words, e.g. {@code READY_TO_SHIP}. */
    public abstract String channelStatus();

    /** When the channel last changed the order: newer data wins when the same order arrives twice. */
    public abstract Instant updatedAt();

    /**
     * Whether the buyer or the channel cancelled the whole order in the channel (the connector maps the
     * channel's own status to this, e.g. Shopee's {@code CANCELLED}). The sync engine then cancels the
     * order in omskit, or parks the cancellation when omskit can no longer cancel it (already shipped).
     * Default false.
     */
    @Value.Default
    public boolean cancelledInChannel() {
        return false;
    }

    public abstract Map<String, String> attributes();

    /**
     * The capture command for this order, with the channel's total as {@link CaptureOrder#expectedTotal()}
     * so that a total omskit derives differently is refused rather than silently accepted. Capture in core
     * is idempotent per tenant, channel and channel order id, so the engine may send it again.
     *
     * @throws InvalidArgumentException listing every problem found (blank channel order id or line id,
     *     duplicate line ids, no lines, a quantity below 1, an amount in another currency or negative, a
     *     discount above its line's price, a blank buyer name, an address without recipient, street, city or
     *     ISO country code): the engine parks such an order with this message. Core's capture may still
     *     refuse the command for rules only it knows (its line limits, the payment lifecycle, the total);
     *     it throws the same exception type, so the engine parks those alike.
     */
    public CaptureOrder toCapture(TenantId tenant, Channel channel, Actor actor) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("channel", channel);
        Checks.notNull("actor", actor);
        List<Violation> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidArgumentException(problems);
        }
        List<LineInput> inputs = lines().stream()
                .map(l -> LineInput.builder()
                        .lineId(l.channelLineId())
                        .sku(l.sku().value())
                        .title(l.title())
                        .quantity(l.quantity())
                        .unitPrice(l.unitPrice())
                        .discount(l.discount())
                        .vatRate(l.vatRate())
                        .attributes(l.attributes())
                        .build())
                .toList();
        return CaptureOrder.builder()
                .tenant(tenant)
                .actor(actor)
                .channel(channel)
                .channelOrderId(channelOrderId())
                .buyer(buyer())
                .shippingAddress(shippingAddress())
                .billingAddress(billingAddress())
                .currency(currency())
                .taxMode(taxMode())
                .lines(inputs)
                .shippingFee(shippingFee())
                .paymentMethod(paymentMethod())
                .paymentStatus(paymentStatus())
                .expectedTotal(total())
                .placedAt(placedAt())
                .attributes(attributes())
                .build();
    }

    /** Every problem {@link #toCapture} would report; empty when the order is well formed. */
    public List<Violation> problems() {
        List<Violation> out = new ArrayList<>();
        Checks.idProblem("channel order id", channelOrderId())
                .ifPresent(p -> out.add(Violation.of("channelOrderId", "INVALID_ID", p)));
        if (buyer().name().isBlank()) {
            out.add(Violation.of("buyer.name", "MISSING", "buyer name must not be blank"));
        }
        address("shippingAddress", shippingAddress(), out);
        billingAddress().ifPresent(a -> address("billingAddress", a, out));
        if (lines().isEmpty()) {
            out.add(Violation.of("lines", "EMPTY", "an order needs at least one line"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines().size(); i++) {
            ChannelOrderLine l = lines().get(i);
            String at = "lines[" + i + "]";
            Checks.idProblem("line id", l.channelLineId())
                    .ifPresent(p -> out.add(Violation.of(at + ".channelLineId", "INVALID_ID", p)));
            if (!ids.add(l.channelLineId())) {
                out.add(Violation.of(
                        at + ".channelLineId",
                        "DUPLICATE_LINE_ID",
                        "line id '" + l.channelLineId() + "' is used twice"));
            }
            if (l.quantity() <= 0) {
                out.add(Violation.of(at + ".quantity", "NOT_POSITIVE", "must be at least 1; was " + l.quantity()));
            }
            money(at + ".unitPrice", l.unitPrice(), out);
            l.discount().ifPresent(d -> {
                money(at + ".discount", d, out);
                if (d.sameCurrencyAs(l.unitPrice())
                        && l.quantity() > 0
                        && d.compareTo(l.unitPrice().times(l.quantity())) > 0) {
                    out.add(Violation.of(
                            at + ".discount",
                            "DISCOUNT_EXCEEDS_PRICE",
                            "discount " + d + " exceeds the line's price "
                                    + l.unitPrice().times(l.quantity())));
                }
            });
        }
        shippingFee().ifPresent(fee -> money("shippingFee", fee, out));
        total().ifPresent(t -> money("total", t, out));
        return out;
    }

    private void money(String field, Money money, List<Violation> out) {
        if (!money.currency().equals(currency())) {
            out.add(Violation.of(
                    field,
                    "CURRENCY_MISMATCH",
                    money + " is not in the order currency " + currency().getCurrencyCode()));
        }
        if (money.isNegative()) {
            out.add(Violation.of(field, "NEGATIVE", "must not be negative; was " + money));
        }
    }

    private static void address(String field, Address a, List<Violation> out) {
        required(field + ".recipient", "recipient", a.recipient(), out);
        required(field + ".line1", "line1", a.line1(), out);
        required(field + ".city", "city", a.city(), out);
        if (a.countryCode().isBlank()) {
            out.add(Violation.of(field + ".countryCode", "MISSING", "country code must not be blank"));
        } else if (!COUNTRIES.contains(a.countryCode())) {
            out.add(Violation.of(
                    field + ".countryCode",
                    "MALFORMED",
                    "country code must be an ISO 3166-1 alpha-2 code such as VN; was '" + a.countryCode() + "'"));
        }
    }

    private static void required(String field, String name, String value, List<Violation> out) {
        if (value.isBlank()) {
            out.add(Violation.of(field, "MISSING", name + " must not be blank"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChannelOrder}. */
    public static class Builder extends ImmutableChannelOrder.Builder {}
}
