package dev.omskit.core.model;

/** Whether the unit prices of an order include VAT. */
public enum TaxMode {
    /** Unit prices are net; VAT is added on top (usual for business orders). */
    PRICES_EXCLUDE_TAX,
    /** Unit prices already include VAT (usual for consumer marketplaces); VAT is extracted. */
    PRICES_INCLUDE_TAX
}
