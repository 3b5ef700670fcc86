package dev.omskit.core.internal;

import dev.omskit.core.order.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters of the facade: {@code omskit.orders.captured} (tags channel, channel.kind) and {@code
 * omskit.commands} (tags command, outcome). Without a registry every method returns at once.
 */
public final class OmsMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private OmsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics on {@code registry}, or off when it is null. */
    public static OmsMetrics of(MeterRegistry registry) {
        return new OmsMetrics(registry);
    }

    public void captured(Order order) {
        if (registry == null) {
            return;
        }
        String channel = order.channel().id().value();
        String kind = order.channel().kind().name();
        counters.computeIfAbsent("captured|" + channel + "|" + kind, k -> Counter.builder("omskit.orders.captured")
                        .description("Orders captured, by channel")
                        .tag("channel", channel)
                        .tag("channel.kind", kind)
                        .register(registry))
                .increment();
    }

    public void command(String command, String outcome) {
        if (registry == null) {
            return;
        }
        counters.computeIfAbsent("command|" + command + "|" + outcome, k -> Counter.builder("omskit.commands")
                        .description("Commands handled by the facade, by outcome")
                        .tag("command", command)
                        .tag("outcome", outcome)
                        .register(registry))
                .increment();
    }
}
