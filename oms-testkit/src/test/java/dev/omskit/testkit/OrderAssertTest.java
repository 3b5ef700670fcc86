package dev.omskit.testkit;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Oms;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.store.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("OrderAssert")
class OrderAssertTest {
    private final Order order = Oms.builder()
            .storage(InMemoryStorage.create())
            .clock(ManualClock.at("2026-11-11T00:00:00Z"))
            .idGenerator(SequentialIds.create())
            .build()
            .capture(OrderFixtures.capture().build())
            .order();

    @Nested
    @DisplayName("a captured order of 2 x SKU-1, paid")
    class CapturedOrder {
        @Test
        void matchingAssertions_pass() {
            assertThat(order)
                    .hasStatus("CREATED")
                    .hasVersion(1)
                    .hasUnits("L1", OrderStages.CREATED, 2)
                    .hasUnits(OrderStages.CREATED, 2)
                    .hasPaymentStatus(PaymentStates.PAID)
                    .hasLineCount(1)
                    .hasTotal(OrderFixtures.vnd(220_000))
                    .isNotOnHold();
        }

        @Test
        void hasStatus_mismatch_failsNamingOrderExpectedAndActual() {
            assertThatThrownBy(() -> assertThat(order).hasStatus("ALLOCATED"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("order 'o-1'")
                    .hasMessageContaining("status ALLOCATED but was CREATED")
                    .hasMessageContaining("SKU-1");
        }

        @Test
        void hasUnits_mismatch_failsNamingLineOrderExpectedAndActual() {
            assertThatThrownBy(() -> assertThat(order).hasUnits("L1", OrderStages.SHIPPED, 2))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("line 'L1' of order 'o-1'")
                    .hasMessageContaining("2 unit(s) in SHIPPED but had 0")
                    .hasMessageContaining("CREATED=2");
        }

        @Test
        void hasUnits_unknownLine_failsNamingTheLine() {
            assertThatThrownBy(() -> assertThat(order).hasUnits("L7", OrderStages.CREATED, 1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("order 'o-1' to have line 'L7'");
        }

        @Test
        void hasVersion_mismatch_failsNamingExpectedAndActual() {
            assertThatThrownBy(() -> assertThat(order).hasVersion(3))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("order 'o-1' at version 3 but was 1");
        }

        @Test
        void isOnHold_withoutHold_failsNamingHoldType() {
            assertThatThrownBy(() -> assertThat(order).isOnHold(HoldType.FRAUD))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("order 'o-1' to be on FRAUD hold");
        }

        @Test
        void hasTotal_mismatch_failsNamingExpectedAndActual() {
            assertThatThrownBy(() -> assertThat(order).hasTotal(OrderFixtures.vnd(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("total 1 VND but was 220000 VND");
        }

        @Test
        void hasPaymentStatus_mismatch_failsNamingExpectedAndActual() {
            assertThatThrownBy(() -> assertThat(order).hasPaymentStatus(PaymentStates.PENDING))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("payment status PENDING but was PAID");
        }
    }

    @Nested
    @DisplayName("no order")
    class NullOrder {
        @Test
        void anyAssertion_onNull_fails() {
            assertThatThrownBy(() -> assertThat((Order) null).hasVersion(1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("null");
        }
    }
}
