package dev.omskit.core.returns;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A return merchandise authorisation (RMA): units of delivered lines the buyer sends back, where they
 * will be received, and what the buyer gets for them. Moves through {@link ReturnLifecycle}; its RMA
 * number is its reference.
 */
@Value.Immutable
@OmsStyle
public abstract class ReturnRequest implements OrderDocument {
    /** The document kind {@code return}. */
    public static final DocumentKind<ReturnRequest> KIND = DocumentKind.of("return", ReturnRequest.class);

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    /** The RMA number the buyer writes on the parcel, e.g. {@code RMA-ORD-1-R1}. */
    public abstract String rmaNumber();

    /** Where the units will be (or were) received: any location accepting returns. */
    public abstract LocationId location();

    public abstract ReturnResolution resolution();

    public abstract List<ReturnLine> lines();

    /** The replacements of an {@link ReturnResolution#EXCHANGE}; empty otherwise. */
    public abstract List<ExchangeItem> exchangeItems();

    /** The buyer's or agent's note on the whole return (prints as {@code ***}). */
    @Value.Redacted
    public abstract Optional<String> note();

    /** Why it was rejected or cancelled. */
    public abstract Optional<String> closingReason();

    /** Where good units were restocked. */
    public abstract Optional<LocationId> restockLocation();

    /** The refund it was resolved with (also the refund of a cheaper exchange). */
    public abstract Optional<String> refundId();

    /** The store credit it was resolved with. */
    public abstract Optional<String> storeCreditId();

    /** The replacement order of an exchange. */
    public abstract Optional<OrderId> replacementOrderId();

    /** Who asked for it. */
    public abstract Actor requestedBy();

    @Override
    public Set<String> references() {
        return Set.of(rmaNumber());
    }

    /** The line of this return for an order line. */
    public Optional<ReturnLine> line(LineId line) {
        return lines().stream().filter(l -> l.line().equals(line)).findFirst();
    }

    /** Units requested per order line. */
    public Map<LineId, Integer> requestedUnits() {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        lines().forEach(l -> units.merge(l.line(), l.units(), Integer::sum));
        return units;
    }

    /** Units received per order line (lines with none left out). */
    public Map<LineId, Integer> receivedUnits() {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        lines().stream().filter(l -> l.received() > 0).forEach(l -> units.merge(l.line(), l.received(), Integer::sum));
        return units;
    }

    /** The next version of this return: same document, {@code state}, one version more, updated {@code at}. */
    public ReturnRequest next(State state, Instant at) {
        return builder()
                .from(this)
                .state(state)
                .version(version() + 1)
                .updatedAt(at)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReturnRequest}. */
    public static class Builder extends ImmutableReturnRequest.Builder {}
}
