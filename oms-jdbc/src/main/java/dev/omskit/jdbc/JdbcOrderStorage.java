package dev.omskit.jdbc;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OmsEvent;
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
import dev.omskit.core.support.Checks;
import dev.omskit.jdbc.json.Codec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders, their trails, the outbox, idempotency records and order documents in PostgreSQL: {@link
 * OmsStorage} for many application instances on one database.
 *
 * <p>{@link OrderStore#commit} is one transaction:
 *
 * <ul>
 *   <li>the order is inserted ({@code ON CONFLICT DO NOTHING}, then told apart: the id taken is a version
 *       conflict, the channel order id taken a duplicate) or updated {@code WHERE version = expected};
 *   <li>every event goes to the trail and to the outbox;
 *   <li>the idempotency record's key must be new;
 *   <li>every document is inserted or updated {@code WHERE version = expected}, and its new references are
 *       claimed in a table whose key is unique per tenant and kind;
 *   <li>anything refused rolls the whole transaction back.
 * </ul>
 *
 * Aggregates and events are kept whole as {@code json} ({@link Codec}). The columns beside them serve the
 * queries. The outbox is relayed with {@code FOR UPDATE SKIP LOCKED} and a short claim, so instances relaying
 * at once take different orders' events; an order's entries are taken in sequence, by one relay at a time.
 */
public final class JdbcOrderStorage implements OmsStorage {
    /** How long a relay holds the outbox entries it took before another may take them (it died), by default. */
    public static final Duration CLAIM = Duration.ofSeconds(30);

    private final Database db;
    private final Codec codec;
    private final String relay = java.util.UUID.randomUUID().toString();
    private final Orders orders = new Orders();
    private final Events events = new Events();
    private final Keys keys = new Keys();
    private final Documents documents = new Documents();

    private final Duration claim;

    private static final String INSERT_ORDER_EVENT =
            "INSERT INTO omskit_order_event (tenant, order_id, sequence, event_id, body) VALUES (?, ?, ?, ?, ?::json)";
    private static final String INSERT_DOCUMENT_EVENT = "INSERT INTO omskit_document_event (tenant, kind, document_id,"
            + " sequence, body) VALUES (?, ?, ?, ?, ?::json)";
    private static final String INSERT_OUTBOX =
            "INSERT INTO omskit_outbox (tenant, order_id, body) VALUES (?, ?, ?::json)";

    /** Order storage in {@code db} (migrated with {@link Migrations#apply}), relay claims of {@link #CLAIM}. */
    public JdbcOrderStorage(Database db) {
        this(db, CLAIM);
    }

    /**
     * Order storage in {@code db} whose relay holds the outbox entries it took for {@code claim}: a relay
     * that died is replaced after that long, so keep it well above the time one delivery round takes.
     */
    public JdbcOrderStorage(Database db, Duration claim) {
        this.db = Checks.notNull("db", db);
        this.claim = Checks.notNull("claim", claim);
        if (claim.isNegative() || claim.isZero()) {
            throw InvalidArgumentException.of("claim", "NOT_POSITIVE", "a relay claim must be positive; was " + claim);
        }
        this.codec = Codec.create();
    }

    /**
     * Deletes at most {@code limit} outbox entries delivered more than {@code olderThan} ago (by the
     * database's clock, which also stamped their delivery), oldest first, and returns how many it deleted.
     * Entries not yet delivered are never deleted. Delivered entries stay for audit until this is called;
     * run it from a scheduled job, again while it returns {@code limit}. Safe from any number of instances at
     * once.
     */
    public int purgeDelivered(Duration olderThan, int limit) {
        Checks.notNull("olderThan", olderThan);
        if (olderThan.isNegative()) {
            throw InvalidArgumentException.of(
                    "olderThan", "NEGATIVE", "the age of entries to purge must not be negative; was " + olderThan);
        }
        if (limit < 1) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM omskit_outbox WHERE position IN (SELECT"
                    + " position FROM omskit_outbox WHERE delivered_at IS NOT NULL AND delivered_at < now() - ? *"
                    + " interval '1 millisecond' ORDER BY delivered_at, position LIMIT ? FOR UPDATE SKIP LOCKED)")) {
                p.setLong(1, olderThan.toMillis());
                p.setInt(2, limit);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public OrderStore orders() {
        return orders;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public IdempotencyStore idempotency() {
        return keys;
    }

    @Override
    public DocumentStore documents() {
        return documents;
    }

    private final class Orders implements OrderStore {
        @Override
        public Optional<Order> find(TenantId tenant, OrderId id) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("id", id);
            return readOne(
                    "SELECT body FROM omskit_order WHERE tenant = ? AND id = ?",
                    Order.class,
                    tenant.value(),
                    id.value());
        }

        @Override
        public Optional<Order> findByChannelOrder(TenantId tenant, ChannelId channel, String channelOrderId) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("channel", channel);
            Checks.notNull("channelOrderId", channelOrderId);
            return readOne(
                    "SELECT body FROM omskit_order WHERE tenant = ? AND channel = ? AND channel_order_id = ?",
                    Order.class,
                    tenant.value(),
                    channel.value(),
                    channelOrderId);
        }

        @Override
        public List<Order> query(TenantId tenant, OrderQuery query) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("query", query);
            StringBuilder sql = new StringBuilder("SELECT body FROM omskit_order WHERE tenant = ?");
            List<Object> args = new ArrayList<>();
            args.add(tenant.value());
            query.customer().ifPresent(v -> {
                sql.append(" AND customer = ?");
                args.add(v.value());
            });
            query.channel().ifPresent(v -> {
                sql.append(" AND channel = ?");
                args.add(v.value());
            });
            query.status().ifPresent(v -> {
                sql.append(" AND status_stage = ? AND status_partial = ?");
                args.add(v.stage().name());
                args.add(v.partial());
            });
            query.onHold().ifPresent(v -> {
                sql.append(" AND on_hold = ?");
                args.add(v);
            });
            sql.append(" ORDER BY created_at, id OFFSET ? LIMIT ?");
            args.add(query.offset());
            args.add(query.limit());
            return readAll(sql.toString(), Order.class, args.toArray());
        }

        @Override
        public void commit(OrderCommit commit) {
            Checks.notNull("commit", commit);
            db.transaction(c -> {
                writeOrder(c, commit);
                try (PreparedStatement events = c.prepareStatement(INSERT_ORDER_EVENT);
                        PreparedStatement documentEvents = c.prepareStatement(INSERT_DOCUMENT_EVENT);
                        PreparedStatement outbox = c.prepareStatement(INSERT_OUTBOX)) {
                    for (OrderEvent e : commit.events()) {
                        Sql.bind(
                                events,
                                commit.tenant().value(),
                                commit.order().id().value(),
                                e.header().sequence(),
                                e.eventId(),
                                codec.write(e));
                        events.addBatch();
                        outbox(outbox, e);
                    }
                    if (!commit.events().isEmpty()) {
                        events.executeBatch();
                    }
                    if (commit.idempotency().isPresent()) {
                        IdempotencyRecord r = commit.idempotency().get();
                        int inserted = Sql.update(
                                c,
                                "INSERT INTO omskit_idempotency (tenant, key, order_id, recorded_at, body)"
                                        + " VALUES (?, ?, ?, ?, ?::json) ON CONFLICT DO NOTHING",
                                commit.tenant().value(),
                                r.key().value(),
                                r.orderId().value(),
                                Sql.time(r.recordedAt()),
                                codec.write(r));
                        if (inserted == 0) {
                            throw new DuplicateIdempotencyKeyException(r.key());
                        }
                    }
                    int documentEventCount = 0;
                    for (DocumentWrite w : commit.documents()) {
                        writeDocument(c, commit, w, documentEvents, outbox);
                        documentEventCount += w.events().size();
                    }
                    if (documentEventCount > 0) {
                        documentEvents.executeBatch();
                    }
                    if (documentEventCount > 0 || !commit.events().isEmpty()) {
                        outbox.executeBatch();
                    }
                }
                return null;
            });
        }

        private void writeOrder(Connection c, OrderCommit commit) throws SQLException {
            Order o = commit.order();
            String tenant = commit.tenant().value();
            if (commit.expectedVersion() == 0) {
                int inserted = Sql.update(
                        c,
                        "INSERT INTO omskit_order (tenant, id, version, channel, channel_order_id, customer,"
                                + " status_stage, status_partial, on_hold, created_at, body)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json) ON CONFLICT DO NOTHING",
                        tenant,
                        o.id().value(),
                        o.version(),
                        o.channel().id().value(),
                        o.channelOrderId(),
                        o.customer().map(x -> x.value()).orElse(null),
                        o.status().stage().name(),
                        o.status().partial(),
                        o.isOnHold(),
                        Sql.time(o.createdAt()),
                        codec.write(o));
                if (inserted == 1) {
                    return;
                }
                Optional<Long> stored = version(c, tenant, o.id());
                if (stored.isPresent()) {
                    throw new VersionConflictException(o.id(), 0, stored.get());
                }
                Optional<String> holder = Sql.scalar(
                        c,
                        "SELECT id FROM omskit_order WHERE tenant = ? AND channel = ? AND channel_order_id = ?",
                        tenant,
                        o.channel().id().value(),
                        o.channelOrderId());
                if (holder.isPresent()) {
                    throw new DuplicateChannelOrderException(
                            o.channel().id(), o.channelOrderId(), OrderId.of(holder.get()));
                }
                throw new InternalException("order " + o.id() + " was neither inserted nor found taken");
            }
            int updated = Sql.update(
                    c,
                    "UPDATE omskit_order SET version = ?, customer = ?, status_stage = ?, status_partial = ?,"
                            + " on_hold = ?, body = ?::json WHERE tenant = ? AND id = ? AND version = ?",
                    o.version(),
                    o.customer().map(x -> x.value()).orElse(null),
                    o.status().stage().name(),
                    o.status().partial(),
                    o.isOnHold(),
                    codec.write(o),
                    tenant,
                    o.id().value(),
                    commit.expectedVersion());
            if (updated == 0) {
                throw new VersionConflictException(
                        o.id(),
                        commit.expectedVersion(),
                        version(c, tenant, o.id()).orElse(0L));
            }
        }

        private void writeDocument(
                Connection c,
                OrderCommit commit,
                DocumentWrite w,
                PreparedStatement documentEvents,
                PreparedStatement outbox)
                throws SQLException {
            OrderDocument d = w.document();
            String tenant = commit.tenant().value();
            String kind = d.kind().name();
            Set<String> held = new HashSet<>();
            if (w.isNew()) {
                int inserted = Sql.update(
                        c,
                        "INSERT INTO omskit_document (tenant, kind, id, order_id, version, state, created_at, body)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::json) ON CONFLICT DO NOTHING",
                        tenant,
                        kind,
                        d.id(),
                        d.orderId().value(),
                        d.version(),
                        d.state().name(),
                        Sql.time(d.createdAt()),
                        codec.write(d));
                if (inserted == 0) {
                    throw new VersionConflictException(d.kind(), d.id(), 0, documentVersion(c, tenant, kind, d.id()));
                }
            } else {
                // The update returns the references the document holds, so that only changes are written.
                Optional<Array> references;
                try (PreparedStatement p = c.prepareStatement("UPDATE omskit_document d SET version = ?, state = ?,"
                        + " body = ?::json WHERE tenant = ? AND kind = ? AND id = ? AND version = ? AND order_id = ?"
                        + " RETURNING ARRAY(SELECT r.reference FROM omskit_document_reference r WHERE r.tenant ="
                        + " d.tenant AND r.kind = d.kind AND r.document_id = d.id)")) {
                    Sql.bind(
                            p,
                            d.version(),
                            d.state().name(),
                            codec.write(d),
                            tenant,
                            kind,
                            d.id(),
                            w.expectedVersion(),
                            d.orderId().value());
                    try (ResultSet r = p.executeQuery()) {
                        references = r.next() ? Optional.of(r.getArray(1)) : Optional.empty();
                    }
                }
                if (references.isEmpty()) {
                    Optional<String> owner = Sql.scalar(
                            c,
                            "SELECT order_id FROM omskit_document WHERE tenant = ? AND kind = ? AND id = ?",
                            tenant,
                            kind,
                            d.id());
                    if (owner.isPresent() && !owner.get().equals(d.orderId().value())) {
                        throw new InternalException(d.kind() + " '" + d.id() + "' belongs to another order");
                    }
                    throw new VersionConflictException(
                            d.kind(), d.id(), w.expectedVersion(), documentVersion(c, tenant, kind, d.id()));
                }
                for (Object reference : (Object[]) references.get().getArray()) {
                    held.add((String) reference);
                }
            }
            for (String reference : d.references()) {
                if (held.remove(reference)) {
                    continue;
                }
                int claimed = Sql.update(
                        c,
                        "INSERT INTO omskit_document_reference (tenant, kind, reference, document_id)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        tenant,
                        kind,
                        reference,
                        d.id());
                if (claimed == 0) {
                    String holder = Sql.scalar(
                                    c,
                                    "SELECT document_id FROM omskit_document_reference"
                                            + " WHERE tenant = ? AND kind = ? AND reference = ?",
                                    tenant,
                                    kind,
                                    reference)
                            .orElse("(released meanwhile)");
                    throw new DuplicateReferenceException(d.kind(), reference, holder);
                }
            }
            for (String released : held) {
                Sql.update(
                        c,
                        "DELETE FROM omskit_document_reference WHERE tenant = ? AND kind = ? AND reference = ?"
                                + " AND document_id = ?",
                        tenant,
                        kind,
                        released,
                        d.id());
            }
            for (DocumentEvent e : w.events()) {
                Sql.bind(documentEvents, tenant, kind, d.id(), e.sequence(), codec.write(e));
                documentEvents.addBatch();
                outbox(outbox, e);
            }
        }

        /** Adds {@code e}'s outbox row to the batch {@code outbox}, in the order the events were made. */
        private void outbox(PreparedStatement outbox, OmsEvent e) throws SQLException {
            Sql.bind(outbox, e.tenant().value(), e.orderId().value(), codec.write(new Envelope(e)));
            outbox.addBatch();
        }
    }

    /**
     * How an outbox entry's event is kept in {@code omskit_outbox.body}: under its declared supertype, so
     * order and document events share one table and read back as what they were.
     *
     * @param event the event
     */
    public record Envelope(OmsEvent event) {}

    private final class Events implements EventStore {
        @Override
        public List<OrderEvent> trail(TenantId tenant, OrderId order) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("order", order);
            return readAll(
                    "SELECT body FROM omskit_order_event WHERE tenant = ? AND order_id = ? ORDER BY sequence",
                    OrderEvent.class,
                    tenant.value(),
                    order.value());
        }

        /**
         * Up to {@code limit} pending entries, taken for this storage instance for its claim: this
         * instance sees them again until it acknowledges them, while another instance's relay skips them
         * (and every later entry of the same orders) until the claim lapses, so that two relays do not
         * deliver the same events at once and an order's events go out in sequence.
         */
        @Override
        public List<OutboxEntry> pending(int limit) {
            if (limit < 1) {
                throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
            }
            return db.transaction(c -> {
                List<OutboxEntry> out = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("UPDATE omskit_outbox SET claimed_by = ?,"
                        + " claimed_until = now() + ? * interval '1 millisecond' WHERE position IN ("
                        + "SELECT o.position FROM omskit_outbox o WHERE o.delivered_at IS NULL"
                        + " AND (o.claimed_by = ? OR o.claimed_until IS NULL OR o.claimed_until < now())"
                        + " AND NOT EXISTS (SELECT 1 FROM omskit_outbox e WHERE e.tenant = o.tenant"
                        + " AND e.order_id = o.order_id AND e.position < o.position AND e.delivered_at IS NULL"
                        + " AND e.claimed_by <> ? AND e.claimed_until >= now())"
                        + " ORDER BY o.position LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING position, body")) {
                    p.setString(1, relay);
                    p.setLong(2, claim.toMillis());
                    p.setString(3, relay);
                    p.setString(4, relay);
                    p.setInt(5, limit);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            Envelope env = codec.read(r.getString(2), Envelope.class);
                            out.add(new OutboxEntry(r.getLong(1), env.event()));
                        }
                    }
                }
                out.sort(java.util.Comparator.comparingLong(OutboxEntry::position));
                return out;
            });
        }

        @Override
        public void acknowledge(Collection<Long> positions) {
            Checks.notNull("positions", positions);
            if (positions.isEmpty()) {
                return;
            }
            db.transaction(c -> {
                Array ids = c.createArrayOf("bigint", positions.toArray());
                try (PreparedStatement p = c.prepareStatement("UPDATE omskit_outbox SET delivered_at = now()"
                        + " WHERE position = ANY (?) AND delivered_at IS NULL")) {
                    p.setArray(1, ids);
                    p.executeUpdate();
                }
                return null;
            });
        }
    }

    private final class Keys implements IdempotencyStore {
        @Override
        public Optional<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("key", key);
            return readOne(
                    "SELECT body FROM omskit_idempotency WHERE tenant = ? AND key = ?",
                    IdempotencyRecord.class,
                    tenant.value(),
                    key.value());
        }
    }

    private final class Documents implements DocumentStore {
        @Override
        public <D extends OrderDocument> Optional<D> find(TenantId tenant, DocumentKind<D> kind, String id) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("kind", kind);
            Checks.notNull("id", id);
            return readOne(
                    "SELECT body FROM omskit_document WHERE tenant = ? AND kind = ? AND id = ?",
                    kind.type(),
                    tenant.value(),
                    kind.name(),
                    id);
        }

        @Override
        public <D extends OrderDocument> Optional<D> findByReference(
                TenantId tenant, DocumentKind<D> kind, String reference) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("kind", kind);
            Checks.notNull("reference", reference);
            return readOne(
                    "SELECT d.body FROM omskit_document_reference r JOIN omskit_document d ON d.tenant = r.tenant"
                            + " AND d.kind = r.kind AND d.id = r.document_id"
                            + " WHERE r.tenant = ? AND r.kind = ? AND r.reference = ?",
                    kind.type(),
                    tenant.value(),
                    kind.name(),
                    reference);
        }

        @Override
        public List<OrderDocument> ofOrder(TenantId tenant, OrderId order) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("order", order);
            return readAll(
                    "SELECT body FROM omskit_document WHERE tenant = ? AND order_id = ? ORDER BY created_seq",
                    OrderDocument.class,
                    tenant.value(),
                    order.value());
        }

        @Override
        public <D extends OrderDocument> List<D> inStates(
                TenantId tenant, DocumentKind<D> kind, Set<State> states, int offset, int limit) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("kind", kind);
            Checks.notNull("states", states);
            if (offset < 0 || limit < 1) {
                throw InvalidArgumentException.of(
                        "limit", "OUT_OF_RANGE", "offset must be >= 0 and limit >= 1; were " + offset + ", " + limit);
            }
            if (states.isEmpty()) {
                return List.of();
            }
            return db.transaction(c -> {
                Array names =
                        c.createArrayOf("text", states.stream().map(State::name).toArray());
                try (PreparedStatement p = c.prepareStatement("SELECT body FROM omskit_document WHERE tenant = ?"
                        + " AND kind = ? AND state = ANY (?) ORDER BY created_seq OFFSET ? LIMIT ?")) {
                    p.setString(1, tenant.value());
                    p.setString(2, kind.name());
                    p.setArray(3, names);
                    p.setInt(4, offset);
                    p.setInt(5, limit);
                    return Sql.bodies(codec, p, kind.type());
                }
            });
        }

        @Override
        public List<DocumentEvent> trail(TenantId tenant, DocumentKind<?> kind, String id) {
            Checks.notNull("tenant", tenant);
            Checks.notNull("kind", kind);
            Checks.notNull("id", id);
            return readAll(
                    "SELECT body FROM omskit_document_event WHERE tenant = ? AND kind = ? AND document_id = ?"
                            + " ORDER BY sequence",
                    DocumentEvent.class,
                    tenant.value(),
                    kind.name(),
                    id);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Optional<Long> version(Connection c, String tenant, OrderId id) throws SQLException {
        return Sql.scalar(c, "SELECT version::text FROM omskit_order WHERE tenant = ? AND id = ?", tenant, id.value())
                .map(Long::parseLong);
    }

    private long documentVersion(Connection c, String tenant, String kind, String id) throws SQLException {
        return Sql.scalar(
                        c,
                        "SELECT version::text FROM omskit_document WHERE tenant = ? AND kind = ? AND id = ?",
                        tenant,
                        kind,
                        id)
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** The JSON body of the first row of one single-statement query, read as {@code type}. */
    private <T> Optional<T> readOne(String sql, Class<T> type, Object... args) {
        return Sql.first(readAll(sql, type, args));
    }

    /** The JSON bodies of one single-statement query, read as {@code type}. */
    private <T> List<T> readAll(String sql, Class<T> type, Object... args) {
        return db.read(c -> Sql.bodies(codec, c, sql, type, args));
    }
}
