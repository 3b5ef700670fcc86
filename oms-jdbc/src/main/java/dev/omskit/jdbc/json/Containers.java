package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The converters of optionals, collections, maps and arrays.
 *
 * <p>An empty optional is left out of its object (and read back from an absent field or a JSON null);
 * inside a collection it is a JSON null. Lists keep their order. Sets and maps keep their iteration order
 * where it means something (linked, sorted and enum collections, and the unmodifiable views Immutables
 * builds over linked ones); hash-ordered ones ({@code HashSet}, {@code Set.of}, {@code Map.copyOf} ...)
 * are written sorted by the JSON text of their elements or keys, so the text does not depend on the JVM's
 * hash seed. Reads give unmodifiable collections: a {@code LinkedHashSet} or {@code LinkedHashMap}
 * behind a {@code Set} or {@code Map}, a {@code TreeSet} or {@code TreeMap} behind a sorted one, an
 * {@code EnumSet} or {@code EnumMap} when declared so, and the declared class itself when it is a
 * concrete JDK collection.
 */
final class Containers {
    private Containers() {}

    private static final Set<String> ORDERED_VIEWS = Set.of(
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$SingletonSet",
            "java.util.Collections$EmptyMap",
            "java.util.Collections$EmptySet");

    /** Whether the iteration order of a set or map is meaningful (not the hash table's). */
    static boolean keepsOrder(Object container) {
        int size = container instanceof Collection<?> c ? c.size() : ((Map<?, ?>) container).size();
        return size <= 1
                || container instanceof List
                || container instanceof SortedSet
                || container instanceof SortedMap
                || container instanceof LinkedHashSet
                || container instanceof LinkedHashMap
                || container instanceof EnumSet
                || container instanceof EnumMap
                || ORDERED_VIEWS.contains(container.getClass().getName());
    }

    /** The value of an element or entry that is JSON null. */
    static Object nullValue(Converter c) {
        return c.mayBeAbsent() ? c.absent() : null;
    }

    // ------------------------------------------------------------------------------------ optionals

    /** {@code Optional<T>}. */
    static final class OfOptional implements Converter {
        private final Lazy inner;

        OfOptional(Lazy inner) {
            this.inner = inner;
        }

        @Override
        public JsonNode write(Object value, Path path) {
            Optional<?> o = (Optional<?>) value;
            return o.isPresent() ? inner.get().write(o.get(), path) : NullNode.getInstance();
        }

        @Override
        public Object read(JsonNode node, Path path) {
            return Optional.of(inner.get().read(node, path));
        }

        @Override
        public boolean omits(Object value) {
            return ((Optional<?>) value).isEmpty();
        }

        @Override
        public boolean mayBeAbsent() {
            return true;
        }

        @Override
        public Object absent() {
            return Optional.empty();
        }

        @Override
        public List<Type> parts() {
            return List.of(inner.type());
        }
    }

    /** {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}. */
    static final class OfPrimitiveOptional implements Converter {
        private final Class<?> type;
        private final Converter scalar;

        OfPrimitiveOptional(Class<?> type) {
            this.type = type;
            this.scalar = Scalars.of(
                    type == OptionalInt.class ? int.class : type == OptionalLong.class ? long.class : double.class);
        }

        @Override
        public JsonNode write(Object value, Path path) {
            if (value instanceof OptionalInt i) {
                return i.isPresent() ? IntNode.valueOf(i.getAsInt()) : NullNode.getInstance();
            }
            if (value instanceof OptionalLong l) {
                return l.isPresent() ? LongNode.valueOf(l.getAsLong()) : NullNode.getInstance();
            }
            OptionalDouble d = (OptionalDouble) value;
            return d.isPresent() ? scalar.write(d.getAsDouble(), path) : NullNode.getInstance();
        }

        @Override
        public Object read(JsonNode node, Path path) {
            Object v = scalar.read(node, path);
            if (type == OptionalInt.class) {
                return OptionalInt.of((Integer) v);
            }
            return type == OptionalLong.class ? OptionalLong.of((Long) v) : OptionalDouble.of((Double) v);
        }

        @Override
        public boolean omits(Object value) {
            return absent().equals(value);
        }

        @Override
        public boolean mayBeAbsent() {
            return true;
        }

