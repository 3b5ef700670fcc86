/** Webhook input, verify-then-parse: authentic requests only, typed errors for the rest. */
package dev.omskit.connectors.webhook;
