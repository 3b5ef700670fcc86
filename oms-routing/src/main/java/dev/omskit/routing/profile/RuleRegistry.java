package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.routing.rule.Filter;
import dev.omskit.routing.rule.Ranker;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules a profile document may name: each name maps to a factory that builds a {@link Filter} or a
 * {@link Ranker} from the entry's {@link RuleParams}. {@link #defaults()} knows every built-in rule; custom
 * rules are added in Java:
 *
 * <pre>{@code
 * RuleRegistry rules = RuleRegistry.builder()
 *         .from(RuleRegistry.defaults())
 *         .filter("max-priority", params -> new MaxPriority(params.positiveInteger("max")))
 *         .ranker("prefer-city", params -> new CityPreference(params.string("city")))
 *         .build();
 * RoutingProfiles profiles = ProfileLoader.with(rules).fromYaml(Path.of("profiles.yaml"));
 * }</pre>
 *
 * <p>Filters and rankers share one namespace: a name is registered once, and registering it again is an
 * {@link InvalidArgumentException} ({@code DUPLICATE_RULE}). A factory reads its parameters through the
 * typed getters of {@link RuleParams}, which name the document path of a bad value; a key it never reads is
 * reported as unknown. The rule it returns should report the same {@link Filter#name() name}, which is what
 * explanations show.
 *
 * <p>Built-in filters: {@code active}, {@code delivery}, {@code capacity}, {@code has-stock}, {@code
 * same-country}, {@code countries} ({@code codes}), {@code max-distance} ({@code km}), {@code channel}
 * ({@code locations} and / or {@code kinds} per channel id), {@code sku-restrictions} (optional {@code notAt}:
 * flag to location kinds), {@code sku-policies} ({@code policies}). Built-in rankers: {@code distance},
 * {@code priority}, {@code shipping-cost} ({@code rateTable}, {@code defaultGrams}), {@code stock-depth},
 * {@code location-kind} ({@code prefer}). The guide {@code docs/guides/routing.md} lists their parameters.
 *
 * <p>Immutable and thread-safe once built; factories must be thread-safe too (they usually are pure).
 */
public final class RuleRegistry {
    private static final RuleRegistry DEFAULTS =
            BuiltInRules.register(builder()).build();

    private final Map<String, RuleFactory<? extends Filter>> filters;
    private final Map<String, RuleFactory<? extends Ranker>> rankers;

    private RuleRegistry(Builder b) {
        this.filters = Collections.unmodifiableMap(new TreeMap<>(b.filters));
        this.rankers = Collections.unmodifiableMap(new TreeMap<>(b.rankers));
    }

    /**
     * Builds a rule from the parameters of one document entry.
     *
     * @param <T> {@link Filter} or {@link Ranker}
     */
    @FunctionalInterface
    public interface RuleFactory<T> {
        /**
         * The rule for these parameters; throws {@link InvalidArgumentException} (the getters of {@link
         * RuleParams} do) when they are wrong.
         */
        T create(RuleParams params);
    }

    /** Every built-in filter and ranker. */
    public static RuleRegistry defaults() {
        return DEFAULTS;
    }

    /** An empty builder; start from {@link #defaults()} with {@link Builder#from}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The filter names, sorted. */
    public Set<String> filterNames() {
        return filters.keySet();
    }

    /** The ranker names, sorted. */
    public Set<String> rankerNames() {
        return rankers.keySet();
    }

    Optional<RuleFactory<? extends Filter>> filter(String name) {
        return Optional.ofNullable(filters.get(name));
    }

    Optional<RuleFactory<? extends Ranker>> ranker(String name) {
        return Optional.ofNullable(rankers.get(name));
    }

    @Override
    public String toString() {
        return "RuleRegistry{filters=" + filters.keySet() + ", rankers=" + rankers.keySet() + "}";
    }

    /** Builds a {@link RuleRegistry}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, RuleFactory<? extends Filter>> filters = new TreeMap<>();
        private final Map<String, RuleFactory<? extends Ranker>> rankers = new TreeMap<>();

        private Builder() {}

        /** Adds every rule of {@code base}; a name already registered here is a {@code DUPLICATE_RULE}. */
        public Builder from(RuleRegistry base) {
            base.filters.forEach(this::filter);
            base.rankers.forEach(this::ranker);
            return this;
        }

        /** Registers a filter under {@code name}. */
        public Builder filter(String name, RuleFactory<? extends Filter> factory) {
            checkNew(name, factory);
            filters.put(name, factory);
            return this;
        }

        /** Registers a ranker under {@code name}. */
        public Builder ranker(String name, RuleFactory<? extends Ranker> factory) {
            checkNew(name, factory);
            rankers.put(name, factory);
            return this;
        }

        public RuleRegistry build() {
            return new RuleRegistry(this);
        }

        private void checkNew(String name, RuleFactory<?> factory) {
            if (name == null || name.isBlank() || !name.strip().equals(name)) {
                throw InvalidArgumentException.of(
                        "name",
                        "INVALID",
                        "a rule name must be non-blank without surrounding spaces; was '" + name + "'");
            }
            if (factory == null) {
                throw InvalidArgumentException.of("factory", "REQUIRED", "rule '" + name + "' needs a factory");
            }
            if (filters.containsKey(name) || rankers.containsKey(name)) {
                throw InvalidArgumentException.of(
                        "name",
                        "DUPLICATE_RULE",
                        "rule '" + name + "' is already registered as a "
                                + (filters.containsKey(name) ? "filter" : "ranker"));
            }
        }
    }
}
