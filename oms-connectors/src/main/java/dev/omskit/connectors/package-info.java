/**
 * The systems an OMS talks to: the one error model of every remote call ({@link
 * dev.omskit.connectors.ConnectorException}, {@link dev.omskit.connectors.FailureKind}), and the
 * resilience layer around every call ({@link dev.omskit.connectors.resilience}).
 */
package dev.omskit.connectors;
