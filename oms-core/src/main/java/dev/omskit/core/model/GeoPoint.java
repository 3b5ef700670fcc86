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

    /** The mean Earth radius (IUGG), in km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** The great-circle (haversine) distance to {@code other}, in km. */
    public double distanceKm(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double s = Math.sin((lat2 - lat1) / 2);
        double t = Math.sin((Math.toRadians(other.longitude) - Math.toRadians(longitude)) / 2);
        double h = s * s + Math.cos(lat1) * Math.cos(lat2) * t * t;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** The distance in km between two optional points; {@code NaN} when either is absent. */
    public static double distanceKm(java.util.Optional<GeoPoint> from, java.util.Optional<GeoPoint> to) {
        return from.isEmpty() || to.isEmpty() ? Double.NaN : from.get().distanceKm(to.get());
    }
}
