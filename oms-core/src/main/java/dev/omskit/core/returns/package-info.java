/**
 * Returns (RMA), refunds, exchanges, store credit and claims: the order documents
 * {@link dev.omskit.core.returns.ReturnRequest}, {@link dev.omskit.core.returns.Refund}, {@link
 * dev.omskit.core.returns.StoreCredit} and {@link dev.omskit.core.returns.Claim}, their lifecycles, the
 * {@link dev.omskit.core.returns.ReturnPolicy} and the pure rules (window, returnable units, refund
 * amounts, exchange pricing). The facade {@code dev.omskit.core.Returns} glues them to the order engine.
 */
package dev.omskit.core.returns;
