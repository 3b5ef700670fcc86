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
import java.util.Collections;
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
 * commit fails), so of two racing commits exactly one wins. An order and its trail are published together
 * as one immutable snapshot, so a reader never sees events ahead of the order; a reader that finds a
 * channel order claimed by a commit still in flight waits for that commit to end.
 */
public final class InMemoryStorage implements OmsStorage {
    private static final int STRIPES = 64;

    private record OrderKey(TenantId tenant, OrderId id) {}

    private record ChannelKey(TenantId tenant, ChannelId channel, String channelOrderId) {}

    private record KeyKey(TenantId tenant, IdempotencyKey key) {}

    /** An order and its whole trail, published together. */
    private record Snapshot(Order order, List<OrderEvent> trail) {}

    private final Map<TenantId, Map<OrderId, Snapshot>> orders = new ConcurrentHashMap<>();
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

    /**
     * Claims the channel order id for {@code order}. When another commit holds it, waits until that commit
     * has ended (its stripe is free), as a database does with a unique index: the id is then either
     * published, and this commit fails naming a readable order, or given back, and the claim is retried.
     * Only losers wait, and a winner never waits while holding its stripe, so this cannot deadlock.
     */
    private void claimChannelOrder(ChannelKey key, Order order) {
        while (true) {
            OrderId holder = channelIndex.putIfAbsent(key, order.id());
            if (holder == null) {
                return;
            }
            ReentrantLock winner = stripe(new OrderKey(key.tenant(), holder));
            winner.lock();
            winner.unlock();
            if (holder.equals(channelIndex.get(key))) {
                throw new DuplicateChannelOrderException(key.channel(), key.channelOrderId(), holder);
            }
        }
    }

    private Snapshot snapshot(TenantId tenant, OrderId id) {
        return orders.getOrDefault(tenant, Map.of()).get(id);
    }

    private ReentrantLock stripe(OrderKey key) {
        return stripes[Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES)];
    }

    private final class Orders implements OrderStore {
        @Override
        public Optional<Order> find(TenantId tenant, OrderId id) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(id, "id");
            return Optional.ofNullable(snapshot(tenant, id)).map(Snapshot::order);
        }

        @Override
        public Optional<Order> findByChannelOrder(TenantId tenant, ChannelId channel, String channelOrderId) {
            ChannelKey key = new ChannelKey(tenant, channel, channelOrderId);
            OrderId id = channelIndex.get(key);
            if (id == null) {
                return Optional.empty();
            }
            Optional<Order> order = find(tenant, id);
            if (order.isPresent()) {
                return order;
            }
            // Claimed by a commit still in flight: once its stripe is free it is published or rolled back.
            ReentrantLock lock = stripe(new OrderKey(tenant, id));
            lock.lock();
            try {
                return id.equals(channelIndex.get(key)) ? find(tenant, id) : Optional.empty();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<Order> query(TenantId tenant, OrderQuery query) {
            return orders.getOrDefault(tenant, Map.of()).values().stream()
                    .map(Snapshot::order)
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
                Map<OrderId, Snapshot> tenantOrders =
                        orders.computeIfAbsent(commit.tenant(), t -> new ConcurrentHashMap<>());
                Snapshot current = tenantOrders.get(order.id());
                long version = current == null ? 0 : current.order().version();
                if (version != commit.expectedVersion()) {
                    throw new VersionConflictException(order.id(), commit.expectedVersion(), version);
                }
                ChannelKey channelKey = null;
                if (commit.isNew()) {
                    channelKey = new ChannelKey(commit.tenant(), order.channel().id(), order.channelOrderId());
                    claimChannelOrder(channelKey, order);
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
                List<OrderEvent> before = current == null ? List.of() : current.trail();
                List<OrderEvent> trail =
                        new ArrayList<>(before.size() + commit.events().size());
                trail.addAll(before);
                trail.addAll(commit.events());
                tenantOrders.put(order.id(), new Snapshot(order, Collections.unmodifiableList(trail)));
                for (OrderEvent event : commit.events()) {
                    long position = positions.incrementAndGet();
                    outbox.put(position, new OutboxEntry(position, event));
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Events implements EventStore {
        @Override
        public List<OrderEvent> trail(TenantId tenant, OrderId order) {
            Snapshot snapshot = snapshot(tenant, order);
            return snapshot == null ? List.of() : snapshot.trail();
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
