package dev.omskit.testkit.store;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.DocumentStore;
import dev.omskit.core.spi.DocumentWrite;
import dev.omskit.core.spi.DuplicateChannelOrderException;
import dev.omskit.core.spi.DuplicateIdempotencyKeyException;
import dev.omskit.core.spi.DuplicateReferenceException;
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
import java.util.Set;
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

    private record DocKey(TenantId tenant, String kind, String id) {}

    private record RefKey(TenantId tenant, String kind, String reference) {}

    /** Who holds a reference: the document and the order whose stripe writes it. */
    private record RefHolder(OrderId order, String id) {}

    /** A document, its trail and its creation rank, published together. */
    private record DocSnapshot(OrderDocument document, List<DocumentEvent> trail, long rank) {}

    private final Map<TenantId, Map<OrderId, Snapshot>> orders = new ConcurrentHashMap<>();
    private final Map<ChannelKey, OrderId> channelIndex = new ConcurrentHashMap<>();
    private final Map<KeyKey, IdempotencyRecord> keys = new ConcurrentHashMap<>();
    private final Map<DocKey, DocSnapshot> documents = new ConcurrentHashMap<>();
    private final Map<OrderKey, List<DocKey>> documentsByOrder = new ConcurrentHashMap<>();
    private final Map<RefKey, RefHolder> references = new ConcurrentHashMap<>();
    private final AtomicLong documentRanks = new AtomicLong();
    private final ConcurrentSkipListMap<Long, OutboxEntry> outbox = new ConcurrentSkipListMap<>();
    private final AtomicLong positions = new AtomicLong();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    private final OrderStore orderStore = new Orders();
    private final EventStore eventStore = new Events();
    private final IdempotencyStore idempotencyStore = new Keys();
    private final DocumentStore documentStore = new Documents();

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

    @Override
    public DocumentStore documents() {
        return documentStore;
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
                List<RefKey> claimed = new ArrayList<>();
                try {
                    checkDocuments(commit, key, claimed);
                } catch (RuntimeException e) {
                    claimed.forEach(references::remove);
                    if (channelKey != null) {
                        channelIndex.remove(channelKey, order.id());
                    }
                    throw e;
                }
                if (commit.idempotency().isPresent()) {
                    IdempotencyRecord record = commit.idempotency().get();
                    if (keys.putIfAbsent(new KeyKey(commit.tenant(), record.key()), record) != null) {
                        claimed.forEach(references::remove);
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
                publishDocuments(commit, key);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Checks every document's stored version and claims its new references; throws, having claimed
     * nothing it keeps, when a version moved or a reference is taken. Runs under the order's stripe.
     */
    private void checkDocuments(OrderCommit commit, OrderKey orderKey, List<RefKey> claimed) {
        for (DocumentWrite w : commit.documents()) {
            OrderDocument doc = w.document();
            DocKey key = new DocKey(commit.tenant(), doc.kind().name(), doc.id());
            DocSnapshot current = documents.get(key);
            long version = current == null ? 0 : current.document().version();
            if (version != w.expectedVersion()) {
                throw new VersionConflictException(doc.kind(), doc.id(), w.expectedVersion(), version);
            }
            if (current != null && !current.document().orderId().equals(orderKey.id())) {
                throw new dev.omskit.core.error.InternalException(
                        doc.kind() + " '" + doc.id() + "' belongs to another order");
            }
            Set<String> held = current == null ? Set.of() : current.document().references();
            for (String reference : doc.references()) {
                if (held.contains(reference)) {
                    continue;
                }
                RefKey ref = new RefKey(commit.tenant(), doc.kind().name(), reference);
                claimReference(ref, new RefHolder(orderKey.id(), doc.id()), doc);
                claimed.add(ref);
            }
        }
    }

    /** Claims a reference as {@link #claimChannelOrder} claims a channel order id. */
    private void claimReference(RefKey ref, RefHolder holder, OrderDocument doc) {
        while (true) {
            RefHolder existing = references.putIfAbsent(ref, holder);
            if (existing == null || existing.equals(holder)) {
                return;
            }
            ReentrantLock winner = stripe(new OrderKey(ref.tenant(), existing.order()));
            if (!winner.isHeldByCurrentThread()) {
                winner.lock();
                winner.unlock();
            }
            if (existing.equals(references.get(ref))) {
                throw new DuplicateReferenceException(doc.kind(), ref.reference(), existing.id());
            }
        }
    }

    private void publishDocuments(OrderCommit commit, OrderKey orderKey) {
        for (DocumentWrite w : commit.documents()) {
            OrderDocument doc = w.document();
            DocKey key = new DocKey(commit.tenant(), doc.kind().name(), doc.id());
            DocSnapshot current = documents.get(key);
            List<DocumentEvent> trail = new ArrayList<>(current == null ? List.of() : current.trail());
            trail.addAll(w.events());
            long rank = current == null ? documentRanks.incrementAndGet() : current.rank();
            documents.put(key, new DocSnapshot(doc, Collections.unmodifiableList(trail), rank));
            if (current == null) {
                documentsByOrder.compute(orderKey, (k, list) -> {
                    List<DocKey> next = new ArrayList<>(list == null ? List.of() : list);
                    next.add(key);
                    return List.copyOf(next);
                });
            } else {
                for (String reference : current.document().references()) {
                    if (!doc.references().contains(reference)) {
                        references.remove(new RefKey(commit.tenant(), doc.kind().name(), reference));
                    }
                }
            }
            for (DocumentEvent event : w.events()) {
                long position = positions.incrementAndGet();
                outbox.put(position, new OutboxEntry(position, event));
            }
        }
    }

    private final class Documents implements DocumentStore {
        @Override
        public <D extends OrderDocument> Optional<D> find(TenantId tenant, DocumentKind<D> kind, String id) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            DocSnapshot snapshot = documents.get(new DocKey(tenant, kind.name(), id));
            return snapshot == null ? Optional.empty() : Optional.of(kind.cast(snapshot.document()));
        }

        @Override
        public <D extends OrderDocument> Optional<D> findByReference(
                TenantId tenant, DocumentKind<D> kind, String reference) {
            Objects.requireNonNull(reference, "reference");
            RefKey ref = new RefKey(tenant, kind.name(), reference);
            RefHolder holder = references.get(ref);
            if (holder == null) {
                return Optional.empty();
            }
            Optional<D> found =
                    find(tenant, kind, holder.id()).filter(d -> d.references().contains(reference));
            if (found.isPresent()) {
                return found;
            }
            ReentrantLock lock = stripe(new OrderKey(tenant, holder.order()));
            lock.lock();
            try {
                return holder.equals(references.get(ref))
                        ? find(tenant, kind, holder.id())
                                .filter(d -> d.references().contains(reference))
                        : Optional.empty();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<OrderDocument> ofOrder(TenantId tenant, OrderId order) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(order, "order");
            List<DocKey> keys = documentsByOrder.getOrDefault(new OrderKey(tenant, order), List.of());
            List<OrderDocument> result = new ArrayList<>(keys.size());
            for (DocKey key : keys) {
                DocSnapshot snapshot = documents.get(key);
                if (snapshot != null) {
                    result.add(snapshot.document());
                }
            }
            return result;
        }

        @Override
        public <D extends OrderDocument> List<D> inStates(
                TenantId tenant, DocumentKind<D> kind, Set<State> states, int offset, int limit) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(states, "states");
            if (offset < 0 || limit < 1) {
                throw new dev.omskit.core.error.InvalidArgumentException(
                        "offset must not be negative and limit must be positive; were " + offset + ", " + limit);
            }
            return documents.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant)
                            && e.getKey().kind().equals(kind.name())
                            && states.contains(e.getValue().document().state()))
                    .map(Map.Entry::getValue)
                    .sorted(Comparator.comparingLong(DocSnapshot::rank))
                    .skip(offset)
                    .limit(limit)
                    .map(snapshot -> kind.cast(snapshot.document()))
                    .toList();
        }

        @Override
        public List<DocumentEvent> trail(TenantId tenant, DocumentKind<?> kind, String id) {
            DocSnapshot snapshot = documents.get(new DocKey(tenant, kind.name(), id));
            return snapshot == null ? List.of() : snapshot.trail();
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
