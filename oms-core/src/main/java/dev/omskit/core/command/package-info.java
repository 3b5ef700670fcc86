/**
 * The commands a host sends to the {@link dev.omskit.core.Oms} facade: capture, edit, cancel, transition,
 * holds and payment. Each names its tenant and actor and may carry an idempotency key.
 */
@OmsStyle
package dev.omskit.core.command;

import dev.omskit.core.support.OmsStyle;
