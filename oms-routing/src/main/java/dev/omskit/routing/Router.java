package dev.omskit.routing;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.Checks;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.RoutingProfiles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where the units of a request come from, by the profile chosen for it, against a snapshot read
 * beforehand ({@link RoutingInput}); every decision carries its {@link Explanation}.
 *
 * <pre>{@code
 * Router router = Router.builder().profiles(ProfileLoader.defaults().fromYaml(file)).clock(clock).build();
 * RoutingDecision d = router.route(request, input);
 * System.out.println(d.explanation().toText());
 * }</pre>
 *
 * <p>Immutable and thread-safe; a decision does no I/O. Wire it into the order lifecycle with {@link
 * RoutingSourcing}.
 */
public final class Router {
    private final RoutingProfiles profiles;
    private final Clock clock;

    private Router(Builder b) {
        this.profiles = b.profiles;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RoutingProfiles profiles() {
        return profiles;
    }

    public Clock clock() {
        return clock;
    }

    /** The profile that would decide this request now. */
    public RoutingProfile profileFor(RoutingRequest request) {
        return profiles.select(request, clock.instant());
    }

    /** Routes the request by the profile chosen for it. */
    public RoutingDecision route(RoutingRequest request, RoutingInput input) {
        Instant now = clock.instant();
        return new Solver(profiles.select(request, now), request, input, now).decide();
    }

    /** Routes the request by this profile, whatever the selectors say (for simulations and tests). */
    public RoutingDecision route(RoutingRequest request, RoutingInput input, RoutingProfile profile) {
        Checks.notNull("profile", profile);
        return new Solver(profile, request, input, clock.instant()).decide();
    }

    /**
     * Routes the requests in order, each taking its units and capacity from what the ones before it left
     * (the input itself is not changed). Capacity running out halfway through a batch moves the later
     * requests elsewhere, as it would in production.
     */
    public List<RoutingDecision> routeBatch(List<RoutingRequest> requests, RoutingInput input) {
        return routeBatch(requests, input, null);
    }

    /** {@link #routeBatch(List, RoutingInput)} with one profile for every request. */
    public List<RoutingDecision> routeBatch(List<RoutingRequest> requests, RoutingInput input, RoutingProfile profile) {
        RoutingInput working = input.mutableCopy();
        List<RoutingDecision> out = new ArrayList<>(requests.size());
        for (RoutingRequest r : requests) {
            Instant now = clock.instant();
            RoutingProfile p = profile == null ? profiles.select(r, now) : profile;
            RoutingDecision d = new Solver(p, r, working, now).decide();
            for (PlannedShipment s : d.shipments()) {
                int i = working.indexOf(s.location());
                for (Assignment a : s.assignments()) {
                    working.take(a.sku(), i, a.units());
                }
                working.usePackage(i);
            }
            out.add(d);
        }
        return out;
    }

    /**
     * Routes again the units a location gave back (it rejected the request, or found less at pick than the
     * system said): those units are sourced anew with the location excluded, and every other assignment of
     * the previous decision stands. {@code input} must be read after the kept units were reserved (so their
     * stock is not offered twice) and after the location's stock was corrected.
     *
     * @param previous the decision being corrected
     * @param location the location giving units back
     * @param units units given back per line ref; each at most what the location was assigned
     * @param reason why, shown in the explanation (for example {@code short pick: 2 of TEE-M missing})
     * @param input the snapshot to route the units against
     */
    public RoutingDecision reroute(
            RoutingDecision previous,
            LocationId location,
            Map<String, Integer> units,
            String reason,
            RoutingInput input) {
        Checks.notNull("location", location);
        Checks.notNull("reason", reason);
        Map<String, Integer> atLocation = new LinkedHashMap<>();
        for (Assignment a : previous.assignments()) {
            if (a.location().equals(location)) {
                atLocation.merge(a.line(), a.units(), Integer::sum);
            }
        }
        if (units.isEmpty()) {
            throw InvalidArgumentException.of(
                    "units", "EMPTY", "re-routing from " + location + " needs the units it gives back");
        }
        RoutingRequest original = previous.request();
        RoutingRequest.Builder sub = RoutingRequest.builder().from(original).lines(List.of());
        sub.putExcluded(location, reason);
        units.forEach((ref, u) -> {
            int had = atLocation.getOrDefault(ref, 0);
            if (u <= 0 || u > had) {
                throw InvalidArgumentException.of(
                        "units." + ref,
                        "OUT_OF_RANGE",
                        "line '" + ref + "' had " + had + " unit(s) at " + location + "; cannot give back " + u);
            }
            sub.addLines(RoutingLine.builder()
                    .from(original.line(ref).orElseThrow())
                    .quantity(u)
                    .build());
        });
        RoutingRequest request = sub.build();
        RoutingProfile profile = profiles.profiles().getOrDefault(previous.profile(), profileFor(request));
        RoutingDecision fresh = new Solver(profile, request, input, clock.instant()).decide();

        List<Assignment> kept = new ArrayList<>();
        for (Assignment a : previous.assignments()) {
            if (!a.location().equals(location)) {
                kept.add(a);
            } else {
                int back = units.getOrDefault(a.line(), 0);
                int stays = a.units() - Math.min(back, a.units());
                if (stays > 0) {
                    kept.add(new Assignment(a.line(), a.sku(), a.location(), stays, a.workInstructions()));
                }
            }
        }
        List<Assignment> all = new ArrayList<>(kept);
        all.addAll(fresh.assignments());
        Map<String, Integer> unfulfilled = new LinkedHashMap<>(previous.unfulfilled());
        fresh.unfulfilled().forEach((ref, u) -> unfulfilled.merge(ref, u, Integer::sum));
        List<String> reasons = new ArrayList<>(previous.unfulfilledReasons());
        reasons.addAll(fresh.unfulfilledReasons());
        RoutingRequest merged = original.excluding(location, reason);
        int keptCount = kept.size();
        return new RoutingDecision(merged, profile.name(), all, unfulfilled, reasons, () -> {
            Explanation e = fresh.explanation();
            List<String> notes = new ArrayList<>();
            notes.add("re-routed " + units + " from " + location + " (" + reason + "); " + keptCount
                    + " other assignment(s) stand");
            notes.addAll(e.notes());
            // a location that keeps units of the previous decision still ships: chosen, with what it keeps
            List<LocationVerdict> verdicts = new ArrayList<>(e.verdicts().size());
            for (LocationVerdict v : e.verdicts()) {
                List<String> keeps = new ArrayList<>();
                for (Assignment a : kept) {
                    if (a.location().equals(v.location())) {
                        keeps.add("keeps " + a.units() + "x " + a.sku() + " for line " + a.line()
                                + " from the previous decision");
                    }
                }
                if (keeps.isEmpty()) {
                    verdicts.add(v);
                } else {
                    List<String> lineNotes = new ArrayList<>(v.lineNotes());
                    lineNotes.addAll(keeps);
                    verdicts.add(new LocationVerdict(
                            v.location(), v.excludedBy(), v.reason(), v.rank(), v.scores(), true, lineNotes));
                }
            }
            return new Explanation("Re-" + e.summary(), verdicts, e.splitReasons(), notes);
        });
    }

    /** {@link #reroute(RoutingDecision, LocationId, Map, String, RoutingInput)} for every unit at the location. */
    public RoutingDecision reroute(RoutingDecision previous, LocationId location, String reason, RoutingInput input) {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (Assignment a : previous.assignments()) {
            if (a.location().equals(location)) {
                all.merge(a.line(), a.units(), Integer::sum);
            }
        }
        if (all.isEmpty()) {
            throw InvalidArgumentException.of(
                    "location",
                    "NOT_ASSIGNED",
                    "decision for " + previous.request().reference() + " ships nothing from " + location);
        }
        return reroute(previous, location, all, reason, input);
    }

    @Override
    public String toString() {
        return "Router{profiles=" + profiles.profiles().keySet() + ", default=" + profiles.defaultProfile() + "}";
    }

    /** Builds a {@link Router}. */
    public static final class Builder {
        private RoutingProfiles profiles = RoutingProfiles.of(RoutingProfile.defaults());
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The profiles and their selectors; {@link RoutingProfile#defaults()} alone by default. */
        public Builder profiles(RoutingProfiles profiles) {
            this.profiles = Checks.notNull("profiles", profiles);
            return this;
        }

        /** One profile for every request. */
        public Builder profile(RoutingProfile profile) {
            return profiles(RoutingProfiles.of(Checks.notNull("profile", profile)));
        }

        /** The clock for profile effective dates and capacity days; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        public Router build() {
            return new Router(this);
        }
    }
}
