/**
 * The one change model for everything after placement: every change to an order is decided on a
 * version of it, can be previewed without being stored, recomputes totals deterministically, and names
 * the payment difference to settle.
 */
package dev.omskit.core.change;
