package dev.omskit.core.spi;

import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which orders of a tenant to list: every given criterion must match. Results are ordered by creation
 * time then id, oldest first, paged by {@link #offset()} and {@link #limit()}.
 */
@Value.Immutable
@OmsStyle
public abstract class OrderQuery {
    public abstract Optional<CustomerId> customer();

    public abstract Optional<OrderStatus> status();

    public abstract Optional<ChannelId> channel();

    /** Only orders with an active hold (true) or without (false). */
    public abstract Optional<Boolean> onHold();

    @Value.Default
    public int offset() {
        return 0;
    }

    @Value.Default
    public int limit() {
        return 100;
    }

    @Value.Check
    protected void check() {
        if (offset() < 0 || limit() < 1 || limit() > 10_000) {
            throw dev.omskit.core.error.InvalidArgumentException.of(
                    "limit",
                    "OUT_OF_RANGE",
                    "query needs offset >= 0 and limit in [1, 10000]; was offset " + offset() + ", limit " + limit());
        }
    }

    /** Whether {@code order} matches the criteria (paging aside); stores may use it to filter. */
    public boolean matches(dev.omskit.core.order.Order order) {
        return customer()
                        .map(c -> order.customer().filter(c::equals).isPresent())
                        .orElse(true)
                && status().map(s -> s.equals(order.status())).orElse(true)
                && channel().map(ch -> ch.equals(order.channel().id())).orElse(true)
                && onHold().map(h -> h == order.isOnHold()).orElse(true);
    }

    /** All orders, first page. */
    public static OrderQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OrderQuery}. */
    public static class Builder extends ImmutableOrderQuery.Builder {}
}
