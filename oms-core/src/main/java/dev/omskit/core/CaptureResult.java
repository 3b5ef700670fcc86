package dev.omskit.core;

import dev.omskit.core.order.Order;

/**
 * The outcome of a capture.
 *
 * @param order the order, new or the one captured before
 * @param created true when this call captured it; false when the channel order (or the idempotency key)
 *     had been captured before and the existing order was returned
 */
public record CaptureResult(Order order, boolean created) {}
