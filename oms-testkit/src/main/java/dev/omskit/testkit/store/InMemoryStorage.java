package dev.omskit.testkit.store;

import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.DuplicateChannelOrderException;
import dev.omskit.core.spi.DuplicateIdempotencyKeyException;
import dev.omskit.core.spi.EventStore;
import dev.omskit.core.spi.IdempotencyRecord;
import dev.omskit.core.spi.IdempotencyStore;
import dev.omskit.core.spi.OmsStorage;
import dev.omskit.core.spi.OrderCommit;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.core.spi.OrderStore;
import dev.omskit.core.spi.OutboxEntry;
import dev.omskit.core.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Orders, audit trails, outbox and idempotency records in memory: thread-safe, fast, and passing the same
 * conformance kits as durable storage. <b>Not durable</b>: everything is gone when the JVM stops, and it
 * cannot be shared between processes. Use it in tests, demos and benchmarks; never in production.
 *
 * <p>Commits of one order are serialised by a lock stripe; commits of different orders run in parallel.
 * Uniqueness of channel order ids and idempotency keys is claimed atomically (and given back when the
 * commit fails), so of two racing commits exactly one wins.
 */
public final class InMemoryStorage implements OmsStorage {
    private static final int STRIPES = 64;

    private record OrderKey(TenantId tenant, OrderId id) {}

    private record ChannelKey(TenantId tenant, ChannelId channel, String channelOrderId) {}

    private record KeyKey(TenantId tenant, IdempotencyKey key) {}

    private final Map<TenantId, Map<OrderId, Order>> orders = new ConcurrentHashMap<>();
    private final Map<OrderKey, List<OrderEvent>> trails = new ConcurrentHashMap<>();
    private final Map<ChannelKey, OrderId> channelIndex = new ConcurrentHashMap<>();
    private final Map<KeyKey, IdempotencyRecord> keys = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, OutboxEntry> outbox = new ConcurrentSkipListMap<>();
    private final AtomicLong positions = new AtomicLong();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    private final OrderStore orderStore = new Orders();
    private final EventStore eventStore = new Events();
    private final IdempotencyStore idempotencyStore = new Keys();

    private InMemoryStorage() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** A new, empty storage. */
    public static InMemoryStorage create() {
        return new InMemoryStorage();
    }

    @Override
    public OrderStore orders() {
        return orderStore;
    }

    @Override
    public EventStore events() {
        return eventStore;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotencyStore;
    }

    /** Number of outbox entries not yet acknowledged. */
    public int pendingOutboxSize() {
        return outbox.size();
    }

    /** Number of orders stored for the tenant. */
    public int orderCount(TenantId tenant) {
        return orders.getOrDefault(tenant, Map.of()).size();
    }

    private ReentrantLock stripe(OrderKey key) {
        return stripes[Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES)];
    }

    private final class Orders implements OrderStore {
        @Override
        public Optional<Order> find(TenantId tenant, OrderId id) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            return Optional.ofNullable(orders.getOrDefault(tenant, Map.of()).get(id));
        }

        @Override
        public Optional<Order> findByChannelOrder(TenantId tenant, ChannelId channel, String channelOrderId) {
            OrderId id = channelIndex.get(new ChannelKey(tenant, channel, channelOrderId));
            return id == null ? Optional.empty() : find(tenant, id);
        }

        @Override
        public List<Order> query(TenantId tenant, OrderQuery query) {
            return orders.getOrDefault(tenant, Map.of()).values().stream()
                    .filter(query::matches)
                    .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id))
                    .skip(query.offset())
                    .limit(query.limit())
                    .toList();
        }

        @Override
        public void commit(OrderCommit commit) {
            Order order = commit.order();
            OrderKey key = new OrderKey(commit.tenant(), order.id());
            ReentrantLock lock = stripe(key);
            lock.lock();
            try {
                Map<OrderId, Order> tenantOrders =
                        orders.computeIfAbsent(commit.tenant(), t -> new ConcurrentHashMap<>());
                Order current = tenantOrders.get(order.id());
                long version = current == null ? 0 : current.version();
                if (version != commit.expectedVersion()) {
                    throw new VersionConflictException(order.id(), commit.expectedVersion(), version);
                }
                ChannelKey channelKey = null;
                if (commit.isNew()) {
                    channelKey = new ChannelKey(commit.tenant(), order.channel().id(), order.channelOrderId());
                    OrderId holder = channelIndex.putIfAbsent(channelKey, order.id());
                    if (holder != null) {
                        throw new DuplicateChannelOrderException(order.channel().id(), order.channelOrderId(), holder);
                    }
                }
                if (commit.idempotency().isPresent()) {
                    IdempotencyRecord record = commit.idempotency().get();
                    if (keys.putIfAbsent(new KeyKey(commit.tenant(), record.key()), record) != null) {
                        if (channelKey != null) {
                            channelIndex.remove(channelKey, order.id());
                        }
                        throw new DuplicateIdempotencyKeyException(record.key());
                    }
                }
                List<OrderEvent> trail = new ArrayList<>(trails.getOrDefault(key, List.of()));
                trail.addAll(commit.events());
                trails.put(key, List.copyOf(trail));
                for (OrderEvent event : commit.events()) {
                    long position = positions.incrementAndGet();
                    outbox.put(position, new OutboxEntry(position, event));
                }
                tenantOrders.put(order.id(), order);
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Events implements EventStore {
        @Override
        public List<OrderEvent> trail(TenantId tenant, OrderId order) {
            return trails.getOrDefault(new OrderKey(tenant, order), List.of());
        }

        @Override
        public List<OutboxEntry> pending(int limit) {
            if (limit < 1) {
                throw new dev.omskit.core.error.InvalidArgumentException("limit must be positive; was " + limit);
            }
            List<OutboxEntry> result = new ArrayList<>(Math.min(limit, 256));
            for (OutboxEntry entry : outbox.values()) {
                if (result.size() == limit) {
                    break;
                }
                result.add(entry);
            }
            return result;
        }

        @Override
        public void acknowledge(Collection<Long> positions) {
            positions.forEach(outbox::remove);
        }
    }

    private final class Keys implements IdempotencyStore {
        @Override
        public Optional<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key) {
            return Optional.ofNullable(keys.get(new KeyKey(tenant, key)));
        }
    }
}
