package dev.omskit.testkit.connectors;

import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderLine;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.support.Checks;
import java.time.Instant;

/** Channel orders for tests, demos and benchmarks: a paid VND order to Ho Chi Minh City, lines as given. */
public final class ChannelOrderFixtures {
    private ChannelOrderFixtures() {}

    /**
     * A valid, paid order {@code channelOrderId} placed and updated {@code at}, status {@code READY_TO_SHIP},
     * with {@code lines} (each {@code sku, units, unit price in VND}) numbered from 1 and the stated total
     * their sum.
     */
    public static ChannelOrder paid(String channelOrderId, Instant at, Line... lines) {
        Checks.notNull("at", at);
        ChannelOrder.Builder b = ChannelOrder.builder()
                .channelOrderId(channelOrderId)
                .buyer(Buyer.builder().name("Tran Thi B").phone("+84907654321").build())
                .shippingAddress(Address.builder()
                        .recipient("Tran Thi B")
                        .line1("5 Nguyen Hue")
                        .district("Quan 1")
                        .city("Ho Chi Minh")
                        .countryCode("VN")
                        .build())
                .currency(Money.currency("VND"))
                .paymentStatus(PaymentStates.PAID)
                .placedAt(at)
                .channelStatus("READY_TO_SHIP")
                .updatedAt(at);
        long total = 0;
        for (int i = 0; i < lines.length; i++) {
            Line l = lines[i];
            b.addLines(ChannelOrderLine.of(
                    String.valueOf(i + 1), l.sku(), l.units(), Money.of(String.valueOf(l.unitPrice()), "VND")));
            total += l.unitPrice() * l.units();
        }
        return b.total(Money.of(String.valueOf(total), "VND")).build();
    }

    /** {@code units} of {@code sku} at {@code unitPrice} VND each. */
    public static Line line(Sku sku, int units, long unitPrice) {
        return new Line(sku, units, unitPrice);
    }

    /**
     * One line of a fixture order.
     *
     * @param sku the SKU
     * @param units the units
     * @param unitPrice the unit price in VND
     */
    public record Line(Sku sku, int units, long unitPrice) {
        public Line {
            Checks.notNull("sku", sku);
        }
    }
}
