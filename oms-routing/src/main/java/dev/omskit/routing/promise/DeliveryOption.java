package dev.omskit.routing.promise;

import dev.omskit.core.model.Money;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One way a cart can reach the customer, as a checkout shows it: shipped from one or more locations by a
 * carrier service, at a price, arriving on a date; or collected at a store, ready at a time. {@link
 * #toText()} renders it, for example {@code GHN Express from WH-HCM: 22,000 VND, arrives Thu 2026-11-12}.
 *
 * <p>An option may leave lines out ({@link #isComplete()} false, {@link #unfulfilled()} names them); an
 * {@link Kind#UNAVAILABLE} option says, in {@link #reasons()}, why nothing can be offered.
 *
 * @param kind how the option came about
 * @param service the carrier service; empty for pickup and unavailable options
 * @param shipments the shipments (pickup: the one store), in routing order; empty when unavailable
 * @param price the total over the shipments; empty for pickup (nothing to pay a carrier) and unavailable
 * @param earliestDelivery the day the last shipment arrives (pickup: the day it is ready); empty when
 *     unavailable
 * @param readyAt for pickup, when the order is ready to collect, in the store's zone
 * @param unfulfilled units left out per line ref; empty when the option delivers the whole cart
 * @param reasons why lines are left out, or why nothing can be offered
 * @param note what sets an alternative apart from the routed plan (for example {@code 1 day sooner than
 *     from WH-HCM})
 */
public record DeliveryOption(
        Kind kind,
        Optional<CarrierService> service,
        List<PromisedShipment> shipments,
        Optional<Money> price,
        Optional<LocalDate> earliestDelivery,
        Optional<ZonedDateTime> readyAt,
        Map<String, Integer> unfulfilled,
        List<String> reasons,
        Optional<String> note) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** How an option came about. */
    public enum Kind {
        /** The plan the router chose, carried by one service. */
        ROUTED,
        /** The whole cart from one other location, faster or cheaper than the routed plan. */
        ALTERNATIVE,
        /** Click and collect at a store that has the whole cart. */
        PICKUP,
        /** Nothing can be offered; {@link DeliveryOption#reasons()} says why. */
        UNAVAILABLE
    }

    public DeliveryOption {
        shipments = List.copyOf(shipments);
        unfulfilled = Collections.unmodifiableMap(new LinkedHashMap<>(unfulfilled));
        reasons = List.copyOf(reasons);
    }

    /** Whether the option delivers every unit of the cart. */
    public boolean isComplete() {
        return kind != Kind.UNAVAILABLE && unfulfilled.isEmpty();
    }

    /** How many shipments (parcels). */
    public int shipmentCount() {
        return shipments.size();
    }

    /**
     * The option in one line: {@code GHN Express from WH-HCM: 22,000 VND, arrives Thu 2026-11-12}, {@code
     * Pickup at ST-Q1 (2.3 km): free, ready Wed 2026-11-11 11:00}, or {@code Not available: ...}.
     */
    public String toText() {
        if (kind == Kind.UNAVAILABLE) {
            return "Not available: " + String.join("; ", reasons);
        }
        List<String> from = new ArrayList<>();
        shipments.forEach(s -> from.add(s.location().value()));
        StringBuilder sb = new StringBuilder();
        if (kind == Kind.PICKUP) {
            PromisedShipment s = shipments.get(0);
            sb.append("Pickup at ").append(s.location());
            s.distanceKm().ifPresent(km -> sb.append(String.format(Locale.ROOT, " (%.1f km)", km)));
            ZonedDateTime ready = readyAt.orElseThrow();
            sb.append(": free, ready ")
                    .append(day(ready.toLocalDate()))
                    .append(' ')
                    .append(TIME.format(ready));
        } else {
            sb.append(service.orElseThrow().name()).append(" from ").append(String.join(" + ", from));
            if (shipments.size() > 1) {
                sb.append(" (").append(shipments.size()).append(" shipments)");
            }
            sb.append(": ")
                    .append(format(price.orElseThrow()))
                    .append(", arrives ")
                    .append(day(earliestDelivery.orElseThrow()));
        }
        note.ifPresent(n -> sb.append(" (").append(n).append(')'));
        if (!unfulfilled.isEmpty()) {
            List<String> missing = new ArrayList<>();
            unfulfilled.forEach((ref, units) -> missing.add(ref + " " + units));
            sb.append("; incomplete, unit(s) not included: ").append(String.join(", ", missing));
        }
        return sb.toString();
    }

    /** An amount as checkout shows it: {@code 22,000 VND}, {@code 12.50 EUR}. */
    static String format(Money money) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        int digits = money.currency().getDefaultFractionDigits();
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(money.amount()) + " " + money.currency().getCurrencyCode();
    }

    /** A day as checkout shows it: {@code Thu 2026-11-12}. */
    static String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + date;
    }
}