        @Override
        public Object absent() {
            if (type == OptionalInt.class) {
                return OptionalInt.empty();
            }
            return type == OptionalLong.class ? OptionalLong.empty() : OptionalDouble.empty();
        }
    }

    // ---------------------------------------------------------------------------------- collections

    /** Lists, sets (sorted, enum) and plain collections as JSON arrays. */
    static final class OfCollection implements Converter {
        private enum Kind {
            LIST,
            SET,
            SORTED_SET,
            ENUM_SET
        }

        private final Type type;
        private final Class<?> raw;
        private final Lazy element;
        private final Kind kind;

        private OfCollection(Type type, Class<?> raw, Lazy element, Kind kind) {
            this.type = type;
            this.raw = raw;
            this.element = element;
            this.kind = kind;
        }

        /** The converter of collection type {@code type}, or null when the codec does not cover it. */
        static OfCollection of(Codec codec, Type type, Class<?> raw) {
            Lazy element = new Lazy(codec, Types.argument(type, 0));
            if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
                return new OfCollection(type, raw, element, Kind.LIST);
            }
            if (raw == Set.class || raw == LinkedHashSet.class || raw == HashSet.class) {
                return new OfCollection(type, raw, element, Kind.SET);
            }
            if (raw == SortedSet.class || raw == NavigableSet.class || raw == TreeSet.class) {
                return new OfCollection(type, raw, element, Kind.SORTED_SET);
            }
            if (raw == EnumSet.class && Types.raw(element.type()).isEnum()) {
                return new OfCollection(type, raw, element, Kind.ENUM_SET);
            }
            return null;
        }

        @Override
        public JsonNode write(Object value, Path path) {
            Collection<?> c = (Collection<?>) value;
            List<JsonNode> nodes = new ArrayList<>(c.size());
            int i = 0;
            Converter e = element.get();
            for (Object item : c) {
                nodes.add(item == null ? NullNode.getInstance() : e.write(item, path.element(i)));
                i++;
            }
            if (kind != Kind.LIST && !keepsOrder(c)) {
                nodes.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode(nodes.size());
            out.addAll(nodes);
            return out;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(JsonNode node, Path path) {
            if (!node.isArray()) {
                throw Failures.wrongShape(type, path, "an array", node);
            }
            Converter e = element.get();
            Collection<Object> out =
                    switch (kind) {
                        case LIST -> new ArrayList<>(node.size());
                        case SET -> raw == HashSet.class ? new HashSet<>() : new LinkedHashSet<>();
                        case SORTED_SET -> new TreeSet<>();
                        case ENUM_SET -> (Collection) EnumSet.noneOf((Class) Types.raw(element.type()));
                    };
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                Path at = path.element(i);
                Object v = item.isNull() ? nullValue(e) : e.read(item, at);
                boolean added;
                try {
                    added = out.add(v);
                } catch (ClassCastException | NullPointerException ex) {
                    throw Failures.cannotRead(type, at, "the element cannot be in this collection");
                }
                if (!added) {
                    throw Failures.cannotRead(type, at, "the element is there twice");
                }
            }
            if (raw == ArrayList.class
                    || raw == LinkedHashSet.class
                    || raw == HashSet.class
                    || raw == TreeSet.class
                    || raw == EnumSet.class) {
                return out;
            }
            return switch (kind) {
                case LIST -> Collections.unmodifiableList((List<Object>) out);
                case SET -> Collections.unmodifiableSet((Set<Object>) out);
                case SORTED_SET -> Collections.unmodifiableNavigableSet((NavigableSet<Object>) out);
                case ENUM_SET -> out;
            };
        }

        @Override
        public List<Type> parts() {
            return List.of(element.type());
        }
    }

    /** Arrays as JSON arrays. */
    static final class OfArray implements Converter {
        private final Type type;
        private final Class<?> component;
        private final Lazy element;

        OfArray(Codec codec, Type type) {
            this.type = type;
            Type componentType = Types.component(type);
            this.component = Types.raw(componentType);
            this.element = new Lazy(codec, componentType);
        }

        @Override
        public JsonNode write(Object value, Path path) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            Converter e = element.get();
            for (int i = 0; i < Array.getLength(value); i++) {
                Object item = Array.get(value, i);
                out.add(item == null ? NullNode.getInstance() : e.write(item, path.element(i)));
            }
            return out;
        }

