package dev.omskit.core.inventory;

/** What kind of place a {@link Location} is. */
public enum LocationKind {
    /** The main warehouse of a merchant. */
    WAREHOUSE_MAIN,
    /** A regional or branch warehouse. */
    WAREHOUSE_BRANCH,
    /** A sub-warehouse (a satellite or overflow site). */
    WAREHOUSE_SUB,
    /** A retail store that holds sellable stock. */
    STORE,
    /** A node of a third-party logistics provider. */
    THIRD_PARTY_LOGISTICS,
    /** A vendor that ships its own stock on the merchant's behalf. */
    DROPSHIP_VENDOR
}
