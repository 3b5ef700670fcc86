package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.LineFilter;
import dev.omskit.routing.rule.LocationFilter;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.SkuPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The factories of the built-in rules: what each reads from its document entry. */
final class BuiltInRules {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private BuiltInRules() {}

    static RuleRegistry.Builder register(RuleRegistry.Builder b) {
        b.filter("active", p -> plain(p, Filters.active()));
        b.filter("delivery", p -> plain(p, Filters.delivery()));
        b.filter("capacity", p -> plain(p, Filters.capacity()));
        b.filter("has-stock", p -> plain(p, Filters.hasStock()));
        b.filter("same-country", p -> plain(p, Filters.sameCountry()));
        b.filter("countries", BuiltInRules::countries);
        b.filter("max-distance", p -> {
            p.allowOnly("km");
            return Filters.maxDistanceKm(p.positiveNumber("km"));
        });
        b.filter("channel", BuiltInRules::channel);
        b.filter("sku-restrictions", BuiltInRules::skuRestrictions);
        b.filter("sku-policies", BuiltInRules::skuPolicies);
        b.ranker("distance", p -> plain(p, Rankers.distance()));
        b.ranker("priority", p -> plain(p, Rankers.priority()));
        b.ranker("stock-depth", p -> plain(p, Rankers.stockDepth()));
        b.ranker("shipping-cost", p -> {
            p.allowOnly("rateTable", "defaultGrams");
            List<Violation> problems = new ArrayList<>();
            var table = LoadContext.attempt(problems, () -> p.rateTable("rateTable"));
            var grams = LoadContext.attempt(problems, () -> p.positiveInteger("defaultGrams", 500));
            LoadContext.throwIfAny(problems);
            if (table.isEmpty()) {
                throw new LoadContext.AlreadyReported("the rate table");
            }
            return Rankers.shippingCost(table.get(), grams.orElseThrow());
        });
        b.ranker("location-kind", p -> {
            p.allowOnly("prefer");
            List<LocationKind> prefer = p.enums("prefer", LocationKind.class);
            if (prefer.isEmpty()) {
                throw InvalidArgumentException.of(
                        p.path("prefer"), "REQUIRED", "rule 'location-kind' needs at least one kind to 'prefer'");
            }
            return Rankers.locationKind(prefer);
        });
        return b;
    }

    private static <T> T plain(RuleParams p, T rule) {
        p.allowOnly();
        return rule;
    }

