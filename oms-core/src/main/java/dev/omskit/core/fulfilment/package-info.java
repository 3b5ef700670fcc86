/**
 * Fulfilment requests: units of an order released to one location (warehouse, store, 3PL, dropship
 * vendor), their lifecycle and the pick, pack and short-pick confirmations that move them. Pure domain
 * types; the {@code Fulfilment} facade of the root package glues them to the order engine.
 */
package dev.omskit.core.fulfilment;
