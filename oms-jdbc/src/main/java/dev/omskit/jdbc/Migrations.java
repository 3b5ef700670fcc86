package dev.omskit.jdbc;

import dev.omskit.core.error.InternalException;
import dev.omskit.core.support.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema, shipped in the jar as versioned SQL scripts ({@code dev/omskit/jdbc/migrations/V<n>__<what>.sql},
 * listed in {@code index.txt}) and applied in order, each in its own transaction, recording version, name
 * and checksum in {@code omskit_schema_history}. Applying is idempotent (applied versions are skipped) and
 * safe with many instances starting at once (a transaction-level advisory lock serialises them). A script
 * applied before whose text changed since is refused: the schema in the database is not what this jar
 * expects.
 */
public final class Migrations {
    /** The advisory lock key migrations take (the ASCII of "omskit" as a number). */
    static final long LOCK = 0x6f6d736b6974L;

    private static final String ROOT = "dev/omskit/jdbc/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");

    /**
     * One script.
     *
     * @param version its number, from 1 without gaps
     * @param name what it does
     * @param sql its statements
     * @param checksum SHA-256 of its text
     */
    public record Script(int version, String name, String sql, String checksum) {}

    private Migrations() {}

    /** Every script of this jar, in version order. */
    public static List<Script> scripts() {
        String index = read(ROOT + "index.txt");
        List<Script> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new InternalException("migration '" + file + "' is not named V<n>__<what>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (version != out.size() + 1) {
                throw new InternalException(
                        "migration '" + file + "' breaks the sequence: expected V" + (out.size() + 1));
            }
            String sql = read(ROOT + file);
            out.add(new Script(version, m.group(2), sql, sha256(sql)));
        }
        return out;
    }

    /**
     * Applies every script not applied yet to the database; returns the versions it applied (empty when the
     * schema was current).
     *
     * @throws InternalException a script applied before has another checksum now, or the database holds a
     *     version this jar does not know (a newer omskit ran on it)
     */
    public static List<Integer> apply(Database db) {
        Checks.notNull("db", db);
        List<Script> scripts = scripts();
        db.transaction(c -> {
            lock(c); // CREATE TABLE IF NOT EXISTS races with itself in PostgreSQL
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS omskit_schema_history ("
                        + "version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                        + " applied_at timestamptz NOT NULL DEFAULT now())");
            }
            return null;
        });
        List<Integer> applied = new ArrayList<>();
        for (Script script : scripts) {
            boolean ran = db.transaction(c -> {
                lock(c);
                Map<Integer, String> done = history(c);
                int newest =
                        done.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (newest > scripts.size()) {
                    throw new InternalException("the database schema is at version " + newest
                            + ", newer than this omskit knows (" + scripts.size() + ")");
                }
                String checksum = done.get(script.version());
                if (checksum != null) {
                    if (!checksum.equals(script.checksum())) {
                        throw new InternalException("migration V" + script.version() + " (" + script.name()
                                + ") was applied with another text; the schema is not what this omskit expects");
                    }
                    return false;
                }
                try (Statement s = c.createStatement()) {
                    s.execute(script.sql());
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO omskit_schema_history (version, name, checksum) VALUES (?, ?, ?)")) {
                    p.setInt(1, script.version());
                    p.setString(2, script.name());
                    p.setString(3, script.checksum());
                    p.executeUpdate();
                }
                return true;
            });
            if (ran) {
                applied.add(script.version());
            }
        }
        return applied;
    }

    /** The versions applied to the database, with their checksums. */
    public static Map<Integer, String> applied(Database db) {
        return db.transaction(Migrations::history);
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            p.setLong(1, LOCK);
            p.execute();
        }
    }

    private static Map<Integer, String> history(Connection c) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version, checksum FROM omskit_schema_history ORDER BY version")) {
            while (r.next()) {
                out.put(r.getInt(1), r.getString(2));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return out;
            }
            throw e;
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InternalException("migration resource " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InternalException("migration resource " + resource + " could not be read", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException("SHA-256 is missing from this JVM", e);
        }
    }
}
