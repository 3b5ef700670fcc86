package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.routing.profile.DailyCapacity;
import dev.omskit.routing.profile.Fulfilment;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Scoring;
import dev.omskit.routing.profile.Strategy;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.SkuPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random small instances (2-6 lines, 3-8 locations, random stock, capacity, line rules and profile
 * options): whatever the solver decides, units are conserved, nothing is taken beyond stock or capacity,
 * the limits hold and the explanation agrees with the assignments.
 */
@Label("Routing invariants over random instances")
class RoutingPropertiesTest {
    /** TEE, MUG and CAP are plain, GAS may not come from stores, SOFA only from dropship vendors. */
    private static final List<Sku> SKUS = List.of(TEE, MUG, CAP, GAS, SOFA);

    private static final List<Optional<GeoPoint>> PLACES = List.of(
            Optional.of(HCM_Q1),
            Optional.of(HCM_Q7),
            Optional.of(HCM_THU_DUC),
            Optional.of(HANOI),
            Optional.of(DA_NANG),
            Optional.of(CAN_THO),
            Optional.empty());

    private static final List<LocationKind> KINDS = List.of(
            LocationKind.WAREHOUSE_MAIN,
            LocationKind.WAREHOUSE_BRANCH,
            LocationKind.STORE,
            LocationKind.DROPSHIP_VENDOR);

    /** Personalised lines may come only from the first location, which gets the engraving instructions. */
    private static final LocationId WORKSHOP_ID = LocationId.of("L0");

    private static final String ENGRAVE = "Engrave '{personalisation}'";

    record LineSpec(int sku, int quantity, boolean personalised) {}

    record LocSpec(
            int priority,
            boolean active,
            boolean ships,
            int kind,
            int place,
            Integer ownCapacity,
            Integer profileUnits,
            Integer profilePackages,
            int usedUnits,
            int usedPackages) {}

    record Options(
            Strategy strategy,
            Fulfilment fulfilment,
            int maxShipments,
            boolean splitLines,
            int searchBudget,
            Scoring scoring,
            int excluded) {}

    record Instance(List<LineSpec> lines, List<LocSpec> locations, List<Integer> stock, Options options) {
        List<Location> builtLocations() {
            List<Location> out = new ArrayList<>();
            for (int i = 0; i < locations.size(); i++) {
                LocSpec s = locations.get(i);
                Location.Builder b = Location.builder()
                        .tenant(TENANT)
                        .id(LocationId.of("L" + i))
                        .name("location " + i)
                        .kind(KINDS.get(s.kind()))
                        .address(Address.builder()
                                .city("City " + s.place())
                                .region("Region " + s.place())
                                .countryCode("VN")
                                .geo(PLACES.get(s.place()))
                                .build())
                        .priority(s.priority())
                        .active(s.active())
                        .zone(VN)
                        .capabilities(Set.of(s.ships() ? LocationCapability.SHIPS : LocationCapability.PICKUP));
                if (s.ownCapacity() != null) {
                    b.dailyCapacityUnits(s.ownCapacity());
                }
                out.add(b.build());
            }
            return out;
        }

        RoutingInput input(List<Location> locs) {
            RoutingInput.Builder b = RoutingInput.builder(locs);
            products().forEach(b::product);
            for (int k = 0; k < SKUS.size(); k++) {
                for (int i = 0; i < locs.size(); i++) {
                    int units = stock.get(k * 8 + i);
                    if (units > 0) {
                        b.available(SKUS.get(k), locs.get(i).id(), units);
                    }
                }
            }
            for (int i = 0; i < locs.size(); i++) {
                LocSpec s = locations.get(i);
                b.usedToday(locs.get(i).id(), s.usedUnits(), s.usedPackages());
            }
            return b.build();
        }

