package dev.omskit.routing.promise;

import static dev.omskit.routing.RoutingFixture.*;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Carrier services with hand-checkable prices for the promise tests (VND, zones tried in order: same city,
 * same region, national; above the last bracket every started 500 g costs a step).
 *
 * <pre>
 *                 same-city          same-region        national           transit city/region/national
 * GHN Express     18,000 / 23,000 +5k 22,000 / 27,000 +5k 38,000 / 45,000 +8k 1 / 1 / 2
 * GHN Economy     15,000 / 18,000 +3k 16,500 / 20,000 +3k 30,000 / 35,000 +5k 2 / 2 / 4
 * GHN Same Day    30,000              35,000 (not served) -                   0 / - / -
 *                 (up to 500 g / up to 1,000 g + per further 500 g)
 * </pre>
 */
final class PromiseFixture {
    private PromiseFixture() {}

    static Money vnd(long amount) {
        return Money.of(String.valueOf(amount), "VND");
    }

    static RateZone zone(String name, boolean city, boolean region, long upTo500, long upTo1000, long step) {
        return RateZone.builder()
                .name(name)
                .sameCity(city)
                .sameRegion(region)
                .addBrackets(new RateZone.Bracket(500, vnd(upTo500)), new RateZone.Bracket(1000, vnd(upTo1000)))
                .stepGrams(500)
                .stepPrice(vnd(step))
                .build();
    }

    static RateTable expressRates() {
        return RateTable.builder()
                .currency(Money.currency("VND"))
                .addZones(
                        zone("same-city", true, false, 18_000, 23_000, 5_000),
                        zone("same-region", false, true, 22_000, 27_000, 5_000),
                        zone("national", false, false, 38_000, 45_000, 8_000))
                .build();
    }

    static RateTable economyRates() {
        return RateTable.builder()
                .currency(Money.currency("VND"))
                .addZones(
                        zone("same-city", true, false, 15_000, 18_000, 3_000),
                        zone("same-region", false, true, 16_500, 20_000, 3_000),
                        zone("national", false, false, 30_000, 35_000, 5_000))
                .build();
    }

    static CarrierService.Builder expressBuilder() {
        return CarrierService.builder()
                .name("GHN Express")
                .code("ghn-express")
                .level(ServiceLevel.EXPRESS)
                .rates(expressRates())
                .putTransitDays("same-city", 1)
                .putTransitDays("same-region", 1)
                .putTransitDays("national", 2);
    }

    static CarrierService express() {
        return expressBuilder().build();
    }

    static CarrierService economy() {
        return CarrierService.builder()
                .name("GHN Economy")
                .code("ghn-economy")
                .level(ServiceLevel.ECONOMY)
                .rates(economyRates())
                .putTransitDays("same-city", 2)
                .putTransitDays("same-region", 2)
                .putTransitDays("national", 4)
                .build();
    }

    static CarrierService sameDay() {
        RateTable rates = RateTable.builder()
                .currency(Money.currency("VND"))
                .addZones(
                        RateZone.builder()
                                .name("same-city")
                                .sameCity(true)
                                .addBrackets(new RateZone.Bracket(2000, vnd(30_000)))
                                .build(),
                        RateZone.builder()
                                .name("same-region")
                                .sameRegion(true)
                                .addBrackets(new RateZone.Bracket(2000, vnd(35_000)))
                                .build())
                .build();
        return CarrierService.builder()
                .name("GHN Same Day")
                .code("ghn-same-day")
                .level(ServiceLevel.SAME_DAY)
                .rates(rates)
                .putTransitDays("same-city", 0)
                .build();
    }

    /** Express and economy, everything else by default (Mon-Sat, no handling days, no holidays). */
    static PromiseConfig.Builder config() {
        return PromiseConfig.builder().addServices(express(), economy());
    }

    /** A fixed clock at this local time in Vietnam, e.g. {@code 2026-11-11T15:00}. */
    static Clock vnClock(String localDateTime) {
        Instant at = java.time.LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    /** The fixture's locations with a cut-off at {@code cutOff} for {@code location}. */
    static List<Location> locationsWithCutOff(LocationId location, LocalTime cutOff) {
        List<Location> out = new ArrayList<>();
        for (Location l : locations()) {
            out.add(
                    l.id().equals(location)
                            ? Location.builder().from(l).cutOffTime(cutOff).build()
                            : l);
        }
        return out;
    }

    /** A snapshot builder over these locations with the fixture's products. */
    static RoutingInput.Builder inputOver(List<Location> locations) {
        RoutingInput.Builder b = RoutingInput.builder(locations);
        products().forEach(b::product);
        return b;
    }
}
