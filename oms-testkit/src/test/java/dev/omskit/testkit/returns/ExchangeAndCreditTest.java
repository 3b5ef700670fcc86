package dev.omskit.testkit.returns;

import static dev.omskit.testkit.OrderFixtures.vnd;
import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.CUSTOMER;
import static dev.omskit.testkit.returns.ReturnsHarness.JACKET;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.SHIRT_L;
import static dev.omskit.testkit.returns.ReturnsHarness.STRANGER;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.DocumentAction;
import dev.omskit.core.returns.ExchangeItem;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.returns.StoreCredit;
import dev.omskit.core.returns.StoreCreditLifecycle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exchanges and store credit")
class ExchangeAndCreditTest {
    final ReturnsHarness h = new ReturnsHarness();

    /** 1 x L1 (worth 106,333 VND) asked back for {@code resolution}, received and inspected good. */
    ReturnRequest inspected(Order order, ReturnResolution resolution, ExchangeItem... items) {
        ReturnRequest rma = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .resolution(resolution)
                .addExchangeItems(items)
                .build());
        h.returns.approveReturn(h.action(order, rma.id()));
        h.returns.receiveReturn(ReceiveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build());
        return h.returns.inspectReturn(InspectReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .addLines(InspectionLine.good(L1, 1))
                .build());
    }

    ResolveReturn resolve(Order order, ReturnRequest rma) {
        return ResolveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build();
    }

    @Test
    void a_dearer_exchange_captures_a_replacement_order_the_buyer_pays_the_difference_on() {
        Order order = h.delivered();
        ReturnRequest rma = inspected(
                order, ReturnResolution.EXCHANGE, new ExchangeItem(JACKET, 1, vnd(200_000), VatRate.percent(10)));
        // the jacket is worth 220,000 with VAT; the returned shirt 106,333: the buyer pays 113,667
        var preview = h.returns.previewResolveReturn(resolve(order, rma));
        assertThat(preview.paymentDifference().amount()).isEqualTo(vnd(113_667));
        int orders = h.storage.orderCount(order.tenant());
        assertThat(h.storage.orderCount(order.tenant()))
                .as("a preview captures nothing")
                .isEqualTo(orders);

        ReturnRequest exchanged = h.returns.resolveReturn(resolve(order, rma));
        assertThat(exchanged.state()).isEqualTo(ReturnLifecycle.EXCHANGED);
        Order replacement =
                h.oms.get(order.tenant(), exchanged.replacementOrderId().orElseThrow());
        assertThat(replacement.channelOrderId()).isEqualTo(order.channelOrderId() + "-X-" + rma.id());
        assertThat(replacement.customer()).isEqualTo(order.customer());
        assertThat(replacement.shippingAddress()).isEqualTo(order.shippingAddress());
        assertThat(replacement.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo(JACKET);
            assertThat(l.unitPrice()).isEqualTo(vnd(200_000));
            assertThat(l.discount()).isEqualTo(vnd(96_666)); // 106,333 / 1.1, net of VAT
        });
        assertThat(replacement.totals().total()).isEqualTo(vnd(113_667));
        assertThat(replacement.paymentStatus()).isEqualTo(PaymentStates.PENDING);
        assertThat(h.returns.refundsOf(order.tenant(), order.id())).isEmpty();

        // a retry makes no second replacement
        assertThat(h.returns.resolveReturn(resolve(order, rma))).isEqualTo(exchanged);
        assertThat(h.storage.orderCount(order.tenant())).isEqualTo(orders + 1);
        assertThat(h.returns.closeReturn(h.action(order, rma.id())).state()).isEqualTo(ReturnLifecycle.CLOSED);
    }

    @Test
    void a_cheaper_exchange_costs_nothing_and_refunds_the_difference() {
        Order order = h.delivered();
        ReturnRequest rma = inspected(
                order, ReturnResolution.EXCHANGE, new ExchangeItem(SHIRT_L, 1, vnd(90_000), VatRate.percent(10)));
        ReturnRequest exchanged = h.returns.resolveReturn(resolve(order, rma));
        Order replacement =
                h.oms.get(order.tenant(), exchanged.replacementOrderId().orElseThrow());
        assertThat(replacement.totals().total()).isEqualTo(vnd(0));
        assertThat(replacement.paymentStatus()).isEqualTo(PaymentStates.PAID);
        Refund refund = h.returns
                .findRefund(order.tenant(), exchanged.refundId().orElseThrow())
                .orElseThrow();
        assertThat(refund.amount()).isEqualTo(vnd(106_333 - 99_000));
        assertThat(refund.reason()).isEqualTo("price difference of exchange " + rma.id());
    }

    @Test
    void a_replacement_captured_before_a_crash_is_reused_by_the_retry() {
        Order order = h.delivered();
        ReturnRequest rma = inspected(
                order, ReturnResolution.EXCHANGE, new ExchangeItem(SHIRT_L, 1, vnd(90_000), VatRate.percent(10)));
        var preview = h.returns.previewResolveReturn(resolve(order, rma));
        assertThat(preview.paymentDifference().amount()).isEqualTo(vnd(-7_333));
        // the capture of a first attempt that crashed before committing the return
        Order early = h.capture(b -> b.channelOrderId(order.channelOrderId() + "-X-" + rma.id()));
        int orders = h.storage.orderCount(order.tenant());
        ReturnRequest exchanged = h.returns.resolveReturn(resolve(order, rma));
        assertThat(exchanged.replacementOrderId()).contains(early.id());
        assertThat(h.storage.orderCount(order.tenant())).isEqualTo(orders);
    }

    @Test
    void store_credit_is_issued_instead_of_a_refund_and_redeemed_down_to_zero_never_below() {
        Order order = h.delivered();
        ReturnRequest rma = inspected(order, ReturnResolution.STORE_CREDIT);
        ReturnRequest credited = h.returns.resolveReturn(ResolveReturn.builder()
                .from(resolve(order, rma))
                .creditExpiresAt(Instant.parse("2027-11-11T00:00:00Z"))
                .build());
        assertThat(credited.state()).isEqualTo(ReturnLifecycle.CREDITED);
        assertThat(h.returns.closeReturn(h.action(order, rma.id())).state()).isEqualTo(ReturnLifecycle.CLOSED);
        String code = "SC-" + (order.id() + "-s1").toUpperCase();
        StoreCredit credit = h.returns.findStoreCredit(order.tenant(), code).orElseThrow();
        assertThat(credit.amount()).isEqualTo(vnd(106_333));
        assertThat(credit.balance()).isEqualTo(vnd(106_333));
        assertThat(credit.state()).isEqualTo(StoreCreditLifecycle.ACTIVE);

        StoreCredit used = h.returns.redeemStoreCredit(order.tenant(), code, vnd(100_000), "W-NEXT-1", CUSTOMER);
        assertThat(used.balance()).isEqualTo(vnd(6_333));
        assertThat(used.state()).isEqualTo(StoreCreditLifecycle.ACTIVE);
        assertThatThrownBy(() -> h.returns.redeemStoreCredit(order.tenant(), code, vnd(6_334), "W-NEXT-2", CUSTOMER))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .containsExactly("CREDIT_EXCEEDS_BALANCE"));
        assertThatThrownBy(() -> h.returns.redeemStoreCredit(order.tenant(), code, vnd(1), "W-NEXT-2", STRANGER))
                .isInstanceOf(AccessDeniedException.class);
        StoreCredit empty = h.returns.redeemStoreCredit(order.tenant(), code, vnd(6_333), "W-NEXT-2", CUSTOMER);
        assertThat(empty.balance()).isEqualTo(vnd(0));
        assertThat(empty.state()).isEqualTo(StoreCreditLifecycle.REDEEMED);
        assertThat(empty.redemptions()).extracting(r -> r.against()).containsExactly("W-NEXT-1", "W-NEXT-2");
        assertThatThrownBy(() -> h.returns.redeemStoreCredit(order.tenant(), code, vnd(1), "W-NEXT-3", CUSTOMER))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void an_expired_store_credit_cannot_be_redeemed_and_is_marked_expired() {
        Order order = h.delivered();
        ReturnRequest rma = inspected(order, ReturnResolution.STORE_CREDIT);
        ReturnRequest credited = h.returns.resolveReturn(ResolveReturn.builder()
                .from(resolve(order, rma))
                .creditExpiresAt(h.clock.instant().plus(Duration.ofDays(30)))
                .build());
        String id = credited.storeCreditId().orElseThrow();
        DocumentAction expire = h.action(order, id);
        assertThatThrownBy(() -> h.returns.expireStoreCredit(expire))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("has not expired");
        h.clock.advance(Duration.ofDays(31));
        String code = "SC-" + id.toUpperCase();
        assertThatThrownBy(() -> h.returns.redeemStoreCredit(order.tenant(), code, vnd(1), "W-NEXT-1", CUSTOMER))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .containsExactly("CREDIT_EXPIRED"));
        assertThat(h.returns.expireStoreCredit(expire).state()).isEqualTo(StoreCreditLifecycle.EXPIRED);
        assertThatThrownBy(() -> h.returns.expireStoreCredit(expire)).isInstanceOf(OrderRejectedException.class);
    }
}
