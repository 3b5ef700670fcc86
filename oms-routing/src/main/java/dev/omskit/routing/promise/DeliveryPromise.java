package dev.omskit.routing.promise;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.LocationVerdict;
import dev.omskit.routing.PlannedShipment;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.Fulfilment;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Strategy;
import dev.omskit.routing.rule.RateZone;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The delivery options a checkout can show for a cart before any order exists.
 *
 * <p>For {@link DeliveryMethod#SHIP} the cart is routed by the router (the same profile, filters and
 * rankers the order will be routed by), and every {@link CarrierService} that serves the zone of every
 * shipment gives one {@link DeliveryOption.Kind#ROUTED} option: its price is the sum over the shipments
 * (chargeable weight per shipment, actual or dimensional), its date the arrival of the last shipment. Each
 * other candidate location that has the whole cart is then quoted alone, and kept as an {@link
 * DeliveryOption.Kind#ALTERNATIVE} when it is faster or cheaper than the routed plan by the same service
 * (so checkout can offer "faster from Hanoi"). For {@link DeliveryMethod#PICKUP} every pickup location that
 * has the whole cart gives one {@link DeliveryOption.Kind#PICKUP} option, nearest to the destination first.
 * When nothing can be offered the list holds one {@link DeliveryOption.Kind#UNAVAILABLE} option saying why;
 * a cart nobody stocks is an answer, not an error.
 *
 * <pre>{@code
 * DeliveryPromise promise = DeliveryPromise.of(router, config);
 * for (DeliveryOption o : promise.options(cart, input)) {
 *     System.out.println(o.toText()); // GHN Express from WH-HCM: 22,000 VND, arrives Thu 2026-11-12
 * }
 * }</pre>
 *
 * <p>Every date is computed from the router's {@link Clock} in each location's zone. Immutable and
 * thread-safe; a promise does no I/O.
 */
public final class DeliveryPromise {
    private static final String NOT_QUOTED = "not the location being quoted";

    private final Router router;
    private final PromiseConfig config;

    private DeliveryPromise(Router router, PromiseConfig config) {
        this.router = router;
        this.config = config;
    }

    /** Promises by this router's profiles and clock. */
    public static DeliveryPromise of(Router router, PromiseConfig config) {
        return new DeliveryPromise(Checks.notNull("router", router), Checks.notNull("config", config));
    }

    /** Promises by one profile for every cart, with dates from this clock. */
    public static DeliveryPromise of(RoutingProfile profile, Clock clock, PromiseConfig config) {
        Checks.notNull("profile", profile);
        Checks.notNull("clock", clock);
        return of(Router.builder().profile(profile).clock(clock).build(), config);
    }

    public Router router() {
        return router;
    }

    public PromiseConfig config() {
        return config;
    }

    /**
     * The options for the cart against the snapshot, best first: for shipping, complete options before
     * incomplete ones, then by earliest delivery date, then by price; for pickup, by distance to the
     * destination when it has a geo point, then by ready time.
     *
     * @throws InvalidArgumentException when the cart is null, or ships to a destination without a country
     *     code or without anything to locate it by (geo point, postal code, city or region)
     */
    public List<DeliveryOption> options(RoutingRequest cart, RoutingInput input) {
        if (cart == null) {
            throw InvalidArgumentException.of("cart", "REQUIRED", "a delivery promise needs a cart");
        }
        if (input == null) {
            throw InvalidArgumentException.of(
                    "input", "REQUIRED", "a delivery promise for cart '" + cart.reference() + "' needs a snapshot");
        }
        Instant now = router.clock().instant();
        if (cart.deliveryMethod() == DeliveryMethod.PICKUP) {
            return pickup(cart, input, now);
        }
        validateDestination(cart);
        return ship(cart, input, now);
    }

    private static void validateDestination(RoutingRequest cart) {
        Address to = cart.destination().orElseThrow();
        List<Violation> violations = new ArrayList<>();
        if (to.countryCode().isBlank()) {
            violations.add(Violation.of(
                    "destination.countryCode",
                    "REQUIRED",
                    "cart '" + cart.reference() + "' ships to a destination without a country code (city '" + to.city()
                            + "')"));
        }
        if (to.geo().isEmpty()
                && to.postalCode().isEmpty()
                && to.city().isBlank()
                && to.region().isEmpty()) {
            violations.add(Violation.of(
                    "destination",
                    "UNLOCATABLE",
                    "cart '" + cart.reference()
                            + "' ships to a destination with neither a geo point nor a postal code, city or region"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    // ------------------------------------------------------------------ shipping

    private List<DeliveryOption> ship(RoutingRequest cart, RoutingInput input, Instant now) {
        RoutingDecision routed = router.route(cart, input);
        Set<String> notServed = new LinkedHashSet<>();
        List<DeliveryOption> out = new ArrayList<>(quote(DeliveryOption.Kind.ROUTED, routed, input, now, notServed));
        out.addAll(alternatives(cart, input, now, routed, out));
        if (out.isEmpty()) {
            List<String> reasons = new ArrayList<>(routed.unfulfilledReasons());
            if (!routed.shipments().isEmpty()) {
                reasons.addAll(notServed);
            }
            if (config.services().isEmpty()) {
                reasons.add("no carrier service is configured");
            }
            return List.of(unavailable(all(cart), reasons));
        }
        out.sort(SHIP_ORDER);
        return List.copyOf(out);
    }

    private static final Comparator<DeliveryOption> SHIP_ORDER = Comparator.comparing(
                    (DeliveryOption o) -> !o.isComplete())
            .thenComparing(o -> o.earliestDelivery().orElse(LocalDate.MAX))
            .thenComparing(o -> o.price().map(Money::amount).orElse(BigDecimal.ZERO))
            .thenComparingInt(DeliveryOption::shipmentCount)
            .thenComparing(o -> o.kind().ordinal())
            .thenComparing(o -> o.service().map(CarrierService::code).orElse(""));

    /** One option per service serving every shipment of the decision; why the others do not, in {@code notServed}. */
    private List<DeliveryOption> quote(
            DeliveryOption.Kind kind,
            RoutingDecision decision,
            RoutingInput input,
            Instant now,
            Set<String> notServed) {
        List<PlannedShipment> planned = decision.shipments();
        if (planned.isEmpty()) {
            return List.of();
        }
        Address to = decision.request().destination().orElseThrow();
        int count = planned.size();
        Location[] from = new Location[count];
        Parcel[] parcels = new Parcel[count];
        double[] km = new double[count];
        LocalDate[] shipDates = new LocalDate[count];
        for (int s = 0; s < count; s++) {
            PlannedShipment p = planned.get(s);
            from[s] = input.locations().get(input.indexOf(p.location()));
            parcels[s] = Parcel.of(p.assignments(), input, config.defaultGrams());
            km[s] = GeoPoint.distanceKm(from[s].geo(), to.geo());
            shipDates[s] = config.earliestShipDate(from[s], now);
        }
        List<DeliveryOption> out = new ArrayList<>();
        for (CarrierService service : config.services()) {
            List<PromisedShipment> shipments = new ArrayList<>(count);
            Money total = null;
            LocalDate arrives = null;
            for (int s = 0; s < count; s++) {
                int chargeable = parcels[s].chargeableGrams(service.rates());
                String route = from[s].id() + " to " + place(to);
                if (service.maxChargeableGrams().isPresent()
                        && chargeable > service.maxChargeableGrams().getAsInt()) {
                    notServed.add(service.name() + " takes at most "
                            + service.maxChargeableGrams().getAsInt() + " g; the parcel from " + from[s].id()
                            + " is " + chargeable + " g chargeable");
                    break;
                }
                Optional<RateZone> zone = service.rates().zone(from[s], to, km[s]);
                if (zone.isEmpty()) {
                    notServed.add(service.name() + " has no rate zone for " + route);
                    break;
                }
                if (!service.serves(zone.get())) {
                    notServed.add(service.name() + " does not serve zone '"
                            + zone.get().name() + "' (" + route + ")");
                    break;
                }
                Money price = zone.get().price(chargeable);
                LocalDate delivery = service.deliveryDate(
                        shipDates[s], service.transitDays().get(zone.get().name()));
                shipments.add(new PromisedShipment(
                        from[s].id(),
                        planned.get(s).assignments(),
                        parcels[s],
                        OptionalInt.of(chargeable),
                        Optional.of(zone.get().name()),
                        Double.isNaN(km[s]) ? OptionalDouble.empty() : OptionalDouble.of(km[s]),
                        Optional.of(price),
                        shipDates[s],
                        delivery));
                total = total == null ? price : total.plus(price);
                arrives = arrives == null || delivery.isAfter(arrives) ? delivery : arrives;
            }
            if (shipments.size() == count) {
                out.add(new DeliveryOption(
                        kind,
                        Optional.of(service),
                        shipments,
                        Optional.of(total),
                        Optional.of(arrives),
                        Optional.empty(),
                        ordered(decision.request(), decision.unfulfilled()),
                        decision.unfulfilledReasons(),
                        Optional.empty()));
            }
        }
        return out;
    }

    private List<DeliveryOption> alternatives(
            RoutingRequest cart, RoutingInput input, Instant now, RoutingDecision routed, List<DeliveryOption> plan) {
        if (config.maxAlternatives() == 0) {
            return List.of();
        }
        RoutingProfile single = singleLocation(router.profiles().profile(routed.profile()));
        Set<LocationId> routedFrom = new LinkedHashSet<>();
        routed.shipments().forEach(s -> routedFrom.add(s.location()));
        Map<String, DeliveryOption> planBy = new HashMap<>();
        plan.forEach(o -> planBy.put(o.service().orElseThrow().code(), o));
        String planFrom =
                String.join(" + ", routedFrom.stream().map(LocationId::value).toList());
        List<DeliveryOption> out = new ArrayList<>();
        for (LocationVerdict v : routed.explanation().ranked()) {
            LocationId x = v.location();
            if (routedFrom.size() == 1 && routedFrom.contains(x) || !hasWholeCart(cart, input, x)) {
                continue;
            }
            RoutingDecision alone = router.route(onlyFrom(cart, input, x), input, single);
            if (!alone.isComplete() || alone.shipmentCount() != 1) {
                continue;
            }
            for (DeliveryOption o : quote(DeliveryOption.Kind.ALTERNATIVE, alone, input, now, new LinkedHashSet<>())) {
                DeliveryOption base = planBy.get(o.service().orElseThrow().code());
                Optional<String> note = betterThan(o, base, planFrom);
                note.ifPresent(n -> out.add(withNote(o, n)));
            }
        }
        out.sort(SHIP_ORDER);
        return out.size() > config.maxAlternatives() ? out.subList(0, config.maxAlternatives()) : out;
    }

    /** Why the alternative is worth showing beside the plan's option by the same service; empty when it is not. */
    private static Optional<String> betterThan(DeliveryOption alt, DeliveryOption base, String planFrom) {
        String service = alt.service().orElseThrow().name();
        if (base == null) {
            return Optional.of(service + " is not offered from " + (planFrom.isEmpty() ? "the plan" : planFrom));
        }
        if (!base.isComplete()) {
            return Optional.of("the whole cart, unlike from " + planFrom);
        }
        long sooner = ChronoUnit.DAYS.between(
                alt.earliestDelivery().orElseThrow(), base.earliestDelivery().orElseThrow());
        Money saved = base.price().orElseThrow().minus(alt.price().orElseThrow());
        List<String> parts = new ArrayList<>();
        if (sooner > 0) {
            parts.add(sooner + " day" + (sooner == 1 ? "" : "s") + " sooner");
        }
        if (saved.isPositive()) {
            parts.add(DeliveryOption.format(saved) + " less");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" and ", parts) + " than from " + planFrom);
    }

    private static DeliveryOption withNote(DeliveryOption o, String note) {
        return new DeliveryOption(
                o.kind(),
                o.service(),
                o.shipments(),
                o.price(),
                o.earliestDelivery(),
                o.readyAt(),
                o.unfulfilled(),
                o.reasons(),
                Optional.of(note));
    }

    // ------------------------------------------------------------------ pickup

    private List<DeliveryOption> pickup(RoutingRequest cart, RoutingInput input, Instant now) {
        List<DeliveryOption> out = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Location loc : input.locations()) {
            if (!loc.can(LocationCapability.PICKUP) || cart.excluded().containsKey(loc.id())) {
                continue;
            }
            RoutingRequest at = onlyFrom(
                    RoutingRequest.builder().from(cart).pickupLocation(loc.id()).build(), input, loc.id());
            RoutingDecision d = router.route(at, input, singleLocation(router.profileFor(at)));
            if (!d.isComplete() || d.shipmentCount() != 1) {
                why.add(loc.id() + ": " + pickupProblem(d, loc.id()));
                continue;
            }
            ZonedDateTime ready = config.readyForPickup(loc, now);
            double km = GeoPoint.distanceKm(loc.geo(), cart.destinationPoint());
            PromisedShipment s = new PromisedShipment(
                    loc.id(),
                    d.assignments(),
                    Parcel.of(d.assignments(), input, config.defaultGrams()),
                    OptionalInt.empty(),
                    Optional.empty(),
                    Double.isNaN(km) ? OptionalDouble.empty() : OptionalDouble.of(km),
                    Optional.empty(),
                    ready.toLocalDate(),
                    ready.toLocalDate());
            out.add(new DeliveryOption(
                    DeliveryOption.Kind.PICKUP,
                    Optional.empty(),
                    List.of(s),
                    Optional.empty(),
                    Optional.of(ready.toLocalDate()),
                    Optional.of(ready),
                    Map.of(),
                    List.of(),
                    Optional.empty()));
        }
        if (out.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            reasons.add(why.isEmpty() ? "no location offers pickup" : "no pickup location has the whole cart");
            reasons.addAll(why);
            return List.of(unavailable(all(cart), reasons));
        }
        out.sort(Comparator.comparingDouble(
                        (DeliveryOption o) -> o.shipments().get(0).distanceKm().orElse(Double.POSITIVE_INFINITY))
                .thenComparing(o -> o.readyAt().orElseThrow().toInstant())
                .thenComparing(o -> o.shipments().get(0).location()));
        return List.copyOf(out);
    }

    private static String pickupProblem(RoutingDecision d, LocationId location) {
        Optional<LocationVerdict> v = d.explanation().verdict(location);
        if (v.isPresent() && v.get().isExcluded()) {
            return v.get().excludedBy().get() + ": " + v.get().reason();
        }
        if (!d.unfulfilledReasons().isEmpty()) {
            return String.join("; ", d.unfulfilledReasons());
        }
        return "cannot supply the whole cart alone";
    }

    // ------------------------------------------------------------------ helpers

    /** The profile that may ship the whole cart from one location or not at all. */
    private static RoutingProfile singleLocation(RoutingProfile profile) {
        return RoutingProfile.builder()
                .from(profile)
                .strategy(Strategy.SINGLE_LOCATION)
                .fulfilment(Fulfilment.SHIP_COMPLETE)
                .maxShipments(1)
                .build();
    }

    /** The cart with every location but {@code only} excluded. */
    private static RoutingRequest onlyFrom(RoutingRequest cart, RoutingInput input, LocationId only) {
        Map<LocationId, String> excluded = new LinkedHashMap<>(cart.excluded());
        for (Location l : input.locations()) {
            if (!l.id().equals(only)) {
                excluded.putIfAbsent(l.id(), NOT_QUOTED);
            }
        }
        return RoutingRequest.builder().from(cart).excluded(excluded).build();
    }

    /** Whether the snapshot has every unit of the cart at the location (a quick test before routing). */
    private static boolean hasWholeCart(RoutingRequest cart, RoutingInput input, LocationId location) {
        Map<Sku, Integer> wanted = new HashMap<>();
        for (RoutingLine l : cart.lines()) {
            wanted.merge(l.sku(), l.quantity(), Integer::sum);
        }
        for (Map.Entry<Sku, Integer> e : wanted.entrySet()) {
            if (input.available(e.getKey(), location) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static DeliveryOption unavailable(Map<String, Integer> unfulfilled, List<String> reasons) {
        return new DeliveryOption(
                DeliveryOption.Kind.UNAVAILABLE,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                unfulfilled,
                reasons,
                Optional.empty());
    }

    private static Map<String, Integer> all(RoutingRequest cart) {
        Map<String, Integer> out = new LinkedHashMap<>();
        cart.lines().forEach(l -> out.put(l.ref(), l.quantity()));
        return out;
    }

    /** The unfulfilled units in the cart's line order. */
    private static Map<String, Integer> ordered(RoutingRequest cart, Map<String, Integer> unfulfilled) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (RoutingLine l : cart.lines()) {
            Integer u = unfulfilled.get(l.ref());
            if (u != null) {
                out.put(l.ref(), u);
            }
        }
        return out;
    }

    private static String place(Address to) {
        if (!to.city().isBlank()) {
            return to.city();
        }
        return to.region().or(to::postalCode).orElse(to.countryCode());
    }

    @Override
    public String toString() {
        return "DeliveryPromise{" + router + ", services="
                + config.services().stream().map(CarrierService::code).toList() + "}";
    }
}
