package dev.omskit.routing;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a decision reads, captured once before deciding: the candidate locations, the units available
 * per SKU at each, the catalogue data of the SKUs, and the capacity each location has used today. Deciding
 * against a snapshot does no I/O and is repeatable, which is what the what-if simulation replays.
 *
 * <p>Immutable once built and safe to share between threads; {@link Router#routeBatch} works on its own
 * copy.
 */
public final class RoutingInput {
    private final List<Location> locations;
    private final Map<LocationId, Integer> index;
    private final Map<Sku, int[]> stock;
    private final Map<Sku, Product> products;
    private final int[] unitsUsed;
    private final int[] packagesUsed;
    /** Per location: latitude and longitude in radians and the cosine of the latitude; NaN without a geo point. */
    private final double[] geo;

    private RoutingInput(
            List<Location> locations,
            Map<LocationId, Integer> index,
            Map<Sku, int[]> stock,
            Map<Sku, Product> products,
            int[] unitsUsed,
            int[] packagesUsed,
            double[] geo) {
        this.locations = locations;
        this.index = index;
        this.stock = stock;
        this.products = products;
        this.unitsUsed = unitsUsed;
        this.packagesUsed = packagesUsed;
        this.geo = geo;
    }

    /** Per location: latitude and longitude in radians and the cosine of the latitude; NaN without a point. */
    private static double[] radians(List<Location> locations) {
        double[] geo = new double[locations.size() * 3];
        for (int i = 0; i < locations.size(); i++) {
            Optional<GeoPoint> p = locations.get(i).geo();
            double lat = p.isPresent() ? Math.toRadians(p.get().latitude()) : Double.NaN;
            geo[3 * i] = lat;
            geo[3 * i + 1] = p.isPresent() ? Math.toRadians(p.get().longitude()) : Double.NaN;
            geo[3 * i + 2] = Math.cos(lat);
        }
        return geo;
    }

    /**
     * Great-circle km from the location to a point given in radians with the cosine of its latitude (the
     * haversine of {@link GeoPoint#distanceKm}, with the location's side computed once per snapshot); NaN
     * when the location has no geo point.
     */
    double distanceKm(int location, double latRad, double lonRad, double cosLat) {
        double lat1 = geo[3 * location];
        if (Double.isNaN(lat1)) {
            return Double.NaN;
        }
        double s = Math.sin((latRad - lat1) / 2);
        double t = Math.sin((lonRad - geo[3 * location + 1]) / 2);
        double h = s * s + geo[3 * location + 2] * cosLat * t * t;
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** A snapshot over these locations (every location a decision may consider, active or not). */
    public static Builder builder(Collection<Location> locations) {
        return new Builder(locations);
    }

    /** A snapshot from the levels core passes to a sourcing strategy, with the products known. */
    public static RoutingInput of(
            Collection<Location> locations, Map<Sku, List<StockLevel>> levels, Collection<Product> products) {
        Builder b = builder(locations);
        levels.forEach((sku, list) -> {
            for (StockLevel level : list) {
                if (b.index.containsKey(level.location())) {
                    b.available(sku, level.location(), level.available());
                }
            }
        });
        products.forEach(b::product);
        return b.build();
    }

    public List<Location> locations() {
        return locations;
    }

    /** The location's position in {@link #locations()}, or -1. */
    public int indexOf(LocationId location) {
        Integer i = index.get(location);
        return i == null ? -1 : i;
    }

    /** Units of the SKU available at the location. */
    public int available(Sku sku, LocationId location) {
        int[] row = stock.get(sku);
        int i = indexOf(location);
        return row == null || i < 0 ? 0 : row[i];
    }

    /** The catalogue data of the SKU, when the snapshot has it. */
    public Optional<Product> product(Sku sku) {
        return Optional.ofNullable(products.get(sku));
    }

    /** Units the location has already shipped (or committed to ship) today. */
    public int unitsUsedToday(LocationId location) {
        int i = indexOf(location);
        return i < 0 ? 0 : unitsUsed[i];
    }

    /** Packages the location has already committed today. */
    public int packagesUsedToday(LocationId location) {
        int i = indexOf(location);
        return i < 0 ? 0 : packagesUsed[i];
    }

    /** Available units of the SKU per location index; a shared empty row when the SKU has no stock anywhere. */
    int[] row(Sku sku) {
        int[] row = stock.get(sku);
        return row == null ? emptyRow() : row;
    }

    private int[] empty;

    private int[] emptyRow() {
        int[] e = empty;
        if (e == null) {
            e = new int[locations.size()];
            empty = e;
        }
        return e;
    }

    int unitsUsed(int location) {
        return unitsUsed[location];
    }

    int packagesUsed(int location) {
        return packagesUsed[location];
    }

    /** A copy that a batch may consume; this snapshot never changes. */
    RoutingInput mutableCopy() {
        // rows are shared: take() copies a row before changing it
        return new RoutingInput(
                locations, index, new HashMap<>(stock), products, unitsUsed.clone(), packagesUsed.clone(), geo);
    }

    /** Takes units and capacity as a decision of a batch would (only on a {@link #mutableCopy()}). */
    void take(Sku sku, int location, int units) {
        int[] row = stock.get(sku);
        if (row != null) {
            // copy on write: the decisions made before still read the row they were decided on (explanations
            // are rendered lazily)
            row = row.clone();
            row[location] = Math.max(0, row[location] - units);
            stock.put(sku, row);
        }
        unitsUsed[location] += units;
    }

    void usePackage(int location) {
        packagesUsed[location]++;
    }

    /** Builds a {@link RoutingInput}. Not thread-safe. */
    public static final class Builder {
        private final List<Location> locations;
        private final Map<LocationId, Integer> index = new HashMap<>();
        private final Map<Sku, int[]> stock = new HashMap<>();
        private final Map<Sku, Product> products = new HashMap<>();
        private final int[] unitsUsed;
        private final int[] packagesUsed;

        private Builder(Collection<Location> locations) {
            this.locations = List.copyOf(locations);
            for (int i = 0; i < this.locations.size(); i++) {
                if (index.put(this.locations.get(i).id(), i) != null) {
                    throw InvalidArgumentException.of(
                            "locations",
                            "DUPLICATE",
                            "location '" + this.locations.get(i).id() + "' appears twice in the routing input");
                }
            }
            unitsUsed = new int[this.locations.size()];
            packagesUsed = new int[this.locations.size()];
        }

        /** Sets the units of the SKU available at the location. */
        public Builder available(Sku sku, LocationId location, int units) {
            if (units < 0) {
                throw InvalidArgumentException.of(
                        "available", "NEGATIVE", "available units of " + sku + " at " + location + " were " + units);
            }
            stock.computeIfAbsent(sku, s -> new int[locations.size()])[require(location)] = units;
            return this;
        }

        /** Adds the catalogue data of a SKU. */
        public Builder product(Product product) {
            products.put(product.sku(), product);
            return this;
        }

        /** Records the units and packages the location has committed today. */
        public Builder usedToday(LocationId location, int units, int packages) {
            if (units < 0 || packages < 0) {
                throw InvalidArgumentException.of(
                        "usedToday", "NEGATIVE", "capacity used at " + location + " may not be negative");
            }
            int i = require(location);
            unitsUsed[i] = units;
            packagesUsed[i] = packages;
            return this;
        }

        private int require(LocationId location) {
            Integer i = index.get(location);
            if (i == null) {
                throw InvalidArgumentException.of(
                        "location",
                        "UNKNOWN_LOCATION",
                        "location '" + location + "' is not among the routing input's " + locations.size()
                                + " locations");
            }
            return i;
        }

        public RoutingInput build() {
            Map<Sku, int[]> rows = new HashMap<>();
            stock.forEach((sku, row) -> rows.put(sku, row.clone()));
            return new RoutingInput(
                    locations,
                    Map.copyOf(index),
                    rows,
                    Map.copyOf(products),
                    unitsUsed.clone(),
                    packagesUsed.clone(),
                    radians(locations));
        }
    }

    @Override
    public String toString() {
        List<String> ids = new ArrayList<>();
        for (Location l : locations) {
            ids.add(l.id().value());
        }
        return "RoutingInput{locations=" + (ids.size() <= 10 ? ids : ids.size()) + ", skus=" + stock.keySet()
                + ", unitsUsed=" + Arrays.toString(unitsUsed.length <= 10 ? unitsUsed : new int[0]) + "}";
    }
}
