package dev.omskit.routing.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.rule.Filter;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Ranker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link RoutingProfiles} from a JSON or YAML document, resolving rule names through a {@link
 * RuleRegistry}. The document:
 *
 * <pre>{@code
 * defaultProfile: web                  # required when there is more than one profile
 * rateTables:                          # optional; named rate tables that shipping-cost rankers refer to
 *   standard: {currency: VND, dimensionalDivisor: 6000, zones: [...]}
 * profiles:                            # required, at least one; the key is the profile's name
 *   web:
 *     strategy: MINIMISE_SHIPMENTS     # SINGLE_LOCATION | MINIMISE_SHIPMENTS (default)
 *     fulfilment: SHIP_AVAILABLE       # SHIP_COMPLETE | SHIP_AVAILABLE (default)
 *     scoring: LEXICOGRAPHIC           # LEXICOGRAPHIC (default) | WEIGHTED
 *     maxShipments: 2                  # default 3
 *     splitLines: true                 # default true
 *     searchBudget: 20000              # default 20000
 *     filters: [active, delivery, {rule: max-distance, km: 300}, has-stock]    # required, [] for none
 *     rankers: [{rule: distance, tieBucket: 10}, priority]                    # required, [] for none
 *     capacity: {WH-HCM: {units: 500, packages: 200}}                          # optional, per location id
 * selectors:                           # optional; tried in order, the first that matches chooses
 *   - {profile: marketplace, channels: [shopee-vn], effectiveFrom: 2026-11-01T00:00:00Z}
 * }</pre>
 *
 * <p>A filter or ranker entry is a bare rule name or an object with {@code rule} and the rule's parameters;
 * a ranker entry may also carry {@code weight} (default 1, for weighted scoring) and {@code tieBucket}
 * (default 0, for lexicographic ranking). A selector has {@code profile} and any of {@code channels},
 * {@code channelKinds}, {@code orderTypes}, {@code deliveryMethods}, {@code attributes} (a map), {@code
 * effectiveFrom} (inclusive) and {@code effectiveUntil} (exclusive) as ISO-8601 instants. The guide {@code
 * docs/guides/routing.md} lists every built-in rule with its parameters.
 *
 * <p>Nothing is ignored and nothing stops at the first problem: a document with problems throws one {@link
 * InvalidArgumentException} whose {@link InvalidArgumentException#violations() violations} list every
 * one, each with its document path ({@code profiles.web.rankers[1].weight}), a code ({@code UNKNOWN_RULE},
 * {@code UNKNOWN_FIELD}, {@code NOT_A_NUMBER}, {@code OUT_OF_RANGE}, {@code UNKNOWN_VALUE}, {@code
 * UNKNOWN_PROFILE}, {@code UNKNOWN_RATE_TABLE}, {@code UNKNOWN_LOCATION}, {@code REQUIRED}, {@code
 * WRONG_TYPE}, {@code MALFORMED} for a document that does not parse, with its line and column, and the
 * codes of the engine's own checks such as {@code NOT_ASCENDING}) and a message naming the bad value.
 * Duplicate keys and YAML aliases are {@code MALFORMED}.
 *
 * <p>Immutable and thread-safe; a loader may be shared. An input that cannot be read throws {@link
 * UncheckedIOException}.
 */
public final class ProfileLoader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final List<String> DOCUMENT_KEYS = List.of("defaultProfile", "rateTables", "profiles", "selectors");
    private static final List<String> PROFILE_KEYS = List.of(
            "strategy",
            "fulfilment",
            "scoring",
            "maxShipments",
            "splitLines",
            "searchBudget",
            "filters",
            "rankers",
            "capacity");
    private static final List<String> SELECTOR_KEYS = List.of(
            "profile",
            "channels",
            "channelKinds",
            "orderTypes",
            "deliveryMethods",
            "attributes",
            "effectiveFrom",
            "effectiveUntil");
    private static final Set<String> FILTER_RESERVED = Set.of("rule");
    private static final Set<String> RANKER_RESERVED = Set.of("rule", "weight", "tieBucket");

    private final RuleRegistry registry;
    private final Optional<Set<LocationId>> knownLocations;

    private ProfileLoader(RuleRegistry registry, Optional<Set<LocationId>> knownLocations) {
        this.registry = registry;
        this.knownLocations = knownLocations;
    }

    /** A loader that knows the built-in rules ({@link RuleRegistry#defaults()}). */
    public static ProfileLoader defaults() {
        return with(RuleRegistry.defaults());
    }

    /** A loader that resolves rule names through {@code registry}. */
    public static ProfileLoader with(RuleRegistry registry) {
        if (registry == null) {
            throw InvalidArgumentException.of("registry", "REQUIRED", "a profile loader needs a rule registry");
        }
        return new ProfileLoader(registry, Optional.empty());
    }

    /**
     * This loader, also rejecting every location id the document names (capacities, SKU policy locations,
     * channel location lists, and whatever custom rules read as locations) that is not among {@code known},
     * with {@code UNKNOWN_LOCATION} at the path where it is named.
     */
    public ProfileLoader validateLocations(Collection<Location> known) {
        Set<LocationId> ids = new LinkedHashSet<>();
        known.forEach(l -> ids.add(l.id()));
        return new ProfileLoader(registry, Optional.of(Set.copyOf(ids)));
    }

    /** The profiles in a JSON document. */
    public RoutingProfiles fromJson(String json) {
        return load(Format.JSON, json, "the document");
    }

    /** The profiles in a JSON document read from {@code in} (UTF-8); the stream is not closed. */
    public RoutingProfiles fromJson(InputStream in) {
        return load(Format.JSON, readAll(in), "the document");
    }

    /** The profiles in a JSON file (UTF-8). */
    public RoutingProfiles fromJson(Path file) {
        return load(Format.JSON, readAll(file), String.valueOf(file.getFileName()));
    }

    /** The profiles in a YAML document. */
    public RoutingProfiles fromYaml(String yaml) {
        return load(Format.YAML, yaml, "the document");
    }

    /** The profiles in a YAML document read from {@code in} (UTF-8); the stream is not closed. */
    public RoutingProfiles fromYaml(InputStream in) {
        return load(Format.YAML, readAll(in), "the document");
    }

    /** The profiles in a YAML file (UTF-8). */
    public RoutingProfiles fromYaml(Path file) {
        return load(Format.YAML, readAll(file), String.valueOf(file.getFileName()));
    }

    @Override
    public String toString() {
        return "ProfileLoader{" + registry
                + knownLocations.map(k -> ", " + k.size() + " known locations").orElse("") + "}";
    }

    private enum Format {
        JSON,
        YAML
    }

    private RoutingProfiles load(Format format, String text, String source) {
        if (text == null) {
            throw InvalidArgumentException.of("document", "REQUIRED", "no " + format + " document was given");
        }
        return read(parse(format, text, source));
    }

    private static JsonNode parse(Format format, String text, String source) {
        try {
            if (format == Format.YAML) {
                rejectAliases(text, source);
                return YAML.readTree(text);
            }
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(format, source, e.getLocation(), firstLine(e.getOriginalMessage()));
        }
    }

    /** Jackson reads a YAML alias as the anchor's name; rather than load that silently, it is refused. */
    private static void rejectAliases(String text, String source) throws JsonProcessingException {
        try (JsonParser parser = YAML.createParser(text)) {
            YAMLParser yaml = (YAMLParser) parser;
            while (yaml.nextToken() != null) {
                if (yaml.isCurrentAlias()) {
                    throw malformed(
                            Format.YAML,
                            source,
                            yaml.currentTokenLocation(),
                            "YAML aliases (*" + yaml.getText() + ") are not supported; write the value out");
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidArgumentException malformed(Format format, String source, JsonLocation location, String why) {
        String where = location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return InvalidArgumentException.of(
                "document", "MALFORMED", source + " is not valid " + format + where + ": " + why);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static String readAll(InputStream in) {
        if (in == null) {
            throw InvalidArgumentException.of("document", "REQUIRED", "no input stream was given");
        }
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the profile document", e);
        }
    }

    private static String readAll(Path file) {
        if (file == null) {
            throw InvalidArgumentException.of("document", "REQUIRED", "no file was given");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the profile document " + file, e);
        }
    }

    private RoutingProfiles read(JsonNode root) {
        ObjectNode object;
        if (root == null || root.isMissingNode() || root.isNull()) {
            object = JsonNodeFactory.instance.objectNode();
        } else if (root.isObject()) {
            object = (ObjectNode) root;
        } else {
            throw InvalidArgumentException.of(
                    "document",
                    "WRONG_TYPE",
                    "a profile document is an object with 'profiles'; was " + root.getNodeType());
        }
        LoadContext context = new LoadContext(knownLocations);
        List<Violation> out = context.violations;
        RuleParams doc = RuleParams.root(object, context);
        out.addAll(doc.unknownKeys(DOCUMENT_KEYS));

        readRateTables(doc, context);

        Set<String> declared = new LinkedHashSet<>();
        Map<String, RoutingProfile> profiles = new LinkedHashMap<>();
        if (!doc.has("profiles")) {
            out.add(Violation.of("profiles", "REQUIRED", "a profile document needs 'profiles', at least one"));
        }
        LoadContext.attempt(out, () -> doc.object("profiles")).ifPresent(section -> {
            declared.addAll(section.keys());
            if (doc.has("profiles") && declared.isEmpty()) {
                out.add(Violation.of("profiles", "REQUIRED", "a profile document needs at least one profile"));
            }
            for (String name : declared) {
                LoadContext.attempt(out, () -> section.object(name))
                        .flatMap(p -> profile(name, p, context))
                        .ifPresent(p -> profiles.put(name, p));
            }
        });

        Optional<String> defaultProfile = defaultProfile(doc, declared, out);

        List<ProfileSelector> selectors = new ArrayList<>();
        LoadContext.attempt(out, () -> doc.objects("selectors")).ifPresent(list -> {
            for (RuleParams s : list) {
                selector(s, declared, out).ifPresent(selectors::add);
            }
        });

        LoadContext.throwIfAny(out);
        try {
            return RoutingProfiles.builder()
                    .profiles(profiles)
                    .selectors(selectors)
                    .defaultProfile(defaultProfile.orElseThrow())
                    .build();
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), "", null));
        }
    }

    private static void readRateTables(RuleParams doc, LoadContext context) {
        LoadContext.attempt(context.violations, () -> doc.object("rateTables")).ifPresent(section -> {
            context.declaredRateTables.addAll(section.keys());
            for (String name : section.keys()) {
                LoadContext.attempt(context.violations, () -> RateTableReader.read(section.object(name), "rateTable"))
                        .ifPresent(table -> context.rateTables.put(name, table));
            }
        });
    }

    private static Optional<String> defaultProfile(RuleParams doc, Set<String> declared, List<Violation> out) {
        if (doc.has("defaultProfile")) {
            Optional<String> name = LoadContext.attempt(out, () -> doc.string("defaultProfile"));
            if (name.isPresent() && !declared.contains(name.get())) {
                out.add(unknownProfile("defaultProfile", name.get(), declared));
                return Optional.empty();
            }
            return name;
        }
        if (declared.size() == 1) {
            return Optional.of(declared.iterator().next());
        }
        if (declared.size() > 1) {
            out.add(Violation.of(
                    "defaultProfile",
                    "REQUIRED",
                    "with more than one profile the document needs 'defaultProfile', one of "
                            + new TreeSet<>(declared)));
        }
        return Optional.empty();
    }

    private static Violation unknownProfile(String path, String name, Set<String> declared) {
        Set<String> known = new TreeSet<>(declared);
        return Violation.of(
                path,
                "UNKNOWN_PROFILE",
                "unknown profile '" + name + "'" + Paths.didYouMean(name, known) + "; defined: " + known);
    }

    private Optional<RoutingProfile> profile(String name, RuleParams p, LoadContext context) {
        List<Violation> out = context.violations;
        int before = out.size();
        if (name.isBlank()) {
            out.add(Violation.of(p.path(), "REQUIRED", "a profile needs a non-blank name"));
            return Optional.empty();
        }
        out.addAll(p.unknownKeys(PROFILE_KEYS));
        RoutingProfile.Builder b = RoutingProfile.builder().name(name);
        if (p.has("strategy")) {
            LoadContext.attempt(out, () -> b.strategy(p.enumValue("strategy", Strategy.class)));
        }
        if (p.has("fulfilment")) {
            LoadContext.attempt(out, () -> b.fulfilment(p.enumValue("fulfilment", Fulfilment.class)));
        }
        if (p.has("scoring")) {
            LoadContext.attempt(out, () -> b.scoring(p.enumValue("scoring", Scoring.class)));
        }
        if (p.has("maxShipments")) {
            LoadContext.attempt(out, () -> b.maxShipments(p.integer("maxShipments", 0)));
        }
        if (p.has("splitLines")) {
            LoadContext.attempt(out, () -> b.splitLines(p.bool("splitLines", true)));
        }
        if (p.has("searchBudget")) {
            LoadContext.attempt(out, () -> b.searchBudget(p.integer("searchBudget", 0)));
        }

        String what = "profile '" + name + "'";
        if (!p.has("filters")) {
            out.add(Violation.of(p.path("filters"), "REQUIRED", what + " needs 'filters' (a list, [] for none)"));
        }
        LoadContext.attempt(out, () -> p.nodes("filters")).ifPresent(entries -> {
            for (int i = 0; i < entries.size(); i++) {
                filter(Paths.index(p.path("filters"), i), entries.get(i), context)
                        .ifPresent(b::addFilters);
            }
        });

        if (!p.has("rankers")) {
            out.add(Violation.of(p.path("rankers"), "REQUIRED", what + " needs 'rankers' (a list, [] for none)"));
        }
        List<RankStep> rankers = new ArrayList<>();
        boolean[] rankersFailed = {false};
        LoadContext.attempt(out, () -> p.nodes("rankers")).ifPresent(entries -> {
            for (int i = 0; i < entries.size(); i++) {
                Optional<RankStep> step = ranker(Paths.index(p.path("rankers"), i), entries.get(i), context);
                step.ifPresent(rankers::add);
                rankersFailed[0] |= step.isEmpty();
            }
        });
        if (!rankersFailed[0]) {
            b.rankers(rankers);
        }

        LoadContext.attempt(out, () -> p.object("capacity")).ifPresent(section -> {
            for (String location : section.keys()) {
                Optional<LocationId> id = LoadContext.attempt(out, () -> section.locationKey(location));
                Optional<DailyCapacity> capacity = LoadContext.attempt(out, () -> capacity(section.object(location)));
                if (id.isPresent() && capacity.isPresent()) {
                    b.putCapacity(id.get(), capacity.get());
                }
            }
        });

        Optional<RoutingProfile> profile = LoadContext.attempt(out, () -> {
            try {
                return b.build();
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(Paths.rebase(e.violations(), p.path(), "profiles[" + name + "]"));
            }
        });
        return out.size() > before ? Optional.empty() : profile;
    }

    private static DailyCapacity capacity(RuleParams c) {
        List<Violation> problems = new ArrayList<>(c.unknownKeys(List.of("units", "packages")));
        Optional<OptionalInt> units = LoadContext.attempt(problems, () -> c.optionalNonNegativeInteger("units"));
        Optional<OptionalInt> packages = LoadContext.attempt(problems, () -> c.optionalNonNegativeInteger("packages"));
        LoadContext.throwIfAny(problems);
        try {
            return new DailyCapacity(units.orElseThrow(), packages.orElseThrow());
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), c.path(), "capacity"));
        }
    }

    private Optional<Filter> filter(String at, JsonNode entry, LoadContext context) {
        return params("filter", at, entry, FILTER_RESERVED, context).flatMap(params -> {
            Optional<RuleRegistry.RuleFactory<? extends Filter>> factory = registry.filter(params.rule());
            if (factory.isEmpty()) {
                context.violations.add(unknownRule(
                        "filter",
                        params,
                        entry.isObject(),
                        registry.filterNames(),
                        registry.ranker(params.rule()).isPresent()));
                return Optional.empty();
            }
            return create(factory.get(), params, context.violations);
        });
    }

    private Optional<RankStep> ranker(String at, JsonNode entry, LoadContext context) {
        List<Violation> out = context.violations;
        return params("ranker", at, entry, RANKER_RESERVED, context).flatMap(params -> {
            int before = out.size();
            Optional<Double> weight = LoadContext.attempt(out, () -> params.nonNegativeNumber("weight", 1));
            Optional<Double> tieBucket = LoadContext.attempt(out, () -> params.nonNegativeNumber("tieBucket", 0));
            Optional<RuleRegistry.RuleFactory<? extends Ranker>> factory = registry.ranker(params.rule());
            if (factory.isEmpty()) {
                out.add(unknownRule(
                        "ranker",
                        params,
                        entry.isObject(),
                        registry.rankerNames(),
                        registry.filter(params.rule()).isPresent()));
                return Optional.empty();
            }
            Optional<? extends Ranker> ranker = create(factory.get(), params, out);
            if (ranker.isEmpty() || out.size() > before) {
                return Optional.empty();
            }
            return LoadContext.attempt(out, () -> {
                try {
                    return new RankStep(ranker.get(), weight.orElseThrow(), tieBucket.orElseThrow());
                } catch (InvalidArgumentException e) {
                    throw new InvalidArgumentException(Paths.rebase(e.violations(), params.path(), null));
                }
            });
        });
    }

    /** The parameters of an entry: a bare name, or an object with {@code rule}; empty (reported) otherwise. */
    private static Optional<RuleParams> params(
            String kind, String at, JsonNode entry, Set<String> reserved, LoadContext context) {
        if (entry.isTextual() && !entry.asText().isBlank()) {
            return Optional.of(RuleParams.empty(entry.asText().strip(), at, context));
        }
        if (entry.isObject()) {
            JsonNode rule = entry.get("rule");
            if (rule == null || rule.isNull()) {
                context.violations.add(Violation.of(
                        Paths.key(at, "rule"),
                        "REQUIRED",
                        "a " + kind + " entry needs 'rule', the " + kind + "'s name"));
                return Optional.empty();
            }
            if (!rule.isTextual() || rule.asText().isBlank()) {
                context.violations.add(Violation.of(
                        Paths.key(at, "rule"),
                        "WRONG_TYPE",
                        "must be the name of a " + kind + "; was " + RuleParams.show(rule)));
                return Optional.empty();
            }
            return Optional.of(RuleParams.entry(rule.asText().strip(), at, (ObjectNode) entry, context, reserved));
        }
        context.violations.add(Violation.of(
                at,
                "WRONG_TYPE",
                "must be a " + kind + " name or an object with 'rule' and its parameters; was "
                        + RuleParams.show(entry)));
        return Optional.empty();
    }

    private static Violation unknownRule(
            String kind, RuleParams params, boolean object, Set<String> known, boolean otherKind) {
        String name = params.rule();
        String field = object ? params.path("rule") : params.path();
        String message = otherKind
                ? "'" + name + "' is a " + (kind.equals("filter") ? "ranker" : "filter") + ", not a " + kind
                        + "; known " + kind + "s: " + known
                : "unknown " + kind + " '" + name + "'" + Paths.didYouMean(name, known) + "; known " + kind + "s: "
                        + known;
        return Violation.of(field, "UNKNOWN_RULE", message);
    }

    private static <T> Optional<T> create(
            RuleRegistry.RuleFactory<? extends T> factory, RuleParams params, List<Violation> out) {
        try {
            T rule = factory.create(params);
            if (rule == null) {
                out.add(Violation.of(
                        params.path(),
                        "INVALID",
                        "rule '" + params.rule() + "' built nothing (its factory returned null)"));
                return Optional.empty();
            }
            params.reportUnread(out);
            return Optional.of(rule);
        } catch (InvalidArgumentException e) {
            out.addAll(Paths.rebase(e.violations(), params.path(), null));
        } catch (LoadContext.AlreadyReported e) {
            // the part it depends on is already reported
        } catch (RuntimeException e) {
            out.add(Violation.of(
                    params.path(), "INVALID", "rule '" + params.rule() + "' rejected its parameters: " + e));
        }
        return Optional.empty();
    }

    private static Optional<ProfileSelector> selector(RuleParams s, Set<String> declared, List<Violation> out) {
        int before = out.size();
        out.addAll(s.unknownKeys(SELECTOR_KEYS));
        ProfileSelector.Builder b = ProfileSelector.builder();
        Optional<String> profile = LoadContext.attempt(out, () -> s.string("profile"));
        if (profile.isPresent() && !declared.contains(profile.get())) {
            out.add(unknownProfile(s.path("profile"), profile.get(), declared));
        }
        profile.ifPresent(b::profile);
        LoadContext.attempt(out, () -> {
            List<String> channels = s.strings("channels");
            for (int i = 0; i < channels.size(); i++) {
                try {
                    b.addChannels(ChannelId.of(channels.get(i)));
                } catch (InvalidArgumentException e) {
                    throw new InvalidArgumentException(
                            Paths.rebase(e.violations(), Paths.index(s.path("channels"), i), null));
                }
            }
            return b;
        });
        LoadContext.attempt(out, () -> b.channelKinds(s.enums("channelKinds", ChannelKind.class)));
        LoadContext.attempt(out, () -> b.orderTypes(s.strings("orderTypes")));
        LoadContext.attempt(out, () -> b.deliveryMethods(s.enums("deliveryMethods", DeliveryMethod.class)));
        LoadContext.attempt(out, () -> b.attributes(s.stringMap("attributes")));
        LoadContext.attempt(out, () -> b.effectiveFrom(s.optionalInstant("effectiveFrom")));
        LoadContext.attempt(out, () -> b.effectiveUntil(s.optionalInstant("effectiveUntil")));
        if (out.size() > before) {
            return Optional.empty();
        }
        return LoadContext.attempt(out, () -> {
            try {
                return b.build();
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(
                        Paths.rebase(e.violations(), s.path(), "selectors[" + profile.orElse("") + "]"));
            }
        });
    }
}