        RoutingProfile profile(List<Location> locs) {
            SkuPolicy engraving = SkuPolicy.builder()
                    .name("engraving")
                    .lineAttribute(RoutingLine.PERSONALISATION)
                    .addLocations(WORKSHOP_ID)
                    .workInstructions(ENGRAVE)
                    .build();
            RoutingProfile.Builder b = RoutingProfile.builder()
                    .name("random")
                    .addFilters(
                            Filters.active(),
                            Filters.delivery(),
                            Filters.capacity(),
                            Filters.skuRestrictions(),
                            Filters.skuPolicies(List.of(engraving)),
                            Filters.hasStock())
                    .scoring(options.scoring())
                    .strategy(options.strategy())
                    .fulfilment(options.fulfilment())
                    .maxShipments(options.maxShipments())
                    .splitLines(options.splitLines())
                    .searchBudget(options.searchBudget());
            if (options.scoring() == Scoring.WEIGHTED) {
                b.addRankers(
                        new RankStep(Rankers.priority(), 1, 0),
                        new RankStep(Rankers.distance(), 1, 0),
                        new RankStep(Rankers.stockDepth(), 0.5, 0));
            } else {
                b.addRankers(new RankStep(Rankers.priority(), 1, 0), new RankStep(Rankers.distance(), 1, 100));
            }
            for (int i = 0; i < locs.size(); i++) {
                LocSpec s = locations.get(i);
                if (s.profileUnits() != null || s.profilePackages() != null) {
                    b.putCapacity(
                            locs.get(i).id(),
                            new DailyCapacity(optional(s.profileUnits()), optional(s.profilePackages())));
                }
            }
            return b.build();
        }

        RoutingRequest request(List<Location> locs, String reference, List<LineSpec> specs) {
            RoutingRequest.Builder b = RoutingFixture.request().reference(reference);
            for (int j = 0; j < specs.size(); j++) {
                LineSpec s = specs.get(j);
                RoutingLine.Builder line = RoutingLine.builder()
                        .ref("l" + j)
                        .sku(SKUS.get(s.sku()))
                        .quantity(s.quantity());
                if (s.personalised()) {
                    line.putAttributes(RoutingLine.PERSONALISATION, "text " + j);
                }
                b.addLines(line.build());
            }
            if (options.excluded() >= 0 && options.excluded() < locs.size()) {
                b.putExcluded(locs.get(options.excluded()).id(), "rejected in a test");
            }
            return b.build();
        }

        /** Units the location may still ship today, as the profile and the location say. */
        long unitsLeft(int i) {
            LocSpec s = locations.get(i);
            // the profile's units override the location's own; a packages-only entry leaves the location's units
            Integer limit = s.profileUnits() != null ? s.profileUnits() : s.ownCapacity();
            return limit == null ? Long.MAX_VALUE : Math.max(0, limit - s.usedUnits());
        }

        /** Packages the location may still ship today. */
        long packagesLeft(int i) {
            LocSpec s = locations.get(i);
            return s.profilePackages() == null ? Long.MAX_VALUE : Math.max(0, s.profilePackages() - s.usedPackages());
        }
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    // ------------------------------------------------------------------------------ generators

