package dev.omskit.core.shipment;

/** Who pays the carrier's shipping charge. */
public enum ShippingPayer {
    /** The merchant pays; the buyer's COD is the goods only. */
    SELLER,
    /** The buyer pays: the order's shipping fee is collected with the first shipment's COD. */
    BUYER
}
