package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.OptionalInt;

/**
 * How much one location may ship in a day: units and / or packages (a shipment is one package). Absent
 * means unlimited.
 *
 * @param units units per day
 * @param packages packages per day
 */
public record DailyCapacity(OptionalInt units, OptionalInt packages) {
    public DailyCapacity {
        if (units.isPresent() && units.getAsInt() < 0 || packages.isPresent() && packages.getAsInt() < 0) {
            throw InvalidArgumentException.of(
                    "capacity",
                    "NEGATIVE",
                    "daily capacity may not be negative; was " + units + " units, " + packages + " packages");
        }
    }

    /** Units and packages per day. */
    public static DailyCapacity of(int units, int packages) {
        return new DailyCapacity(OptionalInt.of(units), OptionalInt.of(packages));
    }

    /** Units per day, packages unlimited. */
    public static DailyCapacity units(int units) {
        return new DailyCapacity(OptionalInt.of(units), OptionalInt.empty());
    }
}
