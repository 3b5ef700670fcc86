package dev.omskit.core.invoice;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.error.InvalidArgumentException;
import org.immutables.value.Value;

/** Discard a draft, or cancel an issued invoice (not adjusted, not replaced), with a reason. */
@Value.Immutable
public abstract class CancelInvoice implements ExistingOrderCommand {
    public abstract String invoiceId();

    public abstract String reason();

    @Value.Check
    protected void check() {
        if (reason().isBlank()) {
            throw InvalidArgumentException.of("reason", "BLANK", "say why the invoice is cancelled");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CancelInvoice}. */
    public static class Builder extends ImmutableCancelInvoice.Builder {}
}
