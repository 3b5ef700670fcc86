package dev.omskit.connectors;

/** What kind of remote system a connector talks to. */
public enum ConnectorKind {
    SALES_CHANNEL,
    CARRIER,
    PAYMENT_GATEWAY,
    E_INVOICE_PROVIDER,
    FULFILMENT,
    SUPPLIER,
    TAX,
    FRAUD_SCREENING,
    NOTIFIER
}
