package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.jdbc.JdbcStorage;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario S5 of {@code docs/PERFORMANCE.md} on PostgreSQL: the whole lifecycles of {@link LifecycleScript}
 * (capture, allocate, release, accept, pick, pack, create, label, hand over, deliver, remit; 10% cancels, 5%
 * split shipments; 10.05 commands per lifecycle) through {@link Oms} and {@link Inventory} on {@link
 * JdbcStorage}, on a real PostgreSQL 15 started from Maven binaries on loopback with {@code
 * synchronous_commit=on} and {@code fsync=on}, from as many clients as JMH threads ({@code -t 2}, {@code -t
 * 8}); the pool has one connection per client. One operation is one lifecycle.
 *
 * <p>Every client is an application instance of its own: its own {@code JdbcStorage} stores over the shared
 * pool, its own {@code Inventory} and {@code Oms} (order ids {@code c<client>g<generation>-<n>}), its own ring
 * of {@link #ordersPerClient} inputs (rebuilt with a new prefix, and the facade replaced, when it wraps, so
 * channel order ids never repeat). Events stay in the outbox ({@code deliverEventsAfterCommit(false)}); each
 * client relays its storage's outbox every {@value #DRAIN_EVERY} lifecycles ({@code pending} claims with
 * {@code SKIP LOCKED}, then {@code acknowledge}), inside the measurement: relaying is part of the cost.
 *
 * <p>Baseline (the limit, same server, same clients, same pool size): per operation, as many transactions as
 * the lifecycle at the same schedule position has commands (10.05 on average), each the bare conditional
 * {@code UPDATE} of S4 on one of {@value #SKUS} cells picked at random. That is {@code pgbench} TPS divided
 * by one transaction per command; PERFORMANCE.md divides by the transactions a lifecycle really makes, which
 * the trial's tear-down measures (with {@link CountingDataSource}, outside the measurement) and prints, with
 * the statements, so the report can give both ratios.
 *
 * <p><b>Invariants.</b> After every iteration: each client's lifecycles issued exactly the scheduled commands
 * and every delivered one is complete; every order captured since the last check reads back with all its
 * units delivered or cancelled and its shipments; over the inventory nothing is reserved or open, no cell
 * is inconsistent, and on hand = received - delivered by all clients; the baseline's cells never went below
 * zero and its reserved units equal the updates counted. At the end of the trial the outbox is drained and
 * no entry is left undelivered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class JdbcLifecycleBenchmark {
    /** SKUs stocked (at each of {@value #LOCATIONS} locations), and baseline cells. */
    static final int SKUS = 1_000;

    /** Shipping locations, priorities 1 to {@value}. */
    static final int LOCATIONS = 4;

    /** Units received of every SKU at every location. */
    static final int UNITS_PER_CELL = 1_000_000;

    /** Lifecycles between two outbox relays of one client. */
    static final int DRAIN_EVERY = 64;

    private static final String BASELINE_TENANT = "s5-baseline";

    /** The sourcing: {@code default} (core's default strategy) or {@code routing} (oms-routing). */
    @Param({"default", "routing"})
    public String sourcing;

    /**
     * The server's {@code synchronous_commit}: {@code on} (every commit waits for its WAL on disk, the figure
     * to report) or {@code off} (commits return before the flush; a crash may lose the last few, never
     * corrupts): the difference is what the disk costs.
     */
    @Param({"on"})
    public String synchronousCommit;

    /** Lifecycles the trial's tear-down counts statements and times commands over. */
    @Param({"200"})
    public int calibration;

    /** Size of each client's input ring (a multiple of {@value LifecycleScript#SCHEDULE}). */
    @Param({"4000"})
    public int ordersPerClient;

    EmbeddedPostgres server;
    DataSource pool;
    ProductCatalog catalog;
    final ManualClock clock = ManualClock.at(BenchmarkData.EPOCH);
    final AtomicInteger clients = new AtomicInteger();
    final AtomicLong unitsDelivered = new AtomicLong();
    final AtomicLong baselineUpdates = new AtomicLong();
    /** Lifecycles run by every client (the tear-down calibrates only after some ran). */
    final AtomicLong lifecycles = new AtomicLong();

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws SQLException {
        if (ordersPerClient % LifecycleScript.SCHEDULE != 0) {
            throw new IllegalArgumentException("ordersPerClient must be a multiple of " + LifecycleScript.SCHEDULE);
        }
        server = BenchmarkPostgres.start(synchronousCommit);
        pool = BenchmarkPostgres.pool(server, params.getThreads());
        JdbcStorage storage = JdbcStorage.of(pool);
        catalog = LifecycleScript.catalog(SKUS);
        InventoryData.shippingWarehouses(inventory(storage, "set-up-"), SKUS, LOCATIONS, UNITS_PER_CELL);
        try (Connection c = pool.getConnection();
                PreparedStatement p = c.prepareStatement("INSERT INTO omskit_stock_cell (tenant, sku, location,"
                        + " on_hand, reserved, quarantined, in_transit) VALUES (?, ?, 'WH-0', ?, 0, 0, 0)")) {
            for (int i = 0; i < SKUS; i++) {
                p.setString(1, BASELINE_TENANT);
                p.setString(2, InventoryData.sku(i).value());
                p.setInt(3, Integer.MAX_VALUE);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** An inventory over {@code storage}'s store; its reservation ids start with {@code idPrefix}. */
    private Inventory inventory(JdbcStorage storage, String idPrefix) {
        return Inventory.builder()
                .store(storage.inventory())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.scoped(idPrefix))
                .build();
    }

    /** One client: an application instance with its own stores, inventory and facade over the shared pool. */
    @State(Scope.Thread)
    public static class Client {
        JdbcLifecycleBenchmark bench;
        int index;
        JdbcStorage storage;
        Inventory inventory;
        Oms oms;
        LifecycleScript.Inputs inputs;
        LifecycleScript.Runner runner;
        int generation = -1;
        int captured;
        int verified;
        long expectedCommands;
        long lifecycles;

        @Setup(Level.Trial)
        public void setUp(JdbcLifecycleBenchmark b) {
            bench = b;
            index = b.clients.getAndIncrement();
            storage = JdbcStorage.of(b.pool);
            inventory = b.inventory(storage, "r" + index + "-");
            runner = new LifecycleScript.Runner(b.clock.instant());
            newGeneration();
        }

        void newGeneration() {
            if (oms != null) {
                oms.close();
            }
            generation++;
            String prefix = "c" + index + "g" + generation + "-";
            inputs = LifecycleScript.Inputs.build(bench.ordersPerClient, SKUS, prefix, 5L + index);
            Oms.Builder b = Oms.builder()
                    .storage(storage.orders())
                    .inventory(inventory)
                    .clock(bench.clock)
                    .idGenerator(SequentialIds.scoped(prefix))
                    .config(OmsConfig.builder().deliverEventsAfterCommit(false).build());
            oms = LifecycleScript.sourcing(b, bench.sourcing, bench.catalog, bench.clock)
                    .build();
            captured = 0;
            verified = 0;
        }

        Object next() {
            if (captured == inputs.size()) {
                verifyOrders();
                newGeneration();
            }
            int k = captured++;
            Object last = runner.run(oms, inputs, k);
            bench.unitsDelivered.addAndGet(inputs.units[k]);
            bench.lifecycles.incrementAndGet();
            lifecycles++;
            expectedCommands += inputs.kinds[k].commands;
            if (lifecycles % DRAIN_EVERY == 0) {
                BenchmarkData.drainOutbox(storage.orders().events());
            }
            return last;
        }

        private void verifyOrders() {
            String prefix = "c" + index + "g" + generation + "-";
            LifecycleScript.verifyOrders(oms, inputs, verified, captured, prefix);
            verified = captured;
        }

        @TearDown(Level.Iteration)
        public void verify() {
            BenchmarkData.check(runner.incomplete == 0, runner.incomplete + " delivered lifecycles not complete");
            BenchmarkData.check(
                    runner.commands == expectedCommands,
                    runner.commands + " commands issued, the schedule has " + expectedCommands);
            verifyOrders();
        }

        @TearDown(Level.Trial)
        public void close() {
            oms.close();
        }
    }

    /** One baseline client: its position in the schedule. */
    @State(Scope.Thread)
    public static class BaselineClient {
        int position;
    }

    @TearDown(Level.Iteration)
    public void verify() throws SQLException {
        LifecycleScript.verifyInventory(
                JdbcStorage.of(pool).inventory(), (long) SKUS * LOCATIONS * UNITS_PER_CELL - unitsDelivered.get());
        try (Connection c = pool.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT coalesce(sum(reserved), 0),"
                        + " count(*) FILTER (WHERE reserved > on_hand) FROM omskit_stock_cell WHERE tenant = ?")) {
            p.setString(1, BASELINE_TENANT);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                BenchmarkData.check(r.getLong(2) == 0, r.getLong(2) + " baseline cells oversold");
                BenchmarkData.check(
                        r.getLong(1) == baselineUpdates.get(),
                        "baseline holds " + r.getLong(1) + " reserved units, " + baselineUpdates.get()
                                + " updates made");
            }
        }
    }

    /**
     * Drains the outbox and checks nothing is left undelivered; then measures, on a fresh client over a
     * {@link CountingDataSource}, the commits, autocommitted reads and statements of {@link #calibration}
     * lifecycles and the time of each command, and prints them per lifecycle (lines starting {@code S5-JDBC}),
     * with the statements by SQL text.
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        try {
            if (lifecycles.get() > 0) {
                calibrate();
            }
            BenchmarkData.drainOutbox(JdbcStorage.of(pool).orders().events());
            try (Connection c = pool.getConnection();
                    PreparedStatement p =
                            c.prepareStatement("SELECT count(*) FROM omskit_outbox WHERE delivered_at IS NULL");
                    ResultSet r = p.executeQuery()) {
                r.next();
                BenchmarkData.check(r.getLong(1) == 0, r.getLong(1) + " outbox entries never delivered");
            }
        } finally {
            ((AutoCloseable) pool).close();
            server.close();
        }
    }

    private void calibrate() {
        CountingDataSource counting = new CountingDataSource(pool);
        DataSource shared = pool;
        pool = counting;
        Client client = new Client();
        try {
            client.setUp(this);
            client.next(); // the facade's first reads (locations) out of the count
            long commits = counting.commits.get();
            long autocommitted = counting.autocommitted.get();
            long statements = counting.statements.get();
            long commands = client.runner.commands;
            long[] nanos = new long[LifecycleScript.Phase.values().length];
            client.runner.phaseNanos = nanos;
            long start = System.nanoTime();
            for (int i = 0; i < calibration; i++) {
                client.next();
            }
            long wall = System.nanoTime() - start;
            client.runner.phaseNanos = null;
            long relays = calibration / DRAIN_EVERY;
            double commitsPer = (double) (counting.commits.get() - commits) / calibration;
            double autocommittedPer = (double) (counting.autocommitted.get() - autocommitted) / calibration;
            double statementsPer = (double) (counting.statements.get() - statements) / calibration;
            double commandsPer = (double) (client.runner.commands - commands) / calibration;
            System.out.printf(
                    Locale.ROOT,
                    "%nS5-JDBC per lifecycle: %.2f write transactions (commits), %.2f single-statement reads in"
                            + " autocommit, %.2f statements in all, %.2f commands (%d lifecycles, %d outbox relays"
                            + " included, sourcing %s)%n",
                    commitsPer,
                    autocommittedPer,
                    statementsPer,
                    commandsPer,
                    calibration,
                    relays,
                    sourcing);
            client.verify();
            StringBuilder phases = new StringBuilder();
            for (LifecycleScript.Phase phase : LifecycleScript.Phase.values()) {
                phases.append(String.format(
                        Locale.ROOT,
                        " %s %.2f",
                        phase.name().toLowerCase(Locale.ROOT),
                        nanos[phase.ordinal()] / 1e6 / calibration));
            }
            System.out.printf(
                    Locale.ROOT,
                    "S5-JDBC one client alone: %.2f ms per lifecycle; ms per lifecycle by command:%s%n",
                    wall / 1e6 / calibration,
                    phases);
            counting.bySql.entrySet().stream()
                    .sorted((x, y) ->
                            Long.compare(y.getValue().get(), x.getValue().get()))
                    .forEach(e -> System.out.printf(
                            Locale.ROOT,
                            "  %6.2f per lifecycle: %s%n",
                            (double) e.getValue().get() / (calibration + 1),
                            e.getKey().replaceAll("\\s+", " ")));
        } finally {
            pool = shared;
            client.close();
        }
    }

    /** The S5 figure on PostgreSQL: one whole lifecycle. */
    @Benchmark
    public void lifecycle(Client client, Blackhole bh) {
        bh.consume(client.next());
    }

    /** The limit: one bare conditional UPDATE transaction per command of the lifecycle at the same position. */
    @Benchmark
    public int baseline(BaselineClient b) throws SQLException {
        int p = b.position;
        b.position = p + 1 == LifecycleScript.SCHEDULE ? 0 : p + 1;
        int updated = 0;
        try (Connection c = pool.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE omskit_stock_cell SET reserved = reserved + 1"
                        + " WHERE tenant = ? AND sku = ? AND location = 'WH-0' AND reserved + 1 <= on_hand")) {
            for (int i = 0, n = LifecycleScript.COMMANDS[p]; i < n; i++) {
                u.setString(1, BASELINE_TENANT);
                u.setString(
                        2,
                        InventoryData.sku(ThreadLocalRandom.current().nextInt(SKUS))
                                .value());
                updated += u.executeUpdate();
            }
        }
        baselineUpdates.addAndGet(updated);
        return updated;
    }
}
