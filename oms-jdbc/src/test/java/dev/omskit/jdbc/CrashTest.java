package dev.omskit.jdbc;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.InventoryFixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A separate JVM runs a load of captures and allocations on PostgreSQL and is killed with {@code
 * destroyForcibly} in the middle of it (twice), then started again to finish: afterwards every order is
 * there exactly once, every unit of stock is accounted for (reserved = what the orders hold, on hand as
 * received, no drift), and a relay started afterwards delivers every outbox event, including the ones the
 * killed process had taken but not acknowledged.
 */
@DisplayName("A process killed in the middle of a load")
class CrashTest {
    private static final LocationId WH = LocationId.of("WH-1");
    private static final int ORDERS = 300;
    private static final int STOCK = 250;

    @Test
    @DisplayName("no order or unit of stock lost or doubled, every outbox event delivered")
    void killedTwice_thenFinished_nothingLost() throws Exception {
        DataSource ds = TestDatabase.fresh();
        String url = ((com.zaxxer.hikari.HikariDataSource) ds).getJdbcUrl();
        JdbcStorage storage = JdbcStorage.of(ds);
        Inventory setUp = Inventory.builder()
                .store(storage.inventory())
                .catalog(CrashLoad.catalog())
                .clock(Clock.systemUTC())
                .build();
        setUp.saveLocation(InventoryFixtures.warehouse(TENANT, WH, 1));
        for (Sku sku : CrashLoad.SKUS) {
            setUp.receive(ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WH)
                    .addLines(ReceiptLine.good(sku, STOCK))
                    .actor(Actor.system("wms"))
                    .build());
        }

        int killedAt1 = runAndKill(url, 80);
        int killedAt2 = runAndKill(url, 160);
        Process last = start(url);
        assertThat(last.waitFor(120, TimeUnit.SECONDS))
                .as("the last run finished")
                .isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(killedAt1).isLessThan(ORDERS);
        assertThat(killedAt2).isLessThan(ORDERS);

        // every order once
        Map<String, Integer> seen = new HashMap<>();
        Oms reader = Oms.builder()
                .storage(storage.orders())
                .inventory(setUp)
                .clock(Clock.systemUTC())
                .build();
        List<Order> orders =
                reader.query(TENANT, OrderQuery.builder().limit(10_000).build());
        orders.forEach(o -> seen.merge(o.channelOrderId(), 1, Integer::sum));
        assertThat(seen).hasSize(ORDERS);
        assertThat(seen.values()).allMatch(n -> n == 1);

        // every unit of stock accounted for
        Map<Sku, Integer> held = new HashMap<>();
        for (Order o : orders) {
            for (OrderLine l : o.lines()) {
                held.merge(l.sku(), l.quantity(OrderStages.ALLOCATED), Integer::sum);
            }
        }
        for (Sku sku : CrashLoad.SKUS) {
            var level = setUp.level(TENANT, sku, WH);
            assertThat(level.onHand()).isEqualTo(STOCK);
            assertThat(level.reserved()).as("reserved of %s", sku).isEqualTo(held.getOrDefault(sku, 0));
        }
        assertThat(setUp.checkDrift(TENANT).isClean()).isTrue();

        // every outbox event delivered, also those the killed relays had taken
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        Oms relay = Oms.builder()
                .storage(new JdbcOrderStorage(Database.of(ds), Duration.ofSeconds(2)))
                .clock(Clock.systemUTC())
                .eventListener((OmsEvent e) -> delivered.add(e.eventId()))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pending(ds) > 0 && System.nanoTime() < deadline) {
            if (relay.deliverEvents() == 0) {
                Thread.sleep(200); // entries a dead relay took wait out their claim
            }
        }
        assertThat(pending(ds)).as("outbox entries left undelivered").isZero();
        List<String> trailEvents = new ArrayList<>();
        for (Order o : orders) {
            reader.events(TENANT, o.id()).forEach(e -> trailEvents.add(e.eventId()));
        }
        assertThat(count(ds, "SELECT count(*) FROM omskit_outbox")).isEqualTo(trailEvents.size());
        assertThat(trailEvents).doesNotHaveDuplicates();
    }

    /** Runs the load until it printed {@code atLeast} orders, kills it; returns the last order it printed. */
    private static int runAndKill(String url, int atLeast) throws Exception {
        Process p = start(url);
        int last = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ok ")) {
                    last = Integer.parseInt(line.substring(3));
                    if (last >= atLeast) {
                        break;
                    }
                }
            }
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(last).as("the load made progress before it was killed").isGreaterThanOrEqualTo(atLeast);
        return last;
    }

    private static Process start(String url) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashLoad.class.getName(),
                        url,
                        String.valueOf(ORDERS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static long pending(DataSource ds) throws Exception {
        return count(ds, "SELECT count(*) FROM omskit_outbox WHERE delivered_at IS NULL");
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
