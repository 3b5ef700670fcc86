package dev.omskit.core.shipment;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.Money;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A carrier remitted cash on delivery for one delivered shipment. Equal to what is outstanding: matched;
 * otherwise the shipment is {@link CodStatus#MISMATCHED} until a further remittance makes it match or
 * the difference is accepted ({@code ResolveCodMismatch}).
 */
@Value.Immutable
public abstract class RecordCodRemittance implements ExistingOrderCommand {
    public abstract String shipmentId();

    public abstract Money amount();

    /** The carrier's remittance reference. */
    public abstract String reference();

    public abstract Instant remittedAt();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordCodRemittance}. */
    public static class Builder extends ImmutableRecordCodRemittance.Builder {}
}