    private static Arbitrary<List<LineSpec>> lines() {
        Arbitrary<Integer> sku = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, 2)),
                Tuple.of(2, Arbitraries.just(3)),
                Tuple.of(1, Arbitraries.just(4)));
        Arbitrary<Boolean> personalised = Arbitraries.frequency(Tuple.of(12, false), Tuple.of(1, true));
        return Combinators.combine(sku, Arbitraries.integers().between(1, 5), personalised)
                .as(LineSpec::new)
                .list()
                .ofMinSize(2)
                .ofMaxSize(6);
    }

    private static Arbitrary<LocSpec> location() {
        Arbitrary<Boolean> mostlyTrue = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        Arbitrary<Integer> capacity = Arbitraries.integers().between(1, 12).injectNull(0.6);
        Arbitrary<Integer> profileUnits = Arbitraries.integers().between(0, 12).injectNull(0.7);
        Arbitrary<Integer> profilePackages =
                Arbitraries.integers().between(0, 3).injectNull(0.7);
        Arbitrary<Tuple.Tuple3<Integer, Integer, Integer>> capacities =
                Combinators.combine(capacity, profileUnits, profilePackages).as(Tuple::of);
        Arbitrary<Tuple.Tuple2<Integer, Integer>> used = Combinators.combine(
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 2))
                .as(Tuple::of);
        return Combinators.combine(
                        Arbitraries.integers().between(1, 9),
                        mostlyTrue,
                        mostlyTrue,
                        Arbitraries.integers().between(0, KINDS.size() - 1),
                        Arbitraries.integers().between(0, PLACES.size() - 1),
                        capacities,
                        used)
                .as((priority, active, ships, kind, place, cap, u) -> new LocSpec(
                        priority, active, ships, kind, place, cap.get1(), cap.get2(), cap.get3(), u.get1(), u.get2()));
    }

    private static Arbitrary<Options> options() {
        return Combinators.combine(
                        Arbitraries.of(Strategy.class),
                        Arbitraries.frequency(
                                Tuple.of(1, Fulfilment.SHIP_COMPLETE), Tuple.of(2, Fulfilment.SHIP_AVAILABLE)),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.of(0, 3, 20_000),
                        Arbitraries.of(Scoring.class),
                        Arbitraries.integers().between(-4, 7))
                .as(Options::new);
    }

    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<Integer> units = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 6)));
        return Combinators.combine(
                        lines(),
                        location().list().ofMinSize(3).ofMaxSize(8),
                        units.list().ofSize(SKUS.size() * 8),
                        options())
                .as(Instance::new);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Instance, List<List<LineSpec>>>> batches() {
        return Combinators.combine(instances(), lines().list().ofSize(3)).as(Tuple::of);
    }

    // ------------------------------------------------------------------------------ properties

    @Property(tries = 1000)
    void route_anyInstance_keepsEveryInvariant(@ForAll("instances") Instance instance) {
        List<Location> locs = instance.builtLocations();
        RoutingInput input = instance.input(locs);
        RoutingProfile profile = instance.profile(locs);
        RoutingRequest request = instance.request(locs, "o-prop", instance.lines());

        RoutingDecision d = router(profile).route(request, input);

        Explanation e = d.explanation();
        Statistics.label("shipments").collect(d.shipmentCount());
        Statistics.label("outcome")
                .collect(d.isComplete() ? "complete" : d.assignments().isEmpty() ? "nothing" : "partial");
        // units conserved per line
        for (RoutingLine line : request.lines()) {
            int unmet = d.unfulfilled().getOrDefault(line.ref(), 0);
            assertThat(d.assignedUnits(line.ref()) + unmet)
                    .as("line %s assigned + unfulfilled", line.ref())
                    .isEqualTo(line.quantity());
        }
        assertThat(d.unfulfilled().values()).allMatch(u -> u > 0);
        assertThat(d.unfulfilledReasons()).hasSize(d.unfulfilled().size());
        assertThat(d.assignments()).allMatch(a -> a.units() > 0);
        // never beyond stock (lines of one SKU share it) or capacity
        Map<String, Integer> bySkuAndLocation = new HashMap<>();
        Map<LocationId, Integer> byLocation = new HashMap<>();
        for (Assignment a : d.assignments()) {
            bySkuAndLocation.merge(a.sku() + "@" + a.location(), a.units(), Integer::sum);
            byLocation.merge(a.location(), a.units(), Integer::sum);
        }
        for (Assignment a : d.assignments()) {
            assertThat(bySkuAndLocation.get(a.sku() + "@" + a.location()))
                    .as("units of %s at %s", a.sku(), a.location())
                    .isLessThanOrEqualTo(input.available(a.sku(), a.location()));
        }
        byLocation.forEach((loc, units) -> {
            int i = input.indexOf(loc);
            assertThat((long) units).as("units at %s", loc).isLessThanOrEqualTo(instance.unitsLeft(i));
            assertThat(instance.packagesLeft(i)).as("packages left at %s", loc).isPositive();
        });
        // limits
        assertThat(d.shipmentCount()).isLessThanOrEqualTo(profile.maxShipments());
        if (profile.strategy() == Strategy.SINGLE_LOCATION) {
            assertThat(d.shipmentCount()).isLessThanOrEqualTo(1);
        }
        if (profile.fulfilment() == Fulfilment.SHIP_COMPLETE) {
            assertThat(d.isComplete() || d.assignments().isEmpty())
                    .as("ship complete is all or nothing: %s", d)
                    .isTrue();
        }
        // the rules hold for what was assigned
        for (Assignment a : d.assignments()) {
            Location loc = locs.get(input.indexOf(a.location()));
            RoutingLine line = request.line(a.line()).orElseThrow();
            assertThat(loc.active() && loc.can(LocationCapability.SHIPS)).isTrue();
            assertThat(request.excluded()).doesNotContainKey(a.location());
            if (a.sku().equals(GAS)) {
                assertThat(loc.kind()).isNotEqualTo(LocationKind.STORE);
            }
            if (a.sku().equals(SOFA)) {
                assertThat(loc.kind()).isEqualTo(LocationKind.DROPSHIP_VENDOR);
            }
            if (line.attributes().containsKey(RoutingLine.PERSONALISATION)) {
                assertThat(a.location()).isEqualTo(WORKSHOP_ID);
                assertThat(a.workInstructions())
                        .contains("Engrave '" + line.attributes().get(RoutingLine.PERSONALISATION) + "'");
            } else {
                assertThat(a.workInstructions()).isEmpty();
            }
        }
        // the explanation agrees: one verdict per location in input order, chosen exactly where it ships
        assertThat(e.verdicts()).extracting(LocationVerdict::location).containsExactlyElementsOf(ids(locs));
        Set<LocationId> shipping = new HashSet<>(byLocation.keySet());
        for (LocationVerdict v : e.verdicts()) {
            assertThat(v.chosen()).as("%s chosen", v.location()).isEqualTo(shipping.contains(v.location()));
            if (shipping.contains(v.location())) {
                assertThat(v.isExcluded())
                        .as("%s excluded but ships", v.location())
                        .isFalse();
            }
            if (v.isExcluded()) {
                assertThat(v.rank()).isZero();
                assertThat(v.scores()).isEmpty();
                assertThat(v.reason()).isNotBlank();
            } else {
                assertThat(v.scores()).hasSize(profile.rankers().size());
            }
            if (request.excluded().containsKey(v.location())) {
                assertThat(v.excludedBy()).contains("excluded");
            }
        }
        List<LocationVerdict> ranked = e.ranked();
        for (int r = 0; r < ranked.size(); r++) {
            assertThat(ranked.get(r).rank()).isEqualTo(r + 1);
        }
        if (d.shipmentCount() > 1) {
            assertThat(e.splitReasons()).isNotEmpty();
        }
        assertThat(e.toText()).startsWith(e.summary());
        // a note naming the one shipment names a location that ships
        for (String note : e.notes()) {
            if (note.startsWith("one shipment: ") && !d.assignments().isEmpty()) {
                String id = note.substring("one shipment: ".length(), note.indexOf(' ', "one shipment: ".length()));
                assertThat(shipping).as(note).contains(LocationId.of(id));
            }
        }
        // when one location can ship everything at once, the decision is that one shipment
        if (anyShipsAll(instance, locs, input, request)) {
            assertThat(d.isComplete())
                    .as("complete when one location has it all: %s", d)
                    .isTrue();
            assertThat(d.shipmentCount())
                    .as("one shipment when one location has it all: %s", d)
                    .isEqualTo(1);
        }
    }

    /** Whether some location passes every filter and has every line within its stock and capacity at once. */
    private static boolean anyShipsAll(
            Instance instance, List<Location> locs, RoutingInput input, RoutingRequest request) {
        for (int i = 0; i < locs.size(); i++) {
            Location loc = locs.get(i);
            if (!loc.active()
                    || !loc.can(LocationCapability.SHIPS)
                    || request.excluded().containsKey(loc.id())
                    || instance.unitsLeft(i) <= 0
                    || instance.packagesLeft(i) <= 0) {
                continue;
            }
            Map<Sku, Integer> wanted = new HashMap<>();
            long total = 0;
            boolean allowed = true;
            for (RoutingLine line : request.lines()) {
                wanted.merge(line.sku(), line.quantity(), Integer::sum);
                total += line.quantity();
                allowed &= !(line.sku().equals(GAS) && loc.kind() == LocationKind.STORE);
                allowed &= !(line.sku().equals(SOFA) && loc.kind() != LocationKind.DROPSHIP_VENDOR);
                allowed &= !line.attributes().containsKey(RoutingLine.PERSONALISATION)
                        || loc.id().equals(WORKSHOP_ID);
            }
            boolean stocked =
                    wanted.entrySet().stream().allMatch(w -> input.available(w.getKey(), loc.id()) >= w.getValue());
            if (allowed && stocked && total <= instance.unitsLeft(i)) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 300)
    void routeBatch_anyInstance_neverTakesMoreThanStockOrCapacityOverTheBatch(
            @ForAll("batches") Tuple.Tuple2<Instance, List<List<LineSpec>>> batch) {
        Instance instance = batch.get1();
        List<Location> locs = instance.builtLocations();
        RoutingInput input = instance.input(locs);
        RoutingProfile profile = instance.profile(locs);
        List<RoutingRequest> requests = new ArrayList<>();
        for (int k = 0; k < batch.get2().size(); k++) {
            requests.add(instance.request(locs, "o-" + k, batch.get2().get(k)));
        }

        List<RoutingDecision> ds = router(profile).routeBatch(requests, input);

        Map<String, Integer> bySkuAndLocation = new HashMap<>();
        Map<LocationId, Integer> units = new HashMap<>();
        Map<LocationId, Integer> packages = new HashMap<>();
        for (RoutingDecision d : ds) {
            for (Assignment a : d.assignments()) {
                bySkuAndLocation.merge(a.sku() + "@" + a.location(), a.units(), Integer::sum);
                units.merge(a.location(), a.units(), Integer::sum);
            }
            for (PlannedShipment s : d.shipments()) {
                packages.merge(s.location(), 1, Integer::sum);
            }
        }
        bySkuAndLocation.forEach((key, taken) -> {
            String[] parts = key.split("@");
            assertThat(taken)
                    .as("batch units of %s", key)
                    .isLessThanOrEqualTo(input.available(Sku.of(parts[0]), LocationId.of(parts[1])));
        });
        units.forEach((loc, taken) -> assertThat((long) taken)
                .as("batch units at %s", loc)
                .isLessThanOrEqualTo(instance.unitsLeft(input.indexOf(loc))));
        packages.forEach((loc, taken) -> assertThat((long) taken)
                .as("batch packages at %s", loc)
                .isLessThanOrEqualTo(instance.packagesLeft(input.indexOf(loc))));
        for (int k = 0; k < ds.size(); k++) {
            RoutingDecision d = ds.get(k);
            for (RoutingLine line : requests.get(k).lines()) {
                assertThat(d.assignedUnits(line.ref()) + d.unfulfilled().getOrDefault(line.ref(), 0))
                        .isEqualTo(line.quantity());
            }
        }
    }

    private static List<LocationId> ids(List<Location> locs) {
        return locs.stream().map(Location::id).toList();
    }
}
