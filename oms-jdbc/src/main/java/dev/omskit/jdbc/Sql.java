package dev.omskit.jdbc;

import dev.omskit.jdbc.json.Codec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC conversions shared by the stores. */
final class Sql {
    private Sql() {}

    /** An instant as a {@code timestamptz} parameter (UTC; the driver keeps microseconds). */
    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant, or null. */
    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Runs an update with positional arguments; returns the rows changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    /** Binds positional arguments. */
    static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    /** The first column of every row, as text. */
    static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            List<String> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    /** The first column of the first row, as text. */
    static Optional<String> scalar(Connection c, String sql, Object... args) throws SQLException {
        return first(strings(c, sql, args));
    }

    /** The first column of every row, a JSON body, read as {@code type}. */
    static <T> List<T> bodies(Codec codec, Connection c, String sql, Class<T> type, Object... args)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return bodies(codec, p, type);
        }
    }

    /** The first column of every row of a prepared query, a JSON body, read as {@code type}. */
    static <T> List<T> bodies(Codec codec, PreparedStatement p, Class<T> type) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(codec.read(r.getString(1), type));
            }
        }
        return out;
    }

    /** The first element, if any. */
    static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
