package dev.omskit.core.internal;

import static dev.omskit.core.TestOrders.AGENT;
import static dev.omskit.core.TestOrders.LATER;
import static dev.omskit.core.TestOrders.NOW;
import static dev.omskit.core.TestOrders.ORDER_ID;
import static dev.omskit.core.TestOrders.TENANT;
import static dev.omskit.core.TestOrders.accepted;
import static dev.omskit.core.TestOrders.address;
import static dev.omskit.core.TestOrders.cancel;
import static dev.omskit.core.TestOrders.cancelAll;
import static dev.omskit.core.TestOrders.capture;
import static dev.omskit.core.TestOrders.captureOf;
import static dev.omskit.core.TestOrders.captureOfLines;
import static dev.omskit.core.TestOrders.edit;
import static dev.omskit.core.TestOrders.line;
import static dev.omskit.core.TestOrders.payment;
import static dev.omskit.core.TestOrders.placeHold;
import static dev.omskit.core.TestOrders.releaseHold;
import static dev.omskit.core.TestOrders.transition;
import static dev.omskit.core.TestOrders.vnd;
import static dev.omskit.core.order.OrderStages.ALLOCATED;
import static dev.omskit.core.order.OrderStages.BACKORDERED;
import static dev.omskit.core.order.OrderStages.CANCELLED;
import static dev.omskit.core.order.OrderStages.CREATED;
import static dev.omskit.core.order.OrderStages.RELEASED;
import static dev.omskit.core.order.OrderStages.SHIPPED;
import static dev.omskit.core.order.OrderTriggers.ALLOCATE;
import static dev.omskit.core.order.OrderTriggers.BACKORDER;
import static dev.omskit.core.order.OrderTriggers.CANCEL;
import static dev.omskit.core.order.OrderTriggers.DEALLOCATE;
import static dev.omskit.core.order.OrderTriggers.RELEASE;
import static dev.omskit.core.order.OrderTriggers.SHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.OmsConfig;
import dev.omskit.core.TestOrders;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.EventHeader;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.event.OrderEvent.Change;
import dev.omskit.core.event.OrderEvent.LineMove;
import dev.omskit.core.lifecycle.Action;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTotals;
import dev.omskit.core.order.OrderTransitionContext;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("OrderDecider")
class OrderDeciderTest {
    private final OrderDecider decider = TestOrders.decider();

    // ------------------------------------------------------------------------------------------ helpers

    private Order newOrder(CaptureOrder command) {
        return accepted(decider.capture(command, ORDER_ID, NOW));
    }

    /** A PREPAID order with {@code lines} lines of {@code quantity} units each, in CREATED. */
    private Order created(int lines, int quantity) {
        return newOrder(captureOfLines(lines, quantity));
    }

    private Order apply(Order order, Trigger trigger) {
        return accepted(decider.transition(order, transition(order, trigger), LATER));
    }

    private Order paid(Order order) {
        return accepted(decider.recordPayment(order, payment(order, PaymentStates.CAPTURE), LATER));
    }

    private static Map<String, Integer> units(String line, int n) {
        return Map.of(line, n);
    }

