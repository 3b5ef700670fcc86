package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.L2;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.IdempotencyConflictException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.order.Order;
import dev.omskit.core.returns.ClaimLine;
import dev.omskit.core.returns.ClaimType;
import dev.omskit.core.returns.OpenClaim;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.RequestReturn;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnItem;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Idempotent replay, events and personal data of returns")
class ReturnsIdempotencyTest {
    final ReturnsHarness h = new ReturnsHarness();

    @Test
    void a_request_repeated_with_its_idempotency_key_returns_the_first_return_and_stores_nothing_more() {
        Order order = h.delivered();
        RequestReturn command = h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .idempotencyKey(IdempotencyKey.of("app-return-1"))
                .build();
        ReturnRequest first = h.returns.requestReturn(command);
        int outbox = h.storage.pendingOutboxSize();
        assertThat(h.returns.requestReturn(command)).isEqualTo(first);
        assertThat(h.returns.returnsOf(order.tenant(), order.id())).hasSize(1);
        assertThat(h.storage.pendingOutboxSize()).isEqualTo(outbox);
        assertThatThrownBy(
                        () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 2, ReturnReason.WRONG_SIZE))
                                .idempotencyKey(IdempotencyKey.of("app-return-1"))
                                .build()))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void a_resolution_repeated_with_its_key_replays_the_return_with_its_refund() {
        Order order = h.delivered();
        ReturnRequest rma = h.inspected(order, item(L2, 1, ReturnReason.CHANGED_MIND));
        ResolveReturn command = ResolveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .idempotencyKey(IdempotencyKey.of("resolve-1"))
                .build();
        ReturnRequest resolved = h.returns.resolveReturn(command);
        assertThat(h.returns.resolveReturn(command)).isEqualTo(resolved);
        assertThat(h.returns.refundsOf(order.tenant(), order.id())).hasSize(1);
    }

    @Test
    void every_change_emits_a_document_event_into_the_outbox() {
        Order order = h.delivered();
        ReturnRequest rma = h.inspected(order, item(L2, 1, ReturnReason.CHANGED_MIND));
        h.returns.resolveReturn(ResolveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build());
        var trail = h.storage.documents().trail(order.tenant(), ReturnRequest.KIND, rma.id());
        assertThat(trail)
                .extracting(e -> e.trigger().name())
                .containsExactly("CREATE", "APPROVE", "RECEIVE", "INSPECT", "REFUND");
        assertThat(trail).extracting(DocumentEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        Refund refund = h.returns.refundsOf(order.tenant(), order.id()).get(0);
        assertThat(h.storage.documents().trail(order.tenant(), Refund.KIND, refund.id()))
                .hasSize(1);
    }

    @Test
    void buyer_notes_and_claim_descriptions_print_masked() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(h.request(
                        order,
                        WAREHOUSE,
                        new ReturnItem(L1, 1, ReturnReason.OTHER, Optional.of("call me on 0901234567")))
                .note("Nguyen Van An, 12 Nguyen Hue")
                .build());
        assertThat(rma.toString()).doesNotContain("0901234567").doesNotContain("Nguyen Van An");
        var claim = h.returns.openClaim(OpenClaim.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(ReturnsHarness.CUSTOMER)
                .addLines(new ClaimLine(L2, 1, ClaimType.MISSING_ITEM))
                .description("my neighbour Tran Thi B signed for it")
                .build());
        assertThat(claim.toString()).doesNotContain("Tran Thi B").contains("***");
    }
}
