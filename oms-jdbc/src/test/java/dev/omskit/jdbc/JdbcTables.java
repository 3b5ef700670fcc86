package dev.omskit.jdbc;

/** The tables the tests empty between tests. */
final class JdbcTables {
    static final String[] ORDER_TABLES = {
        "omskit_order",
        "omskit_order_event",
        "omskit_outbox",
        "omskit_idempotency",
        "omskit_document",
        "omskit_document_reference",
        "omskit_document_event"
    };

    static final String[] INVENTORY_TABLES = {
        "omskit_location",
        "omskit_stock_cell",
        "omskit_stock_ledger",
        "omskit_stock_key",
        "omskit_reservation",
        "omskit_transfer",
        "omskit_purchase_order",
        "omskit_backorder"
    };

    private JdbcTables() {}
}
