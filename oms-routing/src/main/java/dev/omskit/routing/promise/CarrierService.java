package dev.omskit.routing.promise;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.support.OmsStyle;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One service a carrier sells (for example {@code GHN Express}): its price by {@link RateTable} zone and
 * chargeable weight, and its transit days per zone. A zone of the table without transit days is a zone the
 * service does not serve, so one rate table can back a same-day service that only serves {@code same-city}.
 *
 * <pre>{@code
 * CarrierService express = CarrierService.builder()
 *         .name("GHN Express").code("ghn-express").level(ServiceLevel.EXPRESS)
 *         .rates(ghnRates)
 *         .putTransitDays("same-region", 1).putTransitDays("national", 2)
 *         .maxChargeableGrams(30_000)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@OmsStyle
public abstract class CarrierService {
    /** The name shown at checkout, e.g. {@code GHN Express}. */
    public abstract String name();

    /** A stable code, e.g. {@code ghn-express}. */
    public abstract String code();

    public abstract ServiceLevel level();

    /** The prices: the first zone of the table that applies between origin and destination prices a parcel. */
    public abstract RateTable rates();

    /** Carrier delivery days in transit per zone name of {@link #rates()}; a zone without an entry is not served. */
    public abstract Map<String, Integer> transitDays();

    /** The heaviest chargeable weight the service takes, if limited. */
    public abstract OptionalInt maxChargeableGrams();

    /** Whether the carrier delivers on Sundays; when not, Sundays do not count as transit days. */
    @Value.Default
    public boolean deliversSundays() {
        return false;
    }

    /** Whether the carrier delivers on this day. */
    public boolean deliversOn(LocalDate day) {
        return deliversSundays() || day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day a parcel handed over on {@code shipDate} arrives: {@code transitDays} carrier delivery days
     * later (Sundays skipped unless {@link #deliversSundays()}); with 0 days, the ship date itself, or the
     * next delivery day when the carrier does not deliver on it.
     */
    public LocalDate deliveryDate(LocalDate shipDate, int transitDays) {
        if (transitDays < 0) {
            throw InvalidArgumentException.of(
                    "transitDays", "NEGATIVE", "service '" + code() + "' cannot take " + transitDays + " day(s)");
        }
        LocalDate day = shipDate;
        int left = transitDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (deliversOn(day)) {
                left--;
            }
        }
        while (!deliversOn(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether the service serves this zone of its rate table. */
    public boolean serves(RateZone zone) {
        return transitDays().containsKey(zone.name());
    }

    @Value.Check
    void check() {
        List<Violation> violations = new ArrayList<>();
        if (name().isBlank()) {
            violations.add(Violation.of("services.name", "BLANK", "a carrier service needs a name"));
        }
        if (code().isBlank()) {
            violations.add(Violation.of(
                    "services[" + name() + "].code", "BLANK", "carrier service '" + name() + "' needs a code"));
        }
        String field = "services[" + code() + "]";
        Set<String> zones = new HashSet<>();
        rates().zones().forEach(z -> zones.add(z.name()));
        if (transitDays().isEmpty()) {
            violations.add(Violation.of(
                    field + ".transitDays",
                    "EMPTY",
                    "carrier service '" + code() + "' serves no zone; give transit days for at least one of " + zones));
        }
        transitDays().forEach((zone, days) -> {
            if (!zones.contains(zone)) {
                violations.add(Violation.of(
                        field + ".transitDays[" + zone + "]",
                        "UNKNOWN_ZONE",
                        "carrier service '" + code() + "' has transit days for zone '" + zone
                                + "', which its rate table does not have; zones are " + zones));
            }
            if (days == null || days < 0) {
                violations.add(Violation.of(
                        field + ".transitDays[" + zone + "]",
                        "NEGATIVE",
                        "carrier service '" + code() + "' transit days for zone '" + zone + "' must be 0 or more; were "
                                + days));
            }
        });
        if (maxChargeableGrams().isPresent() && maxChargeableGrams().getAsInt() <= 0) {
            violations.add(Violation.of(
                    field + ".maxChargeableGrams",
                    "NOT_POSITIVE",
                    "carrier service '" + code() + "' max chargeable weight must be positive; was "
                            + maxChargeableGrams().getAsInt()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CarrierService}. */
    public static class Builder extends ImmutableCarrierService.Builder {}
}
