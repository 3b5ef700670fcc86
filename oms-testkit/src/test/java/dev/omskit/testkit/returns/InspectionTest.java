package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.L2;
import static dev.omskit.testkit.returns.ReturnsHarness.MUG;
import static dev.omskit.testkit.returns.ReturnsHarness.SHIRT;
import static dev.omskit.testkit.returns.ReturnsHarness.STORE;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Receiving and inspecting returns")
class InspectionTest {
    final ReturnsHarness h = new ReturnsHarness();

    ReturnRequest receivedAtStore(Order order) {
        ReturnRequest rma = h.returns.requestReturn(
                h.request(order, STORE, item(L1, 3, ReturnReason.DEFECTIVE), item(L2, 2, ReturnReason.CHANGED_MIND))
                        .build());
        h.returns.approveReturn(h.action(order, rma.id()));
        return h.returns.receiveReturn(ReceiveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build());
    }

    InspectReturn inspection(Order order, ReturnRequest rma) {
        return InspectReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .addLines(InspectionLine.of(L1, 1, 2, "screen cracked"))
                .addLines(InspectionLine.good(L2, 2))
                .build();
    }

    @Test
    void receiving_moves_the_units_delivered_to_returned_in_the_same_commit() {
        Order order = h.delivered();
        ReturnRequest rma = receivedAtStore(order);
        Order after = h.reload(order);
        assertThat(after.quantity(OrderStages.RETURNED)).isEqualTo(5);
        assertThat(after.quantity(OrderStages.DELIVERED)).isZero();
        assertThat(h.storage
                        .documents()
                        .trail(order.tenant(), ReturnRequest.KIND, rma.id())
                        .get(2)
                        .to())
                .isEqualTo(ReturnLifecycle.RECEIVED);
    }

    @Test
    void inspection_restocks_good_units_and_quarantines_damaged_ones_at_the_receiving_store() {
        Order order = h.delivered();
        ReturnRequest rma = receivedAtStore(order);
        StockLevel shirtsBefore = h.level(SHIRT, STORE);
        ReturnRequest inspected = h.returns.inspectReturn(inspection(order, rma));

        assertThat(inspected.state()).isEqualTo(ReturnLifecycle.INSPECTED);
        assertThat(inspected.restockLocation()).contains(STORE);
        assertThat(inspected.line(L1).orElseThrow().quarantined()).isEqualTo(2);
        assertThat(inspected.line(L1).orElseThrow().damageReason()).contains("screen cracked");
        StockLevel shirts = h.level(SHIRT, STORE);
        assertThat(shirts.onHand()).isEqualTo(shirtsBefore.onHand() + 1);
        assertThat(shirts.quarantined()).isEqualTo(shirtsBefore.quarantined() + 2);
        assertThat(h.level(MUG, STORE).onHand()).isEqualTo(2);
        assertThat(h.level(MUG, STORE).quarantined()).isZero();
    }

    @Test
    void a_repeated_inspection_restocks_once() {
        Order order = h.delivered();
        ReturnRequest rma = receivedAtStore(order);
        ReturnRequest first = h.returns.inspectReturn(inspection(order, rma));
        ReturnRequest again = h.returns.inspectReturn(inspection(order, rma));
        assertThat(again).isEqualTo(first);
        assertThat(h.level(SHIRT, STORE).onHand()).isEqualTo(1);
        assertThat(h.level(SHIRT, STORE).quarantined()).isEqualTo(2);
        assertThat(h.level(MUG, STORE).onHand()).isEqualTo(2);
    }

    @Test
    void a_retry_after_the_stock_moved_but_before_the_commit_counts_the_stock_once() {
        Order order = h.delivered();
        ReturnRequest rma = receivedAtStore(order);
        // the stock movement of a first attempt that crashed before committing the return
        h.inventory.receive(dev.omskit.core.inventory.ReceiveGoods.builder()
                .tenant(order.tenant())
                .location(STORE)
                .addLines(dev.omskit.core.inventory.ReceiptLine.inspected(SHIRT, 1, 2, "screen cracked"))
                .addLines(dev.omskit.core.inventory.ReceiptLine.good(MUG, 2))
                .cause("return:" + rma.rmaNumber())
                .idempotencyKey(dev.omskit.core.model.IdempotencyKey.of("rma-" + rma.id() + "-inspect"))
                .actor(AGENT)
                .build());
        assertThat(h.level(SHIRT, STORE).onHand()).isEqualTo(1);
        ReturnRequest inspected = h.returns.inspectReturn(inspection(order, rma));
        assertThat(inspected.state()).isEqualTo(ReturnLifecycle.INSPECTED);
        assertThat(h.level(SHIRT, STORE).onHand()).isEqualTo(1);
        assertThat(h.level(SHIRT, STORE).quarantined()).isEqualTo(2);
    }

    @Test
    void good_units_can_be_restocked_at_another_location() {
        Order order = h.delivered();
        ReturnRequest rma = receivedAtStore(order);
        int before = h.level(MUG, WAREHOUSE).onHand();
        h.returns.inspectReturn(InspectReturn.builder()
                .from(inspection(order, rma))
                .restockLocation(WAREHOUSE)
                .build());
        assertThat(h.level(MUG, WAREHOUSE).onHand()).isEqualTo(before + 2);
        assertThat(h.level(MUG, STORE).onHand()).isZero();
    }

    @Test
    void an_inspection_must_account_for_every_received_unit_and_name_damage() {
        Order order = h.delivered();
        ReturnRequest rma = receivedAtStore(order);
        var docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        Order before = h.reload(order);
        InspectReturn.Builder b = InspectReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id());
        assertThatThrownBy(() -> h.returns.inspectReturn(
                        b.addLines(InspectionLine.good(L1, 2)).build()))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .contains("INSPECTION_MISMATCH"));
        assertThatThrownBy(() -> h.returns.inspectReturn(InspectReturn.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .actor(AGENT)
                        .returnId(rma.id())
                        .addLines(new InspectionLine(L1, 1, 2, java.util.Optional.empty()), InspectionLine.good(L2, 2))
                        .build()))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .containsExactly("MISSING"));
        assertThatThrownBy(() -> h.returns.inspectReturn(InspectReturn.builder()
                        .from(inspection(order, rma))
                        .restockLocation(LocationId.of("NOWHERE"))
                        .build()))
                .isInstanceOf(InvalidArgumentException.class);
        h.assertUnchanged(before, docs, outbox);
        assertThat(h.level(SHIRT, STORE).onHand()).isZero();
    }
}