    private static LocationFilter countries(RuleParams p) {
        p.allowOnly("codes");
        List<String> codes = p.strings("codes");
        if (codes.isEmpty()) {
            throw InvalidArgumentException.of(
                    p.path("codes"), "REQUIRED", "rule 'countries' needs at least one ISO country code in 'codes'");
        }
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).trim().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                problems.add(Violation.of(
                        Paths.index(p.path("codes"), i),
                        "UNKNOWN_VALUE",
                        "'" + codes.get(i) + "' is not an ISO 3166 alpha-2 country code (such as VN, TH, SG)"));
            }
        }
        LoadContext.throwIfAny(problems);
        return Filters.countries(new LinkedHashSet<>(codes));
    }

    private static LocationFilter channel(RuleParams p) {
        p.allowOnly("locations", "kinds");
        List<Violation> problems = new ArrayList<>();
        Map<ChannelId, Set<LocationId>> locations = new LinkedHashMap<>();
        Map<ChannelId, Set<LocationKind>> kinds = new LinkedHashMap<>();
        LoadContext.attempt(problems, () -> p.object("locations")).ifPresent(m -> {
            for (String channel : m.keys()) {
                Optional<ChannelId> id = LoadContext.attempt(problems, () -> channelId(m, channel));
                Optional<Set<LocationId>> ids = LoadContext.attempt(problems, () -> m.locations(channel));
                if (id.isPresent() && ids.isPresent()) {
                    locations.put(id.get(), ids.get());
                }
            }
        });
        LoadContext.attempt(problems, () -> p.object("kinds")).ifPresent(m -> {
            for (String channel : m.keys()) {
                Optional<ChannelId> id = LoadContext.attempt(problems, () -> channelId(m, channel));
                Optional<List<LocationKind>> ks =
                        LoadContext.attempt(problems, () -> m.enums(channel, LocationKind.class));
                if (id.isPresent() && ks.isPresent()) {
                    kinds.put(id.get(), ks.get().isEmpty() ? Set.of() : EnumSet.copyOf(ks.get()));
                }
            }
        });
        if (problems.isEmpty() && locations.isEmpty() && kinds.isEmpty()) {
            problems.add(Violation.of(
                    p.path(),
                    "REQUIRED",
                    "rule 'channel' needs 'locations' or 'kinds' per channel id, for example locations: {shopee-vn:"
                            + " [WH-HCM]}"));
        }
        LoadContext.throwIfAny(problems);
        return Filters.channel(locations, kinds);
    }

    private static ChannelId channelId(RuleParams map, String key) {
        try {
            return ChannelId.of(key);
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), map.path(key), null));
        }
    }

    private static LineFilter skuRestrictions(RuleParams p) {
        p.allowOnly("notAt");
        if (!p.has("notAt")) {
            return Filters.skuRestrictions();
        }
        RuleParams notAt = p.object("notAt");
        List<Violation> problems = new ArrayList<>();
        Map<ProductFlag, Set<LocationKind>> map = new EnumMap<>(ProductFlag.class);
        for (String flag : notAt.keys()) {
            Optional<ProductFlag> f = LoadContext.attempt(problems, () -> notAt.enumKey(flag, ProductFlag.class));
            Optional<List<LocationKind>> ks =
                    LoadContext.attempt(problems, () -> notAt.enums(flag, LocationKind.class));
            if (f.isPresent() && ks.isPresent()) {
                map.put(f.get(), ks.get().isEmpty() ? Set.of() : EnumSet.copyOf(ks.get()));
            }
        }
        LoadContext.throwIfAny(problems);
        return Filters.skuRestrictions(map);
    }

    private static LineFilter skuPolicies(RuleParams p) {
        p.allowOnly("policies");
        List<RuleParams> items = p.objects("policies");
        if (items.isEmpty()) {
            throw InvalidArgumentException.of(
                    p.path("policies"), "REQUIRED", "rule 'sku-policies' needs at least one policy in 'policies'");
        }
        List<Violation> problems = new ArrayList<>();
        List<SkuPolicy> policies = new ArrayList<>();
        for (RuleParams item : items) {
            LoadContext.attempt(problems, () -> policy(item)).ifPresent(policies::add);
        }
        LoadContext.throwIfAny(problems);
        return Filters.skuPolicies(policies);
    }

    private static SkuPolicy policy(RuleParams p) {
        List<Violation> problems = new ArrayList<>(p.unknownKeys(
                List.of("name", "skus", "categories", "flags", "lineAttribute", "locations", "workInstructions")));
        SkuPolicy.Builder b = SkuPolicy.builder();
        Optional<String> name = LoadContext.attempt(problems, () -> p.string("name"));
        name.ifPresent(b::name);
        LoadContext.attempt(problems, () -> {
            List<String> skus = p.strings("skus");
            List<Sku> out = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                try {
                    out.add(Sku.of(skus.get(i)));
                } catch (InvalidArgumentException e) {
                    throw new InvalidArgumentException(
                            Paths.rebase(e.violations(), Paths.index(p.path("skus"), i), null));
                }
            }
            return b.skus(out);
        });
        LoadContext.attempt(problems, () -> b.categories(p.strings("categories")));
        LoadContext.attempt(problems, () -> b.flags(p.enums("flags", ProductFlag.class)));
        LoadContext.attempt(problems, () -> b.lineAttribute(p.optionalString("lineAttribute")));
        LoadContext.attempt(problems, () -> b.locations(p.locations("locations")));
        LoadContext.attempt(problems, () -> b.workInstructions(p.optionalString("workInstructions")));
        LoadContext.throwIfAny(problems);
        try {
            return b.build();
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(
                    Paths.rebase(e.violations(), p.path(), "skuPolicies[" + name.get() + "]"));
        }
    }
}
