package dev.omskit.routing;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.rule.Filter;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small helpers the scenario tests share on top of {@link RoutingFixture}. */
final class ScenarioSupport {
    private ScenarioSupport() {}

    /** The verdict on the location; fails when the explanation has none. */
    static LocationVerdict verdict(RoutingDecision d, LocationId location) {
        return d.explanation()
                .verdict(location)
                .orElseThrow(() -> new AssertionError(
                        "no verdict on " + location + " in\n" + d.explanation().toText()));
    }

    /** The units assigned to the line at the location. */
    static int units(RoutingDecision d, String line, LocationId location) {
        return d.assignments().stream()
                .filter(a -> a.line().equals(line) && a.location().equals(location))
                .mapToInt(Assignment::units)
                .sum();
    }

    /** The distinct locations that ship, in the decision's order. */
    static List<LocationId> shippingFrom(RoutingDecision d) {
        return d.shipments().stream().map(PlannedShipment::location).toList();
    }

    /** A builder of a profile named {@code name} with these filters, ranked by priority. */
    static RoutingProfile.Builder profile(String name, Filter... filters) {
        return RoutingProfile.builder().name(name).addFilters(filters).addRankers(RankStep.of(Rankers.priority()));
    }

    /** The fixture's locations with the one of this id changed by {@code change}. */
    static List<Location> locationsWith(LocationId id, UnaryOperator<Location.Builder> change) {
        List<Location> out = new ArrayList<>();
        for (Location l : RoutingFixture.locations()) {
            out.add(l.id().equals(id) ? change.apply(Location.builder().from(l)).build() : l);
        }
        return out;
    }

    /** A snapshot builder over these locations with the fixture's products. */
    static RoutingInput.Builder inputOver(List<Location> locations) {
        RoutingInput.Builder b = RoutingInput.builder(locations);
        RoutingFixture.products().forEach(b::product);
        return b;
    }

    /** A Bangkok address (Thailand). */
    static Address bangkok() {
        return Address.builder()
                .recipient("Somchai")
                .phone("0812345678")
                .line1("1 Sukhumvit")
                .city("Bangkok")
                .region("Bangkok")
                .countryCode("TH")
                .geo(GeoPoint.of(13.7563, 100.5018))
                .build();
    }

    /** An address in Ho Chi Minh City without a geo point. */
    static Address hcmWithoutGeo() {
        return Address.builder()
                .recipient("Nguyen Van B")
                .phone("0907654321")
                .line1("2 Nguyen Hue")
                .city("Ho Chi Minh City")
                .region("Ho Chi Minh")
                .countryCode("VN")
                .build();
    }
}
