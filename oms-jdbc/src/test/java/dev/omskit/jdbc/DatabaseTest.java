package dev.omskit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.UnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Database transactions")
class DatabaseTest {
    private static final DataSource DS = TestDatabase.fresh();
    private final Database db = Database.of(DS);

    @Test
    @DisplayName("two transactions locking two rows in opposite order deadlock; the loser is run again and both land")
    void deadlock_isRetriedInside() throws Exception {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS t_deadlock (id int PRIMARY KEY, n int NOT NULL)");
                s.execute("TRUNCATE t_deadlock");
                s.execute("INSERT INTO t_deadlock VALUES (1, 0), (2, 0)");
            }
            return null;
        });
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> a = pool.submit(() -> bump(bothHoldOne, attempts, 1, 2));
        Future<?> b = pool.submit(() -> bump(bothHoldOne, attempts, 2, 1));
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(attempts.get()).as("one of them ran twice").isGreaterThanOrEqualTo(3);
        int total = db.transaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT sum(n) FROM t_deadlock")) {
                r.next();
                return r.getInt(1);
            }
        });
        assertThat(total).as("each transaction's two increments landed once").isEqualTo(4);
    }

    @Test
    @DisplayName("a read runs in autocommit (no transaction open), also on a host pool that hands out connections"
            + " with autocommit off, and gives the connection back as it came")
    void read_runsInAutocommit_andRestoresTheConnection() throws Exception {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(DS);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(1);
        try (com.zaxxer.hikari.HikariDataSource manual = new com.zaxxer.hikari.HikariDataSource(config)) {
            Database host = Database.of(manual);

            boolean ownTransaction = host.read(c -> {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT pg_current_xact_id_if_assigned() IS NULL")) {
                    r.next();
                    return r.getBoolean(1) && c.getAutoCommit();
                }
            });
            boolean restored;
            try (java.sql.Connection c = manual.getConnection()) {
                restored = !c.getAutoCommit();
            }

            assertThat(ownTransaction).as("the read ran in autocommit").isTrue();
            assertThat(restored)
                    .as("the pooled connection is back to autocommit off")
                    .isTrue();
        }
    }

    @Test
    @DisplayName("a failing read is an InternalException naming the SQL state, not a raw SQLException")
    void read_failure_isTranslated() {
        assertThatThrownBy(() -> db.read(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeQuery("SELECT * FROM no_such_table");
                    }
                }))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("42P01");
    }

    private Void bump(CyclicBarrier barrier, AtomicInteger attempts, int first, int second) {
        return db.transaction(c -> {
            int attempt = attempts.incrementAndGet();
            try (PreparedStatement p = c.prepareStatement("UPDATE t_deadlock SET n = n + 1 WHERE id = ?")) {
                p.setInt(1, first);
                p.executeUpdate();
                if (attempt <= 2) {
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // the other one already went on: no deadlock this time, which is fine
                    }
                }
                p.setInt(1, second);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Test
    @DisplayName("a statement the schema refuses is an internal error naming the SQL state, without the data")
    void badStatement_isInternal() {
        assertThatThrownBy(() -> db.transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT * FROM no_such_table WHERE secret = 'Nguyen Van A'");
                    }
                    return null;
                }))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("42P01")
                .hasMessageNotContaining("Nguyen Van A");
    }

    @Test
    @DisplayName("an omskit exception thrown inside rolls back and comes out as it is")
    void omsException_rollsBackAndPassesThrough() {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS t_rollback (id int PRIMARY KEY)");
                s.execute("TRUNCATE t_rollback");
            }
            return null;
        });
        assertThatThrownBy(() -> db.transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO t_rollback VALUES (1)");
                    }
                    throw new ConflictException("refused after the insert");
                }))
                .isInstanceOf(ConflictException.class);
        int rows = db.transaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM t_rollback")) {
                r.next();
                return r.getInt(1);
            }
        });
        assertThat(rows).isZero();
    }

    @Test
    @DisplayName("a database that cannot be reached is unavailable")
    void unreachable_isUnavailable() {
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
        nowhere.setConnectTimeout(2);
        assertThatThrownBy(() -> Database.of(nowhere).transaction(c -> null))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("08");
    }
}
