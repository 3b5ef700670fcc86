package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.jdbc.GroupedReservations;
import dev.omskit.jdbc.JdbcStorage;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario S4 of {@code docs/PERFORMANCE.md}: reservations of one unit through {@code
 * Inventory.reserve} on {@link dev.omskit.jdbc.JdbcInventoryStore}, on a real PostgreSQL 15 started from
 * Maven binaries on loopback with {@code synchronous_commit=on}, from as many clients as JMH threads (run
 * with {@code -t 2}, {@code -t 8}, {@code -t 16}; the pool has one connection per thread). {@code skus}
 * selects the spread case (10,000 SKUs, one picked at random per reservation) or the hot case (one SKU).
 * Unbatched ({@code batched=false}), each reservation is one transaction: the reservation record and the
 * conditional cell update; batched, the reservations arriving together go through {@link
 * GroupedReservations}, up to 64 per transaction, each in its own savepoint.
 *
 * <p>Baseline (the limit, same server, same clients, same pool size): the same conditional {@code UPDATE}
 * of the same cell rows issued directly over JDBC, one per transaction, with nothing else ({@code pgbench}
 * is not in the Maven binaries). After every iteration: no cell reserved beyond its on hand, and the
 * reserved units equal the reservations counted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class JdbcReservationBenchmark {
    static final TenantId TENANT = TenantId.of("s4");
    static final TenantId BASELINE = TenantId.of("s4-baseline");
    static final LocationId WH = LocationId.of("WH-1");
    static final int SPREAD_SKUS = 10_000;
    static final Actor ACTOR = Actor.system("s4");

    /** {@code spread} (10,000 SKUs) or {@code hot} (one SKU). */
    @Param({"spread", "hot"})
    public String skus;

    /** Whether reservations go through {@link GroupedReservations} (batched mode, item 3 of issue 7). */
    @Param({"false", "true"})
    public boolean batched;

    EmbeddedPostgres server;
    DataSource pool;
    Inventory inventory;
    GroupedReservations grouped;
    int skuCount;
    int unitsPerCell;
    final AtomicLong reserved = new AtomicLong();
    final AtomicLong baselineReserved = new AtomicLong();

    @Setup(Level.Trial)
    public void start(org.openjdk.jmh.infra.BenchmarkParams params) throws SQLException {
        server = BenchmarkPostgres.start("on");
        pool = BenchmarkPostgres.pool(server, params.getThreads());
        JdbcStorage storage = JdbcStorage.of(pool);
        skuCount = skus.equals("hot") ? 1 : SPREAD_SKUS;
        unitsPerCell = skus.equals("hot") ? 1_000_000 : 1_000;
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (int i = 0; i < skuCount; i++) {
            catalog.put(
                    Product.builder().tenant(TENANT).sku(sku(i)).name("S4 " + i).build());
        }
        grouped = batched ? new GroupedReservations(storage.inventory(), 64) : null;
        inventory = Inventory.builder()
                .store(batched ? grouped : storage.inventory())
                .catalog(catalog)
                .clock(Clock.systemUTC())
                .build();
        inventory.saveLocation(InventoryFixtures.warehouse(TENANT, WH, 1));
        for (int from = 0; from < skuCount; from += 500) {
            ReceiveGoods.Builder receipt =
                    ReceiveGoods.builder().tenant(TENANT).location(WH).actor(ACTOR);
            for (int i = from; i < Math.min(skuCount, from + 500); i++) {
                receipt.addLines(ReceiptLine.good(sku(i), unitsPerCell));
            }
            inventory.receive(receipt.build());
        }
        try (Connection c = pool.getConnection();
                PreparedStatement p = c.prepareStatement("INSERT INTO omskit_stock_cell (tenant, sku, location,"
                        + " on_hand, reserved, quarantined, in_transit) VALUES (?, ?, ?, ?, 0, 0, 0)")) {
            for (int i = 0; i < skuCount; i++) {
                p.setString(1, BASELINE.value());
                p.setString(2, sku(i).value());
                p.setString(3, WH.value());
                p.setInt(4, unitsPerCell);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @TearDown(Level.Iteration)
    public void verify() throws SQLException {
        check(TENANT, reserved.get());
        check(BASELINE, baselineReserved.get());
    }

    private void check(TenantId tenant, long expected) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT coalesce(sum(reserved), 0),"
                        + " count(*) FILTER (WHERE reserved > on_hand) FROM omskit_stock_cell WHERE tenant = ?")) {
            p.setString(1, tenant.value());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                BenchmarkData.check(r.getLong(2) == 0, r.getLong(2) + " cells of " + tenant + " oversold");
                BenchmarkData.check(
                        r.getLong(1) == expected,
                        tenant + " holds " + r.getLong(1) + " reserved units, " + expected + " reservations made");
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (grouped != null && grouped.batches() > 0) {
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%nS4 batched: %d batches, %.2f reservations per batch%n",
                    grouped.batches(),
                    (double) grouped.batchedCommits() / grouped.batches());
        }
        ((AutoCloseable) pool).close();
        server.close();
    }

    /** One reservation of one unit through the inventory and the JDBC store. */
    @Benchmark
    public ReserveResult omskit() {
        int i = skuCount == 1 ? 0 : ThreadLocalRandom.current().nextInt(skuCount);
        ReserveResult r = inventory.reserve(ReserveStock.builder()
                .tenant(TENANT)
                .reference("s4-" + ThreadLocalRandom.current().nextLong())
                .lines(List.of(StockLine.of("1", sku(i), WH, 1)))
                .actor(ACTOR)
                .build());
        if (r.isReserved()) {
            reserved.incrementAndGet();
        }
        return r;
    }

    /** The same conditional update of the same kind of row, directly over JDBC: the limit. */
    @Benchmark
    public int baseline() throws SQLException {
        int i = skuCount == 1 ? 0 : ThreadLocalRandom.current().nextInt(skuCount);
        try (Connection c = pool.getConnection();
                PreparedStatement p = c.prepareStatement("UPDATE omskit_stock_cell SET reserved = reserved + 1"
                        + " WHERE tenant = ? AND sku = ? AND location = ? AND reserved + 1 <= on_hand")) {
            p.setString(1, BASELINE.value());
            p.setString(2, sku(i).value());
            p.setString(3, WH.value());
            int n = p.executeUpdate();
            if (n == 1) {
                baselineReserved.incrementAndGet();
            }
            return n;
        }
    }

    static Sku sku(int i) {
        return Sku.of("S4-" + i);
    }

    /** Levels for tests. */
    StockLevel level(int i) {
        return inventory.level(TENANT, sku(i), WH);
    }
}