    private static Map<State, Integer> stages(Object... stageThenUnits) {
        Map<State, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < stageThenUnits.length; i += 2) {
            m.put((State) stageThenUnits[i], (Integer) stageThenUnits[i + 1]);
        }
        return m;
    }

    private static Map<State, Integer> quantitiesOf(Order order, String line) {
        return order.line(LineId.of(line)).orElseThrow().quantities().byStage();
    }

    /** The rejection of a refused decision, after checking it carries no order and no events. */
    private static Rejection rejection(Decision d) {
        assertThat(d.isRejected()).as("decision is rejected").isTrue();
        assertThat(d.next()).isEmpty();
        assertThat(d.events()).isEmpty();
        return d.rejection().orElseThrow();
    }

    private static List<Violation> violations(ThrowingCallable call) {
        InvalidArgumentException e = catchThrowableOfType(InvalidArgumentException.class, call);
        assertThat(e).as("an InvalidArgumentException is thrown").isNotNull();
        return e.violations();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // ------------------------------------------------------------------------------------------ capture

    @Nested
    @DisplayName("capturing an order")
    class Capture {
        @Test
        @DisplayName("builds lines L1..Ln in CREATED, derives status CREATED and sets version 1")
        void capture_validRequest_linesInCreatedVersionOne() {
            Decision d = decider.capture(
                    captureOf(line("SKU-A", 2, 100_000), line("SKU-B", 1, 50_000), line("SKU-C", 3, 10_000)),
                    ORDER_ID,
                    NOW);
            Order order = accepted(d);

            assertThat(order.lines())
                    .extracting(l -> l.id().value(), l -> l.sku().value(), OrderLine::ordered)
                    .containsExactly(tuple("L1", "SKU-A", 2), tuple("L2", "SKU-B", 1), tuple("L3", "SKU-C", 3));
            assertThat(order.lines())
                    .allSatisfy(l -> assertThat(l.quantities().byStage()).containsOnlyKeys(CREATED));
            assertThat(order.status()).isEqualTo(OrderStatus.of(CREATED));
            assertThat(order.version()).isEqualTo(1);
            assertThat(order.id()).isEqualTo(ORDER_ID);
            assertThat(order.tenant()).isEqualTo(TENANT);
            assertThat(order.createdAt()).isEqualTo(NOW);
            assertThat(order.updatedAt()).isEqualTo(NOW);
            assertThat(order.placedAt()).isEqualTo(NOW);
            assertThat(order.createdBy()).isEqualTo(AGENT);
            assertThat(order.paymentStatus()).isEqualTo(PaymentStates.PENDING);
            assertThat(order.holds()).isEmpty();
        }

        @Test
        @DisplayName("emits one OrderCaptured event with sequence 1 and event id <orderId>/1")
        void capture_validRequest_oneCapturedEvent() {
            Decision d = decider.capture(captureOfLines(1, 1), ORDER_ID, NOW);

            assertThat(d.events()).singleElement().isInstanceOf(OrderEvent.OrderCaptured.class);
            OrderEvent.OrderCaptured event =
                    (OrderEvent.OrderCaptured) d.events().get(0);
            EventHeader h = event.header();
            assertThat(h.sequence()).isEqualTo(1);
            assertThat(h.eventId()).isEqualTo("o-1001/1");
            assertThat(h.tenant()).isEqualTo(TENANT);
            assertThat(h.orderId()).isEqualTo(ORDER_ID);
            assertThat(h.occurredAt()).isEqualTo(NOW);
            assertThat(h.actor()).isEqualTo(AGENT);
            assertThat(h.fromStatus()).isEmpty();
            assertThat(h.toStatus()).isEqualTo(OrderStatus.of(CREATED));
            assertThat(event.order()).isEqualTo(d.next().orElseThrow());
        }

        @Test
        @DisplayName("keeps the channel's line ids and placement time, and starts COD orders in COD_PENDING")
        void capture_channelLineIdsAndCod_kept() {
            Order order = newOrder(capture()
                    .addLines(LineInput.builder()
                            .lineId("shopee-77")
                            .sku("SKU-A")
                            .quantity(1)
                            .unitPrice(vnd(1000))
                            .build())
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .placedAt(NOW.minusSeconds(60))
                    .build());

            assertThat(order.lines()).extracting(l -> l.id().value()).containsExactly("shopee-77");
            assertThat(order.placedAt()).isEqualTo(NOW.minusSeconds(60));
            assertThat(order.paymentStatus()).isEqualTo(PaymentStates.COD_PENDING);
        }
    }

    @Nested
    @DisplayName("totals (R-04)")
    class Totals {
        @Test
        @DisplayName("with prices excluding tax add VAT after the discount: 2 x 100000 at 10% less 20000")
        void totals_exclusiveTax_addsVatAfterDiscount() {
            Order order = newOrder(capture()
                    .addLines(line("SKU-A", 2, 100_000, 20_000, "0.1"))
                    .shippingFee(vnd(30_000))
                    .build());

            OrderTotals t = order.totals();
            assertThat(t.gross()).isEqualTo(vnd(200_000));
            assertThat(t.discount()).isEqualTo(vnd(20_000));
            assertThat(t.net()).isEqualTo(vnd(180_000));
            assertThat(t.tax()).isEqualTo(vnd(18_000));
            assertThat(t.shipping()).isEqualTo(vnd(30_000));
            assertThat(t.total()).isEqualTo(vnd(228_000));
            assertThat(t.cashOnDelivery()).isEqualTo(vnd(0));
        }

        @Test
        @DisplayName("with prices including tax extract VAT from the price")
        void totals_inclusiveTax_extractsVat() {
            Order order = newOrder(capture()
                    .taxMode(TaxMode.PRICES_INCLUDE_TAX)
                    .addLines(line("SKU-A", 1, 110_000, 0, "0.1"), line("SKU-B", 1, 99_000, 0, "0.08"))
                    .build());

            OrderTotals t = order.totals();
            // 110000 * 0.1 / 1.1 = 10000; 99000 * 0.08 / 1.08 = 7333.33 -> 7333
            assertThat(t.tax()).isEqualTo(vnd(17_333));
            assertThat(t.net()).isEqualTo(vnd(100_000 + 91_667));
            assertThat(t.total()).isEqualTo(vnd(209_000));
            assertThat(order.lines().get(1).amounts(TaxMode.PRICES_INCLUDE_TAX).tax())
                    .isEqualTo(vnd(7_333));
        }

        @Test
        @DisplayName("prorate the discount over the units left after a partial cancel")
        void totals_afterPartialCancel_prorateDiscount() {
            Order order = newOrder(captureOf(line("SKU-A", 3, 100_000, 10_000, "0.1")));

            Order after = accepted(decider.cancel(order, cancel(order, units("L1", 1)), LATER));

            OrderTotals t = after.totals();
            // discount 10000 * 2 / 3 = 6666.67 -> 6667 (half-even); net 193333; VAT 19333.3 -> 19333
            assertThat(t.gross()).isEqualTo(vnd(200_000));
            assertThat(t.discount()).isEqualTo(vnd(6_667));
            assertThat(t.net()).isEqualTo(vnd(193_333));
            assertThat(t.tax()).isEqualTo(vnd(19_333));
            assertThat(t.total()).isEqualTo(vnd(212_666));
        }

        @Test
        @DisplayName("make the cash-on-delivery amount the total for COD and zero for PREPAID")
        void totals_cashOnDelivery_perPaymentMethod() {
            Order cod = newOrder(capture()
                    .addLines(line("SKU-A", 2, 100_000, 20_000, "0.1"))
                    .shippingFee(vnd(15_000))
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .build());
            Order prepaid = newOrder(capture()
                    .addLines(line("SKU-A", 2, 100_000, 20_000, "0.1"))
                    .shippingFee(vnd(15_000))
                    .build());

            assertThat(cod.totals().total()).isEqualTo(vnd(213_000));
            assertThat(cod.totals().cashOnDelivery()).isEqualTo(cod.totals().total());
            assertThat(prepaid.totals().total()).isEqualTo(vnd(213_000));
            assertThat(prepaid.totals().cashOnDelivery()).isEqualTo(vnd(0));
        }

        @Test
        @DisplayName("accept a channel total that matches the derived total")
        void capture_expectedTotalMatches_isAccepted() {
            Order order = newOrder(capture()
                    .addLines(line("SKU-A", 2, 100_000, 20_000, "0.1"))
                    .expectedTotal(vnd(198_000))
                    .build());

            assertThat(order.totals().total()).isEqualTo(vnd(198_000));
        }
    }

    // --------------------------------------------------------------------------------------- validation

    @Nested
    @DisplayName("validating a capture")
    class Validation {
        @Test
        @DisplayName("lists every violation of one request at once, with field paths and codes")
        void capture_manyProblems_listsAllViolations() {
            CaptureOrder bad = capture()
                    .shippingAddress(Address.builder()
                            .from(address())
                            .line1("")
                            .countryCode("VNM")
                            .build())
                    .addLines(
                            LineInput.builder()
                                    .lineId("A")
                                    .sku("")
                                    .quantity(1)
                                    .unitPrice(vnd(1000))
                                    .build(),
                            LineInput.builder()
                                    .lineId("B")
                                    .sku("SKU-2")
                                    .quantity(0)
                                    .unitPrice(vnd(1000))
                                    .build(),
                            LineInput.builder()
                                    .lineId("C")
                                    .sku("SKU-3")
                                    .quantity(1)
                                    .unitPrice(eur("10.00"))
                                    .build(),
                            LineInput.builder()
                                    .lineId("A")
                                    .sku("SKU-4")
                                    .quantity(1)
                                    .unitPrice(vnd(1000))
                                    .build())
                    .build();

            InvalidArgumentException e =
                    catchThrowableOfType(InvalidArgumentException.class, () -> decider.capture(bad, ORDER_ID, NOW));

            assertThat(e.violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(
                            tuple("lines[0].sku", "INVALID_SKU"),
                            tuple("lines[1].quantity", "NOT_POSITIVE"),
                            tuple("lines[2].unitPrice", "CURRENCY_MISMATCH"),
                            tuple("shippingAddress.line1", "MISSING"),
                            tuple("shippingAddress.countryCode", "MALFORMED"),
                            tuple("lines[3].lineId", "DUPLICATE_LINE_ID"));
            assertThat(e).hasMessageStartingWith("6 problems: ");
            assertThat(e.violations())
                    .filteredOn(v -> v.code().equals("MALFORMED"))
                    .singleElement()
                    .extracting(Violation::message)
                    .asString()
                    .contains("'VNM'");
        }

        @Test
        @DisplayName("refuses more lines than maxLinesPerOrder with TOO_MANY_LINES")
        void capture_tooManyLines_isRefused() {
            OrderDecider small = new OrderDecider(
                    OrderLifecycle.defaults(),
                    OmsConfig.builder().maxLinesPerOrder(2).build());

            assertThat(violations(() -> small.capture(captureOfLines(3, 1), ORDER_ID, NOW)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("lines", "TOO_MANY_LINES"));
            assertThat(accepted(small.capture(captureOfLines(2, 1), ORDER_ID, NOW))
                            .lines())
                    .hasSize(2);
        }

        @Test
        @DisplayName("refuses a quantity above maxUnitsPerLine with TOO_LARGE")
        void capture_quantityAboveMax_isTooLarge() {
            OrderDecider small = new OrderDecider(
                    OrderLifecycle.defaults(),
                    OmsConfig.builder().maxUnitsPerLine(10).build());

            assertThat(violations(() -> small.capture(captureOf(line("SKU-A", 11, 1000)), ORDER_ID, NOW)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("lines[0].quantity", "TOO_LARGE"));
            assertThat(violations(() -> decider.capture(captureOf(line("SKU-A", 100_001, 1000)), ORDER_ID, NOW)))
                    .extracting(Violation::code)
                    .containsExactly("TOO_LARGE");
            assertThat(accepted(small.capture(captureOf(line("SKU-A", 10, 1000)), ORDER_ID, NOW))
                            .lines()
                            .get(0)
                            .ordered())
                    .isEqualTo(10);
        }

        @Test
        @DisplayName("refuses a discount above the line's price with DISCOUNT_EXCEEDS_PRICE")
        void capture_discountAbovePrice_isRefused() {
            assertThat(violations(() -> decider.capture(captureOf(line("SKU-A", 2, 1000, 2001, "0")), ORDER_ID, NOW)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("lines[0].discount", "DISCOUNT_EXCEEDS_PRICE"));
            assertThat(accepted(decider.capture(captureOf(line("SKU-A", 2, 1000, 2000, "0")), ORDER_ID, NOW))
                            .totals()
                            .total())
                    .isEqualTo(vnd(0));
        }

        @Test
        @DisplayName("refuses a channel total that differs from the derived one with TOTAL_MISMATCH")
        void capture_expectedTotalDiffers_isTotalMismatch() {
            CaptureOrder c = capture()
                    .addLines(line("SKU-A", 2, 100_000, 20_000, "0.1"))
                    .expectedTotal(vnd(198_001))
                    .build();

            InvalidArgumentException e =
                    catchThrowableOfType(InvalidArgumentException.class, () -> decider.capture(c, ORDER_ID, NOW));

            assertThat(e.violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("expectedTotal", "TOTAL_MISMATCH"));
            assertThat(e).hasMessageContaining("198001 VND").hasMessageContaining("198000 VND");
        }

        @Test
        @DisplayName("refuses a channel total in another currency with CURRENCY_MISMATCH")
        void capture_expectedTotalOtherCurrency_isCurrencyMismatch() {
            CaptureOrder c = capture()
                    .addLines(line("SKU-A", 1, 1000))
                    .expectedTotal(eur("1.00"))
                    .build();

            assertThat(violations(() -> decider.capture(c, ORDER_ID, NOW)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("expectedTotal", "CURRENCY_MISMATCH"));
        }

        @Test
        @DisplayName("refuses a COD order that claims to be PAID with INVALID_PAYMENT_STATUS")
        void capture_codPaid_isInvalidPaymentStatus() {
            CaptureOrder c = capture()
                    .addLines(line("SKU-A", 1, 1000))
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .paymentStatus(PaymentStates.PAID)
                    .build();

            List<Violation> v = violations(() -> decider.capture(c, ORDER_ID, NOW));

            assertThat(v)
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("paymentStatus", "INVALID_PAYMENT_STATUS"));
            assertThat(v.get(0).message()).contains("CASH_ON_DELIVERY").contains("[COD_PENDING]");
        }

        @Test
        @DisplayName("refuses an order without lines, a blank buyer name and a negative shipping fee")
        void capture_emptyLinesBlankBuyerNegativeFee_areRefused() {
            CaptureOrder c =
                    capture().buyer(Buyer.named(" ")).shippingFee(vnd(-1)).build();

            assertThat(violations(() -> decider.capture(c, ORDER_ID, NOW)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(
                            tuple("lines", "EMPTY"), tuple("buyer.name", "MISSING"), tuple("shippingFee", "NEGATIVE"));
        }

        @Test
        @DisplayName("a builder missing required attributes throws InvalidArgumentException naming them")
        void builder_missingRequiredAttribute_isInvalidArgument() {
            assertThatThrownBy(() -> CaptureOrder.builder().tenant(TENANT).build())
                    .isInstanceOf(InvalidArgumentException.class)
                    .isNotInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("actor")
                    .hasMessageContaining("channelOrderId")
                    .hasMessageContaining("shippingAddress");
            assertThatThrownBy(() -> LineInput.builder().sku("SKU-A").build())
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("quantity")
                    .hasMessageContaining("unitPrice");
            assertThatThrownBy(() -> capture().channelOrderId(null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("channelOrderId");
        }
    }

    // -------------------------------------------------------------------------------- from CREATED

    @Nested
    @DisplayName("from CREATED")
    class FromCreated {
        @Test
        @DisplayName("ALLOCATE with no lines named moves every unit and makes the order ALLOCATED")
        void allocate_allUnits_orderAllocated() {
            Order order = created(2, 2);

            Decision d = decider.transition(order, transition(order, ALLOCATE), LATER);
            Order next = accepted(d);

            assertThat(next.status()).isEqualTo(OrderStatus.of(ALLOCATED));
            assertThat(next.quantity(ALLOCATED)).isEqualTo(4);
            assertThat(next.quantity(CREATED)).isZero();
            assertThat(next.version()).isEqualTo(2);
            assertThat(next.updatedAt()).isEqualTo(LATER);
            assertThat(d.events()).singleElement().isInstanceOfSatisfying(OrderEvent.LinesTransitioned.class, e -> {
                assertThat(e.trigger()).isEqualTo(ALLOCATE);
                assertThat(e.moves())
                        .containsExactly(
                                new LineMove(LineId.of("L1"), CREATED, ALLOCATED, 2),
                                new LineMove(LineId.of("L2"), CREATED, ALLOCATED, 2));
            });
        }

        @Test
        @DisplayName("ALLOCATE of 1 unit of a line of 3 makes the order PARTIALLY_ALLOCATED")
        void allocate_oneOfThree_partiallyAllocated() {
            Order order = created(1, 3);

            Order next = accepted(decider.transition(order, transition(order, ALLOCATE, units("L1", 1)), LATER));

            assertThat(quantitiesOf(next, "L1")).isEqualTo(stages(CREATED, 2, ALLOCATED, 1));
            assertThat(next.status()).isEqualTo(OrderStatus.partially(ALLOCATED));
            assertThat(next.status()).hasToString("PARTIALLY_ALLOCATED");
        }

        @Test
        @DisplayName("BACKORDER then ALLOCATE moves units through BACKORDERED")
        void backorder_thenAllocate_movesThroughBackordered() {
            Order order = created(1, 2);

            Order backordered = apply(order, BACKORDER);
            Order allocated = apply(backordered, ALLOCATE);

            assertThat(backordered.status()).isEqualTo(OrderStatus.of(BACKORDERED));
            assertThat(allocated.status()).isEqualTo(OrderStatus.of(ALLOCATED));
            assertThat(allocated.version()).isEqualTo(3);
        }

        @Test
        @DisplayName("SHIP is ILLEGAL_TRANSITION naming the order, trigger, status and the source stage")
        void ship_fromCreated_isIllegalTransition() {
            Order order = created(1, 1);

            Rejection r = rejection(decider.transition(order, transition(order, SHIP), LATER));

            assertThat(r.code()).isEqualTo(Rejection.ILLEGAL_TRANSITION);
            assertThat(r.message())
                    .startsWith("Order 'o-1001' cannot apply SHIP in status CREATED ")
                    .contains("RELEASED");
        }

        @Test
        @DisplayName("asking for more units than can move is INSUFFICIENT_QUANTITY")
        void allocate_moreUnitsThanAvailable_isInsufficientQuantity() {
            Order order = created(1, 2);

            Rejection r = rejection(decider.transition(order, transition(order, ALLOCATE, units("L1", 3)), LATER));

            assertThat(r.code()).isEqualTo(Rejection.INSUFFICIENT_QUANTITY);
            assertThat(r.message()).contains("'L1'").contains("2 unit(s)").contains("3 requested");
        }

        @Test
        @DisplayName("an unknown line is an InvalidArgumentException UNKNOWN_LINE")
        void allocate_unknownLine_isUnknownLine() {
            Order order = created(1, 2);

            assertThat(violations(() -> decider.transition(order, transition(order, ALLOCATE, units("L9", 1)), LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("lines[L9]", "UNKNOWN_LINE"));
        }

        @Test
        @DisplayName("zero units of a line is an InvalidArgumentException NOT_POSITIVE")
        void allocate_zeroUnits_isNotPositive() {
            Order order = created(1, 2);

            assertThat(violations(() -> decider.transition(order, transition(order, ALLOCATE, units("L1", 0)), LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("lines[L1]", "NOT_POSITIVE"));
        }

        @Test
        @DisplayName("a trigger the lifecycle does not know is an InvalidArgumentException UNKNOWN_TRIGGER")
        void transition_unknownTrigger_isUnknownTrigger() {
            Order order = created(1, 2);

            List<Violation> v =
                    violations(() -> decider.transition(order, transition(order, Trigger.of("TELEPORT")), LATER));

            assertThat(v)
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("trigger", "UNKNOWN_TRIGGER"));
            assertThat(v.get(0).message()).contains("TELEPORT").contains("ALLOCATE");
        }
    }

    // ------------------------------------------------------------------------------ from ALLOCATED

    @Nested
    @DisplayName("from ALLOCATED")
    class FromAllocated {
        @Test
        @DisplayName("RELEASE is GUARD_REFUSED while a prepaid order's payment is PENDING")
        void release_paymentPending_isGuardRefused() {
            Order allocated = apply(created(1, 1), ALLOCATE);

            Rejection r = rejection(decider.transition(allocated, transition(allocated, RELEASE), LATER));

            assertThat(r.code()).isEqualTo(Rejection.GUARD_REFUSED);
            assertThat(r.message())
                    .contains("cannot apply RELEASE from ALLOCATED")
                    .contains("payment status PENDING");
        }

        @Test
        @DisplayName("RELEASE is allowed once the payment is captured (PAID)")
        void release_paid_isAllowed() {
            Order allocated = paid(apply(created(1, 1), ALLOCATE));

            Order released = apply(allocated, RELEASE);

            assertThat(released.status()).isEqualTo(OrderStatus.of(RELEASED));
        }

        @Test
        @DisplayName("RELEASE is allowed for a channel order captured as PAID and for cash on delivery")
        void release_capturedPaidOrCod_isAllowed() {
            Order paidAtCapture = newOrder(capture()
                    .addLines(line("SKU-A", 1, 1000))
                    .paymentStatus(PaymentStates.PAID)
                    .build());
            Order cod = newOrder(capture()
                    .addLines(line("SKU-A", 1, 1000))
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .build());

            assertThat(apply(apply(paidAtCapture, ALLOCATE), RELEASE).status()).isEqualTo(OrderStatus.of(RELEASED));
            assertThat(apply(apply(cod, ALLOCATE), RELEASE).status()).isEqualTo(OrderStatus.of(RELEASED));
        }

        @Test
        @DisplayName("DEALLOCATE gives the units back to CREATED")
        void deallocate_whenAllocated_returnsUnitsToCreated() {
            Order allocated = apply(created(1, 2), ALLOCATE);

            Order back = apply(allocated, DEALLOCATE);

            assertThat(back.status()).isEqualTo(OrderStatus.of(CREATED));
            assertThat(quantitiesOf(back, "L1")).isEqualTo(stages(CREATED, 2));
        }

        @Test
        @DisplayName("SHIP after RELEASE makes the order SHIPPED")
        void ship_afterRelease_isShipped() {
            Order released = apply(paid(apply(created(2, 1), ALLOCATE)), RELEASE);

            Order shipped = apply(released, SHIP);

            assertThat(shipped.status()).isEqualTo(OrderStatus.of(SHIPPED));
            assertThat(shipped.version()).isEqualTo(5);
        }
    }

    // ------------------------------------------------------------------------------------------- holds

    @Nested
    @DisplayName("holds")
    class Holds {
        @Test
        @DisplayName("a placed hold is active and recorded with type, reason, actor and time")
        void placeHold_notOnHold_isActive() {
            Order order = created(1, 1);

            Decision d = decider.placeHold(order, placeHold(order, HoldType.FRAUD), LATER);
            Order held = accepted(d);

            assertThat(held.isOnHold()).isTrue();
            assertThat(held.hold(HoldType.FRAUD)).hasValueSatisfying(h -> {
                assertThat(h.reason()).isEqualTo("suspected fraud");
                assertThat(h.placedBy()).isEqualTo(AGENT);
                assertThat(h.placedAt()).isEqualTo(LATER);
            });
            assertThat(held.status()).isEqualTo(order.status());
            assertThat(d.events()).singleElement().isInstanceOf(OrderEvent.HoldPlaced.class);
        }

        @Test
        @DisplayName("ALLOCATE is GUARD_REFUSED while on hold, naming the hold")
        void allocate_onHold_isGuardRefused() {
            Order order = created(1, 1);
            Order held = accepted(decider.placeHold(order, placeHold(order, HoldType.FRAUD), LATER));

            Rejection r = rejection(decider.transition(held, transition(held, ALLOCATE), LATER));

            assertThat(r.code()).isEqualTo(Rejection.GUARD_REFUSED);
            assertThat(r.message()).contains("on hold").contains("FRAUD (suspected fraud)");
        }

        @Test
        @DisplayName("ALLOCATE is allowed again after the hold is released")
        void allocate_afterHoldReleased_isAllowed() {
            Order order = created(1, 1);
            Order held = accepted(decider.placeHold(order, placeHold(order, HoldType.FRAUD), LATER));
            Order released = accepted(decider.releaseHold(held, releaseHold(held, HoldType.FRAUD), LATER));

            Order allocated = apply(released, ALLOCATE);

            assertThat(released.isOnHold()).isFalse();
            assertThat(allocated.status()).isEqualTo(OrderStatus.of(ALLOCATED));
            assertThat(allocated.version()).isEqualTo(4);
        }

        @Test
        @DisplayName("a second hold of the same type is ALREADY_ON_HOLD; another type is fine")
        void placeHold_sameTypeTwice_isAlreadyOnHold() {
            Order order = created(1, 1);
            Order held = accepted(decider.placeHold(order, placeHold(order, HoldType.FRAUD), LATER));

            Rejection r = rejection(decider.placeHold(held, placeHold(held, HoldType.FRAUD), LATER));
            Order twice = accepted(decider.placeHold(held, placeHold(held, HoldType.ADDRESS), LATER));

            assertThat(r.code()).isEqualTo(Rejection.ALREADY_ON_HOLD);
            assertThat(r.message()).contains("FRAUD");
            assertThat(twice.holds()).extracting(h -> h.type()).containsExactly(HoldType.FRAUD, HoldType.ADDRESS);
        }

        @Test
        @DisplayName("releasing a hold that is not active is NOT_ON_HOLD")
        void releaseHold_notHeld_isNotOnHold() {
            Order order = created(1, 1);
            Order held = accepted(decider.placeHold(order, placeHold(order, HoldType.PAYMENT), LATER));

            assertThat(rejection(decider.releaseHold(order, releaseHold(order, HoldType.FRAUD), LATER))
                            .code())
                    .isEqualTo(Rejection.NOT_ON_HOLD);
            assertThat(rejection(decider.releaseHold(held, releaseHold(held, HoldType.FRAUD), LATER))
                            .message())
                    .contains("PAYMENT");
        }

        @Test
        @DisplayName("a hold without a reason is an InvalidArgumentException")
        void placeHold_blankReason_isInvalid() {
            Order order = created(1, 1);
            PlaceHold blank = PlaceHold.builder()
                    .from(placeHold(order, HoldType.MANUAL))
                    .reason("  ")
                    .build();

            assertThat(violations(() -> decider.placeHold(order, blank, LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("reason", "MISSING"));
        }

        @Test
        @DisplayName("cancelling is still allowed while on hold")
        void cancel_onHold_isAllowed() {
            Order order = created(1, 1);
            Order held = accepted(decider.placeHold(order, placeHold(order, HoldType.FRAUD), LATER));

            assertThat(accepted(decider.cancel(held, cancelAll(held), LATER)).status())
                    .isEqualTo(OrderStatus.of(CANCELLED));
        }
    }

    // ------------------------------------------------------------------------------------------ cancel

    @Nested
    @DisplayName("cancelling")
    class Cancel {
        @Test
        @DisplayName("a full cancel from CREATED makes the order CANCELLED and records the reason")
        void cancel_fullFromCreated_isCancelled() {
            Order order = created(2, 2);

            Decision d = decider.cancel(order, cancelAll(order), LATER);
            Order cancelled = accepted(d);

            assertThat(cancelled.status()).isEqualTo(OrderStatus.of(CANCELLED));
            assertThat(cancelled.quantity(CANCELLED)).isEqualTo(4);
            assertThat(d.events()).singleElement().isInstanceOfSatisfying(OrderEvent.LinesTransitioned.class, e -> {
                assertThat(e.trigger()).isEqualTo(CANCEL);
                assertThat(e.reason()).contains("customer asked");
            });
        }

        @Test
        @DisplayName("a full cancel of a partially allocated order cancels every unit")
        void cancel_fullFromPartiallyAllocated_isCancelled() {
            Order order = created(1, 3);
            Order partial = accepted(decider.transition(order, transition(order, ALLOCATE, units("L1", 1)), LATER));

            Order cancelled = accepted(decider.cancel(partial, cancelAll(partial), LATER));

            assertThat(quantitiesOf(cancelled, "L1")).isEqualTo(stages(CANCELLED, 3));
        }

        @Test
        @DisplayName("cancelling 1 of 2 units leaves the line with 1 CANCELLED and the order CREATED")
        void cancel_oneOfTwo_statusStaysCreated() {
            Order order = created(1, 2);

            Order after = accepted(decider.cancel(order, cancel(order, units("L1", 1)), LATER));

            assertThat(quantitiesOf(after, "L1")).isEqualTo(stages(CREATED, 1, CANCELLED, 1));
            assertThat(after.status()).isEqualTo(OrderStatus.of(CREATED));
            assertThat(after.line(LineId.of("L1")).orElseThrow().charged()).isEqualTo(1);
        }

        @Test
        @DisplayName("a full cancel when some units are SHIPPED is NOT_CANCELLABLE naming the line and stage")
        void cancel_fullWhenSomeShipped_isNotCancellable() {
            Order order = created(2, 1);
            Order allocated = paid(apply(order, ALLOCATE));
            Order released =
                    accepted(decider.transition(allocated, transition(allocated, RELEASE, units("L1", 1)), LATER));
            Order shipped = apply(released, SHIP);

            Rejection r = rejection(decider.cancel(shipped, cancelAll(shipped), LATER));

            assertThat(shipped.status()).isEqualTo(OrderStatus.partially(SHIPPED));
            assertThat(r.code()).isEqualTo(Rejection.NOT_CANCELLABLE);
            assertThat(r.message())
                    .contains("Order 'o-1001' cannot be cancelled in status PARTIALLY_SHIPPED")
                    .contains("1 unit(s) of line 'L1' are SHIPPED");
        }

        @Test
        @DisplayName("a partial cancel of a released line is NOT_CANCELLABLE")
        void cancel_partialOfReleasedLine_isNotCancellable() {
            Order released = apply(paid(apply(created(1, 1), ALLOCATE)), RELEASE);

            Rejection r = rejection(decider.cancel(released, cancel(released, units("L1", 1)), LATER));

            assertThat(r.code()).isEqualTo(Rejection.NOT_CANCELLABLE);
            assertThat(r.message()).contains("'L1'").contains("0 unit(s)");
        }

        @Test
        @DisplayName("a cancel without a reason is an InvalidArgumentException")
        void cancel_blankReason_isInvalid() {
            Order order = created(1, 1);
            CancelOrder blank =
                    CancelOrder.builder().from(cancelAll(order)).reason("").build();

            assertThat(violations(() -> decider.cancel(order, blank, LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("reason", "MISSING"));
        }

        @Test
        @DisplayName("cancelling an order that is already cancelled is ILLEGAL_TRANSITION")
        void cancel_alreadyCancelled_isIllegal() {
            Order order = created(1, 1);
            Order cancelled = accepted(decider.cancel(order, cancelAll(order), LATER));

            assertThat(rejection(decider.cancel(cancelled, cancelAll(cancelled), LATER))
                            .code())
                    .isEqualTo(Rejection.ILLEGAL_TRANSITION);
        }
    }

    // -------------------------------------------------------------------------------------------- edit

    @Nested
    @DisplayName("editing")
    class Edit {
        @Test
        @DisplayName("replaces the shipping address")
        void edit_changeAddress_isApplied() {
            Order order = created(1, 1);
            Address moved =
                    Address.builder().from(address()).line1("99 Trang Tien").build();

            Decision d = decider.edit(order, edit(order).shippingAddress(moved).build(), LATER);
            Order edited = accepted(d);

            assertThat(edited.shippingAddress()).isEqualTo(moved);
            assertThat(edited.version()).isEqualTo(2);
            assertThat(d.events()).singleElement().isInstanceOfSatisfying(OrderEvent.OrderEdited.class, e -> assertThat(
                            e.changes())
                    .containsExactly(new Change.ShippingAddressChanged(moved)));
        }

        @Test
        @DisplayName("adds a line with the next free id L<n+1> and its units in CREATED")
        void edit_addLine_getsNextIdInCreated() {
            Order order = apply(created(2, 1), ALLOCATE);

            Order edited = accepted(decider.edit(
                    order, edit(order).addAddLines(line("SKU-NEW", 2, 5_000)).build(), LATER));

            assertThat(edited.lines()).extracting(l -> l.id().value()).containsExactly("L1", "L2", "L3");
            assertThat(quantitiesOf(edited, "L3")).isEqualTo(stages(CREATED, 2));
            assertThat(edited.status()).isEqualTo(OrderStatus.partially(ALLOCATED));
        }

        @Test
        @DisplayName("removes a line")
        void edit_removeLine_isRemoved() {
            Order order = created(2, 1);

            Decision d = decider.edit(
                    order, edit(order).addRemoveLines(LineId.of("L1")).build(), LATER);
            Order edited = accepted(d);

            assertThat(edited.lines()).extracting(l -> l.id().value()).containsExactly("L2");
            assertThat(d.events()).singleElement().isInstanceOfSatisfying(OrderEvent.OrderEdited.class, e -> assertThat(
                            e.changes())
                    .containsExactly(new Change.LineRemoved(
                            LineId.of("L1"), order.lines().get(0).sku(), 1)));
        }

        @Test
        @DisplayName("a larger quantity adds the new units to CREATED")
        void edit_quantityUp_addsToCreated() {
            Order order = apply(created(1, 2), ALLOCATE);

            Order edited = accepted(decider.edit(
                    order, edit(order).putChangeQuantities(LineId.of("L1"), 3L).build(), LATER));

            assertThat(quantitiesOf(edited, "L1")).isEqualTo(stages(ALLOCATED, 2, CREATED, 1));
            assertThat(edited.status()).isEqualTo(OrderStatus.partially(ALLOCATED));
        }

        @Test
        @DisplayName("a smaller quantity takes units from the least advanced stage first")
        void edit_quantityDown_takesLeastAdvancedFirst() {
            Order order = created(1, 3);
            Order partial = accepted(decider.transition(order, transition(order, ALLOCATE, units("L1", 2)), LATER));

            Order two = accepted(decider.edit(
                    partial,
                    edit(partial).putChangeQuantities(LineId.of("L1"), 2L).build(),
                    LATER));
            Order one = accepted(decider.edit(
                    partial,
                    edit(partial).putChangeQuantities(LineId.of("L1"), 1L).build(),
                    LATER));

            assertThat(quantitiesOf(partial, "L1")).isEqualTo(stages(CREATED, 1, ALLOCATED, 2));
            assertThat(quantitiesOf(two, "L1")).isEqualTo(stages(ALLOCATED, 2));
            assertThat(quantitiesOf(one, "L1")).isEqualTo(stages(ALLOCATED, 1));
            assertThat(one.status()).isEqualTo(OrderStatus.of(ALLOCATED));
        }

        @Test
        @DisplayName("after RELEASE is NOT_EDITABLE, naming the released units")
        void edit_afterRelease_isNotEditable() {
            Order released = apply(paid(apply(created(1, 1), ALLOCATE)), RELEASE);

            Rejection r = rejection(decider.edit(
                    released, edit(released).shippingAddress(address()).build(), LATER));

            assertThat(r.code()).isEqualTo(Rejection.NOT_EDITABLE);
            assertThat(r.message()).contains("1 unit(s) of line 'L1' are RELEASED");
        }

        @Test
        @DisplayName("removing every line is EMPTY")
        void edit_removeAllLines_isEmpty() {
            Order order = created(2, 1);

            assertThat(violations(() -> decider.edit(
                            order,
                            edit(order)
                                    .addRemoveLines(LineId.of("L1"), LineId.of("L2"))
                                    .build(),
                            LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("removeLines", "EMPTY"));
        }

        @Test
        @DisplayName("an edit that changes nothing is NOTHING_TO_CHANGE")
        void edit_nothing_isNothingToChange() {
            Order order = created(1, 2);

            assertThat(violations(() -> decider.edit(order, edit(order).build(), LATER)))
                    .extracting(Violation::code)
                    .containsExactly("NOTHING_TO_CHANGE");
            assertThat(violations(() -> decider.edit(
                            order,
                            edit(order).putChangeQuantities(LineId.of("L1"), 2L).build(),
                            LATER)))
                    .extracting(Violation::code)
                    .containsExactly("NOTHING_TO_CHANGE");
        }

        @Test
        @DisplayName("validates like a capture: a bad address lists every violation")
        void edit_badAddress_listsViolations() {
            Order order = created(1, 1);
            Address bad = Address.builder()
                    .recipient("")
                    .line1("1 Pho Hue")
                    .city("")
                    .countryCode("XX")
                    .phone("abc")
                    .build();

            assertThat(violations(() ->
                            decider.edit(order, edit(order).shippingAddress(bad).build(), LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(
                            tuple("shippingAddress.recipient", "MISSING"),
                            tuple("shippingAddress.city", "MISSING"),
                            tuple("shippingAddress.countryCode", "MALFORMED"),
                            tuple("shippingAddress.phone", "MALFORMED"));
        }

        @Test
        @DisplayName("validates added lines and changed quantities like a capture")
        void edit_badLinesAndQuantities_listsViolations() {
            Order order = created(1, 1);

            assertThat(violations(() -> decider.edit(
                            order,
                            edit(order)
                                    .addAddLines(LineInput.of("", 1, vnd(1000)))
                                    .putChangeQuantities(LineId.of("L1"), 0L)
                                    .putChangeQuantities(LineId.of("L7"), 1L)
                                    .build(),
                            LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(
                            tuple("addLines[0].sku", "INVALID_SKU"),
                            tuple("changeQuantities[L1]", "NOT_POSITIVE"),
                            tuple("changeQuantities[L7]", "UNKNOWN_LINE"));
        }

        @Test
        @DisplayName("removing and changing the same line is CONFLICTING_EDIT; removing an unknown line UNKNOWN_LINE")
        void edit_conflictingOrUnknown_isRefused() {
            Order order = created(2, 1);

            assertThat(violations(() -> decider.edit(
                            order,
                            edit(order)
                                    .addRemoveLines(LineId.of("L1"), LineId.of("L5"))
                                    .putChangeQuantities(LineId.of("L1"), 4L)
                                    .build(),
                            LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(
                            tuple("removeLines", "UNKNOWN_LINE"), tuple("changeQuantities[L1]", "CONFLICTING_EDIT"));
        }

        @Test
        @DisplayName("a fully cancelled order is NOT_EDITABLE (it must not come back to life)")
        void edit_whenFullyCancelled_isNotEditable() {
            Order order = created(1, 1);
            Order cancelled = accepted(decider.cancel(order, cancelAll(order), LATER));

            Decision d = decider.edit(
                    cancelled,
                    edit(cancelled).addAddLines(line("SKU-X", 1, 1000)).build(),
                    LATER);

            assertThat(cancelled.status()).isEqualTo(OrderStatus.of(CANCELLED));
            assertThat(rejection(d).code()).isEqualTo(Rejection.NOT_EDITABLE);
        }
    }

    // ----------------------------------------------------------------------------------------- payment

    @Nested
    @DisplayName("recording payments")
    class Payment {
        @Test
        @DisplayName("AUTHORIZE then CAPTURE moves PENDING to AUTHORIZED to PAID without changing the status")
        void capture_afterAuthorize_isPaid() {
            Order order = created(1, 1);

            Decision authorize = decider.recordPayment(
                    order,
                    RecordPayment.builder()
                            .from(payment(order, PaymentStates.AUTHORIZE))
                            .amount(vnd(100_000))
                            .reference("psp-1")
                            .build(),
                    LATER);
            Order authorized = accepted(authorize);
            Order captured =
                    accepted(decider.recordPayment(authorized, payment(authorized, PaymentStates.CAPTURE), LATER));

            assertThat(authorized.paymentStatus()).isEqualTo(PaymentStates.AUTHORIZED);
            assertThat(captured.paymentStatus()).isEqualTo(PaymentStates.PAID);
            assertThat(captured.status()).isEqualTo(OrderStatus.of(CREATED));
            assertThat(captured.version()).isEqualTo(3);
            assertThat(authorize.events())
                    .singleElement()
                    .isInstanceOfSatisfying(OrderEvent.PaymentRecorded.class, e -> {
                        assertThat(e.from()).isEqualTo(PaymentStates.PENDING);
                        assertThat(e.to()).isEqualTo(PaymentStates.AUTHORIZED);
                        assertThat(e.amount()).contains(vnd(100_000));
                        assertThat(e.reference()).contains("psp-1");
                    });
        }

        @Test
        @DisplayName("CAPTURE of a cash-on-delivery order is ILLEGAL_TRANSITION; COLLECT_COD is allowed")
        void capture_fromCodPending_isIllegal() {
            Order cod = newOrder(capture()
                    .addLines(line("SKU-A", 1, 1000))
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .build());

            Rejection r = rejection(decider.recordPayment(cod, payment(cod, PaymentStates.CAPTURE), LATER));

            assertThat(r.code()).isEqualTo(Rejection.ILLEGAL_TRANSITION);
            assertThat(r.message()).contains("CAPTURE").contains("COD_PENDING");
            assertThat(accepted(decider.recordPayment(cod, payment(cod, PaymentStates.COLLECT_COD), LATER))
                            .paymentStatus())
                    .isEqualTo(PaymentStates.COD_COLLECTED);
        }

        @Test
        @DisplayName("an amount in another currency is CURRENCY_MISMATCH; a zero amount NOT_POSITIVE")
        void recordPayment_wrongCurrencyOrZero_isInvalid() {
            Order order = created(1, 1);
            RecordPayment base = payment(order, PaymentStates.CAPTURE);

            assertThat(violations(() -> decider.recordPayment(
                            order,
                            RecordPayment.builder()
                                    .from(base)
                                    .amount(eur("5.00"))
                                    .build(),
                            LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("amount", "CURRENCY_MISMATCH"));
            assertThat(violations(() -> decider.recordPayment(
                            order,
                            RecordPayment.builder().from(base).amount(vnd(0)).build(),
                            LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("amount", "NOT_POSITIVE"));
        }

        @Test
        @DisplayName("a trigger the payment lifecycle does not know is UNKNOWN_TRIGGER")
        void recordPayment_unknownTrigger_isInvalid() {
            Order order = created(1, 1);

            assertThat(violations(() -> decider.recordPayment(order, payment(order, SHIP), LATER)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("trigger", "UNKNOWN_TRIGGER"));
        }
    }

    // ------------------------------------------------------------------------------------------ events

    @Nested
    @DisplayName("events")
    class Events {
        @Test
        @DisplayName("carry the status before and after and consecutive sequences over a series of commands")
        void events_headers_statusBeforeAfterAndConsecutive() {
            Order order = created(2, 1);
            List<OrderEvent> all = new ArrayList<>(
                    decider.capture(captureOfLines(2, 1), ORDER_ID, NOW).events());
            List<Decision> decisions = new ArrayList<>();
            Order current = order;
            decisions.add(decider.transition(current, transition(current, ALLOCATE, units("L1", 1)), LATER));
            current = accepted(decisions.get(decisions.size() - 1));
            decisions.add(decider.placeHold(current, placeHold(current, HoldType.MANUAL), LATER));
            current = accepted(decisions.get(decisions.size() - 1));
            decisions.add(decider.releaseHold(current, releaseHold(current, HoldType.MANUAL), LATER));
            current = accepted(decisions.get(decisions.size() - 1));
            decisions.add(decider.transition(current, transition(current, ALLOCATE), LATER));
            current = accepted(decisions.get(decisions.size() - 1));
            decisions.add(decider.cancel(current, cancel(current, units("L2", 1)), LATER));
            current = accepted(decisions.get(decisions.size() - 1));

            Order before = order;
            for (Decision d : decisions) {
                Order after = d.next().orElseThrow();
                assertThat(d.events()).hasSize(1);
                EventHeader h = d.events().get(0).header();
                assertThat(h.fromStatus()).contains(before.status());
                assertThat(h.toStatus()).isEqualTo(after.status());
                assertThat(h.sequence()).isEqualTo(before.version() + 1);
                assertThat(h.eventId()).isEqualTo("o-1001/" + h.sequence());
                all.addAll(d.events());
                before = after;
            }
            assertThat(all).extracting(e -> e.header().sequence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(all)
                    .extracting(e -> e.header().toStatus().toString())
                    .containsExactly(
                            "CREATED",
                            "PARTIALLY_ALLOCATED",
                            "PARTIALLY_ALLOCATED",
                            "PARTIALLY_ALLOCATED",
                            "ALLOCATED",
                            "ALLOCATED");
            assertThat(current.version()).isEqualTo(6);
            assertThat(decider.evolver().replay(all)).isEqualTo(current);
        }

        @Test
        @DisplayName("an action of a custom lifecycle records an ActionRecorded event in the same decision")
        void transition_actionRecords_actionRecordedEvent() {
            State fraudReview = State.of("FRAUD_REVIEW");
            Trigger approve = Trigger.of("APPROVE");
            Action<OrderTransitionContext> score =
                    Action.of("scoreFraud", ctx -> ctx.record("fraud-score", Map.of("score", "12")));
            OrderLifecycle lifecycle = OrderLifecycle.of(OrderLifecycle.defaultStages().toBuilder()
                    .stateBefore(fraudReview, CREATED)
                    .initial(fraudReview)
                    .transition(fraudReview, approve, CREATED, List.of(), List.of(score))
                    .transition(fraudReview, CANCEL, OrderStages.CANCELLED)
                    .build());
            OrderDecider custom = new OrderDecider(lifecycle, OmsConfig.defaults());
            Order order = accepted(custom.capture(captureOfLines(1, 2), ORDER_ID, NOW));

            Decision d = custom.transition(order, transition(order, approve), LATER);
            Order approved = accepted(d);

            assertThat(order.status()).isEqualTo(OrderStatus.of(fraudReview));
            assertThat(quantitiesOf(order, "L1")).isEqualTo(stages(fraudReview, 2));
            assertThat(approved.status()).isEqualTo(OrderStatus.of(CREATED));
            assertThat(d.events()).hasSize(2);
            assertThat(d.events().get(0)).isInstanceOf(OrderEvent.LinesTransitioned.class);
            assertThat(d.events().get(1)).isInstanceOfSatisfying(OrderEvent.ActionRecorded.class, e -> {
                assertThat(e.trigger()).isEqualTo(approve);
                assertThat(e.name()).isEqualTo("fraud-score");
                assertThat(e.attributes()).containsExactly(Map.entry("score", "12"));
                assertThat(e.header().sequence()).isEqualTo(3);
                assertThat(e.header().fromStatus()).contains(OrderStatus.of(CREATED));
            });
            assertThat(d.events().get(0).header().fromStatus()).contains(OrderStatus.of(fraudReview));
            assertThat(approved.version()).isEqualTo(3);
            assertThat(custom.evolver()
                            .replay(List.of(
                                    custom.capture(captureOfLines(1, 2), ORDER_ID, NOW)
                                            .events()
                                            .get(0),
                                    d.events().get(0),
                                    d.events().get(1))))
                    .isEqualTo(approved);
        }

        @Test
        @DisplayName("the decider leaves the order it was given unchanged")
        void decide_anyCommand_leavesTheInputOrderUnchanged() {
            Order order = created(1, 2);
            Order copy = Order.builder().from(order).build();

            accepted(decider.transition(order, transition(order, ALLOCATE), LATER));
            accepted(decider.edit(
                    order, edit(order).putChangeQuantities(LineId.of("L1"), 5L).build(), LATER));

            assertThat(order).isEqualTo(copy);
            assertThat(order.line(LineId.of("L1")).orElseThrow().quantities()).isEqualTo(LineQuantities.of(CREATED, 2));
            assertThat(order.version()).isEqualTo(1);
        }
    }
}
