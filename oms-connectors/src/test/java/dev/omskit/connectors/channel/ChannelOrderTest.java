package dev.omskit.connectors.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.PaymentStates;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelOrderTest {
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    private static final Channel SHOPEE = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);

    private static ChannelOrder.Builder valid() {
        return ChannelOrder.builder()
                .channelOrderId("240101ABC")
                .buyer(Buyer.named("Tran Thi B"))
                .shippingAddress(Address.builder()
                        .recipient("Tran Thi B")
                        .line1("1 Le Loi")
                        .city("Ho Chi Minh")
                        .countryCode("VN")
                        .build())
                .currency(Money.currency("VND"))
                .addLines(ChannelOrderLine.builder()
                        .channelLineId("item-1")
                        .sku(Sku.of("SKU-A"))
                        .quantity(3)
                        .unitPrice(Money.of("50000", "VND"))
                        .discount(Money.of("10000", "VND"))
                        .vatRate(VatRate.percent(8))
                        .build())
                .shippingFee(Money.of("20000", "VND"))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(PaymentStates.COD_PENDING)
                .total(Money.of("160000", "VND"))
                .placedAt(T)
                .channelStatus("READY_TO_SHIP")
                .updatedAt(T)
                .putAttributes("shopee.shop_id", "42");
    }

    @Test
    void toCapture_carriesEverythingCaptureNeeds_withTheStatedTotal() {
        CaptureOrder c = valid().build().toCapture(TenantId.of("t"), SHOPEE, Actor.channel(SHOPEE.id()));

        assertThat(c.channelOrderId()).isEqualTo("240101ABC");
        assertThat(c.channel()).isEqualTo(SHOPEE);
        assertThat(c.expectedTotal()).contains(Money.of("160000", "VND"));
        assertThat(c.paymentMethod()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY);
        assertThat(c.paymentStatus()).contains(PaymentStates.COD_PENDING);
        assertThat(c.placedAt()).contains(T);
        assertThat(c.attributes()).containsEntry("shopee.shop_id", "42");
        assertThat(c.lines()).singleElement().satisfies(l -> {
            assertThat(l.lineId()).contains("item-1");
            assertThat(l.sku()).isEqualTo("SKU-A");
            assertThat(l.discount()).contains(Money.of("10000", "VND"));
            assertThat(l.vatRate()).isEqualTo(VatRate.percent(8));
        });
    }

    @Test
    void toCapture_malformed_listsEveryProblem() {
        ChannelOrder bad = valid().lines(java.util.List.of(
                        ChannelOrderLine.of("x", Sku.of("SKU-A"), 0, Money.of("5", "USD")),
                        ChannelOrderLine.builder()
                                .channelLineId("x")
                                .sku(Sku.of("SKU-B"))
                                .quantity(1)
                                .unitPrice(Money.of("1000", "VND"))
                                .discount(Money.of("2000", "VND"))
                                .build()))
                .shippingAddress(
                        Address.builder().recipient("B").countryCode("XX").build())
                .buyer(Buyer.named(" "))
                .build();

        assertThat(bad.problems()).isNotEmpty();
        assertThatThrownBy(() -> bad.toCapture(TenantId.of("t"), SHOPEE, Actor.channel(SHOPEE.id())))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code)
                        .contains(
                                "NOT_POSITIVE",
                                "CURRENCY_MISMATCH",
                                "DUPLICATE_LINE_ID",
                                "DISCOUNT_EXCEEDS_PRICE",
                                "MISSING",
                                "MALFORMED"));
    }

    @Test
    void undeclaredOperation_failsNotRetryable_declaredButMissing_saysSo() {
        SalesChannel bare = new SalesChannel() {
            @Override
            public String id() {
                return "bare";
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(SalesChannel.PULL_ORDERS);
            }
        };

        assertThatThrownBy(() -> bare.pushStock(java.util.List.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
                    assertThat(e.getMessage()).contains("does not declare PUSH_STOCK");
                });
        assertThatThrownBy(() -> bare.pullOrders(ChannelCursor.START, 1))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("does not implement pullOrders"));
    }

    @Test
    void conflict_messageNamesSkuAndBothVersions() {
        ProductPush push =
                new ProductPush(Sku.of("SKU-A"), "T", Money.of("1", "VND"), Optional.of("v3"), java.util.Map.of());

        assertThat(ProductPushResult.Conflict.of(push, Optional.of("v4")).message())
                .startsWith("conflict")
                .contains("SKU-A", "'v3'", "'v4'");
    }
}
