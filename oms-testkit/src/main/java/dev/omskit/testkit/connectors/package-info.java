/**
 * Fakes of the connector SPIs, scriptable through {@link dev.omskit.testkit.connectors.FakeScript} (fail,
 * rate-limit, delay the next calls) and recording their calls, for tests that must never reach the
 * internet.
 */
package dev.omskit.testkit.connectors;
