package dev.omskit.core;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.internal.Decision;
import dev.omskit.core.internal.OrderDecider;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import java.time.Instant;
import java.util.Map;

/**
 * Fixtures shared by the oms-core tests: a fixed clock instant, a tenant, an actor, and builders for valid
 * commands. Every builder returned can be refined before {@code build()}.
 */
public final class TestOrders {
    /** The one instant every test uses as "now". */
    public static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    /** A later instant, for commands applied after the capture. */
    public static final Instant LATER = NOW.plusSeconds(3600);

    public static final TenantId TENANT = TenantId.of("shop-1");
    public static final OrderId ORDER_ID = OrderId.of("o-1001");
    public static final Actor AGENT = Actor.agent("linh");
    public static final Channel CHANNEL = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);

    private TestOrders() {}

    /** A decider over the default lifecycle and the default configuration. */
    public static OrderDecider decider() {
        return new OrderDecider(OrderLifecycle.defaults(), OmsConfig.defaults());
    }

    /** An amount of Vietnamese dong. */
    public static Money vnd(long amount) {
        return Money.of(Long.toString(amount), "VND");
    }

    /** A valid Vietnamese address. */
    public static Address address() {
        return Address.builder()
                .recipient("Nguyen Van A")
                .phone("+84 912 345 678")
                .line1("12 Ly Thuong Kiet")
                .ward("Phuong Hang Bai")
                .district("Hoan Kiem")
                .city("Ha Noi")
                .countryCode("VN")
                .build();
    }

    /** A line of {@code quantity} x {@code sku} at {@code unitPrice} VND, no discount, no VAT. */
    public static LineInput line(String sku, long quantity, long unitPrice) {
        return LineInput.of(sku, quantity, vnd(unitPrice));
    }

    /** A capture builder with every required attribute set, in VND, without lines. */
    public static CaptureOrder.Builder capture() {
        return CaptureOrder.builder()
                .tenant(TENANT)
                .actor(AGENT)
                .channel(CHANNEL)
                .channelOrderId("SHP-240001")
                .buyer(Buyer.builder()
                        .name("Nguyen Van A")
                        .email("a@example.vn")
                        .build())
                .shippingAddress(address())
                .currency("VND");
    }

    /** A capture of {@code lines}. */
    public static CaptureOrder captureOf(LineInput... lines) {
        return capture().addLines(lines).build();
    }

    /** A capture of {@code count} lines SKU-1..SKU-n with {@code quantity} units at 100000 VND each. */
    public static CaptureOrder captureOfLines(int count, int quantity) {
        CaptureOrder.Builder b = capture();
        for (int i = 1; i <= count; i++) {
            b.addLines(line("SKU-" + i, quantity, 100_000));
        }
        return b.build();
    }

    /** A line with a discount and a VAT rate. */
    public static LineInput line(String sku, long quantity, long unitPrice, long discount, String vatFraction) {
        return LineInput.builder()
                .sku(sku)
                .quantity(quantity)
                .unitPrice(vnd(unitPrice))
                .discount(vnd(discount))
                .vatRate(VatRate.of(vatFraction))
                .build();
    }

    /** The order captured by the default decider at {@link #NOW} with id {@link #ORDER_ID}. */
    public static Order captured(CaptureOrder command) {
        return decider().capture(command, ORDER_ID, NOW).next().orElseThrow();
    }

    /** A transition of every unit that can take {@code trigger}. */
    public static TransitionOrder transition(Order order, Trigger trigger) {
        return TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .trigger(trigger)
                .build();
    }

    /** A transition of some units of lines. */
    public static TransitionOrder transition(Order order, Trigger trigger, Map<String, Integer> units) {
        TransitionOrder.Builder b = TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .trigger(trigger);
        units.forEach((line, n) -> b.putLines(LineId.of(line), n));
        return b.build();
    }

    /** A full cancellation. */
    public static CancelOrder cancelAll(Order order) {
        return CancelOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .reason("customer asked")
                .build();
    }

    /** A partial cancellation. */
    public static CancelOrder cancel(Order order, Map<String, Integer> units) {
        CancelOrder.Builder b = CancelOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .reason("customer asked");
        units.forEach((line, n) -> b.putLines(LineId.of(line), n));
        return b.build();
    }

    /** An edit builder for {@code order}, with nothing to change yet. */
    public static EditOrder.Builder edit(Order order) {
        return EditOrder.builder().tenant(order.tenant()).orderId(order.id()).actor(AGENT);
    }

    public static PlaceHold placeHold(Order order, HoldType type) {
        return PlaceHold.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .type(type)
                .reason("suspected " + type.name().toLowerCase(java.util.Locale.ROOT))
                .build();
    }

    public static ReleaseHold releaseHold(Order order, HoldType type) {
        return ReleaseHold.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .type(type)
                .note("checked")
                .build();
    }

    public static RecordPayment payment(Order order, Trigger trigger) {
        return RecordPayment.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .trigger(trigger)
                .build();
    }

    /** The order after an accepted decision; fails with the rejection when it was refused. */
    public static Order accepted(Decision decision) {
        return decision.next()
                .orElseThrow(() -> new AssertionError("expected the command to be accepted, was rejected: "
                        + decision.rejection().orElseThrow()));
    }
}
