package dev.omskit.routing.rule;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The built-in rankers, by the names profiles use. Lower cost ranks first. Immutable and thread-safe. */
public final class Rankers {
    private Rankers() {}

    /** {@code distance}: great-circle km to the destination; unknown distances rank last. */
    public static Ranker distance() {
        return Distance.INSTANCE;
    }

    /** {@code priority}: the location's priority (lower first). */
    public static Ranker priority() {
        return Priority.INSTANCE;
    }

    /**
     * {@code shipping-cost}: what shipping the whole request from the location would cost under the rate
     * table, by chargeable weight (actual or dimensional, whichever is greater; a SKU without a weight
     * counts {@code defaultGrams} per unit). A destination no zone serves ranks last.
     */
    public static Ranker shippingCost(RateTable rates, int defaultGrams) {
        if (rates == null) {
            throw InvalidArgumentException.of("rateTable", "REQUIRED", "shipping-cost needs a rate table");
        }
        if (defaultGrams <= 0) {
            throw InvalidArgumentException.of(
                    "defaultGrams", "NOT_POSITIVE", "shipping-cost defaultGrams must be positive; was " + defaultGrams);
        }
        return new ShippingCost(rates, defaultGrams);
    }

    /**
     * {@code stock-depth}: prefers locations with more of the requested SKUs left over, relative to the
     * demand (balances stock across locations instead of draining one).
     */
    public static Ranker stockDepth() {
        return StockDepth.INSTANCE;
    }

    /**
     * {@code location-kind}: prefers kinds in the order given (for example stores before warehouses for
     * ship-from-store); unlisted kinds rank after the listed ones.
     */
    public static Ranker locationKind(List<LocationKind> preferred) {
        if (preferred.isEmpty()) {
            throw InvalidArgumentException.of("prefer", "EMPTY", "location-kind needs at least one preferred kind");
        }
        return new KindPreference(List.copyOf(preferred));
    }

    private record Distance() implements Ranker {
        static final Distance INSTANCE = new Distance();

        @Override
        public String name() {
            return "distance";
        }

        @Override
        public double cost(RoutingContext c, int l) {
            double d = c.distanceKm(l);
            return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        }

        @Override
        public String describe(RoutingContext c, int l, double cost) {
            return Double.isInfinite(cost) ? "distance unknown" : String.format(Locale.ROOT, "%.1f km", cost);
        }
    }

    private record Priority() implements Ranker {
        static final Priority INSTANCE = new Priority();

        @Override
        public String name() {
            return "priority";
        }

        @Override
        public double cost(RoutingContext c, int l) {
            return c.location(l).priority();
        }

        @Override
        public String describe(RoutingContext c, int l, double cost) {
            return "priority " + (int) cost;
        }
    }

    private record StockDepth() implements Ranker {
        static final StockDepth INSTANCE = new StockDepth();

        @Override
        public String name() {
            return "stock-depth";
        }

        @Override
        public double cost(RoutingContext c, int l) {
            long wanted = 0;
            long left = 0;
            for (int j = 0; j < c.lineCount(); j++) {
                wanted += c.line(j).quantity();
                left += Math.max(0, c.available(j, l) - c.line(j).quantity());
            }
            return -(double) left / wanted;
        }

        @Override
        public String describe(RoutingContext c, int l, double cost) {
            return String.format(Locale.ROOT, "%.1fx the demand left over", -cost);
        }
    }

    private record KindPreference(List<LocationKind> preferred) implements Ranker {
        @Override
        public String name() {
            return "location-kind";
        }

        @Override
        public double cost(RoutingContext c, int l) {
            int i = preferred.indexOf(c.location(l).kind());
            return i < 0 ? preferred.size() : i;
        }

        @Override
        public String describe(RoutingContext c, int l, double cost) {
            return c.location(l).kind() + " (preference " + ((int) cost + 1) + ")";
        }
    }

    private record Parcel(long grams, long volumeCm3) {}

    /** The memo key of a shipping-cost ranker's prices by zone within one decision. */
    private record ZonePrices(ShippingCost ranker) {}

    private record ShippingCost(RateTable rates, int defaultGrams) implements Ranker {
        @Override
        public String name() {
            return "shipping-cost";
        }

        private int chargeable(RoutingContext c) {
            Parcel p = c.memo(this, ctx -> {
                long grams = 0;
                long volume = 0;
                for (int j = 0; j < ctx.lineCount(); j++) {
                    int q = ctx.line(j).quantity();
                    Optional<Product> product = ctx.product(j);
                    grams += (long) q
                            * product.flatMap(pr -> pr.weightGrams().isPresent()
                                            ? Optional.of(pr.weightGrams().getAsInt())
                                            : Optional.empty())
                                    .orElse(defaultGrams);
                    volume += q
                            * product.flatMap(Product::dimensions)
                                    .map(Dimensions::volumeCm3)
                                    .orElse(0L);
                }
                return new Parcel(grams, volume);
            });
            return rates.chargeableGrams(p.grams(), p.volumeCm3());
        }

        @Override
        public double cost(RoutingContext c, int l) {
            if (c.request().destination().isEmpty()) {
                return 0;
            }
            Location loc = c.location(l);
            Optional<RateZone> zone = rates.zone(loc, c.request().destination().get(), c.distanceKm(l));
            if (zone.isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            // one parcel weight per request: price each zone once, not once per candidate
            java.util.Map<RateZone, Double> byZone = c.memo(new ZonePrices(this), ctx -> new java.util.HashMap<>());
            return byZone.computeIfAbsent(
                    zone.get(), z -> z.price(chargeable(c)).amount().doubleValue());
        }

        @Override
        public String describe(RoutingContext c, int l, double cost) {
            if (Double.isInfinite(cost)) {
                return "no rate zone serves this route";
            }
            return Money.of(BigDecimal.valueOf(cost), rates.currency(), java.math.RoundingMode.HALF_UP) + " for "
                    + chargeable(c) + " g";
        }
    }
}
