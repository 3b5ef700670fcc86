/**
 * Resilience around every remote call: timeouts, retries with backoff and jitter on retryable
 * failures only, circuit breakers, rate limits per provider account and bulkheads, on Resilience4j 2.x.
 */
package dev.omskit.connectors.resilience;
