package dev.omskit.core.invoice;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.error.InvalidArgumentException;
import org.immutables.value.Value;

/** Record that the provider refused or failed to issue a draft: it stays {@code DRAFT}, the failure noted. */
@Value.Immutable
public abstract class RecordInvoiceIssueFailed implements ExistingOrderCommand {
    public abstract String invoiceId();

    /** What the provider said. */
    public abstract String reason();

    @Value.Check
    protected void check() {
        if (reason().isBlank()) {
            throw InvalidArgumentException.of("reason", "BLANK", "say why issuing failed");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordInvoiceIssueFailed}. */
    public static class Builder extends ImmutableRecordInvoiceIssueFailed.Builder {}
}
