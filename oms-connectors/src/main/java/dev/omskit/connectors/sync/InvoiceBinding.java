package dev.omskit.connectors.sync;

import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;

/**
 * The e-invoice provider account of one tenant: drafted invoices are issued there.
 *
 * @param tenant the tenant
 * @param provider the connector
 * @param account the provider account (the rate limiter's scope)
 */
public record InvoiceBinding(TenantId tenant, EInvoiceProvider provider, String account) {
    public InvoiceBinding {
        Checks.notNull("tenant", tenant);
        Checks.notNull("provider", provider);
        Checks.id("account", account);
    }

    /** The provider's single account. */
    public static InvoiceBinding of(TenantId tenant, EInvoiceProvider provider) {
        return new InvoiceBinding(tenant, provider, "default");
    }

    /** The connector's id. */
    public String connectorId() {
        return provider.id();
    }
}
