/**
 * omskit on PostgreSQL through JDBC: {@link dev.omskit.jdbc.JdbcStorage} gathers the stores of the storage
 * SPIs over one database, with the schema migrations shipped in this jar ({@link dev.omskit.jdbc.Migrations}).
 * Correct with many application instances on one database, without in-JVM locks: conditional updates,
 * compare-and-set versions, unique keys in the database, and serialization failures and deadlocks retried
 * inside ({@link dev.omskit.jdbc.Database}). See ADR 11.
 */
package dev.omskit.jdbc;
