/**
 * In-memory implementations of the storage SPIs: thread-safe, fast, not durable. For tests, demos and
 * benchmarks; nothing in omskit defaults to them silently.
 */
package dev.omskit.testkit.store;
