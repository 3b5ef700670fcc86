package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import dev.omskit.routing.RoutingRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * The profiles of a tenant (or a whole host) and how one is chosen per request: the first selector that
 * matches, else the default profile.
 */
@Value.Immutable
@OmsStyle
public abstract class RoutingProfiles {
    /** The profiles by name. */
    public abstract Map<String, RoutingProfile> profiles();

    /** Tried in order; the first that matches chooses. */
    public abstract List<ProfileSelector> selectors();

    /** The profile used when no selector matches. */
    public abstract String defaultProfile();

    /** The profile for this request at this time. */
    public RoutingProfile select(RoutingRequest request, Instant now) {
        for (ProfileSelector s : selectors()) {
            if (s.matches(request, now)) {
                return profiles().get(s.profile());
            }
        }
        return profiles().get(defaultProfile());
    }

    /** The profile by name. */
    public RoutingProfile profile(String name) {
        RoutingProfile p = profiles().get(name);
        if (p == null) {
            throw InvalidArgumentException.of(
                    "profile",
                    "UNKNOWN",
                    "no routing profile '" + name + "'; known: "
                            + new TreeSet<>(profiles().keySet()));
        }
        return p;
    }

    /** One profile, used for every request. */
    public static RoutingProfiles of(RoutingProfile profile) {
        return builder()
                .putProfiles(profile.name(), profile)
                .defaultProfile(profile.name())
                .build();
    }

    /**
     * Checks that every location the profiles name (capacities) exists among these locations, throwing an
     * {@link InvalidArgumentException} that names each unknown one and where it was named.
     */
    public RoutingProfiles validateLocations(Collection<Location> known) {
        Set<LocationId> ids = new HashSet<>();
        known.forEach(l -> ids.add(l.id()));
        List<Violation> violations = new ArrayList<>();
        profiles().forEach((name, p) -> p.capacity().keySet().stream()
                .filter(id -> !ids.contains(id))
                .sorted()
                .forEach(id -> violations.add(Violation.of(
                        "profiles[" + name + "].capacity." + id,
                        "UNKNOWN_LOCATION",
                        "profile '" + name + "' sets a capacity for unknown location '" + id + "'"))));
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        return this;
    }

    @Value.Check
    void check() {
        List<Violation> violations = new ArrayList<>();
        profiles().forEach((name, p) -> {
            if (!name.equals(p.name())) {
                violations.add(Violation.of(
                        "profiles[" + name + "].name",
                        "MISMATCH",
                        "profile registered as '" + name + "' is named '" + p.name() + "'"));
            }
        });
        if (!profiles().containsKey(defaultProfile())) {
            violations.add(Violation.of(
                    "defaultProfile",
                    "UNKNOWN_PROFILE",
                    "default profile '" + defaultProfile() + "' is not among "
                            + new TreeSet<>(profiles().keySet())));
        }
        for (int i = 0; i < selectors().size(); i++) {
            ProfileSelector s = selectors().get(i);
            if (!profiles().containsKey(s.profile())) {
                violations.add(Violation.of(
                        "selectors[" + i + "].profile",
                        "UNKNOWN_PROFILE",
                        "selector " + i + " chooses profile '" + s.profile() + "', which is not among "
                                + new TreeSet<>(profiles().keySet())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoutingProfiles}. */
    public static class Builder extends ImmutableRoutingProfiles.Builder {}
}
