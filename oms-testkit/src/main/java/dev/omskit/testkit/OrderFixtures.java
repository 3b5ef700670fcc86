package dev.omskit.testkit;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ready-made, valid inputs for tests: a tenant, channels, an address in Ho Chi Minh City, and capture
 * requests that pass validation, to be adjusted with the builder they return. Prices are in VND.
 */
public final class OrderFixtures {
    /** The default tenant of fixtures. */
    public static final TenantId TENANT = TenantId.of("shop-1");
    /** The merchant's web store. */
    public static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);
    /** A marketplace. */
    public static final Channel SHOPEE = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);
    /** Orders taken by phone by an agent. */
    public static final Channel PHONE = Channel.of("phone", ChannelKind.MANUAL);

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private OrderFixtures() {}

    /** An amount in VND. */
    public static Money vnd(long amount) {
        return Money.of(String.valueOf(amount), "VND");
    }

    /** A valid address in Ho Chi Minh City. */
    public static Address address() {
        return Address.builder()
                .recipient("Nguyen Van An")
                .phone("+84 90 123 4567")
                .line1("12 Nguyen Hue")
                .ward("Ben Nghe")
                .district("District 1")
                .city("Ho Chi Minh City")
                .countryCode("VN")
                .geo(GeoPoint.of(10.7769, 106.7009))
                .build();
    }

    /** A line of {@code quantity} x {@code sku} at {@code unitPrice} VND with 10% VAT. */
    public static LineInput line(String sku, long quantity, long unitPrice) {
        return LineInput.builder()
                .sku(sku)
                .quantity(quantity)
                .unitPrice(vnd(unitPrice))
                .vatRate(VatRate.percent(10))
                .build();
    }

    /** A fresh, unique channel order id such as {@code W-17}. */
    public static String nextChannelOrderId() {
        return "W-" + SEQUENCE.incrementAndGet();
    }

    /**
     * A valid web-store capture for {@link #TENANT}, prepaid and already paid, with one line of 2 x
     * {@code SKU-1} at 100,000 VND and a unique channel order id. Adjust with the builder before building.
     */
    public static CaptureOrder.Builder capture() {
        CaptureOrder.Builder b = CaptureOrder.builder();
        b.tenant(TENANT)
                .channel(WEB)
                .channelOrderId(nextChannelOrderId())
                .actor(Actor.channel(WEB.id()))
                .buyer(Buyer.builder()
                        .name("Nguyen Van An")
                        .email("an@example.com")
                        .build())
                .shippingAddress(address())
                .currency("VND")
                .addLines(line("SKU-1", 2, 100_000))
                .paymentStatus(dev.omskit.core.order.PaymentStates.PAID);
        return b;
    }

    /** A transition of every eligible unit of {@code order} on {@code trigger}, by the system. */
    public static TransitionOrder transition(Order order, Trigger trigger) {
        return TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("test"))
                .trigger(trigger)
                .build();
    }

    /** A transition of {@code units} of one line. */
    public static TransitionOrder transition(Order order, Trigger trigger, String lineId, int units) {
        return TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("test"))
                .trigger(trigger)
                .putLines(LineId.of(lineId), units)
                .build();
    }

    /** A full cancellation by an agent. */
    public static CancelOrder cancelAll(TenantId tenant, OrderId order, String reason) {
        return CancelOrder.builder()
                .tenant(tenant)
                .orderId(order)
                .actor(Actor.agent("agent-1"))
                .reason(reason)
                .build();
    }
}
