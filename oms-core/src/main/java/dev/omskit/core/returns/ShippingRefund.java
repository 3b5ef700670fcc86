package dev.omskit.core.returns;

/** When a refund gives back the order's shipping fee (at most once per order). */
public enum ShippingRefund {
    /** Never. */
    NEVER,
    /** When the return makes every charged unit of the order returned. */
    WHOLE_ORDER,
    /** When a returned line's reason is the seller's fault. */
    SELLER_FAULT,
    /** When either holds. */
    WHOLE_ORDER_OR_SELLER_FAULT
}
