package dev.omskit.core.model;

/** How the buyer pays. */
public enum PaymentMethod {
    /** Paid (or authorised) before fulfilment: card, wallet, bank transfer, marketplace escrow. */
    PREPAID,
    /** Cash on delivery: the carrier collects and remits. */
    CASH_ON_DELIVERY
}
