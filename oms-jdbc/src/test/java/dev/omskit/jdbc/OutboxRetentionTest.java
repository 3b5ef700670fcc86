package dev.omskit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.spi.EventStore;
import dev.omskit.core.spi.OutboxEntry;
import dev.omskit.testkit.OrderFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox retention: delivered entries are purged on request, pending ones never")
class OutboxRetentionTest {
    @Test
    @DisplayName("purgeDelivered deletes only delivered entries older than the age, at most limit at a time")
    void purgeDelivered_deletesOnlyOldDeliveredEntries_inBatchesOfLimit() throws SQLException {
        DataSource ds = TestDatabase.fresh();
        JdbcOrderStorage storage = new JdbcOrderStorage(Database.of(ds));
        Oms oms = Oms.builder()
                .storage(storage)
                .config(OmsConfig.builder().deliverEventsAfterCommit(false).build())
                .build();
        for (int i = 0; i < 5; i++) {
            oms.capture(OrderFixtures.capture().build());
        }
        EventStore events = storage.events();
        List<OutboxEntry> all = events.pending(100);
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        List<Long> delivered =
                all.subList(0, 3).stream().map(OutboxEntry::position).toList();
        events.acknowledge(delivered);
        age(ds, Duration.ofHours(2));

        assertThat(storage.purgeDelivered(Duration.ofDays(1), 10))
                .as("nothing is a day old")
                .isZero();
        assertThat(storage.purgeDelivered(Duration.ofHours(1), 2))
                .as("the limit")
                .isEqualTo(2);
        assertThat(storage.purgeDelivered(Duration.ofHours(1), 2))
                .as("the rest")
                .isEqualTo(1);
        assertThat(storage.purgeDelivered(Duration.ZERO, 100))
                .as("pending entries are never purged")
                .isZero();

        assertThat(count(ds, "delivered_at IS NOT NULL")).isZero();
        assertThat(count(ds, "delivered_at IS NULL")).isEqualTo(all.size() - 3);
        assertThat(events.pending(100))
                .extracting(OutboxEntry::position)
                .containsExactlyElementsOf(all.subList(3, all.size()).stream()
                        .map(OutboxEntry::position)
                        .toList());
    }

    @Test
    @DisplayName("a negative age or a limit below one is refused, naming the argument")
    void purgeDelivered_badArguments_areRefused() {
        JdbcOrderStorage storage = new JdbcOrderStorage(Database.of(TestDatabase.fresh()));

        assertThatThrownBy(() -> storage.purgeDelivered(Duration.ofSeconds(-1), 10))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("olderThan");
        assertThatThrownBy(() -> storage.purgeDelivered(Duration.ZERO, 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("limit");
    }

    /** Moves every delivery back by {@code age}, as if it had happened that long ago. */
    private static void age(DataSource ds, Duration age) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE omskit_outbox SET delivered_at = delivered_at - interval '" + age.toSeconds()
                    + " seconds' WHERE delivered_at IS NOT NULL");
        }
    }

    private static long count(DataSource ds, String where) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM omskit_outbox WHERE " + where)) {
            r.next();
            return r.getLong(1);
        }
    }
}
