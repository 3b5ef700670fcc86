package dev.omskit.core.shipment;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A parcel (or several packages travelling together) of an order's units, from one origin location with
 * one carrier. Immutable and versioned; it moves through {@link ShipmentLifecycle}. Its {@link
 * #references()} hold {@code <carrier>:<tracking number>} once labelled, unique within the tenant.
 */
@Value.Immutable
public abstract class Shipment implements OrderDocument {
    /** The document kind {@code shipment}. */
    public static final DocumentKind<Shipment> KIND = DocumentKind.of("shipment", Shipment.class);

    /** Where the parcel leaves from. */
    public abstract LocationId origin();

    /** The fulfilment request whose picked units it carries, if it was packed for one. */
    public abstract Optional<String> fulfilmentRequest();

    /** Units per order line. */
    public abstract Map<LineId, Integer> lines();

    /** The packages (empty when the carrier weighs them). */
    public abstract List<Parcel> parcels();

    /** The carrier's code, e.g. {@code GHN}. */
    public abstract String carrier();

    public abstract ServiceLevel service();

    public abstract ShippingPayer payer();

    /** The cash on delivery to collect for this shipment, as derived at creation (zero for prepaid). */
    public abstract Money codAmount();

    /** Difference accepted when a mismatch was resolved (remitted minus the amount due then). */
    public abstract Money codAdjustment();

    /** What carriers remitted for this shipment. */
    public abstract List<CodRemittance> remittances();

    public abstract CodStatus codStatus();

    /** The reason a mismatch was accepted with. */
    public abstract Optional<String> codResolution();

    public abstract Optional<String> trackingNumber();

    /** The carrier's label reference (a document id or URL). */
    public abstract Optional<String> label();

    /** The time of the latest carrier event applied (older events are out of order). */
    public abstract Optional<Instant> lastTrackingAt();

    /** The carrier's reason for the latest failed delivery. */
    public abstract Optional<String> failureReason();

    /** Delivery attempts that failed. */
    @Value.Default
    public int failedAttempts() {
        return 0;
    }

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    @Override
    public Set<String> references() {
        return trackingNumber().map(t -> Set.of(reference(carrier(), t))).orElse(Set.of());
    }

    /** The document reference of a carrier's tracking number: {@code <carrier>:<tracking>}. */
    public static String reference(String carrier, String trackingNumber) {
        return carrier + ":" + trackingNumber;
    }

    /** Units of this line in the shipment. */
    public int units(LineId line) {
        return lines().getOrDefault(line, 0);
    }

    /** The actual weight of all packages, in grams. */
    public int weightGrams() {
        return parcels().stream().mapToInt(Parcel::weightGrams).sum();
    }

    /**
     * What the carrier charges by over all packages: per package the larger of actual and dimensional
     * weight ({@code divisor} in cm³ per kg, usually {@link Parcel#DEFAULT_DIVISOR}), summed.
     */
    public int chargeableWeightGrams(int divisor) {
        return parcels().stream()
                .mapToInt(p -> p.chargeableWeightGrams(divisor))
                .sum();
    }

    /** Whether it still counts: not cancelled and not returned to the sender. */
    public boolean isLive() {
        return ShipmentLifecycle.isLive(state());
    }

    /** The COD due now: the amount plus any accepted difference; zero once not live. */
    public Money codDue() {
        return isLive() ? codAmount().plus(codAdjustment()) : codAmount().minus(codAmount());
    }

    /** What carriers remitted, summed. */
    public Money codRemitted() {
        Money sum = codAmount().minus(codAmount());
        for (CodRemittance r : remittances()) {
            sum = sum.plus(r.amount());
        }
        return sum;
    }

    /** {@code codDue() - codRemitted()}: positive while the carrier owes, negative when it remitted too much. */
    public Money codOutstanding() {
        return codDue().minus(codRemitted());
    }

    /** The next version: the version is one more and {@code updatedAt} is {@code now}. */
    public Builder next(java.time.Instant now) {
        return builder().from(this).version(version() + 1).updatedAt(now);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Shipment}. */
    public static class Builder extends ImmutableShipment.Builder {}
}
