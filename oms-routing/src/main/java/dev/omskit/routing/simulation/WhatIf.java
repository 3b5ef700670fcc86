package dev.omskit.routing.simulation;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import dev.omskit.routing.Assignment;
import dev.omskit.routing.PlannedShipment;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.promise.Parcel;
import dev.omskit.routing.rule.RateTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a batch of orders against routing profiles and compares what each makes of it: before
 * switching a merchant to a new profile, see how many more or fewer shipments, splits, unfulfilled units,
 * km and shipping cost it gives on last week's orders.
 *
 * <p>Each profile replays the orders in order with {@link Router#routeBatch(List, RoutingInput,
 * RoutingProfile)}, from the same starting snapshot, consuming stock and capacity as the batch goes; the
 * snapshot itself is never changed.
 *
 * <pre>{@code
 * WhatIf whatIf = WhatIf.builder().clock(clock).rates(ghnRates).build();
 * SimulationReport report = whatIf.compare(lastWeek, snapshot, current, candidate);
 * System.out.println(report.toText());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WhatIf {
    private final Clock clock;
    private final RateTable rates;
    private final int defaultGrams;
    private final int differencesShown;

    private WhatIf(Builder b) {
        this.clock = b.clock;
        this.rates = b.rates;
        this.defaultGrams = b.defaultGrams;
        this.differencesShown = b.differencesShown;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rate table shipments are priced by, when the simulation prices them. */
    public Optional<RateTable> rates() {
        return Optional.ofNullable(rates);
    }

    /** Replays the orders against the current and the candidate profile; deltas are candidate minus current. */
    public SimulationReport compare(
            List<RoutingRequest> orders, RoutingInput input, RoutingProfile current, RoutingProfile candidate) {
        return compare(
                orders, input, List.of(Checks.notNull("current", current), Checks.notNull("candidate", candidate)));
    }

    /**
     * Replays the orders against every profile; the first is the baseline every delta is taken against.
     *
     * @throws InvalidArgumentException when there are no orders, fewer than two profiles, or two profiles
     *     with one name
     */
    public SimulationReport compare(List<RoutingRequest> orders, RoutingInput input, List<RoutingProfile> profiles) {
        if (orders == null || orders.isEmpty()) {
            throw InvalidArgumentException.of("orders", "EMPTY", "a what-if simulation needs at least one order");
        }
        Checks.notNull("input", input);
        if (profiles == null || profiles.size() < 2) {
            throw InvalidArgumentException.of(
                    "profiles",
                    "TOO_FEW",
                    "a what-if simulation compares at least two profiles; got "
                            + (profiles == null ? 0 : profiles.size()));
        }
        Set<String> names = new HashSet<>();
        for (RoutingProfile p : profiles) {
            if (!names.add(Checks.notNull("profile", p).name())) {
                throw InvalidArgumentException.of(
                        "profiles", "DUPLICATE", "profile '" + p.name() + "' appears twice in the simulation");
            }
        }
        Router router = Router.builder().profile(profiles.get(0)).clock(clock).build();
        Map<LocationId, Location> locations = new HashMap<>();
        input.locations().forEach(l -> locations.put(l.id(), l));

        List<List<RoutingDecision>> decisions = new ArrayList<>();
        List<ProfileMetrics> metrics = new ArrayList<>();
        for (RoutingProfile p : profiles) {
            List<RoutingDecision> ds = router.routeBatch(orders, input, p);
            decisions.add(ds);
            metrics.add(measure(p.name(), ds, input, locations));
        }

        List<Integer> differingFromFirst = new ArrayList<>();
        List<List<String>> summaries = new ArrayList<>();
        for (List<RoutingDecision> ds : decisions) {
            List<String> s = new ArrayList<>(ds.size());
            ds.forEach(d -> s.add(summary(d)));
            summaries.add(s);
        }
        for (List<String> s : summaries) {
            int n = 0;
            for (int o = 0; o < orders.size(); o++) {
                if (!s.get(o).equals(summaries.get(0).get(o))) {
                    n++;
                }
            }
            differingFromFirst.add(n);
        }
        List<Difference> differences = new ArrayList<>();
        int differing = 0;
        for (int o = 0; o < orders.size(); o++) {
            Set<String> distinct = new HashSet<>();
            List<String> each = new ArrayList<>();
            for (List<String> s : summaries) {
                distinct.add(s.get(o));
                each.add(s.get(o));
            }
            if (distinct.size() > 1) {
                differing++;
                if (differences.size() < differencesShown) {
                    differences.add(new Difference(o, orders.get(o).reference(), each));
                }
            }
        }
        return new SimulationReport(metrics, decisions, differingFromFirst, differences, differing);
    }

    private ProfileMetrics measure(
            String profile, List<RoutingDecision> ds, RoutingInput input, Map<LocationId, Location> locations) {
        int complete = 0;
        int shipments = 0;
        int split = 0;
        int linesSplit = 0;
        int unitsUnfulfilled = 0;
        int linesUnfulfillable = 0;
        double km = 0;
        int withoutDistance = 0;
        Money cost = rates == null ? null : Money.zero(rates.currency());
        int unpriced = 0;
        for (RoutingDecision d : ds) {
            List<PlannedShipment> ps = d.shipments();
            shipments += ps.size();
            if (ps.size() > 1) {
                split++;
            }
            if (d.isComplete()) {
                complete++;
            }
            Map<String, Set<LocationId>> from = new HashMap<>();
            for (Assignment a : d.assignments()) {
                from.computeIfAbsent(a.line(), l -> new HashSet<>()).add(a.location());
            }
            for (Set<LocationId> s : from.values()) {
                if (s.size() > 1) {
                    linesSplit++;
                }
            }
            for (int u : d.unfulfilled().values()) {
                unitsUnfulfilled += u;
            }
            linesUnfulfillable += d.unfulfilled().size();
            if (ps.isEmpty()) {
                continue;
            }
            double orderKm = 0;
            Optional<Address> to = d.request().destination();
            for (PlannedShipment s : ps) {
                Location loc = locations.get(s.location());
                double k = GeoPoint.distanceKm(loc.geo(), d.request().destinationPoint());
                orderKm += k;
                if (cost != null) {
                    Optional<Money> price = to.flatMap(dest -> rates.price(
                            loc,
                            dest,
                            k,
                            Parcel.of(s.assignments(), input, defaultGrams).chargeableGrams(rates)));
                    if (price.isPresent()) {
                        cost = cost.plus(price.get());
                    } else {
                        unpriced++;
                    }
                }
            }
            if (Double.isNaN(orderKm)) {
                withoutDistance++;
            } else {
                km += orderKm;
            }
        }
        BigDecimal average =
                BigDecimal.valueOf(shipments).divide(BigDecimal.valueOf(ds.size()), 2, RoundingMode.HALF_UP);
        return new ProfileMetrics(
                profile,
                ds.size(),
                complete,
                shipments,
                split,
                average,
                linesSplit,
                unitsUnfulfilled,
                linesUnfulfillable,
                km,
                withoutDistance,
                Optional.ofNullable(cost),
                unpriced);
    }

    /**
     * A decision in words, the same for the same assignments whatever their order: {@code WH-HCM: l1 x2, l2 x1
     * + WH-HN: l3 x1; unfulfilled: l4 x1}, locations by id, lines in request order.
     */
    static String summary(RoutingDecision d) {
        List<String> refs = d.request().lines().stream().map(RoutingLine::ref).toList();
        Map<LocationId, Map<String, Integer>> by = new TreeMap<>();
        for (Assignment a : d.assignments()) {
            by.computeIfAbsent(a.location(), l -> new HashMap<>()).merge(a.line(), a.units(), Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        by.forEach((loc, units) -> {
            List<String> lines = new ArrayList<>();
            for (String ref : refs) {
                Integer u = units.get(ref);
                if (u != null) {
                    lines.add(ref + " x" + u);
                }
            }
            parts.add(loc + ": " + String.join(", ", lines));
        });
        String out = parts.isEmpty() ? "nothing shipped" : String.join(" + ", parts);
        if (!d.unfulfilled().isEmpty()) {
            Map<String, Integer> missing = new LinkedHashMap<>();
            for (String ref : refs) {
                Integer u = d.unfulfilled().get(ref);
                if (u != null) {
                    missing.put(ref, u);
                }
            }
            List<String> m = new ArrayList<>();
            missing.forEach((ref, u) -> m.add(ref + " x" + u));
            out += "; unfulfilled: " + String.join(", ", m);
        }
        return out;
    }

    @Override
    public String toString() {
        return "WhatIf{rates=" + (rates == null ? "none" : rates.currency()) + ", defaultGrams=" + defaultGrams + "}";
    }

    /** Builds a {@link WhatIf}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private RateTable rates;
        private int defaultGrams = 500;
        private int differencesShown = 10;

        private Builder() {}

        /** The clock the replay routes at (profile effective dates, capacity days); the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        /** Prices every shipment by this table (chargeable weight, actual or dimensional); no cost rows without. */
        public Builder rates(RateTable rates) {
            this.rates = Checks.notNull("rates", rates);
            return this;
        }

        /** Grams per unit of a SKU without a weight, for pricing; 500 by default. */
        public Builder defaultGrams(int grams) {
            if (grams <= 0) {
                throw InvalidArgumentException.of(
                        "defaultGrams", "NOT_POSITIVE", "default grams must be positive; were " + grams);
            }
            this.defaultGrams = grams;
            return this;
        }

        /** How many differing orders the report lists with their decisions; 10 by default. */
        public Builder differencesShown(int n) {
            if (n < 0) {
                throw InvalidArgumentException.of(
                        "differencesShown", "NEGATIVE", "differences shown must be 0 or more; was " + n);
            }
            this.differencesShown = n;
            return this;
        }

        public WhatIf build() {
            return new WhatIf(this);
        }
    }
}
