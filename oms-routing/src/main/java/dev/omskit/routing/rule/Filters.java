package dev.omskit.routing.rule;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.RoutingRequest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The built-in filters, by the names profiles use. Every filter returned is immutable and thread-safe. */
public final class Filters {
    private Filters() {}

    /** {@code active}: the location is active. */
    public static LocationFilter active() {
        return Active.INSTANCE;
    }

    /**
     * {@code delivery}: for SHIP the location ships parcels; for PICKUP it is the pickup location and hands
     * orders over (click and collect from the store's own stock).
     */
    public static LocationFilter delivery() {
        return Delivery.INSTANCE;
    }

    /** {@code capacity}: the location has units and packages left under today's capacity. */
    public static LocationFilter capacity() {
        return Capacity.INSTANCE;
    }

    /** {@code has-stock}: the location can supply at least one unit of some line after the line filters. */
    public static LocationFilter hasStock() {
        return HasStock.INSTANCE;
    }

    /** {@code same-country}: for shipments, the location is in the destination's country. */
    public static LocationFilter sameCountry() {
        return SameCountry.INSTANCE;
    }

    /** {@code countries}: the location is in one of these markets (ISO country codes). */
    public static LocationFilter countries(Set<String> countryCodes) {
        if (countryCodes.isEmpty()) {
            throw InvalidArgumentException.of("countries", "EMPTY", "the countries filter needs at least one country");
        }
        Set<String> upper = new TreeSet<>();
        countryCodes.forEach(c -> upper.add(c.trim().toUpperCase(Locale.ROOT)));
        return new Countries(Set.copyOf(upper));
    }

    /**
     * {@code max-distance}: the location is within this many km of the destination. A distance that cannot
     * be known (no geo point on either side) does not exclude.
     */
    public static LocationFilter maxDistanceKm(double km) {
        if (!(km > 0) || Double.isInfinite(km)) {
            throw InvalidArgumentException.of("km", "NOT_POSITIVE", "max-distance needs a positive km; was " + km);
        }
        return new MaxDistance(km);
    }

    /**
     * {@code channel}: when the request's channel is listed, only the listed locations and location kinds
     * may serve it; other channels are not restricted.
     */
    public static LocationFilter channel(
            Map<ChannelId, Set<LocationId>> locations, Map<ChannelId, Set<LocationKind>> kinds) {
        return new ChannelEligibility(Map.copyOf(locations), Map.copyOf(kinds));
    }

    /**
     * {@code sku-restrictions}: SKUs with a flag may not come from the listed location kinds (by default
     * HAZARDOUS and SPECIAL_HANDLING not from stores), and DROPSHIP_ONLY SKUs only from dropship vendors.
     */
    public static LineFilter skuRestrictions() {
        Map<ProductFlag, Set<LocationKind>> notAt = new EnumMap<>(ProductFlag.class);
        notAt.put(ProductFlag.HAZARDOUS, EnumSet.of(LocationKind.STORE));
        notAt.put(ProductFlag.SPECIAL_HANDLING, EnumSet.of(LocationKind.STORE));
        return skuRestrictions(notAt);
    }

    /** {@code sku-restrictions} with these kinds forbidden per flag; see {@link #skuRestrictions()}. */
    public static LineFilter skuRestrictions(Map<ProductFlag, Set<LocationKind>> notAt) {
        Map<ProductFlag, Set<LocationKind>> copy = new EnumMap<>(ProductFlag.class);
        notAt.forEach((f, k) -> copy.put(f, k.isEmpty() ? Set.of() : EnumSet.copyOf(k)));
        return new SkuRestrictions(copy);
    }

    /**
     * {@code sku-policies}: a line matched by a policy (the first that matches) may come only from the
     * policy's locations, which receive its work instructions.
     */
    public static LineFilter skuPolicies(List<SkuPolicy> policies) {
        return new SkuPolicies(List.copyOf(policies));
    }

    private record Active() implements LocationFilter {
        static final Active INSTANCE = new Active();

        @Override
        public String name() {
            return "active";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            return c.location(l).active();
        }

        @Override
        public String reason(RoutingContext c, int l) {
            return "location is inactive";
        }
    }

    private record Delivery() implements LocationFilter {
        static final Delivery INSTANCE = new Delivery();

        @Override
        public String name() {
            return "delivery";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            Location loc = c.location(l);
            RoutingRequest r = c.request();
            if (r.deliveryMethod() == DeliveryMethod.PICKUP) {
                return loc.id().equals(r.pickupLocation().orElseThrow()) && loc.can(LocationCapability.PICKUP);
            }
            return loc.can(LocationCapability.SHIPS);
        }

        @Override
        public String reason(RoutingContext c, int l) {
            Location loc = c.location(l);
            RoutingRequest r = c.request();
            if (r.deliveryMethod() == DeliveryMethod.PICKUP) {
                return loc.id().equals(r.pickupLocation().orElseThrow())
                        ? "is the pickup location but does not offer pickup"
                        : "pickup is at " + r.pickupLocation().get() + ", not here";
            }
            return "does not ship parcels (capabilities " + loc.capabilities() + ")";
        }
    }

    private record Capacity() implements LocationFilter {
        static final Capacity INSTANCE = new Capacity();

        @Override
        public String name() {
            return "capacity";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            return c.capacityUnitsLeft(l) > 0 && c.capacityPackagesLeft(l) > 0;
        }

        @Override
        public String reason(RoutingContext c, int l) {
            return c.capacityUnitsLeft(l) <= 0
                    ? "no units left under today's capacity (" + c.today(l) + ")"
                    : "no packages left under today's capacity (" + c.today(l) + ")";
        }
    }

    private record HasStock() implements LocationFilter {
        static final HasStock INSTANCE = new HasStock();

