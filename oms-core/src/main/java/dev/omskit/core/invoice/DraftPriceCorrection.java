package dev.omskit.core.invoice;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Draft an adjustment invoice correcting unit prices of an issued invoice: the signed difference for the
 * units it still states. Without {@link #invoiceId()} the order's live issued original (or latest
 * replacement) is adjusted.
 */
@Value.Immutable
public abstract class DraftPriceCorrection implements ExistingOrderCommand {
    /** The invoice to adjust; the order's live issued invoice when empty. */
    public abstract Optional<String> invoiceId();

    /** The correct unit price per order line. */
    public abstract Map<LineId, Money> newUnitPrices();

    /** Why, printed on the adjustment. */
    public abstract String reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DraftPriceCorrection}. */
    public static class Builder extends ImmutableDraftPriceCorrection.Builder {}
}
