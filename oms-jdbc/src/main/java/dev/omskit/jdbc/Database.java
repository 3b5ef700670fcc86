package dev.omskit.jdbc;

import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.UnavailableException;
import dev.omskit.core.support.Checks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * One PostgreSQL database as the stores use it: every unit of work is one transaction on one pooled
 * connection, at {@code READ COMMITTED} (the stores' conditional updates and row locks make that enough),
 * and a serialization failure or deadlock is retried here, with a short random pause, never surfaced to
 * the caller. Anything else that goes wrong with the database is an {@link UnavailableException} (the
 * server is down or refused the connection) or an {@link InternalException} (a statement the schema does
 * not accept: a bug), with the SQL state in the message and no data.
 */
public final class Database {
    /** SQL states worth a new attempt: serialization failure, deadlock, lock not available. */
    static final Set<String> RETRIED = Set.of("40001", "40P01", "55P03");

    private static final int ATTEMPTS = 12;

    private final DataSource dataSource;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database behind {@code dataSource} (the host's pool, or {@link JdbcStorage#pooled}). */
    public static Database of(DataSource dataSource) {
        return new Database(Checks.notNull("dataSource", dataSource));
    }

    /** The data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A unit of work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs on {@code connection}; its changes commit when it returns and roll back when it throws. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction, committing when it returns. A serialization failure or deadlock
     * rolls back and runs it again (it must therefore have no effect outside the transaction); other
     * failures roll back and are thrown as omskit exceptions. An {@link dev.omskit.core.error.OmsException}
     * the work throws rolls back and is rethrown as it is.
     */
    public <T> T transaction(Work<T> work) {
        Checks.notNull("work", work);
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if (!retried(e)) {
                    throw translate(e);
                }
                last = e;
                pause(attempt);
            }
        }
        throw new UnavailableException(
                "the database kept refusing a transaction as conflicting (SQL state " + state(last) + ") after "
                        + ATTEMPTS + " attempts",
                last);
    }

    /**
     * Runs {@code work}, one read statement, on a connection in autocommit mode: the statement is its own
     * transaction, with no {@code BEGIN} or {@code COMMIT} round trip. Only for work of a single statement
     * that changes nothing (several statements would each see a different snapshot); failures are thrown as
     * by {@link #transaction}.
     */
    public <T> T read(Work<T> work) {
        Checks.notNull("work", work);
        try (Connection c = dataSource.getConnection()) {
            if (c.getAutoCommit()) {
                return work.run(c);
            }
            c.setAutoCommit(true);
            try {
                return work.run(c);
            } finally {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Whether {@code e}, or a cause of it, is a failure a new attempt may get past. */
    static boolean retried(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && RETRIED.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The omskit exception for a database failure that is not retried. */
    static RuntimeException translate(SQLException e) {
        String state = state(e);
        if (e instanceof SQLTransientException || state.startsWith("08") || state.startsWith("57")) {
            return new UnavailableException("the database is unavailable (SQL state " + state + ")", e);
        }
        return new InternalException("a database statement failed (SQL state " + state + ")", e);
    }

    private static String state(SQLException e) {
        return e == null || e.getSQLState() == null ? "none" : e.getSQLState();
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void pause(int attempt) {
        long max = Math.min(50, 1L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(max + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to retry a transaction", e);
        }
    }
}
