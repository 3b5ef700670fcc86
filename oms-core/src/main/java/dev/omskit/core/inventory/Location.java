package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A place that holds or ships stock: a warehouse, a store, a 3PL node or a dropship vendor. Its {@link
 * #id()} is its code. The person in charge and the phone number are personal data and print as {@code ***}.
 */
@Value.Immutable
@OmsStyle
public abstract class Location {
    public abstract TenantId tenant();

    /** The location's code, unique within the tenant, e.g. {@code WH-HCM-1}. */
    public abstract LocationId id();

    /** A name for people, e.g. {@code Ho Chi Minh main warehouse}. */
    public abstract String name();

    public abstract LocationKind kind();

    public abstract Address address();

    /** Who is in charge of the location, if known. */
    @Value.Redacted
    public abstract Optional<String> personInCharge();

    /** A phone number for the location, if known. */
    @Value.Redacted
    public abstract Optional<String> phone();

    /** What the location can do; empty means it only holds stock. */
    public abstract Set<LocationCapability> capabilities();

    /** Most units the location can fulfil per day, if limited. */
    public abstract OptionalInt dailyCapacityUnits();

    /** Orders released after this local time leave the next working day, if the location has a cut-off. */
    public abstract Optional<LocalTime> cutOffTime();

    /** The time zone of {@link #cutOffTime()}. Default UTC. */
    @Value.Default
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    /** Lower is preferred when several locations could serve. Default 100. */
    @Value.Default
    public int priority() {
        return 100;
    }

    /** An inactive location keeps its stock but serves no new reservation. Default true. */
    @Value.Default
    public boolean active() {
        return true;
    }

    /** Where the location is, from its address. */
    @Value.Derived
    @Value.Auxiliary
    public Optional<GeoPoint> geo() {
        return address().geo();
    }

    /** Whether the location has {@code capability}. */
    public boolean can(LocationCapability capability) {
        return capabilities().contains(capability);
    }

    @Value.Check
    protected void check() {
        if (name().isBlank()) {
            throw InvalidArgumentException.of("name", "MISSING", "location '" + id() + "' needs a name");
        }
        if (dailyCapacityUnits().isPresent() && dailyCapacityUnits().getAsInt() <= 0) {
            throw InvalidArgumentException.of(
                    "dailyCapacityUnits",
                    "NOT_POSITIVE",
                    "location '" + id() + "': daily capacity must be positive; was "
                            + dailyCapacityUnits().getAsInt());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Location}. */
    public static class Builder extends ImmutableLocation.Builder {}
}
