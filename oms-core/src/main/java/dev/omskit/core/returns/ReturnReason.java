package dev.omskit.core.returns;

/** Why a buyer returns units. Seller-fault reasons waive the restocking fee and may refund shipping. */
public enum ReturnReason {
    /** The buyer changed their mind. */
    CHANGED_MIND(false),
    /** The size does not fit. */
    WRONG_SIZE(false),
    /** The product does not work. */
    DEFECTIVE(true),
    /** The product was damaged on the way. */
    DAMAGED_IN_TRANSIT(true),
    /** Another product was sent than the one ordered. */
    WRONG_ITEM(true),
    /** The product differs from its description. */
    NOT_AS_DESCRIBED(true),
    /** Anything else; the note says what. */
    OTHER(false);

    private final boolean sellerFault;

    ReturnReason(boolean sellerFault) {
        this.sellerFault = sellerFault;
    }

    /** Whether the seller (or its carrier) is at fault. */
    public boolean sellerFault() {
        return sellerFault;
    }
}
