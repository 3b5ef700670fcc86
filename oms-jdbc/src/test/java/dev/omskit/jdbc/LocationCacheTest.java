package dev.omskit.jdbc;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.LocationId;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.ManualClock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Location reads reused by the JDBC inventory store")
class LocationCacheTest {
    private static final LocationId WH = LocationId.of("WH-1");

    @Test
    @DisplayName("another instance's change is seen once the reuse time passed; this instance's own change at once")
    void otherInstance_seenAfterTheReuseTime_own_atOnce() {
        DataSource ds = TestDatabase.fresh();
        ManualClock clock = ManualClock.at("2026-12-02T08:00:00Z");
        JdbcInventoryStore here = new JdbcInventoryStore(Database.of(ds), Duration.ofSeconds(1), clock);
        JdbcInventoryStore there = new JdbcInventoryStore(Database.of(ds), Duration.ofSeconds(1), clock);
        Location active = InventoryFixtures.warehouse(TENANT, WH, 1);
        here.saveLocation(active);
        assertThat(here.location(TENANT, WH)).contains(active);

        Location closed = Location.builder().from(active).active(false).build();
        there.saveLocation(closed);
        assertThat(here.location(TENANT, WH)).as("within the reuse time").contains(active);
        clock.advance(Duration.ofSeconds(1));
        assertThat(here.location(TENANT, WH)).as("after it").contains(closed);

        here.saveLocation(active);
        assertThat(here.location(TENANT, WH)).as("its own save, at once").contains(active);
    }

    @Test
    @DisplayName("a reuse time of zero reads every time")
    void zero_readsEveryTime() {
        DataSource ds = TestDatabase.fresh();
        ManualClock clock = ManualClock.at("2026-12-02T08:00:00Z");
        JdbcInventoryStore here = new JdbcInventoryStore(Database.of(ds), Duration.ZERO, clock);
        JdbcInventoryStore there = new JdbcInventoryStore(Database.of(ds), Duration.ZERO, clock);
        Location active = InventoryFixtures.warehouse(TENANT, WH, 1);
        here.saveLocation(active);
        here.location(TENANT, WH);
        Location closed = Location.builder().from(active).active(false).build();
        there.saveLocation(closed);

        assertThat(here.location(TENANT, WH)).contains(closed);
    }
}
