package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Bad input: a typed error, nothing stored, nothing emitted")
class BadInputTest {
    private Harness h = Harness.create();

    private void assertCaptureRejected(UnaryOperator<CaptureOrder.Builder> adjust, Tuple... violations) {
        CaptureOrder command = adjust.apply(OrderFixtures.capture()).build();

        assertThatThrownBy(() -> h.oms.capture(command)).isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ARGUMENT);
            assertThat(e.violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(violations);
        });

        h.assertNothingStoredOrEmitted(OrderFixtures.TENANT);
    }

    private static Address.Builder address() {
        return Address.builder().from(OrderFixtures.address());
    }

    @Nested
    @DisplayName("a capture with bad lines")
    class BadLines {
        @Test
        void capture_zeroQuantity_isInvalidNotPositive() {
            assertCaptureRejected(
                    b -> b.lines(List.of(OrderFixtures.line("SKU-1", 0, 100_000))),
                    tuple("lines[0].quantity", "NOT_POSITIVE"));
        }

        @Test
        void capture_negativeQuantity_isInvalidNotPositive() {
            assertCaptureRejected(
                    b -> b.addLines(OrderFixtures.line("SKU-2", -3, 100_000)),
                    tuple("lines[1].quantity", "NOT_POSITIVE"));
        }

        @Test
        void capture_blankSku_isInvalidSku() {
            assertCaptureRejected(
                    b -> b.lines(List.of(OrderFixtures.line("   ", 1, 100_000))), tuple("lines[0].sku", "INVALID_SKU"));
        }

        @Test
        void capture_usdLineOnVndOrder_isCurrencyMismatch() {
            assertCaptureRejected(
                    b -> b.addLines(LineInput.of("SKU-2", 1, Money.of("12.50", "USD"))),
                    tuple("lines[1].unitPrice", "CURRENCY_MISMATCH"));
        }

        @Test
        void capture_duplicateLineIds_isDuplicateLineId() {
            assertCaptureRejected(
                    b -> b.lines(List.of(
                            LineInput.builder()
                                    .from(OrderFixtures.line("SKU-1", 1, 100_000))
                                    .lineId("A")
                                    .build(),
                            LineInput.builder()
                                    .from(OrderFixtures.line("SKU-2", 1, 50_000))
                                    .lineId("A")
                                    .build())),
                    tuple("lines[1].lineId", "DUPLICATE_LINE_ID"));
        }

        @Test
        void capture_moreLinesThanConfiguredLimit_isTooManyLines() {
            h = Harness.create(
                    b -> b.config(OmsConfig.builder().maxLinesPerOrder(3).build()));

            assertCaptureRejected(
                    b -> b.lines(List.of(
                            OrderFixtures.line("SKU-1", 1, 1_000),
                            OrderFixtures.line("SKU-2", 1, 1_000),
                            OrderFixtures.line("SKU-3", 1, 1_000),
                            OrderFixtures.line("SKU-4", 1, 1_000))),
                    tuple("lines", "TOO_MANY_LINES"));
        }

        @Test
        void capture_noLines_isEmpty() {
            assertCaptureRejected(b -> b.lines(List.of()), tuple("lines", "EMPTY"));
        }
    }

    @Nested
    @DisplayName("a capture with a bad address")
    class BadAddress {
        @Test
        void capture_missingRecipientStreetAndCity_isMissingForEach() {
            assertCaptureRejected(
                    b -> b.shippingAddress(
                            address().recipient("").line1(" ").city("").build()),
                    tuple("shippingAddress.recipient", "MISSING"),
                    tuple("shippingAddress.line1", "MISSING"),
                    tuple("shippingAddress.city", "MISSING"));
        }

        @Test
        void capture_countryNameInsteadOfCode_isMalformed() {
            assertCaptureRejected(
                    b -> b.shippingAddress(address().countryCode("Vietnam").build()),
                    tuple("shippingAddress.countryCode", "MALFORMED"));
        }

        @Test
        void capture_badPhone_isMalformed() {
            assertCaptureRejected(
                    b -> b.shippingAddress(address().phone("call me maybe").build()),
                    tuple("shippingAddress.phone", "MALFORMED"));
        }

        @Test
        void capture_badBillingAddress_isReportedUnderBillingAddress() {
            assertCaptureRejected(
                    b -> b.billingAddress(address().countryCode("").build()),
                    tuple("billingAddress.countryCode", "MISSING"));
        }
    }

    @Nested
    @DisplayName("a capture with bad payment or totals")
    class BadPaymentOrTotals {
        @Test
        void capture_cashOnDeliveryMarkedPaid_isInvalidPaymentStatus() {
            assertCaptureRejected(
                    b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY).paymentStatus(PaymentStates.PAID),
                    tuple("paymentStatus", "INVALID_PAYMENT_STATUS"));
        }

        @Test
        void capture_channelTotalDiffersFromDerivedTotal_isTotalMismatch() {
            assertCaptureRejected(b -> b.expectedTotal(OrderFixtures.vnd(1)), tuple("expectedTotal", "TOTAL_MISMATCH"));
        }
    }

    @Nested
    @DisplayName("a capture with several problems")
    class SeveralProblems {
        @Test
        void capture_severalProblems_listsEveryOne() {
            CaptureOrder command = OrderFixtures.capture()
                    .lines(List.of(
                            OrderFixtures.line("", 1, 100_000),
                            OrderFixtures.line("SKU-2", 0, 100_000),
                            LineInput.of("SKU-3", 1, Money.of("1.00", "EUR"))))
                    .shippingAddress(address().countryCode("Vietnam").city("").build())
                    .build();

            assertThatThrownBy(() -> h.oms.capture(command))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                        assertThat(e.violations())
                                .extracting(Violation::field, Violation::code)
                                .containsExactlyInAnyOrder(
                                        tuple("lines[0].sku", "INVALID_SKU"),
                                        tuple("lines[1].quantity", "NOT_POSITIVE"),
                                        tuple("lines[2].unitPrice", "CURRENCY_MISMATCH"),
                                        tuple("shippingAddress.city", "MISSING"),
                                        tuple("shippingAddress.countryCode", "MALFORMED"));
                        assertThat(e).hasMessageStartingWith("5 problems");
                    });
            h.assertNothingStoredOrEmitted(OrderFixtures.TENANT);
        }
    }

    @Nested
    @DisplayName("a CREATED order asked to do what the lifecycle forbids")
    class ForbiddenTransition {
        @Test
        void ship_onCreatedOrder_isRejectedIllegalTransitionAndNothingChanges() {
            Order order = h.capture();
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.transition(order, OrderTriggers.SHIP))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                        assertThat(e.rejection().code()).isEqualTo(Rejection.ILLEGAL_TRANSITION);
                        assertThat(e.category()).isEqualTo(ErrorCategory.FAILED_PRECONDITION);
                        assertThat(e).hasMessageContaining(order.id().value()).hasMessageContaining("SHIP");
                    });

            assertThat(h.reload(order)).hasVersion(1).hasStatus("CREATED");
            h.assertUnchanged(order, deliveredBefore);
        }
    }
}
