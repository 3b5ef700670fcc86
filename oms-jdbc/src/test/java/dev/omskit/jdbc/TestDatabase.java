package dev.omskit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL for the whole test JVM, started from the binaries Maven fetched (no install, no
 * Docker) on a free port, with {@code synchronous_commit} and {@code fsync} on as in production. Each
 * {@link #fresh()} is a new database migrated to the current schema, so test classes never see each
 * other's rows. Stopped when the JVM exits.
 */
final class TestDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    /** The server, started on first use. */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** A new, empty database on the server, migrated, behind a pool of 16 connections. */
    static DataSource fresh() {
        DataSource ds = empty();
        Migrations.apply(Database.of(ds));
        return ds;
    }

    /** A new database without the schema. */
    static DataSource empty() {
        String name = "omskit_test_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(server().getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(0); // test classes keep their pools: open connections only while in use
        config.setIdleTimeout(10_000);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /** Removes every row of {@code tables} (between tests of one class). */
    static void truncate(DataSource ds, String... tables) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException("could not truncate " + String.join(", ", tables), e);
        }
    }
}
