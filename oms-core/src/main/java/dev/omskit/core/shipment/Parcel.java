package dev.omskit.core.shipment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;

/**
 * One package of a shipment: its actual weight and outer dimensions.
 *
 * @param weightGrams actual weight, positive
 * @param dimensions outer size (in millimetres; dimensional weight uses cubic centimetres)
 */
public record Parcel(int weightGrams, Dimensions dimensions) {
    /** The usual divisor of carriers, in cm³ per kg. */
    public static final int DEFAULT_DIVISOR = 6000;

    public Parcel {
        if (weightGrams <= 0) {
            throw InvalidArgumentException.of(
                    "weightGrams", "NOT_POSITIVE", "a parcel's weight must be positive; was " + weightGrams + " g");
        }
        if (dimensions == null) {
            throw InvalidArgumentException.of("dimensions", "MISSING", "a parcel needs its dimensions");
        }
    }

    /** A parcel of this weight and size in centimetres. */
    public static Parcel of(int weightGrams, int lengthCm, int widthCm, int heightCm) {
        return new Parcel(weightGrams, new Dimensions(lengthCm * 10, widthCm * 10, heightCm * 10));
    }

    /**
     * The dimensional (volumetric) weight in grams: length x width x height in cm³ divided by {@code
     * divisor} (cm³ per kg), rounded up to the gram as carriers do.
     */
    public int dimensionalWeightGrams(int divisor) {
        if (divisor <= 0) {
            throw InvalidArgumentException.of("divisor", "NOT_POSITIVE", "divisor must be positive; was " + divisor);
        }
        long volumeMm3 = (long) dimensions.lengthMm() * dimensions.widthMm() * dimensions.heightMm();
        // grams = cm³ * 1000 / divisor = mm³ / divisor (1 cm³ = 1000 mm³)
        return (int) ((volumeMm3 + divisor - 1) / divisor);
    }

    /** What the carrier charges by: the larger of the actual and the dimensional weight. */
    public int chargeableWeightGrams(int divisor) {
        return Math.max(weightGrams, dimensionalWeightGrams(divisor));
    }
}
