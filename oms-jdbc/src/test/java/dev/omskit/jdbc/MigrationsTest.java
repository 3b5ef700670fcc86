package dev.omskit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InternalException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Schema migrations")
class MigrationsTest {
    @Test
    @DisplayName("the scripts in the jar are numbered from 1 without gaps, each with a checksum")
    void scripts_areASequence() {
        List<Migrations.Script> scripts = Migrations.scripts();
        assertThat(scripts).isNotEmpty();
        for (int i = 0; i < scripts.size(); i++) {
            assertThat(scripts.get(i).version()).isEqualTo(i + 1);
            assertThat(scripts.get(i).checksum()).hasSize(64);
        }
    }

    @Test
    @DisplayName("applying again applies nothing: the schema is current")
    void apply_twice_isIdempotent() {
        DataSource ds = TestDatabase.fresh(); // applied once already
        Database db = Database.of(ds);

        assertThat(Migrations.apply(db)).isEmpty();
        assertThat(Migrations.applied(db)).hasSize(Migrations.scripts().size());
    }

    @Test
    @DisplayName("eight instances starting at once on an empty database apply each script exactly once")
    void apply_concurrently_appliesOnce() throws Exception {
        DataSource ds = TestDatabase.empty();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return Migrations.apply(Database.of(ds));
            }));
        }
        start.countDown();
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> run : runs) {
            all.addAll(run.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).hasSize(Migrations.scripts().size()).doesNotHaveDuplicates();
        assertThat(Migrations.applied(Database.of(ds)))
                .hasSize(Migrations.scripts().size());
    }

    @Test
    @DisplayName("a script whose text changed after it was applied is refused")
    void apply_changedScript_refused() throws Exception {
        DataSource ds = TestDatabase.fresh();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("UPDATE omskit_schema_history SET checksum = 'edited' WHERE version = 1");
        }

        assertThatThrownBy(() -> Migrations.apply(Database.of(ds)))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("V1")
                .hasMessageContaining("another text");
    }

    @Test
    @DisplayName("a database migrated by a newer omskit is refused, not downgraded")
    void apply_newerDatabase_refused() throws Exception {
        DataSource ds = TestDatabase.fresh();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO omskit_schema_history (version, name, checksum) VALUES (999, 'future', 'x')");
        }

        assertThatThrownBy(() -> Migrations.apply(Database.of(ds)))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("newer than this omskit knows");
    }
}
