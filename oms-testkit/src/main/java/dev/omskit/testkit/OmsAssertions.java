package dev.omskit.testkit;

import dev.omskit.core.order.Order;

/** Entry point of omskit's AssertJ assertions: {@code import static dev.omskit.testkit.OmsAssertions.assertThat;}. */
public final class OmsAssertions {
    private OmsAssertions() {}

    /** Assertions on an order. */
    public static OrderAssert assertThat(Order order) {
        return new OrderAssert(order);
    }
}
