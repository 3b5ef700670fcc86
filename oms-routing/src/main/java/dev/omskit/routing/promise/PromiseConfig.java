package dev.omskit.routing.promise;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a {@link DeliveryPromise} needs besides the routing rules: the carrier services on offer, how long
 * a location needs before it hands a parcel over, the working days and holidays of the locations, and how
 * click and collect is prepared.
 *
 * <p>The ship date of a location: the day the order is placed when that is a working day and the order is
 * placed at or before the location's {@link Location#cutOffTime() cut-off} (in the location's {@link
 * Location#zone() zone}), else the next working day; then {@link #handlingDays(LocationId)} more working
 * days. A working day is one of {@link #workingDays()} that is not among the {@link #holidays()}.
 *
 * <pre>{@code
 * PromiseConfig config = PromiseConfig.builder()
 *         .addServices(ghnExpress, ghnEconomy)
 *         .handlingDays(0)
 *         .addHolidays(LocalDate.of(2027, 2, 6))
 *         .pickupPreparation(Duration.ofHours(2))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@OmsStyle
public abstract class PromiseConfig {
    /** The carrier services a shipment may go by; every service serving a plan gives one option. */
    public abstract List<CarrierService> services();

    /** Working days a location needs after the order leaves the queue before it hands the parcel over; default 0. */
    @Value.Default
    public int handlingDays() {
        return 0;
    }

    /** {@link #handlingDays()} for particular locations (a store that packs slower, a vendor that needs two days). */
    public abstract Map<LocationId, Integer> handlingDaysAt();

    /** The days of the week locations work; Monday to Saturday by default. */
    @Value.Default
    public Set<DayOfWeek> workingDays() {
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    }

    /** Days no location works (public holidays, stock-take days). */
    public abstract Set<LocalDate> holidays();

    /** How long a store needs to put a click-and-collect order aside; 2 hours by default. */
    @Value.Default
    public Duration pickupPreparation() {
        return Duration.ofHours(2);
    }

    /** When pickup locations open, in their zone; 08:00 by default. */
    @Value.Default
    public LocalTime pickupOpensAt() {
        return LocalTime.of(8, 0);
    }

    /**
     * The last time a pickup order is prepared the same day at a location without a {@link
     * Location#cutOffTime() cut-off}; 20:00 by default.
     */
    @Value.Default
    public LocalTime pickupClosesAt() {
        return LocalTime.of(20, 0);
    }

    /** Grams counted per unit of a SKU without a weight in the catalogue; 500 by default. */
    @Value.Default
    public int defaultGrams() {
        return 500;
    }

    /** The most "ship from elsewhere" alternatives listed beside the routed plan; 3 by default, 0 for none. */
    @Value.Default
    public int maxAlternatives() {
        return 3;
    }

    /** The handling days of this location. */
    public int handlingDays(LocationId location) {
        return handlingDaysAt().getOrDefault(location, handlingDays());
    }

    /** Whether locations work on this day. */
    public boolean isWorkingDay(LocalDate day) {
        return workingDays().contains(day.getDayOfWeek()) && !holidays().contains(day);
    }

    /** The first working day after this one. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The earliest day the location hands a parcel over for an order placed at {@code orderedAt}: cut-off,
     * working days, holidays and handling days applied, in the location's zone.
     */
    public LocalDate earliestShipDate(Location location, Instant orderedAt) {
        ZonedDateTime local = orderedAt.atZone(location.zone());
        LocalDate day = local.toLocalDate();
        boolean beforeCutOff =
                location.cutOffTime().map(c -> !local.toLocalTime().isAfter(c)).orElse(true);
        if (!isWorkingDay(day) || !beforeCutOff) {
            day = nextWorkingDay(day);
        }
        for (int i = handlingDays(location.id()); i > 0; i--) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * When a click-and-collect order placed at {@code orderedAt} is ready at the location: {@link
     * #pickupPreparation()} later when it is placed on a working day between {@link #pickupOpensAt()} and the
     * location's cut-off (or {@link #pickupClosesAt()}); otherwise it is put aside before the doors open and
     * is ready at the next opening on a working day.
     */
    public ZonedDateTime readyForPickup(Location location, Instant orderedAt) {
        ZonedDateTime local = orderedAt.atZone(location.zone());
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        LocalTime closes = location.cutOffTime().orElse(pickupClosesAt());
        if (isWorkingDay(day) && !time.isBefore(pickupOpensAt()) && !time.isAfter(closes)) {
            return local.plus(pickupPreparation());
        }
        LocalDate opening = isWorkingDay(day) && time.isBefore(pickupOpensAt()) ? day : nextWorkingDay(day);
        return opening.atTime(pickupOpensAt()).atZone(location.zone());
    }

    @Value.Check
    void check() {
        List<Violation> violations = new ArrayList<>();
        if (handlingDays() < 0) {
            violations.add(Violation.of(
                    "handlingDays", "NEGATIVE", "handling days must be 0 or more; were " + handlingDays()));
        }
        handlingDaysAt().forEach((location, days) -> {
            if (days == null || days < 0) {
                violations.add(Violation.of(
                        "handlingDaysAt[" + location + "]",
                        "NEGATIVE",
                        "handling days at " + location + " must be 0 or more; were " + days));
            }
        });
        if (workingDays().isEmpty()) {
            violations.add(Violation.of("workingDays", "EMPTY", "locations need at least one working day"));
        }
        if (pickupPreparation().isNegative()) {
            violations.add(Violation.of(
                    "pickupPreparation",
                    "NEGATIVE",
                    "pickup preparation may not be negative; was " + pickupPreparation()));
        }
        if (!pickupOpensAt().isBefore(pickupClosesAt())) {
            violations.add(Violation.of(
                    "pickupOpensAt",
                    "NOT_BEFORE_CLOSING",
                    "pickup opens at " + pickupOpensAt() + ", which is not before it closes at " + pickupClosesAt()));
        }
        if (defaultGrams() <= 0) {
            violations.add(Violation.of(
                    "defaultGrams", "NOT_POSITIVE", "default grams must be positive; were " + defaultGrams()));
        }
        if (maxAlternatives() < 0) {
            violations.add(Violation.of(
                    "maxAlternatives", "NEGATIVE", "max alternatives must be 0 or more; was " + maxAlternatives()));
        }
        Set<String> codes = new HashSet<>();
        for (CarrierService s : services()) {
            if (!codes.add(s.code())) {
                violations.add(Violation.of(
                        "services[" + s.code() + "].code",
                        "DUPLICATE",
                        "carrier service code '" + s.code() + "' appears twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PromiseConfig}. */
    public static class Builder extends ImmutablePromiseConfig.Builder {}
}
