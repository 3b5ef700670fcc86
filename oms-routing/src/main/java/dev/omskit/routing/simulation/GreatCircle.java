package dev.omskit.routing.simulation;

import dev.omskit.core.model.GeoPoint;
import java.util.Optional;

/** Great-circle distance, by the same formula and Earth radius as the solver's distance ranker. */
final class GreatCircle {
    private static final double EARTH_KM = 6371.0088;

    private GreatCircle() {}

    /** Km between the points; {@code NaN} when either is unknown. */
    static double km(Optional<GeoPoint> from, Optional<GeoPoint> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return Double.NaN;
        }
        GeoPoint a = from.get();
        GeoPoint b = to.get();
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double s = Math.sin(dLat / 2);
        double t = Math.sin(dLon / 2);
        double h = s * s + Math.cos(lat1) * Math.cos(lat2) * t * t;
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
