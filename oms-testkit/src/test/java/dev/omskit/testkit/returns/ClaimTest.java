package dev.omskit.testkit.returns;

import static dev.omskit.testkit.OrderFixtures.vnd;
import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.CUSTOMER;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.L2;
import static dev.omskit.testkit.returns.ReturnsHarness.SHIRT;
import static dev.omskit.testkit.returns.ReturnsHarness.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.ClaimLifecycle;
import dev.omskit.core.returns.ClaimLine;
import dev.omskit.core.returns.ClaimResolution;
import dev.omskit.core.returns.ClaimType;
import dev.omskit.core.returns.OpenClaim;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.ResolveClaim;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("Claims after delivery")
class ClaimTest {
    final ReturnsHarness h = new ReturnsHarness();

    OpenClaim.Builder claim(Order order, ClaimLine... lines) {
        return OpenClaim.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(CUSTOMER)
                .addLines(lines)
                .description("the parcel had one mug only")
                .addEvidence("photo:unboxing-1.jpg");
    }

    ResolveClaim resolve(Order order, Claim claim, ClaimResolution resolution) {
        return ResolveClaim.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .claimId(claim.id())
                .resolution(resolution)
                .build();
    }

    void assertRefused(Order order, String code, Executable call) {
        Order before = h.reload(order);
        List<OrderDocument> docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        assertThatThrownBy(call::execute)
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .contains(code));
        h.assertUnchanged(before, docs, outbox);
    }

    @Test
    void a_missing_item_claim_is_approved_and_resolved_by_a_refund_without_fee_or_shipping_then_closed() {
        Order order = h.delivered();
        Claim claim = h.returns.openClaim(
                claim(order, new ClaimLine(L2, 1, ClaimType.MISSING_ITEM)).build());
        assertThat(claim.state()).isEqualTo(ClaimLifecycle.OPEN);
        assertThat(claim.evidence()).containsExactly("photo:unboxing-1.jpg");
        h.returns.approveClaim(h.action(order, claim.id()));
        var preview = h.returns.previewResolveClaim(resolve(order, claim, ClaimResolution.REFUND));
        assertThat(preview.paymentDifference().amount()).isEqualTo(vnd(-54_000));
        Claim resolved = h.returns.resolveClaim(resolve(order, claim, ClaimResolution.REFUND));
        assertThat(resolved.state()).isEqualTo(ClaimLifecycle.RESOLVED);
        Refund refund = h.returns
                .findRefund(order.tenant(), resolved.refundId().orElseThrow())
                .orElseThrow();
        assertThat(refund.amount()).isEqualTo(vnd(54_000));
        assertThat(refund.claimId()).contains(claim.id());
        assertThat(h.returns.closeClaim(h.action(order, claim.id())).state()).isEqualTo(ClaimLifecycle.CLOSED);
        assertThat(h.storage.documents().trail(order.tenant(), Claim.KIND, claim.id()))
                .extracting(e -> e.trigger().name())
                .containsExactly("CREATE", "APPROVE", "RESOLVE", "CLOSE");
    }

    @Test
    void a_damaged_item_claim_resolved_by_replacement_captures_a_free_replacement_order_once() {
        Order order = h.delivered();
        Claim claim = h.returns.openClaim(
                claim(order, new ClaimLine(L1, 2, ClaimType.DAMAGED_ITEM)).build());
        h.returns.approveClaim(h.action(order, claim.id()));
        Claim resolved = h.returns.resolveClaim(resolve(order, claim, ClaimResolution.REPLACEMENT));
        Order replacement =
                h.oms.get(order.tenant(), resolved.replacementOrderId().orElseThrow());
        assertThat(replacement.channelOrderId()).isEqualTo(order.channelOrderId() + "-C-" + claim.id());
        assertThat(replacement.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo(SHIRT);
            assertThat(l.ordered()).isEqualTo(2);
        });
        assertThat(replacement.totals().total()).isEqualTo(vnd(0));
        assertThat(replacement.paymentStatus()).isEqualTo(PaymentStates.PAID);
        int orders = h.storage.orderCount(order.tenant());
        assertThat(h.returns.resolveClaim(resolve(order, claim, ClaimResolution.REPLACEMENT)))
                .isEqualTo(resolved);
        assertThat(h.storage.orderCount(order.tenant())).isEqualTo(orders);
        assertThat(h.returns.refundsOf(order.tenant(), order.id())).isEmpty();
    }

    @Test
    void claimed_units_never_exceed_delivered_units_and_a_claim_needs_a_description() {
        Order order = h.delivered();
        assertRefused(
                order,
                "EXCEEDS_DELIVERED",
                () -> h.returns.openClaim(claim(order, new ClaimLine(L2, 3, ClaimType.MISSING_ITEM))
                        .build()));
        h.returns.openClaim(
                claim(order, new ClaimLine(L2, 2, ClaimType.MISSING_ITEM)).build());
        assertRefused(
                order,
                "EXCEEDS_DELIVERED",
                () -> h.returns.openClaim(
                        claim(order, new ClaimLine(L2, 1, ClaimType.WRONG_ITEM)).build()));
        assertRefused(
                order,
                "MISSING",
                () -> h.returns.openClaim(claim(order, new ClaimLine(L1, 1, ClaimType.WRONG_ITEM))
                        .description(" ")
                        .build()));
        assertRefused(
                order,
                "UNKNOWN_LINE",
                () -> h.returns.openClaim(
                        claim(order, new ClaimLine(dev.omskit.core.model.LineId.of("L7"), 1, ClaimType.WRONG_ITEM))
                                .build()));
        Order undelivered = h.standardOrder();
        assertRefused(
                undelivered,
                "EXCEEDS_DELIVERED",
                () -> h.returns.openClaim(claim(undelivered, new ClaimLine(L1, 1, ClaimType.MISSING_ITEM))
                        .build()));
    }

    @Test
    void a_rejected_claim_keeps_its_reason_and_frees_its_units() {
        Order order = h.delivered();
        Claim claim = h.returns.openClaim(
                claim(order, new ClaimLine(L2, 2, ClaimType.MISSING_ITEM)).build());
        assertRefused(order, "MISSING", () -> h.returns.rejectClaim(h.action(order, claim.id())));
        Claim rejected =
                h.returns.rejectClaim(h.action(order, claim.id(), AGENT, "the carrier's photo shows two mugs"));
        assertThat(rejected.state()).isEqualTo(ClaimLifecycle.REJECTED);
        assertThat(rejected.rejectionReason()).contains("the carrier's photo shows two mugs");
        assertThatThrownBy(() -> h.returns.approveClaim(h.action(order, claim.id())))
                .isInstanceOf(OrderRejectedException.class);
        assertThat(h.returns
                        .openClaim(claim(order, new ClaimLine(L2, 2, ClaimType.DAMAGED_ITEM))
                                .build())
                        .id())
                .isEqualTo(order.id() + "-c2");
    }

    @Test
    void only_staff_decide_on_claims_and_nobody_claims_on_someone_elses_order() {
        Order order = h.delivered();
        Claim claim = h.returns.openClaim(
                claim(order, new ClaimLine(L2, 1, ClaimType.MISSING_ITEM)).build());
        assertThatThrownBy(() -> h.returns.approveClaim(h.action(order, claim.id(), CUSTOMER, null)))
                .isInstanceOf(AccessDeniedException.class);
        Order before = h.reload(order);
        List<OrderDocument> docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        assertThatThrownBy(() -> h.returns.openClaim(claim(order, new ClaimLine(L2, 1, ClaimType.MISSING_ITEM))
                        .actor(STRANGER)
                        .build()))
                .isInstanceOf(AccessDeniedException.class);
        h.assertUnchanged(before, docs, outbox);
        assertThatThrownBy(() -> h.returns.resolveClaim(resolve(order, claim, ClaimResolution.REFUND)))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("OPEN");
    }
}
