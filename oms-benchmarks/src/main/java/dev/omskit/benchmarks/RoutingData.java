package dev.omskit.benchmarks;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.routing.Assignment;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Scoring;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic routing instances for S3 and the shipment-count check: locations spread over Vietnam
 * (random points in latitude 8.5..23, longitude 102..109.5, region named after the nearest of eight large
 * cities), mostly warehouses with some stores, priorities, every location shipping; a catalogue whose SKUs
 * are each stocked at a share of the locations; requests of distinct SKUs with 1 to 3 units each to a random
 * destination. The same seed gives the same instance. Not thread-safe to build; the results are immutable.
 */
final class RoutingData {
    static final TenantId TENANT = TenantId.of("bench-vn");
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The fixed instant of every routing clock: 2026-11-11 09:00 in Vietnam. */
    static final Instant NOW = Instant.parse("2026-11-11T02:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);

    /** SKUs in the benchmark catalogue (a 50-line request draws 50 distinct ones). */
    static final int CATALOG = 200;

    /** Share of the locations that stock a given SKU in the benchmark instances. */
    static final double STOCKED_SHARE = 0.3;

    /** A stocked cell holds 0 to this many units (0 is a listed SKU that sold out). */
    static final int MAX_UNITS = 20;

    /** One SKU in this many is hazardous, so the sku-restrictions filter keeps it out of stores. */
    static final int HAZARDOUS_EVERY = 40;

    private static final String[] CITIES = {
        "Hanoi", "Hai Phong", "Vinh", "Hue", "Da Nang", "Nha Trang", "Ho Chi Minh City", "Can Tho"
    };
    private static final String[] REGIONS = {
        "Ha Noi", "Hai Phong", "Nghe An", "Thua Thien Hue", "Da Nang", "Khanh Hoa", "Ho Chi Minh", "Can Tho"
    };
    private static final double[][] CITY_POINTS = {
        {21.0285, 105.8542}, {20.8449, 106.6881}, {18.6796, 105.6813}, {16.4637, 107.5909},
        {16.0544, 108.2022}, {12.2388, 109.1967}, {10.7769, 106.7009}, {10.0452, 105.7469}
    };

    private RoutingData() {}

    /**
     * A snapshot over {@code locations} locations and {@code catalog} SKUs, each SKU stocked at about {@code
     * share} of the locations with 0 to {@code maxUnits} units.
     *
     * @param units the same stock as the snapshot, {@code units[sku][location]}, for baselines and checks
     */
    record Instance(
            List<Location> locations, List<Sku> skus, List<Product> products, int[][] units, RoutingInput input) {
        int locationCount() {
            return locations.size();
        }
    }

    /** The benchmark instance of {@code locations} locations over the {@value #CATALOG}-SKU catalogue. */
    static Instance benchmarkInstance(int locations, long seed) {
        return instance(locations, CATALOG, STOCKED_SHARE, 0, MAX_UNITS, true, seed);
    }

    /**
     * An instance: {@code locations} locations, {@code catalog} SKUs, each cell stocked with probability
     * {@code share} with {@code minUnits..maxUnits} units; products (with weights, one in {@value
     * #HAZARDOUS_EVERY} hazardous) when {@code withProducts}.
     */
    static Instance instance(
            int locations, int catalog, double share, int minUnits, int maxUnits, boolean withProducts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Location> locs = new ArrayList<>(locations);
        for (int i = 0; i < locations; i++) {
            locs.add(location(i, random));
        }
        List<Sku> skus = new ArrayList<>(catalog);
        List<Product> products = new ArrayList<>();
        for (int s = 0; s < catalog; s++) {
            Sku sku = Sku.of(String.format("SKU-%04d", s));
            skus.add(sku);
            if (withProducts) {
                Product.Builder p = Product.builder()
                        .tenant(TENANT)
                        .sku(sku)
                        .name(sku.value())
                        .weightGrams(100 + random.nextInt(2900));
                if (s % HAZARDOUS_EVERY == HAZARDOUS_EVERY - 1) {
                    p.addFlags(ProductFlag.HAZARDOUS);
                }
                products.add(p.build());
            }
        }
        int[][] units = new int[catalog][locations];
        RoutingInput.Builder b = RoutingInput.builder(locs);
        for (int s = 0; s < catalog; s++) {
            for (int i = 0; i < locations; i++) {
                if (random.nextDouble() < share) {
                    int u = minUnits + random.nextInt(maxUnits - minUnits + 1);
                    units[s][i] = u;
                    b.available(skus.get(s), locs.get(i).id(), u);
                }
            }
        }
        products.forEach(b::product);
        return new Instance(List.copyOf(locs), List.copyOf(skus), List.copyOf(products), units, b.build());
    }

    private static Location location(int i, SplittableRandom random) {
        GeoPoint at = point(random);
        int city = nearestCity(at);
        double r = random.nextDouble();
        LocationKind kind;
        String prefix;
        if (i == 0) {
            kind = LocationKind.WAREHOUSE_MAIN;
            prefix = "WH";
        } else if (r < 0.55) {
            kind = LocationKind.WAREHOUSE_BRANCH;
            prefix = "WH";
        } else if (r < 0.65) {
            kind = LocationKind.WAREHOUSE_SUB;
            prefix = "WS";
        } else if (r < 0.75) {
            kind = LocationKind.THIRD_PARTY_LOGISTICS;
            prefix = "3P";
        } else {
            kind = LocationKind.STORE;
            prefix = "ST";
        }
        boolean store = kind == LocationKind.STORE;
        return Location.builder()
                .tenant(TENANT)
                .id(LocationId.of(String.format("%s-%04d", prefix, i)))
                .name(prefix + " " + CITIES[city] + " " + i)
                .kind(kind)
                .address(address(city, at))
                .priority(store ? 5 + random.nextInt(6) : 1 + random.nextInt(5))
                .zone(VN)
                .capabilities(
                        store
                                ? Set.of(LocationCapability.SHIPS, LocationCapability.PICKUP)
                                : Set.of(LocationCapability.SHIPS))
                .build();
    }

    /** A random point in the box around Vietnam (latitude 8.5..23, longitude 102..109.5). */
    static GeoPoint point(SplittableRandom random) {
        return GeoPoint.of(8.5 + random.nextDouble() * 14.5, 102 + random.nextDouble() * 7.5);
    }

    private static int nearestCity(GeoPoint p) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < CITY_POINTS.length; c++) {
            double dLat = p.latitude() - CITY_POINTS[c][0];
            double dLon = p.longitude() - CITY_POINTS[c][1];
            double d = dLat * dLat + dLon * dLon;
            if (d < bestD) {
                best = c;
                bestD = d;
            }
        }
        return best;
    }

    private static Address address(int city, GeoPoint at) {
        return Address.builder()
                .recipient("Nguyen Van A")
                .phone("0901234567")
                .line1("1 Le Loi")
                .city(CITIES[city])
                .region(REGIONS[city])
                .countryCode("VN")
                .geo(at)
                .build();
    }

    /**
     * {@code count} SHIP requests of {@code lines} lines each (distinct SKUs of the instance, {@code
     * 1..maxUnits} units each) to random destinations; {@code skuIndex[k][j]} gets the instance index of line
     * {@code j} of request {@code k}.
     */
    static List<RoutingRequest> requests(
            Instance instance, int count, int lines, int maxUnits, long seed, int[][] skuIndex) {
        int catalog = instance.skus().size();
        if (lines > catalog) {
            throw new IllegalArgumentException(lines + " lines need " + lines + " SKUs; the catalogue has " + catalog);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<RoutingRequest> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            GeoPoint to = point(random);
            RoutingRequest.Builder b = RoutingRequest.builder()
                    .tenant(TENANT)
                    .reference("r-" + k)
                    .channel(WEB)
                    .destination(address(nearestCity(to), to));
            boolean[] used = new boolean[catalog];
            skuIndex[k] = new int[lines];
            for (int j = 0; j < lines; j++) {
                int s;
                do {
                    s = random.nextInt(catalog);
                } while (used[s]);
                used[s] = true;
                skuIndex[k][j] = s;
                b.addLines(RoutingLine.of("l" + (j + 1), instance.skus().get(s), 1 + random.nextInt(maxUnits)));
            }
            out.add(b.build());
        }
        return out;
    }

    /** A Router for one profile on the fixed clock. */
    static Router router(RoutingProfile profile) {
        return Router.builder().profile(profile).clock(CLOCK).build();
    }

    /**
     * The second benchmark profile: the default filters, scored by weight, 0.6 distance and 0.4 shipping
     * cost under {@link #rates()} (500 g per unit for a SKU without a weight).
     */
    static RoutingProfile weighted() {
        return RoutingProfile.builder()
                .from(RoutingProfile.defaults())
                .name("weighted-distance-cost")
                .scoring(Scoring.WEIGHTED)
                .rankers(List.of(
                        new RankStep(Rankers.distance(), 0.6, 0),
                        new RankStep(Rankers.shippingCost(rates(), 500), 0.4, 0)))
                .build();
    }

    /** A Vietnamese parcel rate table: same city, same region, within 300 km, anywhere; 500 g steps above 2 kg. */
    static RateTable rates() {
        Currency vnd = Currency.getInstance("VND");
        return RateTable.builder()
                .currency(vnd)
                .addZones(
                        zone("same-city", vnd, 15_000, 25_000).sameCity(true).build(),
                        zone("same-region", vnd, 22_000, 32_000)
                                .sameRegion(true)
                                .build(),
                        zone("near", vnd, 30_000, 42_000).maxDistanceKm(300).build(),
                        zone("national", vnd, 38_000, 52_000).build())
                .build();
    }

    private static RateZone.Builder zone(String name, Currency vnd, long upTo500, long upTo2000) {
        return RateZone.builder()
                .name(name)
                .addBrackets(
                        new RateZone.Bracket(500, Money.of(java.math.BigDecimal.valueOf(upTo500), vnd)),
                        new RateZone.Bracket(2000, Money.of(java.math.BigDecimal.valueOf(upTo2000), vnd)))
                .stepGrams(500)
                .stepPrice(Money.of(java.math.BigDecimal.valueOf(5_000), vnd));
    }

    /**
     * Checks a decision against the snapshot it was made on (a broken invariant throws and fails the run):
     * every assignment names a line of the request with its SKU and a positive unit count, comes from a
     * location that is a candidate (in the snapshot, active, shipping, holding the SKU, and not a store for a
     * hazardous SKU); the units taken of a SKU at a location never exceed what it has; per line, assigned
     * plus unfulfilled is the quantity wanted; the shipments are within the profile's limit.
     */
    static void check(RoutingDecision d, RoutingRequest request, RoutingInput input, RoutingProfile profile) {
        String ref = request.reference();
        BenchmarkData.check(
                d.profile().equals(profile.name()), ref + " decided by '" + d.profile() + "', not " + profile.name());
        Map<String, RoutingLine> lines = new HashMap<>();
        for (RoutingLine l : request.lines()) {
            lines.put(l.ref(), l);
        }
        Map<Sku, Map<LocationId, Integer>> taken = new HashMap<>();
        Map<String, Integer> assigned = new HashMap<>();
        for (Assignment a : d.assignments()) {
            RoutingLine line = lines.get(a.line());
            BenchmarkData.check(line != null, ref + ": assignment to unknown line " + a);
            BenchmarkData.check(line.sku().equals(a.sku()), ref + ": assignment of the wrong SKU " + a);
            BenchmarkData.check(a.units() > 0, ref + ": assignment of no units " + a);
            int i = input.indexOf(a.location());
            BenchmarkData.check(i >= 0, ref + ": assignment from a location not in the snapshot " + a);
            Location loc = input.locations().get(i);
            BenchmarkData.check(
                    loc.active() && loc.can(LocationCapability.SHIPS),
                    ref + ": " + a.location() + " is not a candidate (inactive or does not ship)");
            BenchmarkData.check(
                    input.available(a.sku(), a.location()) > 0,
                    ref + ": " + a.location() + " is not a candidate for " + a.sku() + " (no stock)");
            boolean hazardous = input.product(a.sku())
                    .map(p -> p.has(ProductFlag.HAZARDOUS))
                    .orElse(false);
            BenchmarkData.check(
                    !(hazardous && loc.kind() == LocationKind.STORE),
                    ref + ": hazardous " + a.sku() + " assigned to store " + a.location());
            taken.computeIfAbsent(a.sku(), s -> new HashMap<>()).merge(a.location(), a.units(), Integer::sum);
            assigned.merge(a.line(), a.units(), Integer::sum);
        }
        taken.forEach((sku, byLocation) -> byLocation.forEach((location, units) -> {
            int available = input.available(sku, location);
            BenchmarkData.check(
                    units <= available,
                    ref + ": " + units + " x " + sku + " taken at " + location + ", which has " + available);
        }));
        for (RoutingLine l : request.lines()) {
            int a = assigned.getOrDefault(l.ref(), 0);
            int missing = d.unfulfilled().getOrDefault(l.ref(), 0);
            BenchmarkData.check(
                    a + missing == l.quantity(),
                    ref + ": line " + l.ref() + " wants " + l.quantity() + ", assigned " + a + " + unfulfilled "
                            + missing);
        }
        BenchmarkData.check(
                d.shipmentCount() <= profile.maxShipments(),
                ref + ": " + d.shipmentCount() + " shipments, more than the profile's " + profile.maxShipments());
    }
}
