package dev.omskit.jdbc;

import static dev.omskit.testkit.OrderFixtures.TENANT;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The load the crash test kills: in its own JVM, captures orders {@code c-0, c-1, ...} (each with an
 * idempotency key) and allocates each, printing {@code ok <i>} after each, until killed or {@code until}
 * orders are done. Started again, it goes over the same orders from 0: what the killed process committed is
 * replayed, what it did not is done now, so nothing is lost or doubled.
 */
final class CrashLoad {
    static final List<Sku> SKUS = List.of(Sku.of("CRASH-1"), Sku.of("CRASH-2"));

    private CrashLoad() {}

    /** Arguments: JDBC URL, number of orders. */
    public static void main(String[] args) {
        DataSource pool = JdbcStorage.pooled(args[0], "postgres", null, 4);
        int until = Integer.parseInt(args[1]);
        Database db = Database.of(pool);
        JdbcOrderStorage orders = new JdbcOrderStorage(db, Duration.ofSeconds(2));
        Inventory inventory = Inventory.builder()
                .store(new JdbcInventoryStore(db))
                .catalog(catalog())
                .clock(Clock.systemUTC())
                .build();
        Oms oms = Oms.builder()
                .storage(orders)
                .inventory(inventory)
                .clock(Clock.systemUTC())
                .eventListener(event -> {}) // relays after every commit: some events are acknowledged, some in flight
                .build();
        for (int i = 0; i < until; i++) {
            Order order = oms.capture(OrderFixtures.capture()
                            .channelOrderId("c-" + i)
                            .idempotencyKey(IdempotencyKey.of("capture-" + i))
                            .placedAt(java.time.Instant.parse("2026-12-02T08:00:00Z"))
                            .lines(List.of(OrderFixtures.line(SKUS.get(i % 2).value(), 1 + i % 3, 10_000)))
                            .build())
                    .order();
            if (order.quantity(OrderStages.CREATED) > 0) {
                try {
                    oms.allocate(TENANT, order.id(), Actor.system("router"));
                } catch (OmsException soldOut) {
                    // stock ran out: the order waits, as it would in production
                }
            }
            System.out.println("ok " + i);
            System.out.flush();
        }
        System.out.println("done");
    }

    static InMemoryProductCatalog catalog() {
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        SKUS.forEach(sku -> catalog.put(
                Product.builder().tenant(TENANT).sku(sku).name("Crash " + sku).build()));
        return catalog;
    }
}
