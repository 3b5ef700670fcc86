/**
 * The small values of the domain: typed identifiers ({@link dev.omskit.core.model.OrderId}, {@link
 * dev.omskit.core.model.Sku} ...), exact {@link dev.omskit.core.model.Money}, addresses, buyers, channels
 * and actors. Records validate themselves on construction; larger values are Immutables built with
 * {@code builder()}.
 */
@OmsStyle
package dev.omskit.core.model;

import dev.omskit.core.support.OmsStyle;
