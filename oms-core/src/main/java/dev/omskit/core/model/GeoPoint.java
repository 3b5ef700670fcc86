package dev.omskit.core.model;

import dev.omskit.core.error.InvalidArgumentException;

/**
 * A point on Earth in WGS 84 degrees.
 *
 * @param latitude from -90 to 90
 * @param longitude from -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw InvalidArgumentException.of(
                    "geo",
                    "OUT_OF_RANGE",
                    "geo point must have latitude in [-90, 90] and longitude in [-180, 180]; was (" + latitude + ", "
                            + longitude + ")");
        }
    }

    /** The point at the given latitude and longitude. */
    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }
}
