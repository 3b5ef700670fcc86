package dev.omskit.jdbc;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two independent {@link Oms} instances, each with its own connection pool, as two application instances
 * on one PostgreSQL, hammer the same three SKUs from eight threads: capturing orders (some channel orders
 * sent to both instances at once), allocating them, cancelling some. Nothing is shared in memory but the
 * product catalogue. Afterwards no unit is oversold, every counter equals what the orders hold, and every
 * channel order is one order.
 */
@DisplayName("Many application instances on one PostgreSQL")
class MultiInstanceTest {
    private static final LocationId WH = LocationId.of("WH-1");
    private static final List<Sku> HOT = List.of(Sku.of("HOT-1"), Sku.of("HOT-2"), Sku.of("HOT-3"));
    private static final int STOCK = 150;

    @Test
    @DisplayName("two instances, eight threads, three hot SKUs: zero oversell, counters exact, each channel order once")
    void twoInstances_sameSkus_noOversell() throws Exception {
        DataSource schema = TestDatabase.fresh();
        String url = ((com.zaxxer.hikari.HikariDataSource) schema).getJdbcUrl();
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        HOT.forEach(sku -> catalog.put(
                Product.builder().tenant(TENANT).sku(sku).name("Hot " + sku).build()));
        List<Oms> instances = new ArrayList<>();
        List<AutoCloseable> pools = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            DataSource pool = JdbcStorage.pooled(url, "postgres", null, 6);
            pools.add((AutoCloseable) pool);
            JdbcStorage storage = JdbcStorage.of(pool);
            Inventory inventory = Inventory.builder()
                    .store(storage.inventory())
                    .catalog(catalog)
                    .clock(Clock.systemUTC())
                    .build();
            if (i == 0) {
                inventory.saveLocation(InventoryFixtures.warehouse(TENANT, WH, 1));
                ReceiveGoods.Builder receipt =
                        ReceiveGoods.builder().tenant(TENANT).location(WH).actor(Actor.system("wms"));
                HOT.forEach(sku -> receipt.addLines(ReceiptLine.good(sku, STOCK)));
                inventory.receive(receipt.build());
            }
            instances.add(Oms.builder()
                    .storage(storage.orders())
                    .inventory(inventory)
                    .clock(Clock.systemUTC())
                    .build());
        }

        int threads = 8;
        int ordersPerThread = 40;
        AtomicInteger allocated = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            runs.add(pool.submit(() -> {
                Random random = new Random(thread);
                start.await();
                for (int k = 0; k < ordersPerThread; k++) {
                    Oms oms = instances.get((thread + k) % 2);
                    // every fifth channel order is sent to both instances at once by the pair of threads
                    String channelOrderId = k % 5 == 0 ? "shared-" + (thread / 2) + "-" + k : "t" + thread + "-" + k;
                    Sku sku = HOT.get(random.nextInt(HOT.size()));
                    Order order = oms.capture(OrderFixtures.capture()
                                    .channelOrderId(channelOrderId)
                                    .lines(List.of(OrderFixtures.line(sku.value(), 1 + random.nextInt(3), 10_000)))
                                    .build())
                            .order();
                    try {
                        oms.allocate(TENANT, order.id(), Actor.system("router"));
                        allocated.incrementAndGet();
                        if (random.nextInt(10) == 0) {
                            oms.cancel(OrderFixtures.cancelAll(TENANT, order.id(), "changed mind"));
                            cancelled.incrementAndGet();
                        }
                    } catch (OmsException e) {
                        refused.incrementAndGet(); // sold out, or allocated by the twin of a shared order
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Oms reader = instances.get(0);
        List<Order> orders =
                reader.query(TENANT, OrderQuery.builder().limit(10_000).build());
        assertThat(orders)
                .extracting(Order::channelOrderId)
                .as("each channel order is one order")
                .doesNotHaveDuplicates();
        Map<Sku, Integer> heldByOrders = new HashMap<>();
        for (Order o : orders) {
            for (OrderLine l : o.lines()) {
                heldByOrders.merge(l.sku(), l.quantity(OrderStages.ALLOCATED), Integer::sum);
            }
        }
        Inventory inventory = reader.inventory().orElseThrow();
        int totalReserved = 0;
        for (Sku sku : HOT) {
            StockLevel level = inventory.level(TENANT, sku, WH);
            assertThat(level.onHand()).as("on hand of %s", sku).isEqualTo(STOCK);
            assertThat(level.reserved())
                    .as("reserved of %s equals what the orders hold", sku)
                    .isEqualTo(heldByOrders.getOrDefault(sku, 0))
                    .isLessThanOrEqualTo(STOCK);
            totalReserved += level.reserved();
        }
        assertThat(inventory.checkDrift(TENANT).isClean())
                .as("no drift between counters and records")
                .isTrue();
        assertThat(allocated.get()).isPositive();
        assertThat(refused.get())
                .as("demand exceeded supply, so some allocations were refused")
                .isPositive();
        assertThat(totalReserved).isPositive();
        for (AutoCloseable p : pools) {
            p.close();
        }
    }
}
