package dev.omskit.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts what its callers send to the server: statements executed (each a round
 * trip; a JDBC batch counts once), commits (the write transactions) and statements run in autocommit (each a
 * transaction of its own). Used to measure the transactions and statements of one S5 lifecycle outside the measured
 * runs; the proxies cost too much to sit under a measurement.
 */
final class CountingDataSource implements DataSource {
    private final DataSource target;
    final AtomicLong statements = new AtomicLong();
    /** Explicit commits: the write transactions. */
    final AtomicLong commits = new AtomicLong();
    /** Statements run in autocommit, each a transaction of its own (the single-statement reads). */
    final AtomicLong autocommitted = new AtomicLong();
    /** Executions per SQL text (the text prepared; {@code (unprepared)} for plain statements). */
    final Map<String, AtomicLong> bySql = new ConcurrentHashMap<>();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        InvocationHandler connection = (proxy, method, args) -> {
            Object result = call(c, method, args);
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            if (result instanceof Statement s) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "(unprepared)";
                return statement(c, s, method.getReturnType(), sql);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, connection);
    }

    private Object statement(Connection c, Statement s, Class<?> type, String sql) {
        InvocationHandler statement = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                bySql.computeIfAbsent(sql, k -> new AtomicLong()).incrementAndGet();
                if (c.getAutoCommit()) {
                    autocommitted.incrementAndGet();
                }
            }
            return call(s, method, args);
        };
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, statement);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
