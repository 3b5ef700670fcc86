package dev.omskit.benchmarks;

import dev.omskit.jdbc.JdbcStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * The PostgreSQL the JDBC benchmarks measure against: PostgreSQL 15 from the embedded binaries on Maven
 * Central, on loopback, {@code fsync=on}, {@code max_connections=100}, the given {@code synchronous_commit},
 * defaults otherwise; and a HikariCP pool on it with the schema migrated.
 */
final class BenchmarkPostgres {
    private BenchmarkPostgres() {}

    /** Starts a server; close it at the end of the trial. */
    static EmbeddedPostgres start(String synchronousCommit) {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", synchronousCommit)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pool of {@code connections} on {@code server}'s {@code postgres} database, migrated to the current schema. */
    static DataSource pool(EmbeddedPostgres server, int connections) {
        DataSource pool = JdbcStorage.pooled(server.getJdbcUrl("postgres", "postgres"), "postgres", null, connections);
        JdbcStorage.of(pool).migrate();
        return pool;
    }
}
