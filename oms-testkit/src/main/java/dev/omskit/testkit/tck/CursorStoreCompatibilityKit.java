package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.core.model.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of {@link CursorStore}: cursors start empty, move only from the value the mover
 * read (compare-and-set, also between racing threads), and are separate per tenant, connector and feed.
 * Extend it with {@link #createStore()} returning an empty store per test.
 */
public abstract class CursorStoreCompatibilityKit {
    private static final TenantId A = TenantId.of("tck-cursor-a");
    private static final TenantId B = TenantId.of("tck-cursor-b");

    private CursorStore store;

    /** A new, empty store. */
    protected abstract CursorStore createStore();

    /** Creates the store of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createFreshStore() {
        store = createStore();
    }

    @Test
    @DisplayName("a cursor starts empty and moves only from the value the mover read")
    void advance_isCompareAndSet() {
        assertThat(store.cursor(A, "shopee-vn", "shop-1")).isEmpty();
        assertThat(store.advance(A, "shopee-vn", "shop-1", Optional.empty(), "seq:10"))
                .isTrue();
        assertThat(store.advance(A, "shopee-vn", "shop-1", Optional.empty(), "seq:5"))
                .isFalse();
        assertThat(store.advance(A, "shopee-vn", "shop-1", Optional.of("seq:9"), "seq:20"))
                .isFalse();
        assertThat(store.advance(A, "shopee-vn", "shop-1", Optional.of("seq:10"), "seq:20"))
                .isTrue();

        assertThat(store.cursor(A, "shopee-vn", "shop-1")).contains("seq:20");
    }

    @Test
    @DisplayName("cursors are separate per tenant, connector and feed")
    void cursors_areSeparate() {
        store.advance(A, "shopee-vn", "shop-1", Optional.empty(), "a1");
        store.advance(A, "shopee-vn", "shop-2", Optional.empty(), "a2");
        store.advance(A, "ghn", "shop-1", Optional.empty(), "g1");
        store.advance(B, "shopee-vn", "shop-1", Optional.empty(), "b1");

        assertThat(store.cursor(A, "shopee-vn", "shop-1")).contains("a1");
        assertThat(store.cursor(A, "shopee-vn", "shop-2")).contains("a2");
        assertThat(store.cursor(A, "ghn", "shop-1")).contains("g1");
        assertThat(store.cursor(B, "shopee-vn", "shop-1")).contains("b1");
    }

    @Test
    @DisplayName("8 engines moving the same cursor from the same value: exactly one wins")
    void race_exactlyOneMoves() throws InterruptedException {
        store.advance(A, "shopee-vn", "shop-1", Optional.empty(), "seq:1");

        List<Races.Outcome<Boolean>> outcomes = Races.race(
                Races.THREADS,
                i -> () -> store.advance(A, "shopee-vn", "shop-1", Optional.of("seq:1"), "seq:" + (i + 2)));

        assertThat(Races.failures(outcomes)).isEmpty();
        assertThat(Races.successes(outcomes)).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(store.cursor(A, "shopee-vn", "shop-1")).isNotEqualTo(Optional.of("seq:1"));
    }
}
