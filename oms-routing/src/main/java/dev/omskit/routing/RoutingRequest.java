package dev.omskit.routing;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.support.OmsStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What to route: the lines, where they go (an address to ship to, or a pickup location), the channel, and
 * the order's attributes that profiles and rules may read (customer tier, order type, value).
 *
 * <p>Locations in {@link #excluded()} are never chosen; each carries the reason shown in the explanation.
 * Re-routing uses it for a location that rejected a request or short-picked.
 */
@Value.Immutable
@OmsStyle
public abstract class RoutingRequest {
    /** Order attribute naming the delivery method ({@code SHIP} or {@code PICKUP}) in {@link #forOrder}. */
    public static final String DELIVERY_METHOD_ATTRIBUTE = "deliveryMethod";
    /** Order attribute naming the pickup location in {@link #forOrder}. */
    public static final String PICKUP_LOCATION_ATTRIBUTE = "pickupLocation";
    /** Order attribute naming the order type (for profile selection) in {@link #forOrder}. */
    public static final String ORDER_TYPE_ATTRIBUTE = "orderType";

    public abstract TenantId tenant();

    /** What is routed, for explanations: an order id, a cart id. */
    @Value.Default
    public String reference() {
        return "request";
    }

    public abstract List<RoutingLine> lines();

    /** Where a shipment goes; required for {@link DeliveryMethod#SHIP}. */
    public abstract Optional<Address> destination();

    /** Where the customer collects; required for {@link DeliveryMethod#PICKUP}. */
    public abstract Optional<LocationId> pickupLocation();

    public abstract Optional<Channel> channel();

    @Value.Default
    public DeliveryMethod deliveryMethod() {
        return DeliveryMethod.SHIP;
    }

    /** A free-form order type profiles may be chosen by (for example {@code b2b}, {@code preorder}). */
    public abstract Optional<String> orderType();

    /** Order attributes rules and profile conditions may read (for example {@code customerTier}). */
    public abstract Map<String, String> attributes();

    /** The order's value, for rules that care (for example high-value orders to a secure location). */
    public abstract Optional<Money> orderValue();

    /** Locations that must not be chosen, each with its reason (a rejection, a short pick). */
    public abstract Map<LocationId, String> excluded();

    /** The destination's geo point, when the destination has one. */
    @Value.Derived
    @Value.Auxiliary
    public Optional<GeoPoint> destinationPoint() {
        return destination().flatMap(Address::geo);
    }

    /** The line with this ref. */
    public Optional<RoutingLine> line(String ref) {
        for (RoutingLine l : lines()) {
            if (l.ref().equals(ref)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** This request with one more excluded location. */
    public RoutingRequest excluding(LocationId location, String reason) {
        return builder().from(this).putExcluded(location, reason).build();
    }

    /**
     * The request for routing {@code demand} units of an order: lines are the order lines with demand (ref =
     * line id), the destination is the shipping address, and the delivery method, pickup location and order
     * type come from the order attributes {@value #DELIVERY_METHOD_ATTRIBUTE}, {@value
     * #PICKUP_LOCATION_ATTRIBUTE} and {@value #ORDER_TYPE_ATTRIBUTE} when present.
     */
    public static RoutingRequest forOrder(Order order, Map<LineId, Integer> demand) {
        Builder b = builder()
                .tenant(order.tenant())
                .reference(order.id().value())
                .destination(order.shippingAddress())
                .channel(order.channel())
                .attributes(order.attributes())
                .orderValue(order.totals().total());
        for (OrderLine line : order.lines()) {
            Integer units = demand.get(line.id());
            if (units != null && units > 0) {
                b.addLines(RoutingLine.builder()
                        .ref(line.id().value())
                        .sku(line.sku())
                        .quantity(units)
                        .attributes(line.attributes())
                        .build());
            }
        }
        String method = order.attributes().get(DELIVERY_METHOD_ATTRIBUTE);
        if (method != null) {
            try {
                b.deliveryMethod(DeliveryMethod.valueOf(method.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidArgumentException.of(
                        "attributes." + DELIVERY_METHOD_ATTRIBUTE,
                        "UNKNOWN",
                        "order '" + order.id() + "' has delivery method '" + method + "'; expected SHIP or PICKUP");
            }
        }
        String pickup = order.attributes().get(PICKUP_LOCATION_ATTRIBUTE);
        if (pickup != null) {
            b.pickupLocation(LocationId.of(pickup));
        }
        String type = order.attributes().get(ORDER_TYPE_ATTRIBUTE);
        if (type != null) {
            b.orderType(type);
        }
        return b.build();
    }

    @Value.Check
    void check() {
        List<Violation> violations = new ArrayList<>();
        if (lines().isEmpty()) {
            violations.add(Violation.of("lines", "EMPTY", "a routing request needs at least one line"));
        }
        Set<String> refs = new HashSet<>();
        for (RoutingLine l : lines()) {
            if (!refs.add(l.ref())) {
                violations.add(Violation.of(
                        "lines[" + l.ref() + "].ref", "DUPLICATE", "line ref '" + l.ref() + "' appears twice"));
            }
        }
        if (deliveryMethod() == DeliveryMethod.PICKUP && pickupLocation().isEmpty()) {
            violations.add(Violation.of(
                    "pickupLocation", "REQUIRED", "a PICKUP request needs the location the customer collects at"));
        }
        if (deliveryMethod() == DeliveryMethod.SHIP && destination().isEmpty()) {
            violations.add(Violation.of("destination", "REQUIRED", "a SHIP request needs a destination address"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoutingRequest}. */
    public static class Builder extends ImmutableRoutingRequest.Builder {}
}
