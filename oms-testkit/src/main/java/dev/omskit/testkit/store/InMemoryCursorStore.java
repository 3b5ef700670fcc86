package dev.omskit.testkit.store;

import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Poll cursors in memory, moved by compare-and-set. Thread-safe; passes {@code
 * CursorStoreCompatibilityKit}. <b>Not durable</b>: tests and demos only.
 */
public final class InMemoryCursorStore implements CursorStore {
    private record Key(TenantId tenant, String connector, String feed) {}

    private final Map<Key, String> cursors = new ConcurrentHashMap<>();

    private InMemoryCursorStore() {}

    /** A new, empty store. */
    public static InMemoryCursorStore create() {
        return new InMemoryCursorStore();
    }

    @Override
    public Optional<String> cursor(TenantId tenant, String connector, String feed) {
        return Optional.ofNullable(cursors.get(key(tenant, connector, feed)));
    }

    @Override
    public boolean advance(TenantId tenant, String connector, String feed, Optional<String> expected, String next) {
        Checks.notNull("expected", expected);
        Checks.notNull("next", next);
        Key key = key(tenant, connector, feed);
        return expected.isEmpty() ? cursors.putIfAbsent(key, next) == null : cursors.replace(key, expected.get(), next);
    }

    private static Key key(TenantId tenant, String connector, String feed) {
        return new Key(
                Checks.notNull("tenant", tenant), Checks.notNull("connector", connector), Checks.notNull("feed", feed));
    }
}
