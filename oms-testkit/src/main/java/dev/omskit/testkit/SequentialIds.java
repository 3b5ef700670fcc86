package dev.omskit.testkit;

import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.IdGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order ids {@code o-1}, {@code o-2}, ... counted per tenant, so tests and demos can name orders. Thread-safe;
 * unique within one process only, so not for storage shared between processes.
 */
public final class SequentialIds implements IdGenerator {
    private final String prefix;
    private final String kindPrefix;
    private final Map<TenantId, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<String, AtomicLong>> kinds = new ConcurrentHashMap<>();

    private SequentialIds(String prefix, String kindPrefix) {
        this.prefix = prefix;
        this.kindPrefix = kindPrefix;
    }

    /** Ids {@code o-1}, {@code o-2}, ... */
    public static SequentialIds create() {
        return withPrefix("o-");
    }

    /** Ids {@code <prefix>1}, {@code <prefix>2}, ... */
    public static SequentialIds withPrefix(String prefix) {
        return new SequentialIds(prefix, "");
    }

    /**
     * Ids of every kind behind {@code prefix}: orders {@code <prefix>1}, ..., and other ids {@code
     * <prefix><kind>-1}, ..., so that several facades (or processes) sharing one store, each with its own
     * prefix, never hand out the same id.
     */
    public static SequentialIds scoped(String prefix) {
        return new SequentialIds(prefix, prefix);
    }

    @Override
    public OrderId nextOrderId(TenantId tenant) {
        return OrderId.of(
                prefix + counters.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet());
    }

    /** Ids {@code <kind>-1}, {@code <kind>-2}, ... (behind the prefix when {@link #scoped}), counted per tenant and kind. */
    @Override
    public String nextId(TenantId tenant, String kind) {
        return kindPrefix + kind + "-"
                + kinds.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                        .computeIfAbsent(kind, k -> new AtomicLong())
                        .incrementAndGet();
    }
}
