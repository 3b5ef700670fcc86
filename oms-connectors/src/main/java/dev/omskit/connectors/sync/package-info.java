/**
 * The persisted work of the sync engine: what must be done at remote systems, kept before each call so
 * that a failure or a crash never loses it, and parked with its reason when it will not pass by itself.
 */
package dev.omskit.connectors.sync;