        @Override
        public Object read(JsonNode node, Path path) {
            if (!node.isArray()) {
                throw Failures.wrongShape(type, path, "an array", node);
            }
            Converter e = element.get();
            Object out = Array.newInstance(component, node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                Path at = path.element(i);
                if (item.isNull() && component.isPrimitive()) {
                    throw Failures.wrongShape(component, at, "a value", item);
                }
                Array.set(out, i, item.isNull() ? nullValue(e) : e.read(item, at));
            }
            return out;
        }

        @Override
        public List<Type> parts() {
            return List.of(Types.component(type));
        }
    }

    // ----------------------------------------------------------------------------------------- maps

    /** How map keys become JSON field names and back. */
    interface Key {
        String write(Object key, Path path);

        Object read(String name, Path path);
    }

    /** Maps as JSON objects, keys as field names. */
    static final class OfMap implements Converter {
        private enum Kind {
            MAP,
            SORTED_MAP,
            ENUM_MAP
        }

        private final Type type;
        private final Class<?> raw;
        private final Key key;
        private final Lazy value;
        private final Kind kind;

        private OfMap(Type type, Class<?> raw, Key key, Lazy value, Kind kind) {
            this.type = type;
            this.raw = raw;
            this.key = key;
            this.value = value;
            this.kind = kind;
        }

        /** The converter of map type {@code type} with keys {@code key}, or null when the codec does not cover it. */
        static OfMap of(Codec codec, Type type, Class<?> raw, Key key) {
            Lazy value = new Lazy(codec, Types.argument(type, 1));
            if (raw == Map.class || raw == LinkedHashMap.class || raw == HashMap.class) {
                return new OfMap(type, raw, key, value, Kind.MAP);
            }
            if (raw == SortedMap.class || raw == NavigableMap.class || raw == TreeMap.class) {
                return new OfMap(type, raw, key, value, Kind.SORTED_MAP);
            }
            if (raw == EnumMap.class && Types.raw(Types.argument(type, 0)).isEnum()) {
                return new OfMap(type, raw, key, value, Kind.ENUM_MAP);
            }
            return null;
        }

        @Override
        public JsonNode write(Object v, Path path) {
            Map<?, ?> map = (Map<?, ?>) v;
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(map.size());
            Converter c = value.get();
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Path at = path.entry(i++);
                if (e.getKey() == null) {
                    throw Failures.cannotWrite(type, at, "a map key is null");
                }
                entries.add(new AbstractMap.SimpleImmutableEntry<>(
                        key.write(e.getKey(), at),
                        e.getValue() == null ? NullNode.getInstance() : c.write(e.getValue(), at)));
            }
            if (!keepsOrder(map)) {
                entries.sort(Map.Entry.comparingByKey());
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : entries) {
                if (out.has(e.getKey())) {
                    throw Failures.cannotWrite(type, path, "two keys of the map have the same text");
                }
                out.set(e.getKey(), e.getValue());
            }
            return out;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(JsonNode node, Path path) {
            if (!node.isObject()) {
                throw Failures.wrongShape(type, path, "an object", node);
            }
            Converter c = value.get();
            Map<Object, Object> out =
                    switch (kind) {
                        case MAP -> raw == HashMap.class ? new HashMap<>() : new LinkedHashMap<>();
                        case SORTED_MAP -> new TreeMap<>();
                        case ENUM_MAP -> new EnumMap(Types.raw(Types.argument(type, 0)));
                    };
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            int i = 0;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                Path at = path.entry(i++);
                Object k = key.read(f.getKey(), at);
                Object v = f.getValue().isNull() ? nullValue(c) : c.read(f.getValue(), at);
                boolean seen;
                try {
                    seen = out.containsKey(k);
                } catch (ClassCastException | NullPointerException e) {
                    throw Failures.cannotRead(type, at, "the key cannot be in this map");
                }
                if (seen) {
                    throw Failures.cannotRead(type, at, "the key is there twice");
                }
                out.put(k, v);
            }
            if (raw == LinkedHashMap.class || raw == HashMap.class || raw == TreeMap.class || raw == EnumMap.class) {
                return out;
            }
            return kind == Kind.MAP
                    ? Collections.unmodifiableMap(out)
                    : Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) out);
        }

        @Override
        public List<Type> parts() {
            return List.of(Types.argument(type, 0), value.type());
        }
    }
}
