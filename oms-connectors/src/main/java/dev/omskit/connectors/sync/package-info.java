/**
 * The sync engine and its persisted work. {@link dev.omskit.connectors.sync.SyncEngine} keeps omskit and
 * the remote systems in step: channel orders in (webhooks, polls), stock and order status out, shipments
 * booked and tracked at carriers, invoices issued, products synced with conflict detection. Every remote
 * effect is a {@link dev.omskit.connectors.sync.SyncWork} item in a {@link
 * dev.omskit.connectors.sync.SyncWorkStore}, written before the call, so that a failure or a crash never
 * loses it; work that will not pass by itself is parked with its reason ({@link
 * dev.omskit.connectors.sync.ParkedWork}). Poll positions live in a {@link
 * dev.omskit.connectors.sync.CursorStore}. See {@code docs/guides/sync.md} and ADR 10.
 */
package dev.omskit.connectors.sync;
