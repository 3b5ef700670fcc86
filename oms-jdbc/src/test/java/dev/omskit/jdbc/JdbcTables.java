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

    private JdbcTables() {}
}
