package dev.omskit.connectors.carrier;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Money;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What a carrier needs to quote: where from, where to, the parcels, the cash it would collect and the
 * value declared for insurance. The addresses print their personal parts as {@code ***}.
 *
 * @param origin where the carrier picks up
 * @param destination where it delivers
 * @param parcels at least one
 * @param codAmount the cash on delivery to collect, if any (positive)
 * @param declaredValue the goods' value for insurance, if declared (positive)
 */
public record RateRequest(
        Address origin,
        Address destination,
        List<Parcel> parcels,
        Optional<Money> codAmount,
        Optional<Money> declaredValue) {
    public RateRequest {
        Checks.notNull("origin", origin);
        Checks.notNull("destination", destination);
        parcels = CarrierChecks.parcels(parcels);
        CarrierChecks.positive("codAmount", codAmount);
        CarrierChecks.positive("declaredValue", declaredValue);
    }

    /** A quote request without cash on delivery or declared value. */
    public static RateRequest of(Address origin, Address destination, List<Parcel> parcels) {
        return new RateRequest(origin, destination, parcels, Optional.empty(), Optional.empty());
    }

    /** Checks shared by the carrier's request values. */
    static final class CarrierChecks {
        private CarrierChecks() {}

        static List<Parcel> parcels(List<Parcel> parcels) {
            Checks.notNull("parcels", parcels);
            if (parcels.isEmpty()) {
                throw InvalidArgumentException.of("parcels", "EMPTY", "a carrier request needs at least one parcel");
            }
            return List.copyOf(parcels);
        }

        static void positive(String field, Optional<Money> amount) {
            Checks.notNull(field, amount);
            if (amount.isPresent() && !amount.get().isPositive()) {
                throw InvalidArgumentException.of(
                        field, "NOT_POSITIVE", field + " must be positive when given; was " + amount.get());
            }
        }

        static String text(String field, String value) {
            Checks.notNull(field, value);
            if (value.isBlank()) {
                throw InvalidArgumentException.of(field, "BLANK", field + " must not be blank");
            }
            return value;
        }
    }
}
