package dev.omskit.testkit.tck;

import static dev.omskit.testkit.tck.Races.failures;
import static dev.omskit.testkit.tck.Races.race;
import static dev.omskit.testkit.tck.Races.successes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.CaptureResult;
import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.ConflictException;
import dev.omskit.core.event.EventHeader;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Hold;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
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
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.tck.Races.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the storage SPI: it proves that an {@link OmsStorage} keeps the contracts stated
 * in the {@code @implSpec} of {@link OrderStore}, {@link EventStore}, {@link IdempotencyStore} and {@link
 * OrderCommit}: atomic commits with an optimistic version check, unique channel order ids and idempotency
 * keys (also under concurrency), strict tenant isolation, query filters and paging, and an at-least-once
 * outbox.
 *
 * <p>A storage vendor proves their implementation with a ten-line subclass in their own test sources:
 *
 * <pre>{@code
 * class JdbcStorageCompatibilityTest extends OrderStoreCompatibilityKit {
 *     static final DataSource DATA_SOURCE = TestDatabase.start();
 *
 *     @Override
 *     protected OmsStorage createStorage() {
 *         TestDatabase.truncateAll(DATA_SOURCE); // every test starts from an empty store
 *         return JdbcStorage.create(DATA_SOURCE);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #createStorage()} is called once before every test. It must return a storage that is
 * <b>empty</b> (no orders, events, outbox entries or idempotency records in any tenant: outbox checks read
 * {@link EventStore#pending} across all tenants) and <b>isolated</b> from every other storage the kit has
 * created (a fresh schema, database or truncated tables). A storage that is {@link AutoCloseable} is closed
 * after the test.
 *
 * <p>The tests build their commits two ways: through an {@link Oms} running on the storage under test (the
 * real decide path, with {@link ManualClock} and {@link SequentialIds}), and as hand-made {@link
 * OrderCommit}s when a test needs precise control over ids, versions, keys and timestamps. The concurrency
 * tests use 8 real threads released together by a start gate; each waits at most 60 seconds.
 *
 */
public abstract class OrderStoreCompatibilityKit {
    /** The tenant most tests write to. */
    protected static final TenantId TENANT = TenantId.of("tck-tenant-a");
    /** A second tenant, for the isolation tests. */
    protected static final TenantId OTHER_TENANT = TenantId.of("tck-tenant-b");

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");
    private static final int THREADS = Races.THREADS;
    private static final int ALL = 100_000;
    private OmsStorage storage;
    private ManualClock clock;

    /**
     * A new, empty storage, isolated from every other one this kit has created. Called once before each
     * test; the result is used by that test only.
     */
    protected abstract OmsStorage createStorage();

    /** Creates the storage of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createFreshStorage() {
        storage = createStorage();
        assertThat(storage).as("createStorage()").isNotNull();
        assertThat(storage.orders()).as("storage.orders()").isNotNull();
        assertThat(storage.events()).as("storage.events()").isNotNull();
        assertThat(storage.idempotency()).as("storage.idempotency()").isNotNull();
        assertThat(storage.events().pending(ALL))
                .as("createStorage() must return an empty storage, but its outbox holds entries")
                .isEmpty();
        clock = ManualClock.at(T0);
    }

    /** Closes the storage of the test if it is {@link AutoCloseable}. */
    @AfterEach
    protected final void closeStorage() throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // ============================================================================================ commit

    @Nested
    @DisplayName(
            "Commit writes the order, its events, its outbox entries and its idempotency record together or not at all")
    class Commit {
        @Test
        @DisplayName("a new order is readable by id and by channel order id")
        void commit_newOrder_isReadableByIdAndByChannelOrderId() {
            OrderCommit commit = newOrder(TENANT, "o-1", "W-1");

            orders().commit(commit);

            assertThat(orders().find(TENANT, id("o-1"))).contains(commit.order());
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "W-1"))
                    .contains(commit.order());
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "W-2"))
                    .isEmpty();
            assertThat(orders().find(TENANT, id("o-2"))).isEmpty();
        }

        @Test
        @DisplayName("the events of commits appear in the trail in sequence order and in the pending outbox")
        void commit_events_appearInTrailInSequenceOrderAndInOutbox() {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1");
            orders().commit(created);
            OrderCommit twoMore = nextCommit(created.order(), 2, Optional.empty());

            orders().commit(twoMore);

            List<OrderEvent> expected = new ArrayList<>(created.events());
            expected.addAll(twoMore.events());
            assertThat(events().trail(TENANT, id("o-1"))).containsExactlyElementsOf(expected);
            assertThat(events().trail(TENANT, id("o-1")))
                    .extracting(e -> e.header().sequence())
                    .containsExactly(1L, 2L, 3L);
            assertThat(orders().find(TENANT, id("o-1"))).contains(twoMore.order());
            List<OutboxEntry> pending = events().pending(ALL);
            assertThat(pending).extracting(OutboxEntry::event).containsExactlyElementsOf(expected);
            assertPositionsIncrease(pending);
        }

        @Test
        @DisplayName("a commit with a stale expected version throws VersionConflictException and changes nothing")
        void commit_withStaleExpectedVersion_throwsVersionConflictAndChangesNothing() {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1");
            orders().commit(created);
            orders().commit(nextCommit(created.order(), 1, Optional.empty()));
            Snapshot before = snapshot(TENANT, id("o-1"));
            OrderCommit stale = nextCommit(created.order(), 1, Optional.of("key-stale"));

            assertThatThrownBy(() -> orders().commit(stale)).isInstanceOf(VersionConflictException.class);

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(before);
            assertThat(idempotency().find(TENANT, key("key-stale"))).isEmpty();
        }

        @Test
        @DisplayName("a commit expecting a version ahead of the stored one throws VersionConflictException")
        void commit_withExpectedVersionAhead_throwsVersionConflictAndChangesNothing() {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1");
            orders().commit(created);
            Order phantomV2 = nextCommit(created.order(), 1, Optional.empty()).order();
            Snapshot before = snapshot(TENANT, id("o-1"));

            assertThatThrownBy(() -> orders().commit(nextCommit(phantomV2, 1, Optional.empty())))
                    .isInstanceOf(VersionConflictException.class);

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(before);
        }

        @Test
        @DisplayName("a new order (expected version 0) whose id is taken throws VersionConflictException")
        void commit_newOrderWithTakenId_throwsVersionConflictAndChangesNothing() {
            OrderCommit first = newOrder(TENANT, "o-1", "W-1");
            orders().commit(first);
            Snapshot before = snapshot(TENANT, id("o-1"));

            assertThatThrownBy(() -> orders().commit(newOrder(TENANT, "o-1", "W-2")))
                    .isInstanceOf(VersionConflictException.class);

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(before);
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "W-2"))
                    .isEmpty();
        }

        @Test
        @DisplayName("a change to an order that does not exist throws VersionConflictException and stores nothing")
        void commit_changeOfMissingOrder_throwsVersionConflictAndStoresNothing() {
            Order neverStored = newOrder(TENANT, "o-1", "W-1").order();

            assertThatThrownBy(() -> orders().commit(nextCommit(neverStored, 1, Optional.empty())))
                    .isInstanceOf(VersionConflictException.class);

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(Snapshot.EMPTY);
        }

        @Test
        @DisplayName("a new order with a taken tenant, channel and channel order id throws"
                + " DuplicateChannelOrderException naming the existing order, and stores nothing")
        void commit_newOrderWithTakenChannelOrderId_throwsDuplicateNamingExistingAndStoresNothing() {
            OrderCommit first = newOrder(TENANT, "o-1", "W-1");
            orders().commit(first);
            Snapshot before = snapshot(TENANT, id("o-1"));
            OrderCommit duplicate = newOrder(TENANT, "o-2", "W-1", Optional.of("key-dup"));

            assertThatThrownBy(() -> orders().commit(duplicate))
                    .isInstanceOfSatisfying(DuplicateChannelOrderException.class, e -> assertThat(e.existing())
                            .isEqualTo(id("o-1")));

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(before);
            assertThat(orders().find(TENANT, id("o-2"))).isEmpty();
            assertThat(events().trail(TENANT, id("o-2"))).isEmpty();
            assertThat(idempotency().find(TENANT, key("key-dup"))).isEmpty();
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "W-1"))
                    .contains(first.order());
        }

        @Test
        @DisplayName("channel order ids are unique per tenant and channel only")
        void commit_sameChannelOrderIdInOtherChannelOrTenant_succeeds() {
            orders().commit(newOrder(TENANT, "o-1", "X-1"));

            orders().commit(newOrder(TENANT, "o-2", "X-1", OrderFixtures.SHOPEE, Optional.empty(), T0));
            orders().commit(newOrder(OTHER_TENANT, "o-1", "X-1"));

            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "X-1"))
                    .map(Order::id)
                    .contains(id("o-1"));
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.SHOPEE.id(), "X-1"))
                    .map(Order::id)
                    .contains(id("o-2"));
            assertThat(orders().findByChannelOrder(OTHER_TENANT, OrderFixtures.WEB.id(), "X-1"))
                    .map(Order::tenant)
                    .contains(OTHER_TENANT);
        }

        @Test
        @DisplayName("a new order with a used idempotency key throws DuplicateIdempotencyKeyException and"
                + " stores nothing, not even its channel order id")
        void commit_newOrderWithUsedIdempotencyKey_throwsAndStoresNothingNotEvenChannelClaim() {
            OrderCommit first = newOrder(TENANT, "o-1", "W-1", Optional.of("key-1"));
            orders().commit(first);
            IdempotencyRecord firstRecord = first.idempotency().orElseThrow();
            Snapshot before = snapshot(TENANT, id("o-1"));

            assertThatThrownBy(() -> orders().commit(newOrder(TENANT, "o-2", "W-2", Optional.of("key-1"))))
                    .isInstanceOf(DuplicateIdempotencyKeyException.class);

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(before);
            assertThat(orders().find(TENANT, id("o-2"))).isEmpty();
            assertThat(events().trail(TENANT, id("o-2"))).isEmpty();
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "W-2"))
                    .isEmpty();
            assertThat(idempotency().find(TENANT, key("key-1"))).contains(firstRecord);
            OrderCommit retry = newOrder(TENANT, "o-2", "W-2");
            orders().commit(retry);
            assertThat(orders().findByChannelOrder(TENANT, OrderFixtures.WEB.id(), "W-2"))
                    .contains(retry.order());
        }

        @Test
        @DisplayName(
                "a change with a used idempotency key throws DuplicateIdempotencyKeyException and" + " changes nothing")
        void commit_changeWithUsedIdempotencyKey_throwsAndChangesNothing() {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1");
            orders().commit(created);
            OrderCommit keyed = nextCommit(created.order(), 1, Optional.of("key-1"));
            orders().commit(keyed);
            Snapshot before = snapshot(TENANT, id("o-1"));

            assertThatThrownBy(() -> orders().commit(nextCommit(keyed.order(), 1, Optional.of("key-1"))))
                    .isInstanceOf(DuplicateIdempotencyKeyException.class);

            assertThat(snapshot(TENANT, id("o-1"))).isEqualTo(before);
            assertThat(idempotency().find(TENANT, key("key-1"))).isEqualTo(keyed.idempotency());
        }

        @Test
        @DisplayName("an idempotency record is readable, unchanged, as soon as its commit is")
        void commit_withIdempotencyRecord_recordIsReadable() {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1", Optional.of("key-new"));
            orders().commit(created);
            OrderCommit changed = nextCommit(created.order(), 1, Optional.of("key-change"));

            orders().commit(changed);

            assertThat(idempotency().find(TENANT, key("key-new"))).isEqualTo(created.idempotency());
            assertThat(idempotency().find(TENANT, key("key-change"))).isEqualTo(changed.idempotency());
            IdempotencyRecord record =
                    idempotency().find(TENANT, key("key-change")).orElseThrow();
            assertThat(record.result()).isEqualTo(changed.order());
            assertThat(record.orderId()).isEqualTo(id("o-1"));
            assertThat(idempotency().find(TENANT, key("key-unused"))).isEmpty();
        }

        @Test
        @DisplayName("orders committed through the facade read back exactly as the facade returned them")
        void commit_throughFacade_readsBackAsReturned() {
            Oms oms = omsOn(storage);
            Order captured =
                    oms.capture(OrderFixtures.capture().tenant(TENANT).build()).order();
            Order allocated = oms.transition(OrderFixtures.transition(captured, OrderTriggers.ALLOCATE));

            assertThat(orders().find(TENANT, captured.id())).contains(allocated);
            assertThat(events().trail(TENANT, captured.id()))
                    .extracting(e -> e.header().toStatus())
                    .containsExactly(OrderStatus.of(OrderStages.CREATED), OrderStatus.of(OrderStages.ALLOCATED));
        }
    }

    // =========================================================================================== tenancy

    @Nested
    @DisplayName("Tenancy: every read is scoped to its tenant, even for the same order id")
    class Tenancy {
        @Test
        @DisplayName("the same order id in two tenants names two independent orders")
        void commit_sameOrderIdInTwoTenants_ordersAreIndependent() {
            OrderCommit inA = newOrder(TENANT, "o-1", "W-1");
            OrderCommit inB = newOrder(OTHER_TENANT, "o-1", "W-1");
            orders().commit(inA);
            orders().commit(inB);

            OrderCommit changeA = nextCommit(inA.order(), 2, Optional.empty());
            orders().commit(changeA);

            assertThat(orders().find(TENANT, id("o-1"))).contains(changeA.order());
            assertThat(orders().find(OTHER_TENANT, id("o-1"))).contains(inB.order());
            assertThat(events().trail(TENANT, id("o-1"))).hasSize(3);
            assertThat(events().trail(OTHER_TENANT, id("o-1"))).containsExactlyElementsOf(inB.events());
            OrderCommit changeB = nextCommit(inB.order(), 1, Optional.empty());
            orders().commit(changeB);
            assertThat(orders().find(OTHER_TENANT, id("o-1")).map(Order::version))
                    .contains(2L);
        }

        @Test
        @DisplayName("find never returns an order of another tenant")
        void find_orderOfOtherTenant_isEmpty() {
            orders().commit(newOrder(TENANT, "o-1", "W-1"));

            assertThat(orders().find(OTHER_TENANT, id("o-1"))).isEmpty();
        }

        @Test
        @DisplayName("findByChannelOrder never returns an order of another tenant")
        void findByChannelOrder_orderOfOtherTenant_isEmpty() {
            orders().commit(newOrder(TENANT, "o-1", "W-1"));

            assertThat(orders().findByChannelOrder(OTHER_TENANT, OrderFixtures.WEB.id(), "W-1"))
                    .isEmpty();
        }

        @Test
        @DisplayName("query never returns orders of another tenant")
        void query_ordersOfOtherTenant_areNotReturned() {
            orders().commit(newOrder(TENANT, "o-1", "W-1"));
            orders().commit(newOrder(TENANT, "o-2", "W-2"));
            OrderCommit inB = newOrder(OTHER_TENANT, "o-9", "W-9");
            orders().commit(inB);

            assertThat(orders().query(OTHER_TENANT, OrderQuery.all())).containsExactly(inB.order());
            assertThat(orders().query(TENANT, OrderQuery.all()))
                    .extracting(Order::id)
                    .containsExactly(id("o-1"), id("o-2"));
            assertThat(orders().query(TenantId.of("tck-tenant-empty"), OrderQuery.all()))
                    .isEmpty();
        }

        @Test
        @DisplayName("trail never returns events of another tenant")
        void trail_ofOtherTenantsOrder_isEmpty() {
            orders().commit(newOrder(TENANT, "o-1", "W-1"));

            assertThat(events().trail(OTHER_TENANT, id("o-1"))).isEmpty();
        }

        @Test
        @DisplayName("idempotency records are scoped to their tenant: another tenant neither sees nor"
                + " collides with them")
        void idempotencyFind_keyOfOtherTenant_isEmptyAndReusable() {
            OrderCommit inA = newOrder(TENANT, "o-1", "W-1", Optional.of("shared-key"));
            orders().commit(inA);

            assertThat(idempotency().find(OTHER_TENANT, key("shared-key"))).isEmpty();

            OrderCommit inB = newOrder(OTHER_TENANT, "o-1", "W-1", Optional.of("shared-key"));
            orders().commit(inB);
            assertThat(idempotency().find(OTHER_TENANT, key("shared-key"))).isEqualTo(inB.idempotency());
            assertThat(idempotency().find(TENANT, key("shared-key"))).isEqualTo(inA.idempotency());
        }
    }

    // ============================================================================================= query

    @Nested
    @DisplayName("Query filters by every given criterion, orders by creation time then id, and pages")
    class Query {
        private final Map<String, Order> byName = new HashMap<>();

        /**
         * Five orders through the facade, one minute apart: o-1 web c-1 CREATED, o-2 shopee c-2 ALLOCATED,
         * o-3 web c-1 on hold, o-4 phone c-3 CREATED, o-5 shopee c-1 ALLOCATED.
         */
        @BeforeEach
        void captureFiveOrders() {
            Oms oms = omsOn(storage);
            Order o1 = capture(oms, OrderFixtures.WEB, "c-1");
            Order o2 = capture(oms, OrderFixtures.SHOPEE, "c-2");
            Order o3 = capture(oms, OrderFixtures.WEB, "c-1");
            Order o4 = capture(oms, OrderFixtures.PHONE, "c-3");
            Order o5 = capture(oms, OrderFixtures.SHOPEE, "c-1");
            o2 = oms.transition(OrderFixtures.transition(o2, OrderTriggers.ALLOCATE));
            o5 = oms.transition(OrderFixtures.transition(o5, OrderTriggers.ALLOCATE));
            o3 = oms.placeHold(PlaceHold.builder()
                    .tenant(TENANT)
                    .orderId(o3.id())
                    .actor(Actor.agent("tck"))
                    .type(HoldType.MANUAL)
                    .reason("customer called")
                    .build());
            for (Order o : List.of(o1, o2, o3, o4, o5)) {
                byName.put(o.id().value(), o);
            }
        }

        private Order capture(Oms oms, Channel channel, String customer) {
            clock.advance(Duration.ofMinutes(1));
            return oms.capture(OrderFixtures.capture()
                            .tenant(TENANT)
                            .channel(channel)
                            .customer(CustomerId.of(customer))
                            .build())
                    .order();
        }

        private List<Order> expected(String... names) {
            List<Order> list = new ArrayList<>();
            for (String name : names) {
                list.add(byName.get(name));
            }
            return list;
        }

        @Test
        @DisplayName("all() returns every order of the tenant, oldest first, as stored")
        void query_all_returnsEveryOrderOldestFirst() {
            assertThat(orders().query(TENANT, OrderQuery.all()))
                    .containsExactlyElementsOf(expected("o-1", "o-2", "o-3", "o-4", "o-5"));
        }

        @Test
        @DisplayName("by customer")
        void query_byCustomer_returnsThatCustomersOrders() {
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .customer(CustomerId.of("c-1"))
                                            .build()))
                    .containsExactlyElementsOf(expected("o-1", "o-3", "o-5"));
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .customer(CustomerId.of("c-404"))
                                            .build()))
                    .isEmpty();
        }

        @Test
        @DisplayName("by status")
        void query_byStatus_returnsOrdersInThatStatus() {
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .status(OrderStatus.of(OrderStages.ALLOCATED))
                                            .build()))
                    .containsExactlyElementsOf(expected("o-2", "o-5"));
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .status(OrderStatus.of(OrderStages.CREATED))
                                            .build()))
                    .containsExactlyElementsOf(expected("o-1", "o-3", "o-4"));
        }

        @Test
        @DisplayName("by channel")
        void query_byChannel_returnsOrdersOfThatChannel() {
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .channel(OrderFixtures.SHOPEE.id())
                                            .build()))
                    .containsExactlyElementsOf(expected("o-2", "o-5"));
        }

        @Test
        @DisplayName("by hold: only orders with an active hold, or only orders without")
        void query_byOnHold_returnsHeldOrUnheldOrders() {
            assertThat(orders().query(TENANT, OrderQuery.builder().onHold(true).build()))
                    .containsExactlyElementsOf(expected("o-3"));
            assertThat(orders().query(TENANT, OrderQuery.builder().onHold(false).build()))
                    .containsExactlyElementsOf(expected("o-1", "o-2", "o-4", "o-5"));
        }

        @Test
        @DisplayName("several criteria must all match")
        void query_withSeveralCriteria_returnsOrdersMatchingAll() {
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .customer(CustomerId.of("c-1"))
                                            .channel(OrderFixtures.WEB.id())
                                            .build()))
                    .containsExactlyElementsOf(expected("o-1", "o-3"));
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .customer(CustomerId.of("c-1"))
                                            .status(OrderStatus.of(OrderStages.CREATED))
                                            .onHold(false)
                                            .build()))
                    .containsExactlyElementsOf(expected("o-1"));
        }

        @Test
        @DisplayName("offset and limit page through the ordered result")
        void query_withOffsetAndLimit_returnsThatPage() {
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder().offset(0).limit(2).build()))
                    .containsExactlyElementsOf(expected("o-1", "o-2"));
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder().offset(2).limit(2).build()))
                    .containsExactlyElementsOf(expected("o-3", "o-4"));
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder().offset(4).limit(2).build()))
                    .containsExactlyElementsOf(expected("o-5"));
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder().offset(10).limit(2).build()))
                    .isEmpty();
            assertThat(orders().query(
                                    TENANT,
                                    OrderQuery.builder()
                                            .customer(CustomerId.of("c-1"))
                                            .offset(1)
                                            .limit(1)
                                            .build()))
                    .containsExactlyElementsOf(expected("o-3"));
        }

        @Test
        @DisplayName("orders created at the same instant are ordered by id, whatever the commit order")
        void query_sameCreationTime_ordersById() {
            Instant early = T0.minus(Duration.ofDays(1));
            Instant late = T0.plus(Duration.ofDays(1));
            OrderCommit b = newOrder(TENANT, "x-b", "X-B", OrderFixtures.WEB, Optional.empty(), early);
            OrderCommit c = newOrder(TENANT, "x-c", "X-C", OrderFixtures.WEB, Optional.empty(), late);
            OrderCommit a = newOrder(TENANT, "x-a", "X-A", OrderFixtures.WEB, Optional.empty(), early);
            orders().commit(c);
            orders().commit(b);
            orders().commit(a);

            List<Order> all = orders().query(TENANT, OrderQuery.all());

            assertThat(all)
                    .extracting(o -> o.id().value())
                    .containsExactly("x-a", "x-b", "o-1", "o-2", "o-3", "o-4", "o-5", "x-c");
        }
    }

    // ============================================================================================ outbox

    @Nested
    @DisplayName("Outbox: pending entries in commit order, each delivered at least once until acknowledged")
    class Outbox {
        private final List<OrderEvent> committed = new ArrayList<>();

        /** Three orders, then two more events on the first: five entries. */
        @BeforeEach
        void commitFiveEvents() {
            OrderCommit first = newOrder(TENANT, "o-1", "W-1");
            OrderCommit second = newOrder(OTHER_TENANT, "o-2", "W-2");
            OrderCommit third = newOrder(TENANT, "o-3", "W-3");
            OrderCommit more = nextCommit(first.order(), 2, Optional.empty());
            for (OrderCommit c : List.of(first, second, third, more)) {
                orders().commit(c);
                committed.addAll(c.events());
            }
        }

        @Test
        @DisplayName("a new storage has nothing pending")
        void pending_onEmptyStorage_isEmpty() {
            OmsStorage fresh = createStorage();
            try {
                assertThat(fresh.events().pending(10)).isEmpty();
            } finally {
                if (fresh instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("closing the second storage failed", e);
                    }
                }
            }
        }

        @Test
        @DisplayName("pending(limit) returns at most limit entries, oldest first, positions increasing")
        void pending_withLimit_returnsOldestEntriesInCommitOrder() {
            List<OutboxEntry> two = events().pending(2);
            List<OutboxEntry> all = events().pending(ALL);

            assertThat(two).extracting(OutboxEntry::event).containsExactlyElementsOf(committed.subList(0, 2));
            assertThat(all).extracting(OutboxEntry::event).containsExactlyElementsOf(committed);
            assertThat(all).startsWith(two.toArray(OutboxEntry[]::new));
            assertPositionsIncrease(all);
            assertThat(events().pending(1)).containsExactly(all.get(0));
        }

        @Test
        @DisplayName("acknowledged entries are no longer pending; the others stay, in order")
        void acknowledge_someEntries_removesThemOnly() {
            List<OutboxEntry> all = events().pending(ALL);

            events().acknowledge(List.of(all.get(0).position(), all.get(2).position()));

            assertThat(events().pending(ALL)).containsExactly(all.get(1), all.get(3), all.get(4));
            events().acknowledge(all.stream().map(OutboxEntry::position).collect(Collectors.toList()));
            assertThat(events().pending(ALL)).isEmpty();
        }

        @Test
        @DisplayName("acknowledging unknown or already acknowledged positions is a no-op")
        void acknowledge_unknownOrRepeatedPositions_isNoOp() {
            List<OutboxEntry> all = events().pending(ALL);
            long beyond = all.get(all.size() - 1).position() + 1_000;

            events().acknowledge(List.of(beyond, -1L));
            events().acknowledge(List.of());
            assertThat(events().pending(ALL)).isEqualTo(all);

            events().acknowledge(List.of(all.get(0).position()));
            events().acknowledge(List.of(all.get(0).position(), beyond));
            assertThat(events().pending(ALL)).isEqualTo(all.subList(1, all.size()));
        }

        @Test
        @DisplayName("unacknowledged entries are returned again, as often as asked (at least once)")
        void pending_withoutAcknowledge_returnsSameEntriesAgain() {
            List<OutboxEntry> first = events().pending(3);
            List<OutboxEntry> second = events().pending(3);

            assertThat(second).isEqualTo(first);
            events().acknowledge(List.of(first.get(0).position()));
            assertThat(events().pending(3)).startsWith(first.get(1), first.get(2));
        }

        @Test
        @DisplayName("entries of later commits get higher positions than every earlier one, acknowledged or not")
        void commit_afterAcknowledge_getsHigherPositions() {
            List<OutboxEntry> all = events().pending(ALL);
            long highest = all.get(all.size() - 1).position();
            events().acknowledge(all.stream().map(OutboxEntry::position).toList());

            OrderCommit later = newOrder(TENANT, "o-4", "W-4");
            orders().commit(later);

            List<OutboxEntry> pending = events().pending(ALL);
            assertThat(pending).extracting(OutboxEntry::event).containsExactlyElementsOf(later.events());
            assertThat(pending.get(0).position()).isGreaterThan(highest);
        }
    }

    // ======================================================================================= concurrency

    @Nested
    @DisplayName("Concurrency: the contract holds with 8 threads racing")
    class Concurrency {
        @Test
        @DisplayName("of 8 commits with the same expected version exactly one succeeds; the others get"
                + " VersionConflictException")
        void commit_eightRacingSameExpectedVersion_exactlyOneSucceeds() throws Exception {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1");
            orders().commit(created);

            List<Outcome<OrderCommit>> outcomes = race(THREADS, i -> () -> {
                OrderCommit mine = nextCommit(created.order(), 1, Optional.empty(), "racer " + i);
                orders().commit(mine);
                return mine;
            });

            List<OrderCommit> winners = successes(outcomes);
            assertThat(winners).hasSize(1);
            assertThat(failures(outcomes)).hasSize(THREADS - 1).allSatisfy(e -> assertThat(e)
                    .isInstanceOf(VersionConflictException.class));
            OrderCommit winner = winners.get(0);
            assertThat(orders().find(TENANT, id("o-1"))).contains(winner.order());
            assertThat(events().trail(TENANT, id("o-1")))
                    .hasSize(2)
                    .last()
                    .isEqualTo(winner.events().get(0));
            assertThat(events().pending(ALL)).hasSize(2);
        }

        @Test
        @DisplayName("of 8 new orders racing for one channel order id exactly one is stored; the others get"
                + " DuplicateChannelOrderException naming it")
        void commit_eightRacingNewOrdersSameChannelOrderId_exactlyOneStored() throws Exception {
            List<Outcome<OrderCommit>> outcomes = race(THREADS, i -> () -> {
                OrderCommit mine = newOrder(TENANT, "o-" + i, "W-1");
                orders().commit(mine);
                return mine;
            });

            List<OrderCommit> winners = successes(outcomes);
            assertThat(winners).hasSize(1);
            OrderId winner = winners.get(0).order().id();
            assertThat(failures(outcomes)).hasSize(THREADS - 1).allSatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(DuplicateChannelOrderException.class, d -> assertThat(d.existing())
                            .isEqualTo(winner)));
            assertThat(orders().query(TENANT, OrderQuery.all()))
                    .containsExactly(winners.get(0).order());
            assertThat(events().pending(ALL)).hasSize(1);
        }

        @Test
        @DisplayName("of 8 commits racing with one idempotency key exactly one succeeds; the others get"
                + " DuplicateIdempotencyKeyException")
        void commit_eightRacingSameIdempotencyKey_exactlyOneSucceeds() throws Exception {
            List<Outcome<OrderCommit>> outcomes = race(THREADS, i -> () -> {
                OrderCommit mine = newOrder(TENANT, "o-" + i, "W-" + i, Optional.of("one-key"));
                orders().commit(mine);
                return mine;
            });

            List<OrderCommit> winners = successes(outcomes);
            assertThat(winners).hasSize(1);
            assertThat(failures(outcomes)).hasSize(THREADS - 1).allSatisfy(e -> assertThat(e)
                    .isInstanceOf(DuplicateIdempotencyKeyException.class));
            assertThat(idempotency().find(TENANT, key("one-key")))
                    .isEqualTo(winners.get(0).idempotency());
            assertThat(orders().query(TENANT, OrderQuery.all()))
                    .containsExactly(winners.get(0).order());
            assertThat(events().pending(ALL)).hasSize(1);
        }

        @Test
        @DisplayName(
                "8 threads capturing one channel order through the facade all get the same order; one" + " created it")
        void capture_eightThreadsSameChannelOrder_oneOrderOneCaptureEvent() throws Exception {
            Oms oms = omsOn(storage, OmsConfig.defaults());
            CaptureOrder command = OrderFixtures.capture().tenant(TENANT).build();

            List<Outcome<CaptureResult>> outcomes = race(THREADS, i -> () -> oms.capture(command));

            assertThat(failures(outcomes)).isEmpty();
            List<CaptureResult> results = successes(outcomes);
            assertThat(results)
                    .extracting(r -> r.order().id())
                    .containsOnly(results.get(0).order().id());
            assertThat(results).filteredOn(CaptureResult::created).hasSize(1);
            List<Order> stored = orders().query(TENANT, OrderQuery.all());
            assertThat(stored).hasSize(1);
            Order order = stored.get(0);
            assertThat(order.id()).isEqualTo(results.get(0).order().id());
            assertThat(orders().findByChannelOrder(TENANT, command.channel().id(), command.channelOrderId()))
                    .contains(order);
            assertThat(events().trail(TENANT, order.id())).singleElement().isInstanceOf(OrderEvent.OrderCaptured.class);
            assertThat(events().pending(ALL)).hasSize(1);
        }

        @Test
        @DisplayName("8 threads x 200 transitions and holds on 20 shared orders leave every order, trail and"
                + " outbox consistent")
        void commands_eightThreadsOnTwentyOrders_versionsTrailsAndOutboxConsistent() throws Exception {
            Oms oms = omsOn(storage);
            List<Order> shared = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                shared.add(oms.capture(OrderFixtures.capture().tenant(TENANT).build())
                        .order());
            }

            List<Outcome<Integer>> outcomes = race(THREADS, thread -> () -> {
                Random random = new Random(31L * thread + 7);
                int applied = 0;
                for (int n = 0; n < 200; n++) {
                    Order target = shared.get(random.nextInt(shared.size()));
                    try {
                        randomCommand(oms, target.id(), random.nextInt(4), thread);
                        applied++;
                    } catch (OrderRejectedException | ConflictException refusedOrGaveUp) {
                        // expected: the order was in a state that refuses the command, or kept clashing
                    }
                }
                return applied;
            });

            assertThat(failures(outcomes)).isEmpty();
            int applied =
                    successes(outcomes).stream().mapToInt(Integer::intValue).sum();
            assertThat(applied).as("commands applied").isPositive();
            List<OutboxEntry> pending = events().pending(ALL);
            Set<Long> positions = pending.stream().map(OutboxEntry::position).collect(Collectors.toSet());
            assertThat(positions).as("outbox positions are unique").hasSize(pending.size());
            assertPositionsIncrease(pending);
            Map<OrderId, Long> entriesPerOrder = pending.stream()
                    .collect(Collectors.groupingBy(e -> e.event().orderId(), Collectors.counting()));
            long eventsAfterCapture = 0;
            for (Order o : shared) {
                Order stored = orders().find(TENANT, o.id()).orElseThrow();
                List<OrderEvent> trail = events().trail(TENANT, o.id());
                assertThat(trail).as("trail of %s", o.id()).hasSize((int) stored.version());
                assertThat(trail)
                        .extracting(e -> e.header().sequence())
                        .as("sequences of %s", o.id())
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.version())
                                .boxed()
                                .toList());
                assertThat(trail.get(trail.size() - 1).header().toStatus()).isEqualTo(stored.status());
                assertThat(entriesPerOrder.getOrDefault(o.id(), 0L))
                        .as("outbox entries of %s", o.id())
                        .isEqualTo(trail.size());
                assertEntriesOfOrderInSequence(pending, o.id());
                eventsAfterCapture += stored.version() - 1;
            }
            assertThat(eventsAfterCapture)
                    .as("every applied command appended exactly one event")
                    .isEqualTo(applied);
        }

        @Test
        @DisplayName("a DuplicateChannelOrderException names an order that is already readable by id and by"
                + " channel order id")
        void commit_racingNewOrdersSameChannelOrderId_duplicateNamesReadableOrder() throws Exception {
            for (int round = 0; round < 100; round++) {
                String channelOrderId = "R-" + round;
                String prefix = "o-" + round + "-";

                List<Outcome<Boolean>> outcomes = race(THREADS, i -> {
                    OrderCommit mine = newOrder(TENANT, prefix + i, channelOrderId);
                    return () -> commitAndCheckDuplicateIsReadable(mine);
                });

                assertThat(failures(outcomes)).as("round %s", round).isEmpty();
                assertThat(successes(outcomes))
                        .as("round %s: each duplicate named an order readable at that moment", round)
                        .containsOnly(true);
            }
        }

        @Test
        @DisplayName("readers never see half a commit: events in the trail or the outbox are never ahead of the"
                + " order's version")
        void reads_duringCommits_neverSeeHalfACommit() throws Exception {
            OrderCommit created = newOrder(TENANT, "o-1", "W-1");
            orders().commit(created);
            AtomicBoolean done = new AtomicBoolean();

            List<Outcome<Integer>> outcomes = race(THREADS, i -> () -> {
                if (i == 0) {
                    try {
                        Order current = created.order();
                        for (int n = 0; n < 2_000; n++) {
                            OrderCommit next = nextCommit(current, 1, Optional.empty());
                            orders().commit(next);
                            current = next.order();
                        }
                        return 0;
                    } finally {
                        done.set(true);
                    }
                }
                int torn = 0;
                while (!done.get()) {
                    long seen;
                    if (i % 2 == 1) {
                        seen = events().trail(TENANT, id("o-1")).size();
                    } else {
                        seen = events().pending(ALL).stream()
                                .map(OutboxEntry::event)
                                .filter(OrderEvent.class::isInstance)
                                .mapToLong(e -> ((OrderEvent) e).header().sequence())
                                .max()
                                .orElse(0);
                    }
                    long version =
                            orders().find(TENANT, id("o-1")).orElseThrow().version();
                    if (version < seen) {
                        torn++;
                    }
                }
                return torn;
            });

            assertThat(failures(outcomes)).isEmpty();
            assertThat(successes(outcomes))
                    .as("reads that saw events of a commit before its order")
                    .containsOnly(0);
        }

        /** Commits; on a duplicate, whether the order it names is readable by id and by channel order id. */
        private boolean commitAndCheckDuplicateIsReadable(OrderCommit commit) {
            try {
                orders().commit(commit);
                return true;
            } catch (DuplicateChannelOrderException e) {
                Order order = commit.order();
                return orders().find(TENANT, e.existing()).isPresent()
                        && orders().findByChannelOrder(TENANT, order.channel().id(), order.channelOrderId())
                                .map(Order::id)
                                .equals(Optional.of(e.existing()));
            }
        }

        private void randomCommand(Oms oms, OrderId order, int kind, int thread) {
            Actor actor = Actor.system("tck-thread-" + thread);
            switch (kind) {
                case 0, 1 -> oms.transition(TransitionOrder.builder()
                        .tenant(TENANT)
                        .orderId(order)
                        .actor(actor)
                        .trigger(kind == 0 ? OrderTriggers.ALLOCATE : OrderTriggers.DEALLOCATE)
                        .build());
                case 2 -> oms.placeHold(PlaceHold.builder()
                        .tenant(TENANT)
                        .orderId(order)
                        .actor(actor)
                        .type(HoldType.MANUAL)
                        .reason("held by thread " + thread)
                        .build());
                default -> oms.releaseHold(ReleaseHold.builder()
                        .tenant(TENANT)
                        .orderId(order)
                        .actor(actor)
                        .type(HoldType.MANUAL)
                        .note("released by thread " + thread)
                        .build());
            }
        }

        private void assertEntriesOfOrderInSequence(List<OutboxEntry> pending, OrderId order) {
            List<Long> sequences = pending.stream()
                    .map(OutboxEntry::event)
                    .filter(e -> e instanceof OrderEvent && e.orderId().equals(order))
                    .map(e -> ((OrderEvent) e).header().sequence())
                    .toList();
            assertThat(sequences)
                    .as("outbox entries of %s in sequence order", order)
                    .isSorted();
        }
    }

    // ========================================================================================== helpers

    private OrderStore orders() {
        return storage.orders();
    }

    private EventStore events() {
        return storage.events();
    }

    private IdempotencyStore idempotency() {
        return storage.idempotency();
    }

    private Oms omsOn(OmsStorage target) {
        return omsOn(target, OmsConfig.defaults());
    }

    private Oms omsOn(OmsStorage target, OmsConfig config) {
        return Oms.builder()
                .storage(target)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .config(config)
                .build();
    }

    private static OrderId id(String value) {
        return OrderId.of(value);
    }

    private static IdempotencyKey key(String value) {
        return IdempotencyKey.of(value);
    }

    private static Money vnd(long amount) {
        return OrderFixtures.vnd(amount);
    }

    private static OrderCommit newOrder(TenantId tenant, String id, String channelOrderId) {
        return newOrder(tenant, id, channelOrderId, Optional.empty());
    }

    private static OrderCommit newOrder(TenantId tenant, String id, String channelOrderId, Optional<String> key) {
        return newOrder(tenant, id, channelOrderId, OrderFixtures.WEB, key, T0);
    }

    /** A hand-made capture: order version 1 with its {@code OrderCaptured} event. */
    private static OrderCommit newOrder(
            TenantId tenant, String id, String channelOrderId, Channel channel, Optional<String> key, Instant at) {
        OrderStatus status = OrderStatus.of(OrderStages.CREATED);
        Order order = Order.builder()
                .tenant(tenant)
                .id(OrderId.of(id))
                .version(1)
                .channel(channel)
                .channelOrderId(channelOrderId)
                .buyer(Buyer.named("TCK Buyer"))
                .shippingAddress(OrderFixtures.address())
                .currency(Money.currency("VND"))
                .taxMode(TaxMode.PRICES_EXCLUDE_TAX)
                .addLines(OrderLine.builder()
                        .id(LineId.of("L1"))
                        .sku(Sku.of("SKU-1"))
                        .unitPrice(vnd(100_000))
                        .discount(vnd(0))
                        .vatRate(VatRate.ZERO)
                        .quantities(LineQuantities.of(OrderStages.CREATED, 2))
                        .build())
                .shippingFee(vnd(0))
                .paymentMethod(PaymentMethod.PREPAID)
                .paymentStatus(PaymentStates.PAID)
                .status(status)
                .createdBy(Actor.channel(channel.id()))
                .placedAt(at)
                .createdAt(at)
                .updatedAt(at)
                .build();
        EventHeader header =
                EventHeader.of(tenant, order.id(), 1, at, Actor.channel(channel.id()), Optional.empty(), status);
        return new OrderCommit(
                tenant, order, 0, List.of(new OrderEvent.OrderCaptured(header, order)), record(order, key));
    }

    private static OrderCommit nextCommit(Order current, int events, Optional<String> key) {
        return nextCommit(current, events, key, "tck");
    }

    /**
     * A hand-made change of {@code current}: {@code events} events that alternately place and release a
     * manual hold, the order after them, and {@code current.version()} as the expected version.
     */
    private static OrderCommit nextCommit(Order current, int events, Optional<String> key, String note) {
        Actor actor = Actor.agent("tck");
        Order order = current;
        List<OrderEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long sequence = order.version() + 1;
            Instant at = order.updatedAt().plusSeconds(1);
            EventHeader header = EventHeader.of(
                    order.tenant(), order.id(), sequence, at, actor, Optional.of(order.status()), order.status());
            Order.Builder next = Order.builder().from(order).version(sequence).updatedAt(at);
            if (order.isOnHold()) {
                list.add(new OrderEvent.HoldReleased(header, HoldType.MANUAL, note));
                order = next.holds(List.of()).build();
            } else {
                Hold hold = new Hold(HoldType.MANUAL, note, actor, at);
                list.add(new OrderEvent.HoldPlaced(header, hold));
                order = next.holds(List.of(hold)).build();
            }
        }
        return new OrderCommit(current.tenant(), order, current.version(), list, record(order, key));
    }

    private static Optional<IdempotencyRecord> record(Order result, Optional<String> key) {
        return key.map(k -> new IdempotencyRecord(
                result.tenant(),
                IdempotencyKey.of(k),
                result.version() == 1 ? "CaptureOrder" : "PlaceHold",
                "tck-fingerprint-" + k,
                result.id(),
                result,
                result.updatedAt()));
    }

    private static void assertPositionsIncrease(List<OutboxEntry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).position())
                    .as(
                            "outbox position of entry %s after %s",
                            i, entries.get(i - 1).position())
                    .isGreaterThan(entries.get(i - 1).position());
        }
    }

    /** What a reader sees of one order: the order, its trail, and the whole pending outbox. */
    private record Snapshot(Optional<Order> order, List<OrderEvent> trail, List<OutboxEntry> pending) {
        static final Snapshot EMPTY = new Snapshot(Optional.empty(), List.of(), List.of());
    }

    private Snapshot snapshot(TenantId tenant, OrderId id) {
        return new Snapshot(
                orders().find(tenant, id), List.copyOf(events().trail(tenant, id)), List.copyOf(events().pending(ALL)));
    }
}
