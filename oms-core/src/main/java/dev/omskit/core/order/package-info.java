/**
 * The order aggregate and its lifecycle: {@link dev.omskit.core.order.Order} with per-line quantities per
 * stage, holds, payment state, derived status and totals; {@link dev.omskit.core.order.OrderLifecycle},
 * the default stages a host extends without forking; rejections as values.
 */
@OmsStyle
package dev.omskit.core.order;

import dev.omskit.core.support.OmsStyle;
