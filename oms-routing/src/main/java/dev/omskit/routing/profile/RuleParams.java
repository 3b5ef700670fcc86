package dev.omskit.routing.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.routing.rule.RateTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of one rule entry of a profile document ({@code {rule: max-distance, km: 300}}), read by
 * the rule's factory in the {@link RuleRegistry}. Every getter checks the value's type and range and
 * throws an {@link InvalidArgumentException} whose violation names the document path and the bad value,
 * for example {@code profiles.web.filters[3].km: must be a positive number; was -5 [OUT_OF_RANGE]}.
 *
 * <p>No key passes silently: {@link #allowOnly} rejects every key the rule does not know, naming the known
 * ones; and when a factory returns, each key it never read is reported as {@code UNKNOWN_FIELD}. Location
 * ids read through {@link #locations} or {@link #locationKey} are checked against the known locations when
 * the loader {@linkplain ProfileLoader#validateLocations validates locations}.
 *
 * <p>Absent keys and {@code null} values are the same. Numbers must be written as numbers, not strings;
 * enum values are matched ignoring case, with {@code -} read as {@code _}.
 *
 * <p>Not thread-safe: one instance serves one factory call during one load.
 */
public final class RuleParams {
    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal MIN_INT = BigDecimal.valueOf(Integer.MIN_VALUE);

    private final String rule;
    private final boolean entry;
    private final String path;
    private final ObjectNode node;
    private final LoadContext context;
    private final Set<String> reserved;
    private final Set<String> read = new HashSet<>();
    private final List<RuleParams> children = new ArrayList<>();

    private RuleParams(
            String rule, boolean entry, String path, ObjectNode node, LoadContext context, Set<String> reserved) {
        this.rule = rule;
        this.entry = entry;
        this.path = path;
        this.node = node;
        this.context = context;
        this.reserved = reserved;
    }

    /** The document root. */
    static RuleParams root(ObjectNode node, LoadContext context) {
        return new RuleParams("", false, "", node, context, Set.of());
    }

    /**
     * The parameters of a rule entry at {@code path}; {@code reserved} keys (such as {@code rule} and a
     * ranker's {@code weight}) belong to the loader and are neither parameters nor unknown.
     */
    static RuleParams entry(String rule, String path, ObjectNode node, LoadContext context, Set<String> reserved) {
        return new RuleParams(rule, true, path, node, context, reserved);
    }

    /** Parameters of a bare rule name: none. */
    static RuleParams empty(String rule, String path, LoadContext context) {
        return entry(rule, path, JsonNodeFactory.instance.objectNode(), context, Set.of());
    }

    /** The rule these parameters are for, for example {@code max-distance}; empty for document sections. */
    public String rule() {
        return rule;
    }

    /** The document path of these parameters, for example {@code profiles.web.filters[3]}. */
    public String path() {
        return path;
    }

    /** The document path of {@code key}, for example {@code profiles.web.filters[3].km}. */
    public String path(String key) {
        return Paths.key(path, key);
    }

    /** Whether {@code key} is given (and not {@code null}). Counts as reading the key. */
    public boolean has(String key) {
        return value(key) != null;
    }

    /** The keys given, in document order. Listing them reads none. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!reserved.contains(k)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /**
     * Rejects every key other than these (and the loader's own, such as {@code rule}) with one violation
     * per unknown key, code {@code UNKNOWN_FIELD}, naming the known keys and the closest one.
     */
    public void allowOnly(String... keys) {
        LoadContext.throwIfAny(unknownKeys(Arrays.asList(keys)));
    }

    /** A required text value (a number is taken as its text); not blank. */
    public String string(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw required(key);
        }
        return text(path(key), v);
    }

    /** An optional text value; see {@link #string}. */
    public Optional<String> optionalString(String key) {
        JsonNode v = value(key);
        return v == null ? Optional.empty() : Optional.of(text(path(key), v));
    }

    /** A required number. */
    public double number(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw required(key);
        }
        return decimal(path(key), v).doubleValue();
    }

    /** A number, {@code defaultValue} when absent. */
    public double number(String key, double defaultValue) {
        JsonNode v = value(key);
        return v == null ? defaultValue : decimal(path(key), v).doubleValue();
    }

    /** A required number greater than 0. */
    public double positiveNumber(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw required(key);
        }
        return positive(key, v);
    }

    /** A number greater than 0, {@code defaultValue} when absent. */
    public double positiveNumber(String key, double defaultValue) {
        JsonNode v = value(key);
        return v == null ? defaultValue : positive(key, v);
    }

    /** An optional number greater than 0. */
    public OptionalDouble optionalPositiveNumber(String key) {
        JsonNode v = value(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(positive(key, v));
    }

    /** A number of 0 or more, {@code defaultValue} when absent. */
    public double nonNegativeNumber(String key, double defaultValue) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        BigDecimal d = decimal(path(key), v);
        if (d.signum() < 0) {
            throw problem(key, "OUT_OF_RANGE", "must be 0 or more; was " + show(v));
        }
        return d.doubleValue();
    }

    /** A whole number, {@code defaultValue} when absent. */
    public int integer(String key, int defaultValue) {
        JsonNode v = value(key);
        return v == null ? defaultValue : whole(path(key), v);
    }

    /** A required whole number greater than 0. */
    public int positiveInteger(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw required(key);
        }
        return positiveWhole(key, v);
    }

    /** A whole number greater than 0, {@code defaultValue} when absent. */
    public int positiveInteger(String key, int defaultValue) {
        JsonNode v = value(key);
        return v == null ? defaultValue : positiveWhole(key, v);
    }

    /** An optional whole number of 0 or more. */
    public OptionalInt optionalNonNegativeInteger(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return OptionalInt.empty();
        }
        int n = whole(path(key), v);
        if (n < 0) {
            throw problem(key, "OUT_OF_RANGE", "must be 0 or more; was " + show(v));
        }
        return OptionalInt.of(n);
    }

    /** A required amount of 0 or more in {@code currency}, written as a number. */
    public Money money(String key, Currency currency) {
        return optionalMoney(key, currency).orElseThrow(() -> required(key));
    }

    /** An optional amount of 0 or more in {@code currency}, written as a number. */
    public Optional<Money> optionalMoney(String key, Currency currency) {
        JsonNode v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        BigDecimal amount = decimal(path(key), v);
        if (amount.signum() < 0) {
            throw problem(key, "OUT_OF_RANGE", "a price must be 0 or more; was " + show(v));
        }
        try {
            return Optional.of(Money.of(amount, currency));
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), path(key), "amount"));
        }
    }

    /** A boolean, {@code defaultValue} when absent. */
    public boolean bool(String key, boolean defaultValue) {
        JsonNode v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw problem(key, "WRONG_TYPE", "must be true or false; was " + show(v));
        }
        return v.booleanValue();
    }

    /** An optional ISO-8601 instant with an offset, such as {@code 2026-11-01T00:00:00Z} or {@code ...+07:00}. */
    public Optional<Instant> optionalInstant(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.asText().trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw problem(
                    key,
                    "NOT_A_TIMESTAMP",
                    "must be an ISO-8601 date and time with an offset such as 2026-11-01T00:00:00Z; was " + show(v));
        }
    }

    /** A required enum value, matched ignoring case ({@code -} as {@code _}). */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        JsonNode v = value(key);
        if (v == null) {
            throw required(key);
        }
        return enumOf(path(key), v, type);
    }

    /** An enum value, {@code defaultValue} when absent. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        JsonNode v = value(key);
        return v == null ? defaultValue : enumOf(path(key), v, type);
    }

    /** The key itself read as an enum value (for maps keyed by an enum, such as product flags). */
    public <E extends Enum<E>> E enumKey(String key, Class<E> type) {
        read.add(key);
        return enumOf(path(key), JsonNodeFactory.instance.textNode(key), type);
    }

    /** A list of text values; empty when absent. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        List<JsonNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String at = Paths.index(path(key), i);
            JsonNode item = items.get(i);
            LoadContext.attempt(problems, () -> text(at, item)).ifPresent(out::add);
        }
        LoadContext.throwIfAny(problems);
        return out;
    }

    /** A list of enum values; empty when absent. */
    public <E extends Enum<E>> List<E> enums(String key, Class<E> type) {
        List<E> out = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        List<JsonNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String at = Paths.index(path(key), i);
            JsonNode item = items.get(i);
            LoadContext.attempt(problems, () -> enumOf(at, item, type)).ifPresent(out::add);
        }
        LoadContext.throwIfAny(problems);
        return out;
    }

    /**
     * A list of location ids; empty when absent. Each is checked against the known locations when the
     * loader validates locations.
     */
    public Set<LocationId> locations(String key) {
        Set<LocationId> out = new LinkedHashSet<>();
        List<Violation> problems = new ArrayList<>();
        List<JsonNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String at = Paths.index(path(key), i);
            JsonNode item = items.get(i);
            LoadContext.attempt(problems, () -> locationId(at, text(at, item))).ifPresent(out::add);
        }
        LoadContext.throwIfAny(problems);
        return out;
    }

    /** The key itself read as a location id (for maps keyed by location, such as capacities). */
    public LocationId locationKey(String key) {
        read.add(key);
        return locationId(path(key), key);
    }

    /** A map of text values (numbers and booleans taken as their text); empty when absent. */
    public Map<String, String> stringMap(String key) {
        RuleParams map = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        for (String k : map.keys()) {
            JsonNode v = map.value(k);
            if (v == null) {
                continue;
            }
            if (v.isValueNode()) {
                out.put(k, v.asText());
            } else {
                problems.add(Violation.of(map.path(k), "WRONG_TYPE", "must be a text value; was " + show(v)));
            }
        }
        LoadContext.throwIfAny(problems);
        return out;
    }

    /** A nested object; an empty one when absent. */
    public RuleParams object(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return child(path(key), JsonNodeFactory.instance.objectNode());
        }
        if (!v.isObject()) {
            throw problem(key, "WRONG_TYPE", "must be an object (key: value pairs); was " + show(v));
        }
        return child(path(key), (ObjectNode) v);
    }

    /** A list of nested objects; empty when absent. */
    public List<RuleParams> objects(String key) {
        List<RuleParams> out = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        List<JsonNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String at = Paths.index(path(key), i);
            JsonNode item = items.get(i);
            if (item.isObject()) {
                out.add(child(at, (ObjectNode) item));
            } else {
                problems.add(Violation.of(at, "WRONG_TYPE", "must be an object (key: value pairs); was " + show(item)));
            }
        }
        LoadContext.throwIfAny(problems);
        return out;
    }

    /**
     * A required rate table: the name of one defined under the document's top-level {@code rateTables}
     * ({@code UNKNOWN_RATE_TABLE} when there is none by that name), or a rate table written in place.
     */
    public RateTable rateTable(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw required(key);
        }
        if (v.isTextual()) {
            String name = v.asText();
            RateTable table = context.rateTables.get(name);
            if (table != null) {
                return table;
            }
            if (context.declaredRateTables.contains(name)) {
                throw new LoadContext.AlreadyReported("rate table '" + name + "'");
            }
            Set<String> known = new TreeSet<>(context.declaredRateTables);
            throw problem(
                    key,
                    "UNKNOWN_RATE_TABLE",
                    "unknown rate table '" + name + "'" + Paths.didYouMean(name, known)
                            + (known.isEmpty() ? "; the document defines no rateTables" : "; defined: " + known));
        }
        if (v.isObject()) {
            return RateTableReader.read(child(path(key), (ObjectNode) v), "rateTable");
        }
        throw problem(key, "WRONG_TYPE", "must name a rate table or define one; was " + show(v));
    }

    /** Violations for the keys not among {@code allowed} (nor reserved); they count as read afterwards. */
    List<Violation> unknownKeys(Collection<String> allowed) {
        Set<String> known = new TreeSet<>(allowed);
        reserved.stream().filter(k -> !k.equals("rule")).forEach(known::add);
        List<Violation> out = new ArrayList<>();
        for (String k : keys()) {
            if (allowed.contains(k)) {
                continue;
            }
            read.add(k);
            String message;
            if (entry && known.isEmpty()) {
                message = "rule '" + rule + "' takes no parameters; was given '" + k + "'";
            } else if (entry) {
                message = "rule '" + rule + "' has no parameter '" + k + "'" + Paths.didYouMean(k, known) + "; known: "
                        + known;
            } else {
                message = "unknown field '" + k + "'" + Paths.didYouMean(k, known) + "; known: " + known;
            }
            out.add(Violation.of(path(k), "UNKNOWN_FIELD", message));
        }
        return out;
    }

    /** Adds a violation for every key the factory never read, here and in the objects it read. */
    void reportUnread(List<Violation> sink) {
        for (String k : keys()) {
            if (!read.contains(k)) {
                sink.add(Violation.of(
                        path(k),
                        "UNKNOWN_FIELD",
                        "rule '" + rule + "' does not read '" + k + "'; it read " + new TreeSet<>(readKeys())));
            }
        }
        children.forEach(c -> c.reportUnread(sink));
    }

    private Set<String> readKeys() {
        Set<String> keys = new TreeSet<>(read);
        keys.removeAll(reserved);
        return keys;
    }

    private RuleParams child(String childPath, ObjectNode childNode) {
        RuleParams c = new RuleParams(rule, false, childPath, childNode, context, Set.of());
        children.add(c);
        return c;
    }

    private JsonNode value(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** The raw elements of the list at {@code key}; empty when absent. */
    List<JsonNode> nodes(String key) {
        return list(key);
    }

    private List<JsonNode> list(String key) {
        JsonNode v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw problem(key, "WRONG_TYPE", "must be a list; was " + show(v));
        }
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private LocationId locationId(String at, String id) {
        LocationId location;
        try {
            location = LocationId.of(id);
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), at, null));
        }
        context.locationNamed(at, location);
        return location;
    }

    private double positive(String key, JsonNode v) {
        BigDecimal d = decimal(path(key), v);
        if (d.signum() <= 0) {
            throw problem(key, "OUT_OF_RANGE", "must be a positive number; was " + show(v));
        }
        return d.doubleValue();
    }

    private int positiveWhole(String key, JsonNode v) {
        int n = whole(path(key), v);
        if (n <= 0) {
            throw problem(key, "OUT_OF_RANGE", "must be a positive whole number; was " + show(v));
        }
        return n;
    }

    private static String text(String at, JsonNode v) {
        if (!v.isTextual() && !v.isNumber()) {
            throw InvalidArgumentException.of(at, "WRONG_TYPE", "must be a text value; was " + show(v));
        }
        String s = v.asText();
        if (s.isBlank()) {
            throw InvalidArgumentException.of(at, "REQUIRED", "must not be blank");
        }
        return s;
    }

    private static BigDecimal decimal(String at, JsonNode v) {
        if (!v.isNumber()) {
            throw InvalidArgumentException.of(at, "NOT_A_NUMBER", "must be a number; was " + show(v));
        }
        return v.decimalValue();
    }

    private static int whole(String at, JsonNode v) {
        BigDecimal d = decimal(at, v);
        if (d.stripTrailingZeros().scale() > 0) {
            throw InvalidArgumentException.of(at, "NOT_A_NUMBER", "must be a whole number; was " + show(v));
        }
        if (d.compareTo(MAX_INT) > 0 || d.compareTo(MIN_INT) < 0) {
            throw InvalidArgumentException.of(
                    at, "OUT_OF_RANGE", "must be at most " + Integer.MAX_VALUE + " in size; was " + show(v));
        }
        return d.intValueExact();
    }

    private static <E extends Enum<E>> E enumOf(String at, JsonNode v, Class<E> type) {
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name());
        }
        if (v.isTextual()) {
            String wanted = v.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(wanted)) {
                    return e;
                }
            }
        }
        throw InvalidArgumentException.of(
                at,
                "UNKNOWN_VALUE",
                "unknown " + type.getSimpleName() + " " + show(v)
                        + Paths.didYouMean(v.asText().toUpperCase(Locale.ROOT).replace('-', '_'), allowed)
                        + "; allowed: " + allowed);
    }

    private InvalidArgumentException required(String key) {
        return problem(
                key, "REQUIRED", entry ? "rule '" + rule + "' needs '" + key + "'" : "'" + key + "' is required");
    }

    private InvalidArgumentException problem(String key, String code, String message) {
        return InvalidArgumentException.of(path(key), code, message);
    }

    /** A value as a message shows it: text quoted, anything else as written in JSON. */
    static String show(JsonNode v) {
        return v.isTextual() ? "'" + v.asText() + "'" : v.toString();
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "document" : path) + " " + node;
    }
}
