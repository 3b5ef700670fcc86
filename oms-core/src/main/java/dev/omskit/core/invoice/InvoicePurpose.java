package dev.omskit.core.invoice;

/** Why an invoice exists. */
public enum InvoicePurpose {
    /** The first invoice of an order's sale. */
    ORIGINAL,
    /**
     * Hóa đơn điều chỉnh: adjusts an issued invoice (a return, a price correction) with signed lines; the
     * adjusted invoice stays valid and the two together state the sale.
     */
    ADJUSTMENT,
    /** Hóa đơn thay thế: a corrected full invoice that replaces an issued one (wrong buyer tax code ...). */
    REPLACEMENT
}
