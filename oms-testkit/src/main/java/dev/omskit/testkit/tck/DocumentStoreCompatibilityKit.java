package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Oms;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.EventHeader;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Hold;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.DocumentStore;
import dev.omskit.core.spi.DocumentWrite;
import dev.omskit.core.spi.DuplicateReferenceException;
import dev.omskit.core.spi.OmsStorage;
import dev.omskit.core.spi.OrderCommit;
import dev.omskit.core.spi.OutboxEntry;
import dev.omskit.core.spi.VersionConflictException;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of order documents: it proves that an {@link OmsStorage} keeps the contract in the
 * {@code @implSpec} of {@link DocumentStore} and of {@link OrderCommit#documents()}: documents written
 * atomically with their order under version checks of both, unique references per tenant and kind (also
 * under concurrency), trails and outbox entries in sequence, creation-order lists, paging by state, and
 * strict tenant isolation.
 *
 * <p>Subclass it as {@link OrderStoreCompatibilityKit} is subclassed; {@link #createStorage()} must
 * return an empty, isolated storage before every test. Orders are captured through an {@link Oms} on the
 * storage; documents are hand-made {@link TckDocument}s.
 */
public abstract class DocumentStoreCompatibilityKit {
    private static final TenantId TENANT = OrderFixtures.TENANT;
    private static final TenantId OTHER_TENANT = TenantId.of("tck-tenant-b");
    private static final State OPEN = State.of("OPEN");
    private static final State DONE = State.of("DONE");
    private static final Trigger CREATE = Trigger.of("CREATE");
    private static final Trigger UPDATE = Trigger.of("UPDATE");
    private static final Actor ACTOR = Actor.agent("tck");
    private static final int ALL = 100_000;

    private OmsStorage storage;
    private ManualClock clock;
    private Oms oms;

    /** A new, empty storage, isolated from every other one; called before each test. */
    protected abstract OmsStorage createStorage();

    /** Creates the storage and a facade over it; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createFreshStorage() {
        storage = createStorage();
        assertThat(storage.documents()).as("storage.documents()").isNotNull();
        clock = ManualClock.at("2026-11-11T00:00:00Z");
        oms = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
    }

    /** Closes the storage if it is {@link AutoCloseable}. */
    @AfterEach
    protected final void closeStorage() throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    @DisplayName("a document committed with its order is readable by id, order, reference and trail")
    void create_isReadableEveryWay() {
        Order order = captured(TENANT);
        TckDocument doc = doc(order, "d-1", Set.of("ref-1"));

        commit(order, List.of(), create(doc));

        assertThat(docs().find(TENANT, TckDocument.KIND, "d-1")).contains(doc);
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-1")).contains(doc);
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-2")).isEmpty();
        assertThat(docs().ofOrder(TENANT, order.id())).containsExactly(doc);
        assertThat(docs().ofOrder(TENANT, order.id(), TckDocument.KIND)).containsExactly(doc);
        assertThat(docs().trail(TENANT, TckDocument.KIND, "d-1"))
                .extracting(DocumentEvent::sequence)
                .containsExactly(1L);
        assertThat(storage.orders().find(TENANT, order.id())).contains(order);
    }

    @Test
    @DisplayName("order events and document events of one commit reach the outbox in that order")
    void commit_withOrderEventsAndDocuments_outboxHoldsBothInOrder() {
        Order order = captured(TENANT);
        acknowledgeAll();
        Order held = held(order);
        OrderEvent hold = holdEvent(order, held);
        TckDocument doc = doc(held, "d-1", Set.of());

        commit(order, held, List.of(hold), create(doc));

        List<OmsEvent> pending =
                storage.events().pending(ALL).stream().map(OutboxEntry::event).toList();
        assertThat(pending).hasSize(2);
        assertThat(pending.get(0)).isEqualTo(hold);
        assertThat(pending.get(1)).isInstanceOf(DocumentEvent.class);
        assertThat(storage.orders().find(TENANT, order.id()).orElseThrow().version())
                .isEqualTo(order.version() + 1);
    }

    @Test
    @DisplayName("versions follow each other: the trail grows in sequence and a stale write changes nothing")
    void update_staleVersion_isVersionConflictAndChangesNothing() {
        Order order = captured(TENANT);
        TckDocument v1 = doc(order, "d-1", Set.of("ref-1"));
        commit(order, List.of(), create(v1));
        TckDocument v2 = v1.next(DONE, Set.of("ref-1"), "second", clock.instant());
        commit(order, List.of(), update(v1, v2));
        int outbox = storage.events().pending(ALL).size();

        TckDocument staleV2 = v1.next(OPEN, Set.of("ref-9"), "stale", clock.instant());
        assertThatThrownBy(() -> commit(order, List.of(), update(v1, staleV2)))
                .isInstanceOf(VersionConflictException.class);

        assertThat(docs().find(TENANT, TckDocument.KIND, "d-1")).contains(v2);
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-9")).isEmpty();
        assertThat(docs().trail(TENANT, TckDocument.KIND, "d-1"))
                .extracting(DocumentEvent::sequence)
                .containsExactly(1L, 2L);
        assertThat(storage.events().pending(ALL)).hasSize(outbox);
    }

    @Test
    @DisplayName("a document created twice (expected version 0 on an existing id) is a version conflict")
    void create_existingId_isVersionConflict() {
        Order order = captured(TENANT);
        commit(order, List.of(), create(doc(order, "d-1", Set.of())));

        assertThatThrownBy(() -> commit(order, List.of(), create(doc(order, "d-1", Set.of("ref-x")))))
                .isInstanceOf(VersionConflictException.class);
        assertThat(docs().ofOrder(TENANT, order.id())).hasSize(1);
    }

    @Test
    @DisplayName("a stale order version fails the whole commit: no document is written")
    void commit_staleOrder_writesNoDocument() {
        Order order = captured(TENANT);
        Order held = held(order);
        commit(order, held, List.of(holdEvent(order, held)));
        int outbox = storage.events().pending(ALL).size();

        assertThatThrownBy(() -> commit(order, List.of(), create(doc(order, "d-1", Set.of("ref-1")))))
                .isInstanceOf(VersionConflictException.class);

        assertThat(docs().find(TENANT, TckDocument.KIND, "d-1")).isEmpty();
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-1")).isEmpty();
        assertThat(storage.events().pending(ALL)).hasSize(outbox);
    }

    @Test
    @DisplayName("a reference held by another document is a DuplicateReferenceException and nothing is written")
    void reference_heldElsewhere_isDuplicateAndNothingIsWritten() {
        Order first = captured(TENANT);
        Order second = captured(TENANT);
        commit(first, List.of(), create(doc(first, "d-1", Set.of("ref-1"))));
        int outbox = storage.events().pending(ALL).size();

        assertThatThrownBy(() -> commit(
                        second,
                        List.of(),
                        create(doc(second, "d-2", Set.of("ref-2"))),
                        create(doc(second, "d-3", Set.of("ref-1")))))
                .isInstanceOf(DuplicateReferenceException.class)
                .satisfies(e ->
                        assertThat(((DuplicateReferenceException) e).holder()).isEqualTo("d-1"));

        assertThat(docs().ofOrder(TENANT, second.id())).isEmpty();
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-2")).isEmpty();
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-1").map(TckDocument::id))
                .contains("d-1");
        assertThat(storage.events().pending(ALL)).hasSize(outbox);
    }

    @Test
    @DisplayName("a reference a document gives up can be taken by another; references are per kind")
    void reference_givenUp_isFreeAgain_andKindsAreSeparate() {
        Order order = captured(TENANT);
        TckDocument v1 = doc(order, "d-1", Set.of("ref-1"));
        commit(order, List.of(), create(v1));
        commit(order, List.of(), update(v1, v1.next(DONE, Set.of("ref-2"), "moved", clock.instant())));

        commit(order, List.of(), create(doc(order, "d-2", Set.of("ref-1"))));
        commit(order, List.of(), create(doc(order, "other-1", Set.of("ref-2"))));

        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-1").map(TckDocument::id))
                .contains("d-2");
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-2").map(TckDocument::id))
                .contains("d-1");
        assertThat(docs().findByReference(TENANT, TckDocument.OTHER_KIND, "ref-2")
                        .map(TckDocument::id))
                .contains("other-1");
        assertThat(docs().ofOrder(TENANT, order.id(), TckDocument.OTHER_KIND))
                .extracting(TckDocument::id)
                .containsExactly("other-1");
    }

    @Test
    @DisplayName("lists are in creation order and inStates pages documents of one kind by state")
    void lists_areInCreationOrder_andInStatesPages() {
        Order a = captured(TENANT);
        Order b = captured(TENANT);
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Order order = i % 2 == 0 ? b : a;
            TckDocument d = doc(order, "d-" + i, Set.of());
            commit(storage.orders().find(TENANT, order.id()).orElseThrow(), List.of(), create(d));
            if (i % 3 == 0) {
                commit(order, List.of(), update(d, d.next(DONE, Set.of(), "done", clock.instant())));
            }
            created.add(d.id());
            clock.advance(java.time.Duration.ofSeconds(1));
        }

        assertThat(docs().ofOrder(TENANT, a.id())).extracting(OrderDocument::id).containsExactly("d-1", "d-3", "d-5");
        assertThat(docs().inStates(TENANT, TckDocument.KIND, Set.of(OPEN), 0, 10))
                .extracting(TckDocument::id)
                .containsExactly("d-1", "d-2", "d-4", "d-5");
        assertThat(docs().inStates(TENANT, TckDocument.KIND, Set.of(OPEN, DONE), 2, 3))
                .extracting(TckDocument::id)
                .containsExactly("d-3", "d-4", "d-5");
        assertThat(docs().inStates(TENANT, TckDocument.OTHER_KIND, Set.of(OPEN, DONE), 0, 10))
                .isEmpty();
        assertThat(created).hasSize(6);
    }

    @Test
    @DisplayName("one tenant never sees another's documents, even with the same ids and references")
    void tenants_areIsolated() {
        Order mine = captured(TENANT);
        Order theirs = captured(OTHER_TENANT);
        TckDocument myDoc = doc(mine, "d-1", Set.of("ref-1"));
        TckDocument theirDoc = doc(theirs, "d-1", Set.of("ref-1"));

        commit(mine, List.of(), create(myDoc));
        commit(theirs, List.of(), create(theirDoc));

        assertThat(docs().find(TENANT, TckDocument.KIND, "d-1")).contains(myDoc);
        assertThat(docs().find(OTHER_TENANT, TckDocument.KIND, "d-1")).contains(theirDoc);
        assertThat(docs().findByReference(OTHER_TENANT, TckDocument.KIND, "ref-1"))
                .contains(theirDoc);
        assertThat(docs().ofOrder(OTHER_TENANT, mine.id())).doesNotContain(myDoc);
        assertThat(docs().inStates(OTHER_TENANT, TckDocument.KIND, Set.of(OPEN), 0, 10))
                .containsExactly(theirDoc);
        assertThat(docs().trail(OTHER_TENANT, TckDocument.KIND, "d-1"))
                .extracting(DocumentEvent::document)
                .containsExactly(theirDoc);
    }

    @Test
    @DisplayName("8 threads claiming one reference on different orders: exactly one wins")
    void race_sameReference_exactlyOneWins() throws InterruptedException {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < Races.THREADS; i++) {
            orders.add(captured(TENANT));
        }

        List<Races.Outcome<String>> outcomes = Races.race(Races.THREADS, i -> () -> {
            Order order = orders.get(i);
            commit(order, List.of(), create(doc(order, "d-" + i, Set.of("contested"))));
            return "d-" + i;
        });

        List<String> winners = Races.successes(outcomes);
        assertThat(winners).hasSize(1);
        assertThat(Races.failures(outcomes)).allMatch(DuplicateReferenceException.class::isInstance);
        assertThat(docs().findByReference(TENANT, TckDocument.KIND, "contested").map(TckDocument::id))
                .contains(winners.get(0));
        long written = orders.stream()
                .mapToLong(o -> docs().ofOrder(TENANT, o.id()).size())
                .sum();
        assertThat(written).isEqualTo(1);
    }

    @Test
    @DisplayName("8 threads updating one document from the same version: exactly one wins")
    void race_sameVersion_exactlyOneWins() throws InterruptedException {
        Order order = captured(TENANT);
        TckDocument v1 = doc(order, "d-1", Set.of());
        commit(order, List.of(), create(v1));

        List<Races.Outcome<String>> outcomes = Races.race(Races.THREADS, i -> () -> {
            commit(order, List.of(), update(v1, v1.next(DONE, Set.of("ref-" + i), "writer " + i, clock.instant())));
            return "writer " + i;
        });

        List<String> winners = Races.successes(outcomes);
        assertThat(winners).hasSize(1);
        assertThat(Races.failures(outcomes)).allMatch(VersionConflictException.class::isInstance);
        TckDocument stored = docs().find(TENANT, TckDocument.KIND, "d-1").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.note()).isEqualTo(winners.get(0));
        assertThat(docs().trail(TENANT, TckDocument.KIND, "d-1")).hasSize(2);
        for (int i = 0; i < Races.THREADS; i++) {
            boolean mine = stored.note().equals("writer " + i);
            assertThat(docs().findByReference(TENANT, TckDocument.KIND, "ref-" + i)
                            .isPresent())
                    .as("ref-%s is held only by the winner", i)
                    .isEqualTo(mine);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private DocumentStore docs() {
        return storage.documents();
    }

    private Order captured(TenantId tenant) {
        return oms.capture(OrderFixtures.capture().tenant(tenant).build()).order();
    }

    /** {@code order} with a manual hold placed, one version on. */
    private Order held(Order order) {
        Instant at = clock.instant();
        return Order.builder()
                .from(order)
                .version(order.version() + 1)
                .updatedAt(at)
                .holds(List.of(new Hold(HoldType.MANUAL, "tck", ACTOR, at)))
                .build();
    }

    private static OrderEvent holdEvent(Order before, Order after) {
        EventHeader header = EventHeader.of(
                before.tenant(),
                before.id(),
                after.version(),
                after.updatedAt(),
                ACTOR,
                Optional.of(before.status()),
                after.status());
        return new OrderEvent.HoldPlaced(header, after.holds().get(0));
    }

    private void acknowledgeAll() {
        storage.events()
                .acknowledge(storage.events().pending(ALL).stream()
                        .map(OutboxEntry::position)
                        .toList());
    }

    private TckDocument doc(Order order, String id, Set<String> references) {
        Instant at = clock.instant();
        return new TckDocument(order.tenant(), order.id(), id, 1, OPEN, references, "first", at, at);
    }

    private DocumentWrite create(TckDocument doc) {
        return new DocumentWrite(
                doc, 0, List.of(DocumentEvent.of(null, doc, CREATE, ACTOR, doc.updatedAt(), "created")));
    }

    private DocumentWrite update(TckDocument before, TckDocument after) {
        return new DocumentWrite(
                after,
                before.version(),
                List.of(DocumentEvent.of(before, after, UPDATE, ACTOR, after.updatedAt(), "updated")));
    }

    /** A commit of documents alone, on {@code order} as the caller last read it. */
    private void commit(Order order, List<OrderEvent> events, DocumentWrite... writes) {
        commit(order, order, events, writes);
    }

    private void commit(Order before, Order after, List<OrderEvent> events, DocumentWrite... writes) {
        storage.orders()
                .commit(new OrderCommit(
                        before.tenant(), after, before.version(), events, Optional.empty(), List.of(writes)));
    }
}
