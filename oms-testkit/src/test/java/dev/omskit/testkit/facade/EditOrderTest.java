package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.EditOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Edit before release (R-17)")
class EditOrderTest {
    private final Harness h = Harness.create();
    private Order order;

    @BeforeEach
    void captureOrder() {
        order = h.capture(
                b -> b.lines(List.of(OrderFixtures.line("SKU-1", 3, 100_000), OrderFixtures.line("SKU-2", 1, 50_000))));
    }

    private EditOrder.Builder edit(Order target) {
        return EditOrder.builder().tenant(target.tenant()).orderId(target.id()).actor(Actor.agent("agent-1"));
    }

    @Nested
    @DisplayName("a CREATED order")
    class Created {
        @Test
        void edit_changeQuantityAddAndRemoveLines_appliesAllInOneEvent() {
            Order edited = h.oms.edit(edit(order)
                    .putChangeQuantities(LineId.of("L1"), 5L)
                    .addRemoveLines(LineId.of("L2"))
                    .addAddLines(OrderFixtures.line("SKU-3", 2, 20_000))
                    .build());

            assertThat(edited).hasVersion(2).hasLineCount(2).hasUnits("L1", OrderStages.CREATED, 5);
            assertThat(edited.lines()).extracting(l -> l.sku().value()).containsExactly("SKU-1", "SKU-3");
            assertThat(edited.line(LineId.of("L3")).orElseThrow().ordered()).isEqualTo(2);
            assertThat(h.trail(order)).hasSize(2).last().isInstanceOf(OrderEvent.OrderEdited.class);
            assertThat(edited).hasTotal(OrderFixtures.vnd(5 * 110_000 + 2 * 22_000));
        }

        @Test
        void edit_newShippingAddress_replacesIt() {
            Address moved = Address.builder()
                    .from(OrderFixtures.address())
                    .line1("1 Le Loi")
                    .build();

            Order edited = h.oms.edit(edit(order).shippingAddress(moved).build());

            assertThat(edited.shippingAddress()).isEqualTo(moved);
            assertThat(h.reload(order).shippingAddress()).isEqualTo(moved);
        }

        @Test
        void edit_zeroQuantityAndUnknownLine_isInvalidAndChangesNothing() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.edit(edit(order)
                            .putChangeQuantities(LineId.of("L1"), 0L)
                            .putChangeQuantities(LineId.of("L9"), 1L)
                            .build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::code)
                            .containsExactlyInAnyOrder("NOT_POSITIVE", "UNKNOWN_LINE"));

            h.assertUnchanged(order, deliveredBefore);
        }

        @Test
        void edit_nothingToChange_isInvalid() {
            assertThatThrownBy(() -> h.oms.edit(edit(order).build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::code)
                            .containsExactly("NOTHING_TO_CHANGE"));
        }
    }

    @Nested
    @DisplayName("an ALLOCATED order")
    class Allocated {
        @Test
        void edit_lowerQuantity_takesUnitsFromLeastAdvancedStageFirst() {
            Order partlyAllocated = h.oms.transition(OrderFixtures.transition(order, OrderTriggers.ALLOCATE, "L1", 2));

            Order edited = h.oms.edit(edit(partlyAllocated)
                    .putChangeQuantities(LineId.of("L1"), 2L)
                    .build());

            assertThat(edited)
                    .hasUnits("L1", OrderStages.CREATED, 0)
                    .hasUnits("L1", OrderStages.ALLOCATED, 2)
                    .hasVersion(3);
            assertThat(edited.line(LineId.of("L1")).orElseThrow().ordered()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("a RELEASED order")
    class Released {
        @Test
        void edit_afterRelease_isRejectedNotEditableAndChangesNothing() {
            Order released = h.transition(h.transition(order, OrderTriggers.ALLOCATE), OrderTriggers.RELEASE);
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.edit(edit(released)
                            .putChangeQuantities(LineId.of("L1"), 1L)
                            .build()))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                        assertThat(e.rejection().code()).isEqualTo(Rejection.NOT_EDITABLE);
                        assertThat(e).hasMessageContaining(order.id().value());
                    });

            h.assertUnchanged(released, deliveredBefore);
        }
    }

    @Nested
    @DisplayName("a fully CANCELLED order")
    class Cancelled {
        @Test
        void edit_afterFullCancellation_isRejectedNotEditable() {
            Order cancelled = h.oms.cancel(OrderFixtures.cancelAll(order.tenant(), order.id(), "out of stock"));
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.edit(edit(cancelled)
                            .putChangeQuantities(LineId.of("L1"), 2L)
                            .build()))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(Rejection.NOT_EDITABLE));

            h.assertUnchanged(cancelled, deliveredBefore);
            assertThat(h.reload(cancelled)).hasStatus("CANCELLED");
        }
    }
}