        @Override
        public String name() {
            return "has-stock";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            return c.usableUnits(l) > 0;
        }

        @Override
        public String reason(RoutingContext c, int l) {
            StringBuilder why = new StringBuilder("no usable stock of any line:");
            for (int j = 0; j < c.lineCount(); j++) {
                why.append(' ').append(c.line(j).sku()).append(' ').append(c.available(j, l));
                if (j + 1 < c.lineCount()) {
                    why.append(',');
                }
            }
            return why.toString();
        }

        @Override
        public boolean afterLineFilters() {
            return true;
        }
    }

    private record SameCountry() implements LocationFilter {
        static final SameCountry INSTANCE = new SameCountry();

        @Override
        public String name() {
            return "same-country";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            return c.request().destination().isEmpty()
                    || c.request().deliveryMethod() == DeliveryMethod.PICKUP
                    || c.location(l)
                            .address()
                            .countryCode()
                            .equals(c.request().destination().get().countryCode());
        }

        @Override
        public String reason(RoutingContext c, int l) {
            return "is in " + c.location(l).address().countryCode() + ", the destination in "
                    + c.request().destination().orElseThrow().countryCode();
        }
    }

    private record Countries(Set<String> codes) implements LocationFilter {
        @Override
        public String name() {
            return "countries";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            return codes.contains(c.location(l).address().countryCode());
        }

        @Override
        public String reason(RoutingContext c, int l) {
            return "is in " + c.location(l).address().countryCode() + ", outside the markets " + new TreeSet<>(codes);
        }
    }

    private record MaxDistance(double km) implements LocationFilter {
        @Override
        public String name() {
            return "max-distance";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            double d = c.distanceKm(l);
            return Double.isNaN(d) || d <= km;
        }

        @Override
        public String reason(RoutingContext c, int l) {
            return String.format(Locale.ROOT, "%.1f km from the destination, more than %.1f km", c.distanceKm(l), km);
        }
    }

    private record ChannelEligibility(
            Map<ChannelId, Set<LocationId>> locations, Map<ChannelId, Set<LocationKind>> kinds)
            implements LocationFilter {
        @Override
        public String name() {
            return "channel";
        }

        @Override
        public boolean admits(RoutingContext c, int l) {
            if (c.request().channel().isEmpty()) {
                return true;
            }
            ChannelId channel = c.request().channel().get().id();
            Location loc = c.location(l);
            Set<LocationId> ids = locations.get(channel);
            if (ids != null && !ids.contains(loc.id())) {
                return false;
            }
            Set<LocationKind> ks = kinds.get(channel);
            return ks == null || ks.contains(loc.kind());
        }

        @Override
        public String reason(RoutingContext c, int l) {
            ChannelId channel = c.request().channel().orElseThrow().id();
            Set<LocationId> ids = locations.get(channel);
            if (ids != null && !ids.contains(c.location(l).id())) {
                return "channel " + channel + " sells only from " + new TreeSet<>(ids);
            }
            return "channel " + channel + " sells only from " + kinds.get(channel) + ", not "
                    + c.location(l).kind();
        }
    }

    private record SkuRestrictions(Map<ProductFlag, Set<LocationKind>> notAt) implements LineFilter {
        @Override
        public String name() {
            return "sku-restrictions";
        }

        @Override
        public boolean appliesTo(RoutingContext c, int line) {
            Optional<Product> p = c.product(line);
            if (p.isEmpty()) {
                return false;
            }
            Set<ProductFlag> flags = p.get().flags();
            if (flags.contains(ProductFlag.DROPSHIP_ONLY)) {
                return true;
            }
            for (ProductFlag f : flags) {
                Set<LocationKind> kinds = notAt.get(f);
                if (kinds != null && !kinds.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean allows(RoutingContext c, int line, int l) {
            return violated(c, line, l) == null;
        }

        @Override
        public String reason(RoutingContext c, int line, int l) {
            return violated(c, line, l);
        }

        private String violated(RoutingContext c, int line, int l) {
            Set<ProductFlag> flags = c.product(line).orElseThrow().flags();
            LocationKind kind = c.location(l).kind();
            if (flags.contains(ProductFlag.DROPSHIP_ONLY) && kind != LocationKind.DROPSHIP_VENDOR) {
                return c.line(line).sku() + " is DROPSHIP_ONLY and this is a " + kind;
            }
            for (ProductFlag f : flags) {
                Set<LocationKind> kinds = notAt.get(f);
                if (kinds != null && kinds.contains(kind)) {
                    return c.line(line).sku() + " is " + f + ", not allowed at a " + kind;
                }
            }
            return null;
        }
    }

    private record SkuPolicies(List<SkuPolicy> policies) implements LineFilter {
        @Override
        public String name() {
            return "sku-policies";
        }

        private SkuPolicy policy(RoutingContext c, int line) {
            for (SkuPolicy p : policies) {
                if (p.matches(c.line(line), c.product(line))) {
                    return p;
                }
            }
            return null;
        }

        @Override
        public boolean appliesTo(RoutingContext c, int line) {
            return policy(c, line) != null;
        }

        @Override
        public boolean allows(RoutingContext c, int line, int l) {
            return policy(c, line).locations().contains(c.location(l).id());
        }

        @Override
        public String reason(RoutingContext c, int line, int l) {
            SkuPolicy p = policy(c, line);
            return "line " + c.line(line).ref() + " falls under policy '" + p.name() + "': only from "
                    + new TreeSet<>(p.locations());
        }

        @Override
        public String workInstructions(RoutingContext c, int line) {
            SkuPolicy p = policy(c, line);
            return p == null ? null : p.instructionsFor(c.line(line)).orElse(null);
        }
    }
}
