package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of {@link SyncWorkStore}: enqueueing is idempotent by key and coalesces newer data
 * into pending work, due work comes earliest first, every change is a compare-and-set on the version (a
 * stale writer writes nothing), finished work can be asked for again, parked work is listed, tenants are
 * isolated, and racing enqueuers and workers never lose the newest data. Extend it with {@link
 * #createStore()} returning an empty store per test.
 */
public abstract class SyncWorkStoreCompatibilityKit {
    private static final TenantId A = TenantId.of("tck-sync-a");
    private static final TenantId B = TenantId.of("tck-sync-b");
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    private SyncWorkStore store;

    /** A new, empty store. */
    protected abstract SyncWorkStore createStore();

    /** Creates the store of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createFreshStore() {
        store = createStore();
    }

    private SyncWork enqueue(TenantId tenant, String key, String units, Instant at) {
        return store.enqueue(tenant, key, "shopee-vn", "PUSH_STOCK", Map.of("units", units), at);
    }

    @Test
    @DisplayName("the same work asked for twice is one pending item carrying the newer data")
    void enqueue_isIdempotentAndCoalesces() {
        SyncWork first = enqueue(A, "stock:shopee-vn:SKU-1", "5", T0);
        SyncWork again = enqueue(A, "stock:shopee-vn:SKU-1", "3", T0.plusSeconds(1));

        assertThat(first.state()).isEqualTo(SyncState.PENDING);
        assertThat(first.version()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.payload()).containsEntry("units", "3");
        assertThat(again.notBefore()).isEqualTo(T0);
        assertThat(store.due(T0.plusSeconds(5), 10)).containsExactly(again);
    }

    @Test
    @DisplayName("due work is pending work whose time has come, earliest first")
    void due_isEarliestFirst() {
        SyncWork late = enqueue(A, "k-late", "1", T0.plusSeconds(10));
        SyncWork early = enqueue(A, "k-early", "1", T0);
        SyncWork retry = early.retryLater(FailureKind.RETRYABLE, "HTTP 503", T0.plusSeconds(30), T0.plusSeconds(1));
        assertThat(store.replace(early, retry)).isTrue();

        assertThat(store.due(T0.plusSeconds(20), 10)).containsExactly(late);
        assertThat(store.due(T0.plusSeconds(30), 10)).containsExactly(late, retry);
        assertThat(store.due(T0.plusSeconds(30), 1)).containsExactly(late);
        assertThat(store.due(T0.minusSeconds(1), 10)).isEmpty();
    }

    @Test
    @DisplayName("a change from a stale version writes nothing")
    void replace_isCompareAndSet() {
        SyncWork v1 = enqueue(A, "k", "5", T0);
        SyncWork v2 = enqueue(A, "k", "4", T0.plusSeconds(1));

        assertThat(store.replace(v1, v1.done(T0.plusSeconds(2))))
                .as("a worker that read v1")
                .isFalse();
        assertThat(store.find(A, "k")).contains(v2);
        assertThat(store.replace(v2, v2.done(T0.plusSeconds(3)))).isTrue();
        assertThat(store.find(A, "k").orElseThrow().state()).isEqualTo(SyncState.DONE);
    }

    @Test
    @DisplayName("finished work asked for again is pending again; parked work keeps its reason and gets newer data")
    void finishedAndParked() {
        SyncWork v1 = enqueue(A, "done", "5", T0);
        store.replace(v1, v1.done(T0));
        SyncWork again = enqueue(A, "done", "2", T0.plusSeconds(5));
        assertThat(again.state()).isEqualTo(SyncState.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(again.version()).isEqualTo(3);

        SyncWork p1 = enqueue(A, "parked", "5", T0);
        SyncWork parked = p1.park(FailureKind.NOT_RETRYABLE, "SKU not listed", T0.plusSeconds(1));
        store.replace(p1, parked);
        SyncWork newer = enqueue(A, "parked", "9", T0.plusSeconds(2));
        assertThat(newer.state()).isEqualTo(SyncState.PARKED);
        assertThat(newer.lastFailure()).contains("SKU not listed");
        assertThat(newer.payload()).containsEntry("units", "9");
        assertThat(store.inState(A, SyncState.PARKED, 0, 10)).containsExactly(newer);
        assertThat(store.due(T0.plusSeconds(60), 10)).extracting(SyncWork::key).doesNotContain("parked");
        SyncWork retried = newer.retryNow(T0.plusSeconds(3));
        assertThat(store.replace(newer, retried)).isTrue();
        assertThat(store.due(T0.plusSeconds(3), 10)).extracting(SyncWork::key).contains("parked");
    }

    @Test
    @DisplayName("one tenant never sees another's work, even under the same key")
    void tenants_areIsolated() {
        enqueue(A, "k", "1", T0);
        enqueue(B, "k", "2", T0);

        assertThat(store.find(A, "k").orElseThrow().payload()).containsEntry("units", "1");
        assertThat(store.find(B, "k").orElseThrow().payload()).containsEntry("units", "2");
        assertThat(store.inState(A, SyncState.PENDING, 0, 10))
                .extracting(SyncWork::tenant)
                .containsOnly(A);
        assertThat(store.countInState(A, SyncState.PENDING)).isEqualTo(1);
        assertThat(store.countInState(B, SyncState.PARKED)).isZero();
    }

    @Test
    @DisplayName("countInState counts what inState lists, per tenant and state, past one page")
    void countInState_matchesInState() {
        for (int i = 0; i < 520; i++) {
            enqueue(A, "p-" + i, "1", T0);
        }
        for (int i = 0; i < 3; i++) {
            SyncWork w = enqueue(A, "x-" + i, "1", T0);
            assertThat(store.replace(w, w.park(FailureKind.NOT_RETRYABLE, "no", T0.plusSeconds(1))))
                    .isTrue();
        }
        enqueue(B, "p-0", "1", T0);

        assertThat(store.countInState(A, SyncState.PENDING)).isEqualTo(520);
        assertThat(store.countInState(A, SyncState.PARKED)).isEqualTo(3);
        assertThat(store.countInState(A, SyncState.DONE)).isZero();
        assertThat(store.countInState(B, SyncState.PENDING)).isEqualTo(1);
        int listed = 0;
        for (int offset = 0; ; offset += 100) {
            int got = store.inState(A, SyncState.PENDING, offset, 100).size();
            listed += got;
            if (got < 100) {
                break;
            }
        }
        assertThat(listed).isEqualTo(520);
    }

    @Test
    @DisplayName("racing enqueuers and a worker: the newest data is always pushed last, nothing is lost")
    void race_newestDataIsNeverLost() throws InterruptedException {
        AtomicInteger pushedLast = new AtomicInteger(-1);
        List<Races.Outcome<Integer>> outcomes = Races.race(Races.THREADS, i -> () -> {
            if (i == 0) {
                // the worker: keeps taking due work and marking it done, as the engine does
                long until = System.nanoTime() + Duration.ofMillis(400).toNanos();
                while (System.nanoTime() < until) {
                    for (SyncWork w : store.due(T0.plusSeconds(3600), 10)) {
                        if (store.replace(w, w.done(T0))) {
                            pushedLast.set(Integer.parseInt(w.payload().get("units")));
                        }
                    }
                }
                return -1;
            }
            for (int n = 1; n <= 200; n++) {
                enqueue(A, "stock:SKU-HOT", String.valueOf(i * 1000 + n), T0);
            }
            return i;
        });
        assertThat(Races.failures(outcomes)).isEmpty();
        // drain what is left, as the engine's next round would
        for (SyncWork w : store.due(T0.plusSeconds(3600), 10)) {
            if (store.replace(w, w.done(T0))) {
                pushedLast.set(Integer.parseInt(w.payload().get("units")));
            }
        }

        SyncWork finalState = store.find(A, "stock:SKU-HOT").orElseThrow();
        assertThat(finalState.state()).isEqualTo(SyncState.DONE);
        assertThat(pushedLast.get())
                .as("what was pushed last is what was enqueued last")
                .isEqualTo(Integer.parseInt(finalState.payload().get("units")));
        List<Integer> writers = new ArrayList<>(Races.successes(outcomes));
        assertThat(writers).hasSize(Races.THREADS);
    }
}
