package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.CUSTOMER;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.L2;
import static dev.omskit.testkit.returns.ReturnsHarness.SHIPS_ONLY;
import static dev.omskit.testkit.returns.ReturnsHarness.SOCKS;
import static dev.omskit.testkit.returns.ReturnsHarness.STORE;
import static dev.omskit.testkit.returns.ReturnsHarness.STRANGER;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.returns.ExchangeItem;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnPolicy;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.testkit.OrderFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("Requesting and deciding returns")
class ReturnRequestTest {
    final ReturnsHarness h = new ReturnsHarness();

    /** Runs {@code call}, expects an InvalidArgumentException with {@code code}, and that nothing changed. */
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
    void a_request_creates_a_requested_return_with_an_rma_number_and_an_event() {
        Order order = h.delivered();
        int outbox = h.storage.pendingOutboxSize();
        ReturnRequest rma = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .build());

        assertThat(rma.id()).isEqualTo(order.id() + "-r1");
        assertThat(rma.rmaNumber()).isEqualTo("RMA-" + (order.id() + "-R1").toUpperCase());
        assertThat(rma.state()).isEqualTo(ReturnLifecycle.REQUESTED);
        assertThat(rma.version()).isEqualTo(1);
        assertThat(rma.requestedUnits()).containsEntry(L1, 1);
        assertThat(h.returns.findByRmaNumber(order.tenant(), rma.rmaNumber())).contains(rma);
        assertThat(h.storage.pendingOutboxSize())
                .as("the return's event and its record on the order's trail")
                .isEqualTo(outbox + 2);
        Order after = h.reload(order);
        assertThat(after.lines()).as("a request moves no unit").isEqualTo(order.lines());
        assertThat(after.version()).isEqualTo(order.version() + 1);
    }

    @Test
    void the_window_counts_calendar_days_in_the_policy_zone_last_day_in_next_day_out() {
        Order order = h.delivered(); // delivered 2026-11-11 15:00 in Ho Chi Minh City
        h.clock.set(Instant.parse("2026-11-18T16:59:59Z")); // 23:59:59 on the 18th, the 7th day
        assertThat(h.returns
                        .requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.CHANGED_MIND))
                                .build())
                        .state())
                .isEqualTo(ReturnLifecycle.REQUESTED);

        h.clock.set(Instant.parse("2026-11-18T17:00:00Z")); // 00:00 on the 19th
        assertRefused(
                order,
                "RETURN_WINDOW_CLOSED",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.CHANGED_MIND))
                        .build()));
        assertThatThrownBy(() ->
                        h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.CHANGED_MIND))
                                .build()))
                .hasMessageContaining("2026-11-11")
                .hasMessageContaining("7 days")
                .hasMessageContaining("2026-11-18");
    }

    @Test
    void a_longer_window_of_a_channel_policy_applies_to_that_channel_only() {
        h.config(ReturnsConfig.builder()
                .channelPolicy(
                        OrderFixtures.TENANT,
                        OrderFixtures.WEB.id(),
                        ReturnPolicy.builder().windowDays(30).build())
                .build());
        Order order = h.delivered();
        h.clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.CHANGED_MIND))
                        .build()))
                .isNotNull();
        assertThat(h.returns.policy(order).windowDays()).isEqualTo(30);
    }

    @Test
    void partial_returns_across_two_rmas_never_exceed_what_was_delivered() {
        Order order = h.delivered();
        h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 2, ReturnReason.WRONG_SIZE))
                .build());
        assertRefused(
                order,
                "EXCEEDS_DELIVERED",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 2, ReturnReason.WRONG_SIZE))
                        .build()));
        ReturnRequest second = h.returns.requestReturn(
                h.request(order, STORE, item(L1, 1, ReturnReason.WRONG_SIZE)).build());
        assertThat(second.id()).isEqualTo(order.id() + "-r2");
        assertRefused(
                order,
                "EXCEEDS_DELIVERED",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                        .build()));
    }

    @Test
    void units_of_a_cancelled_or_rejected_return_can_be_asked_back_again() {
        Order order = h.delivered();
        ReturnRequest first = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 3, ReturnReason.WRONG_SIZE))
                .build());
        h.returns.cancelReturn(h.action(order, first.id(), CUSTOMER, "found one that fits"));
        ReturnRequest second = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 3, ReturnReason.WRONG_SIZE))
                .build());
        h.returns.rejectReturn(h.action(order, second.id(), AGENT, "no proof of purchase"));
        assertThat(h.returns
                        .requestReturn(h.request(order, WAREHOUSE, item(L1, 3, ReturnReason.WRONG_SIZE))
                                .build())
                        .state())
                .isEqualTo(ReturnLifecycle.REQUESTED);
        assertThat(h.returns
                        .findReturn(order.tenant(), second.id())
                        .orElseThrow()
                        .closingReason())
                .contains("no proof of purchase");
    }

    @Test
    void a_line_listed_twice_counts_both_times() {
        Order order = h.delivered();
        assertRefused(
                order,
                "EXCEEDS_DELIVERED",
                () -> h.returns.requestReturn(h.request(
                                order,
                                WAREHOUSE,
                                item(L1, 2, ReturnReason.WRONG_SIZE),
                                item(L1, 2, ReturnReason.DEFECTIVE))
                        .build()));
    }

    @Test
    void units_not_yet_delivered_cannot_be_returned() {
        Order order = h.standardOrder();
        assertRefused(
                order,
                "EXCEEDS_DELIVERED",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                        .build()));
    }

    @Test
    void bought_online_returned_in_a_store_and_never_at_a_location_that_does_not_accept_returns() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(
                h.request(order, STORE, item(L2, 1, ReturnReason.CHANGED_MIND)).build());
        assertThat(rma.location()).isEqualTo(STORE);
        assertRefused(
                order,
                "LOCATION_NOT_ACCEPTING_RETURNS",
                () -> h.returns.requestReturn(h.request(order, SHIPS_ONLY, item(L2, 1, ReturnReason.CHANGED_MIND))
                        .build()));
        assertRefused(
                order,
                "LOCATION_NOT_ACCEPTING_RETURNS",
                () -> h.returns.requestReturn(h.request(
                                order,
                                dev.omskit.core.model.LocationId.of("NOWHERE"),
                                item(L2, 1, ReturnReason.CHANGED_MIND))
                        .build()));
    }

    @Test
    void unknown_lines_bad_units_and_non_returnable_skus_are_refused() {
        h.config(ReturnsConfig.builder()
                .defaultPolicy(ReturnPolicy.builder()
                        .addNonReturnableCategories("underwear")
                        .addNonReturnableSkus(ReturnsHarness.MUG)
                        .build())
                .build());
        Order order = h.deliver(h.capture(b -> b.lines(List.of(
                ReturnsHarness.line("L1", ReturnsHarness.SHIRT, 1, 100_000, 0, 10),
                ReturnsHarness.line("L2", ReturnsHarness.MUG, 1, 50_000, 0, 10),
                ReturnsHarness.line("L3", SOCKS, 1, 20_000, 0, 10)))));
        assertRefused(
                order,
                "UNKNOWN_LINE",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(LineId.of("L9"), 1, ReturnReason.OTHER))
                        .build()));
        assertRefused(
                order,
                "NOT_POSITIVE",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 0, ReturnReason.OTHER))
                        .build()));
        assertRefused(
                order,
                "NOT_RETURNABLE",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L2, 1, ReturnReason.OTHER))
                        .build()));
        assertRefused(
                order,
                "NOT_RETURNABLE",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(LineId.of("L3"), 1, ReturnReason.OTHER))
                        .build()));
        assertRefused(
                order,
                "EMPTY",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE).build()));
        assertRefused(
                order,
                "MISSING",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                        .resolution(ReturnResolution.EXCHANGE)
                        .build()));
        assertRefused(
                order,
                "NOT_ALLOWED",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                        .addExchangeItems(new ExchangeItem(
                                ReturnsHarness.SHIRT_L,
                                1,
                                OrderFixtures.vnd(100_000),
                                dev.omskit.core.model.VatRate.percent(10)))
                        .build()));
    }

    @Test
    void a_policy_that_requires_the_returnable_flag_refuses_products_without_it() {
        h.config(ReturnsConfig.builder()
                .defaultPolicy(
                        ReturnPolicy.builder().requireReturnableFlag(true).build())
                .build());
        Order order = h.delivered();
        assertRefused(
                order,
                "NOT_RETURNABLE",
                () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.OTHER))
                        .build()));
    }

    @Test
    void an_auto_approving_policy_creates_the_return_approved_in_one_commit() {
        h.config(ReturnsConfig.builder()
                .defaultPolicy(ReturnPolicy.builder().autoApprove(true).build())
                .build());
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .build());
        assertThat(rma.state()).isEqualTo(ReturnLifecycle.APPROVED);
        assertThat(rma.version()).isEqualTo(2);
        assertThat(h.storage.documents().trail(order.tenant(), ReturnRequest.KIND, rma.id()))
                .extracting(e -> e.trigger().name())
                .containsExactly("CREATE", "APPROVE");
    }

    @Test
    void a_preview_decides_the_same_and_stores_nothing() {
        Order order = h.delivered();
        List<OrderDocument> docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        var preview = h.returns.previewRequestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .build());
        assertThat(preview.result().state()).isEqualTo(ReturnLifecycle.REQUESTED);
        assertThat(preview.documents()).hasSize(1);
        assertThat(preview.paymentDifference().isZero()).isTrue();
        h.assertUnchanged(order, docs, outbox);
    }

    @Test
    void a_customer_acting_on_someone_elses_order_is_denied_and_nothing_is_stored() {
        Order order = h.delivered();
        List<OrderDocument> docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        assertThatThrownBy(
                        () -> h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                                .actor(STRANGER)
                                .build()))
                .isInstanceOf(AccessDeniedException.class);
        h.assertUnchanged(order, docs, outbox);
    }

    @Test
    void the_buyer_may_request_and_cancel_but_not_approve_or_receive() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .build());
        assertThatThrownBy(() -> h.returns.approveReturn(h.action(order, rma.id(), CUSTOMER, null)))
                .isInstanceOf(AccessDeniedException.class);
        h.returns.approveReturn(h.action(order, rma.id()));
        assertThatThrownBy(() -> h.returns.receiveReturn(ReceiveReturn.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .actor(CUSTOMER)
                        .returnId(rma.id())
                        .build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(h.returns
                        .cancelReturn(h.action(order, rma.id(), CUSTOMER, null))
                        .state())
                .isEqualTo(ReturnLifecycle.CANCELLED);
    }

    @Test
    void a_rejection_needs_a_reason_and_a_refused_move_is_an_illegal_transition() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                .build());
        assertRefused(order, "MISSING", () -> h.returns.rejectReturn(h.action(order, rma.id())));
        assertThatThrownBy(() -> h.returns.receiveReturn(ReceiveReturn.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .actor(AGENT)
                        .returnId(rma.id())
                        .build()))
                .isInstanceOf(OrderRejectedException.class)
                .satisfies(
                        e -> assertThat(((OrderRejectedException) e).rejection().code())
                                .isEqualTo(Rejection.ILLEGAL_TRANSITION))
                .hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> h.returns.closeReturn(h.action(order, rma.id())))
                .isInstanceOf(OrderRejectedException.class);
    }

    @Test
    void receiving_fewer_units_than_requested_is_recorded_and_moves_only_those_to_returned() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(
                h.request(order, STORE, item(L1, 3, ReturnReason.WRONG_SIZE)).build());
        h.returns.approveReturn(h.action(order, rma.id()));
        ReturnRequest received = h.returns.receiveReturn(ReceiveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .putUnits(L1, 2)
                .build());
        assertThat(received.state()).isEqualTo(ReturnLifecycle.RECEIVED);
        assertThat(received.line(L1).orElseThrow().received()).isEqualTo(2);
        Order after = h.reload(order);
        assertThat(after.line(L1).orElseThrow().quantity(OrderStages.RETURNED)).isEqualTo(2);
        assertThat(after.line(L1).orElseThrow().quantity(OrderStages.DELIVERED)).isEqualTo(1);
        // the unit that did not come back may be asked back again
        assertThat(h.returns.requestReturn(h.request(order, STORE, item(L1, 1, ReturnReason.WRONG_SIZE))
                        .build()))
                .isNotNull();
    }

    @Test
    void receiving_more_than_requested_or_other_lines_is_refused() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(
                h.request(order, STORE, item(L1, 1, ReturnReason.WRONG_SIZE)).build());
        h.returns.approveReturn(h.action(order, rma.id()));
        ReceiveReturn.Builder b = ReceiveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id());
        assertRefused(
                order,
                "EXCEEDS_REQUESTED",
                () -> h.returns.receiveReturn(b.units(java.util.Map.of(L1, 2)).build()));
        assertRefused(
                order,
                "UNKNOWN_LINE",
                () -> h.returns.receiveReturn(b.units(java.util.Map.of(L2, 1)).build()));
        assertRefused(
                order,
                "NOT_POSITIVE",
                () -> h.returns.receiveReturn(b.units(java.util.Map.of(L1, 0)).build()));
    }

    @Test
    void units_asked_back_to_the_warehouse_may_be_received_in_a_store_but_not_where_returns_are_not_taken() {
        Order order = h.delivered();
        ReturnRequest rma = h.returns.requestReturn(h.request(order, WAREHOUSE, item(L2, 1, ReturnReason.CHANGED_MIND))
                .build());
        h.returns.approveReturn(h.action(order, rma.id()));
        ReceiveReturn.Builder b = ReceiveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id());
        assertRefused(
                order,
                "LOCATION_NOT_ACCEPTING_RETURNS",
                () -> h.returns.receiveReturn(b.location(SHIPS_ONLY).build()));
        ReturnRequest received = h.returns.receiveReturn(b.location(STORE).build());
        assertThat(received.location()).isEqualTo(STORE);
        assertThat(h.storage
                        .documents()
                        .trail(order.tenant(), ReturnRequest.KIND, rma.id())
                        .get(2)
                        .summary())
                .contains("ST-Q1");
    }
}
