package dev.omskit.routing.rule;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Shipping prices by zone and chargeable weight, the greater of the actual weight and the dimensional
 * weight ({@code volume in cm3 / divisor} kg). Zones are tried in order; the first whose conditions hold
 * between origin and destination prices the parcel, and no zone means the route is not served.
 */
@Value.Immutable
@OmsStyle
public abstract class RateTable {
    public abstract Currency currency();

    public abstract List<RateZone> zones();

    /** Cubic centimetres per chargeable kilogram (carriers in Vietnam use 6,000; many others 5,000). */
    @Value.Default
    public int dimensionalDivisor() {
        return 6000;
    }

    /** The first zone serving origin to destination at this distance ({@code NaN} when unknown). */
    public Optional<RateZone> zone(Location origin, Address destination, double distanceKm) {
        Address from = origin.address();
        for (RateZone z : zones()) {
            if (z.sameCity() && !same(from.city(), destination.city())) {
                continue;
            }
            if (z.sameRegion()
                    && !(from.region().isPresent()
                            && destination.region().isPresent()
                            && same(from.region().get(), destination.region().get()))) {
                continue;
            }
            if (z.maxDistanceKm().isPresent()
                    && !(distanceKm <= z.maxDistanceKm().getAsDouble())) {
                continue;
            }
            return Optional.of(z);
        }
        return Optional.empty();
    }

    /** The chargeable weight: the actual weight or the dimensional weight, whichever is greater. */
    public int chargeableGrams(long actualGrams, long volumeCm3) {
        long dimensional = (volumeCm3 * 1000 + dimensionalDivisor() - 1) / dimensionalDivisor();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(actualGrams, dimensional));
    }

    /** The price of a parcel of this chargeable weight from origin to destination; empty when not served. */
    public Optional<Money> price(Location origin, Address destination, double distanceKm, int chargeableGrams) {
        return zone(origin, destination, distanceKm).map(z -> z.price(chargeableGrams));
    }

    private static boolean same(String a, String b) {
        return a.trim().equalsIgnoreCase(b.trim());
    }

    @Value.Check
    void check() {
        if (zones().isEmpty()) {
            throw InvalidArgumentException.of("rateTable.zones", "EMPTY", "a rate table needs at least one zone");
        }
        if (dimensionalDivisor() <= 0) {
            throw InvalidArgumentException.of(
                    "rateTable.dimensionalDivisor",
                    "NOT_POSITIVE",
                    "the dimensional divisor must be positive; was " + dimensionalDivisor());
        }
        for (RateZone z : zones()) {
            for (RateZone.Bracket b : z.brackets()) {
                if (!b.price().currency().equals(currency())) {
                    throw InvalidArgumentException.of(
                            "rateTable.zones[" + z.name() + "].brackets",
                            "CURRENCY_MISMATCH",
                            "rate zone '" + z.name() + "' prices in "
                                    + b.price().currency() + " but the table in " + currency());
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RateTable}. */
    public static class Builder extends ImmutableRateTable.Builder {}
}
