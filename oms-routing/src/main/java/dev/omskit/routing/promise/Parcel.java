package dev.omskit.routing.promise;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.Product;
import dev.omskit.routing.Assignment;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.rule.RateTable;
import java.util.List;
import java.util.Optional;

/**
 * The actual weight and the volume of one shipment, from the catalogue data in the snapshot: a SKU
 * without a weight counts a default weight per unit, a SKU without dimensions adds no volume.
 *
 * @param grams actual weight in grams, zero or more
 * @param volumeCm3 volume in cubic centimetres, zero or more
 */
public record Parcel(long grams, long volumeCm3) {
    public Parcel {
        if (grams < 0 || volumeCm3 < 0) {
            throw InvalidArgumentException.of(
                    "parcel", "NEGATIVE", "a parcel cannot weigh " + grams + " g or measure " + volumeCm3 + " cm3");
        }
    }

    /** The parcel of these assignments, {@code defaultGrams} per unit of a SKU without a weight. */
    public static Parcel of(List<Assignment> assignments, RoutingInput input, int defaultGrams) {
        long grams = 0;
        long volume = 0;
        for (Assignment a : assignments) {
            Optional<Product> p = input.product(a.sku());
            int unitGrams = p.filter(pr -> pr.weightGrams().isPresent())
                    .map(pr -> pr.weightGrams().getAsInt())
                    .orElse(defaultGrams);
            grams += (long) a.units() * unitGrams;
            volume += a.units()
                    * p.flatMap(Product::dimensions).map(Dimensions::volumeCm3).orElse(0L);
        }
        return new Parcel(grams, volume);
    }

    /** The weight the rate table charges: actual or dimensional, whichever is greater. */
    public int chargeableGrams(RateTable rates) {
        return rates.chargeableGrams(grams, volumeCm3);
    }
}
