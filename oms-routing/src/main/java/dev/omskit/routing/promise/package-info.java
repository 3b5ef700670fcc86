/**
 * Delivery promise at checkout: before any order exists, {@link
 * dev.omskit.routing.promise.DeliveryPromise} routes a cart with the same rules the order will be routed by
 * and lists the {@link dev.omskit.routing.promise.DeliveryOption options} a checkout can show: ship from
 * where, by which {@link dev.omskit.routing.promise.CarrierService carrier service}, at what price and by
 * which date, or collect in which store and when; faster or cheaper single-location alternatives are
 * offered beside the routed plan. Working days, cut-offs, holidays and handling time come from {@link
 * dev.omskit.routing.promise.PromiseConfig}; every date is computed from the router's clock in each
 * location's time zone.
 */
@OmsStyle
package dev.omskit.routing.promise;

import dev.omskit.core.support.OmsStyle;
