package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.rule.RateTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one load of a profile document shares while it walks the document: the problems found so far, the
 * rate tables defined at the top level, and the locations the load may name. Lives for one load on one
 * thread.
 */
final class LoadContext {
    /** Every problem found so far, in document order. */
    final List<Violation> violations = new ArrayList<>();
    /** The rate table names the document defines, whether or not they loaded. */
    final Set<String> declaredRateTables = new LinkedHashSet<>();
    /** The rate tables that loaded. */
    final Map<String, RateTable> rateTables = new HashMap<>();

    private final Optional<Set<LocationId>> knownLocations;
    private final Set<String> reportedPaths = new HashSet<>();

    LoadContext(Optional<Set<LocationId>> knownLocations) {
        this.knownLocations = knownLocations;
    }

    /** Records that the document names {@code id} at {@code path}; an unknown location is a violation. */
    void locationNamed(String path, LocationId id) {
        if (knownLocations.isEmpty() || knownLocations.get().contains(id) || !reportedPaths.add(path)) {
            return;
        }
        Set<String> known =
                knownLocations.get().stream().map(LocationId::value).collect(Collectors.toCollection(TreeSet::new));
        String list = known.size() <= 20 ? "; known: " + known : " (" + known.size() + " known locations)";
        violations.add(Violation.of(
                path,
                "UNKNOWN_LOCATION",
                "unknown location '" + id + "'" + Paths.didYouMean(id.value(), known) + list));
    }

    /**
     * Runs {@code step}, adding the violations of an {@link InvalidArgumentException} it throws to {@code
     * sink}; empty when it threw.
     */
    static <T> Optional<T> attempt(List<Violation> sink, Supplier<T> step) {
        try {
            return Optional.ofNullable(step.get());
        } catch (InvalidArgumentException e) {
            sink.addAll(e.violations());
            return Optional.empty();
        } catch (AlreadyReported e) {
            return Optional.empty();
        }
    }

    /** Throws the violations as one {@link InvalidArgumentException} when there are any. */
    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    /**
     * Thrown when a value depends on a part of the document that failed and was already reported (a
     * shipping-cost ranker naming a rate table that did not load), so nothing more is said about it.
     */
    static final class AlreadyReported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyReported(String what) {
            super(what + " was already reported", null, false, false);
        }
    }
}
