package dev.omskit.routing;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.TenantId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each location has committed to ship per local day (units and packages), against which the
 * capacity filter and the solver count. {@link RoutingSourcing} records every plan it returns; a host that
 * tracks capacity elsewhere (its WMS) implements this over it.
 *
 * @implSpec Thread-safe. {@link #record} adds atomically (negative amounts give capacity back, for example
 *     when an allocation is cancelled); reads may lag concurrent records.
 */
public interface CapacityBook {
    int unitsUsed(TenantId tenant, LocationId location, LocalDate day);

    int packagesUsed(TenantId tenant, LocationId location, LocalDate day);

    void record(TenantId tenant, LocationId location, LocalDate day, int units, int packages);

    /**
     * What each location has used on its day, in one read (a plan asks for every candidate location at
     * once, so a book over a remote system should answer this in one call). Locations that used nothing
     * may be left out. The default asks {@link #unitsUsed} and {@link #packagesUsed} per location.
     */
    default Map<LocationId, Used> used(TenantId tenant, Map<LocationId, LocalDate> days) {
        Map<LocationId, Used> out = new HashMap<>();
        days.forEach((location, day) -> {
            int units = unitsUsed(tenant, location, day);
            int packages = packagesUsed(tenant, location, day);
            if (units > 0 || packages > 0) {
                out.put(location, new Used(units, packages));
            }
        });
        return out;
    }

    /**
     * Capacity used at one location on one day.
     *
     * @param units units committed
     * @param packages packages committed
     */
    record Used(int units, int packages) {}

    /** A book in memory (days are never purged; meant for tests, demos and single-node hosts). */
    static CapacityBook inMemory() {
        return new InMemory();
    }

    /** The in-memory book: one atomic pair per tenant, location and day. */
    final class InMemory implements CapacityBook {
        private record Key(TenantId tenant, LocationId location, LocalDate day) {}

        private final ConcurrentHashMap<Key, AtomicLong> used = new ConcurrentHashMap<>();

        private InMemory() {}

        private long get(TenantId tenant, LocationId location, LocalDate day) {
            AtomicLong v = used.get(new Key(tenant, location, day));
            return v == null ? 0 : v.get();
        }

        @Override
        public int unitsUsed(TenantId tenant, LocationId location, LocalDate day) {
            return (int) (get(tenant, location, day) >>> 32);
        }

        @Override
        public int packagesUsed(TenantId tenant, LocationId location, LocalDate day) {
            return (int) get(tenant, location, day);
        }

        @Override
        public void record(TenantId tenant, LocationId location, LocalDate day, int units, int packages) {
            used.computeIfAbsent(new Key(tenant, location, day), k -> new AtomicLong())
                    .updateAndGet(v -> {
                        long u = Math.max(0, (v >>> 32) + units);
                        long p = Math.max(0, (int) v + packages);
                        return (u << 32) | (p & 0xFFFFFFFFL);
                    });
        }

        @Override
        public String toString() {
            return "CapacityBook.inMemory(" + used.size() + " day(s))";
        }
    }
}
