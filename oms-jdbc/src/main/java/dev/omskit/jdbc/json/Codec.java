package dev.omskit.jdbc.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.order.Order;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.StoreCredit;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.spi.IdempotencyRecord;
import dev.omskit.core.spi.OutboxEntry;
import dev.omskit.core.support.Checks;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON for the omskit values the PostgreSQL stores keep: orders, order and document events, order
 * documents, idempotency records, outbox entries and inventory records. It reads the core types by
 * reflection (core has no Jackson annotations and gets none) and writes compact JSON through Jackson's
 * tree model; the same value always gives the same text.
 *
 * <h2>Shapes</h2>
 *
 * <ul>
 *   <li><b>Records</b>: an object of their components in declaration order, read through the canonical
 *       constructor (which validates). A record of exactly one {@code String} component ({@code OrderId},
 *       {@code Sku}, {@code State} ...) is the bare string, and may be a map key. A component that is null
 *       is written as JSON {@code null} and read back as null.
 *   <li><b>Immutables values</b> (an abstract class or interface with a static no-argument {@code
 *       builder()}): an object of their attributes in attribute order, read through the builder, whose
 *       {@code build()} validates. Computed attributes ({@code @Value.Lazy}, {@code @Value.Derived}) are
 *       not written. See {@link ImmutablesConverter} for how the attributes are found.
 *   <li><b>Sealed types</b> ({@code OrderEvent}, {@code OrderEvent.Change}): {@code {"@type": "<name of
 *       the permitted subclass relative to the sealed type, nested names joined with .>", ...its fields}}.
 *       Tags are checked unique per sealed type when the codec is created.
 *   <li><b>Other interfaces and abstract classes</b> ({@code OmsEvent}, {@code OrderDocument}), and {@code Object}:
 *       {@code {"@class": "<binary name of the model type>", ...its fields}}, the model type of an
 *       Immutables value being its abstract type, never the generated class. On read only classes under
 *       {@code dev.omskit.} are accepted, and they are looked up without being initialised.
 *   <li><b>Scalars</b>: strings, booleans and numbers as JSON ones; {@code BigDecimal} and {@code
 *       BigInteger} as JSON strings ({@code toPlainString}, so the scale is kept; scientific for a negative
 *       scale); {@code Instant}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code
 *       OffsetDateTime}, {@code ZonedDateTime}, {@code Duration}, {@code Period} as ISO-8601 strings
 *       (nanoseconds kept); {@code ZoneId} by id, {@code Currency} by code, {@code UUID}, enums by name,
 *       {@code Class} by binary name (omskit classes only on read).
 *   <li><b>Optionals</b> ({@code Optional}, {@code OptionalInt} ...): an empty one is left out of its
 *       object, and an absent field or JSON null reads as empty. <b>Collections, maps, arrays</b>: see
 *       {@link Containers}. Map keys may be strings, enums, records of one string, integers and longs.
 * </ul>
 *
 * <p>Fields that the Java type does not have are ignored on read (a value stored before an attribute was
 * removed still reads). {@link #write(Object)} puts {@code "@class"} first in the object of an omskit
 * value, so that its text reads back as its own type or as any supertype ({@code OrderEvent}, {@code
 * OmsEvent}, {@code OrderDocument}, {@code Object}); {@link #write(Object, Type)} writes the compact form
 * of a declared type, as nested values are written.
 *
 * <h2>Errors</h2>
 *
 * A type the codec does not cover is an {@link InternalException} {@code the codec cannot write <type> at
 * <path>}; {@link #create()} already refuses to start when a stored core type reaches one. Text that is
 * not JSON, a missing required field, a wrong JSON type, an unknown {@code @type} or an {@code @class}
 * outside omskit is an {@link InternalException} naming the JSON path ({@code $.lines[0].sku}; map
 * entries by position, {@code {2}}) and the Java type, never quoting a value: stored data holds buyers'
 * details. A stored value that no longer validates throws what its constructor or builder throws (an
 * {@code InvalidArgumentException}).
 *
 * <p>Thread-safe; the metadata of each type is built once and cached.
 */
public final class Codec {
    static final String TYPE_TAG = "@type";
    static final String CLASS_TAG = "@class";
    static final String MODEL_PACKAGE = "dev.omskit.";

    /** The core types the stores keep; {@link #create()} checks that the codec covers all they reach. */
    static final List<Type> STORED = List.of(
            Order.class,
            OrderEvent.class,
            DocumentEvent.class,
            OmsEvent.class,
            OrderDocument.class,
            FulfilmentRequest.class,
            Shipment.class,
            Invoice.class,
            ReturnRequest.class,
            Refund.class,
            StoreCredit.class,
            Claim.class,
            IdempotencyRecord.class,
            OutboxEntry.class,
            Reservation.class,
            Transfer.class,
            PurchaseOrder.class,
            Backorder.class,
            LedgerEntry.class,
            Location.class,
            Product.class,
            StockLevel.class);

    private static final ClassValue<Boolean> IMMUTABLES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return isImmutablesType(c);
        }
    };

    private static final ClassValue<Class<?>> MODEL_TYPE = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> c) {
            return findModelType(c);
        }
    };

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Map<Type, Converter> converters = new ConcurrentHashMap<>();

    private Codec() {}

    /**
     * A codec; checks that it covers every type the stored core types reach (an {@link InternalException}
     * naming the first it does not) and that the type tags of every sealed hierarchy among them are
     * unique.
     */
    public static Codec create() {
        Codec codec = new Codec();
        for (Type root : STORED) {
            List<String> uncovered = codec.uncovered(root);
            if (!uncovered.isEmpty()) {
                throw new InternalException("the codec cannot write " + uncovered.get(0));
            }
        }
        return codec;
    }

    /**
     * The compact JSON of {@code value} as its own type; an omskit value written as an object starts with
     * {@code "@class"}, so the text reads back as the value's type or any of its supertypes. The same value
     * gives the same text.
     */
    public String write(Object value) {
        Checks.notNull("value", value);
        Class<?> type = declaredTypeOf(value.getClass());
        Converter converter = converter(type);
        JsonNode node;
        if (converter instanceof ModelConverter model
                && model.writesObject()
                && type.getName().startsWith(MODEL_PACKAGE)) {
            ObjectNode tagged = JsonNodeFactory.instance.objectNode();
            tagged.put(CLASS_TAG, type.getName());
            tagged.setAll(model.writeObject(value, Path.ROOT));
            node = tagged;
        } else {
            node = converter.write(value, Path.ROOT);
        }
        return text(node);
    }

    /**
     * The compact JSON of {@code value} as a value of the declared {@code type} (e.g. {@code OrderEvent} for
     * {@code {"@type": "OrderCaptured", ...}}, {@code Order} for the order's attributes alone), as the
     * codec writes nested values.
     */
    public String write(Object value, Type type) {
        Checks.notNull("value", value);
        Checks.notNull("type", type);
        return text(converter(Types.normalize(type)).write(value, Path.ROOT));
    }

    /** The value of {@code json} as {@code type}: a record, an Immutables abstract type, a sealed interface ... */
    public <T> T read(String json, Class<T> type) {
        Checks.notNull("type", type);
        @SuppressWarnings("unchecked")
        Class<T> boxed = (Class<T>) Types.boxed(type);
        return boxed.cast(read(json, (Type) type));
    }

    /** The value of {@code json} as {@code type}, which may be generic, e.g. {@code List<OrderEvent>}. */
    public Object read(String json, Type type) {
        Checks.notNull("json", json);
        Checks.notNull("type", type);
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the text: only the place is kept.
            JsonLocation at = e.getLocation();
            throw new InternalException("the stored text is not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; expected " + type.getTypeName() + " at " + Path.ROOT);
        }
        if (node == null || node.isMissingNode()) {
            throw new InternalException(
                    "the stored text is not JSON (it is empty); expected " + type.getTypeName() + " at " + Path.ROOT);
        }
        if (node.isNull()) {
            throw Failures.wrongShape(type, Path.ROOT, "a value", node);
        }
        return converter(Types.normalize(type)).read(node, Path.ROOT);
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new InternalException("the codec could not print a JSON tree", e);
        }
    }

    // ------------------------------------------------------------------------------------ metadata

    /** The converter of {@code type} (a class or a parameterized type), created once. */
    Converter converter(Type type) {
        Converter c = converters.get(type);
        if (c == null) {
            c = create(type);
            Converter raced = converters.putIfAbsent(type, c);
            if (raced != null) {
                c = raced;
            }
        }
        return c;
    }

    /** The converter of model type {@code model}, which must write an object form. */
    ModelConverter modelConverter(Class<?> model, Path path) {
        if (converter(model) instanceof ModelConverter m) {
            return m;
        }
        throw Failures.cannotWrite(model, path, "it cannot stand behind a type tag");
    }

    /**
     * The model class an {@code @class} field names, checked: a string, under {@code dev.omskit.}, a class
     * that exists (looked up without initialising it), a subtype of {@code base}, and a model type.
     */
    Class<?> classOf(JsonNode tag, Class<?> base, Path path) {
        if (tag == null || !tag.isTextual()) {
            throw Failures.wrongShape(base, path, "a string", tag);
        }
        Class<?> c = loadModelClass(tag.textValue(), base, path);
        if (modelType(c) != c || !(converter(c) instanceof ModelConverter)) {
            throw Failures.cannotRead(base, path, "@class names a class that is not an omskit value type");
        }
        return c;
    }

    private Class<?> loadModelClass(String name, Class<?> base, Path path) {
        if (!name.startsWith(MODEL_PACKAGE)) {
            throw Failures.cannotRead(base, path, "@class names a class outside " + MODEL_PACKAGE + "*");
        }
        Class<?> c;
        try {
            ClassLoader loader = base.getClassLoader() != null ? base.getClassLoader() : Codec.class.getClassLoader();
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw Failures.cannotRead(base, path, "@class names no class");
        }
        if (!base.isAssignableFrom(c)) {
            throw Failures.cannotRead(base, path, "@class names a class that is not a " + base.getName());
        }
        return c;
    }

    /**
     * The types reachable from {@code root} that the codec does not cover, each with the chain of types
     * it was reached through; empty when the codec covers everything.
     */
    List<String> uncovered(Type root) {
        List<String> out = new ArrayList<>();
        walk(Types.normalize(root), Types.raw(root).getSimpleName(), new HashSet<>(), out);
        return out;
    }

    private void walk(Type type, String chain, Set<Type> seen, List<String> out) {
        if (!seen.add(type)) {
            return;
        }
        Converter c = converter(type);
        if (!c.supported()) {
            out.add(type.getTypeName() + " (reached through " + chain + ")");
            return;
        }
        for (Type part : c.parts()) {
            walk(part, chain + " > " + Types.raw(part).getSimpleName(), seen, out);
        }
    }

    private Converter create(Type type) {
        Class<?> raw = Types.raw(type);
        Converter scalar = Scalars.of(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw == Object.class) {
            return new Tagged.Polymorphic(this, Object.class);
        }
        if (raw == Class.class) {
            return new OfClass(Types.raw(Types.argument(type, 0)));
        }
        if (raw.isEnum()) {
            return new OfEnum(raw);
        }
        if (raw == Optional.class) {
            return new Containers.OfOptional(new Lazy(this, Types.argument(type, 0)));
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
            return new Containers.OfPrimitiveOptional(raw);
        }
        if (raw.isArray()) {
            return new Containers.OfArray(this, type);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Class<?> keyType = Types.raw(Types.argument(type, 0));
            Containers.Key key = key(keyType);
            Containers.OfMap map = key == null ? null : Containers.OfMap.of(this, type, raw, key);
            return map != null ? map : new Unsupported(type);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Containers.OfCollection collection = Containers.OfCollection.of(this, type, raw);
            return collection != null ? collection : new Unsupported(type);
        }
        if (raw.isRecord()) {
            return Records.isStringRecord(raw) ? new Records.StringRecord(raw) : new Records.ObjectRecord(this, raw);
        }
        if (isImmutables(raw)) {
            return new ImmutablesConverter(this, raw);
        }
        if (raw.isSealed()) {
            return new Tagged.Sealed(this, raw);
        }
        if (Types.isAbstract(raw) && !raw.isPrimitive() && !raw.isArray()) {
            return new Tagged.Polymorphic(this, raw);
        }
        return new Unsupported(type);
    }

    private Containers.Key key(Class<?> keyType) {
        if (keyType == String.class) {
            return new Containers.Key() {
                @Override
                public String write(Object key, Path path) {
                    return (String) key;
                }

                @Override
                public Object read(String name, Path path) {
                    return name;
                }
            };
        }
        if (keyType.isEnum() || keyType.isRecord() && Records.isStringRecord(keyType)) {
            Converter c = converter(keyType);
            return new Containers.Key() {
                @Override
                public String write(Object key, Path path) {
                    return c.write(key, path).textValue();
                }

                @Override
                public Object read(String name, Path path) {
                    return c.read(TextNode.valueOf(name), path);
                }
            };
        }
        if (keyType == Integer.class || keyType == Long.class) {
            return new Containers.Key() {
                @Override
                public String write(Object key, Path path) {
                    return key.toString();
                }

                @Override
                public Object read(String name, Path path) {
                    try {
                        return keyType == Integer.class ? (Object) Integer.valueOf(name) : (Object) Long.valueOf(name);
                    } catch (NumberFormatException e) {
                        throw Failures.cannotRead(keyType, path, "the key is not an integer");
                    }
                }
            };
        }
        return null;
    }

    // ---------------------------------------------------------------------------------- model types

    /**
     * The type a value of class {@code c} is written as: {@code List}, {@code Set} or {@code Map} (of
     * values written with {@code @class}) for a collection or a map, the enum of a constant with a body,
     * the abstract type of a generated Immutables class, a scalar supertype ({@code ZoneId} for a {@code
     * ZoneRegion}), else the class itself.
     */
    static Class<?> declaredTypeOf(Class<?> c) {
        if (java.util.SortedMap.class.isAssignableFrom(c)) {
            return java.util.SortedMap.class;
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.class;
        }
        if (java.util.SortedSet.class.isAssignableFrom(c)) {
            return java.util.SortedSet.class;
        }
        if (Set.class.isAssignableFrom(c)) {
            return Set.class;
        }
        if (Collection.class.isAssignableFrom(c)) {
            return List.class;
        }
        Class<?> model = modelType(c);
        if (model != c) {
            return model;
        }
        Class<?> scalar = Scalars.scalarTypeOf(c);
        return scalar != null ? scalar : c;
    }

    /** The model type of class {@code c}: its enum, its Immutables abstract type, or itself. */
    static Class<?> modelType(Class<?> c) {
        return MODEL_TYPE.get(c);
    }

    private static Class<?> findModelType(Class<?> c) {
        if (c.isEnum() || c.isRecord() || IMMUTABLES.get(c)) {
            return c;
        }
        if (c.getSuperclass() != null && c.getSuperclass().isEnum()) {
            return c.getSuperclass();
        }
        for (Class<?> s = c.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            if (IMMUTABLES.get(s)) {
                return s;
            }
        }
        for (Class<?> i : c.getInterfaces()) {
            if (IMMUTABLES.get(i)) {
                return i;
            }
        }
        return c;
    }

    /** Whether {@code c} is an Immutables abstract type: abstract, with a public static {@code builder()}. */
    static boolean isImmutables(Class<?> c) {
        return IMMUTABLES.get(c);
    }

    private static boolean isImmutablesType(Class<?> c) {
        if (!Types.isAbstract(c) || c.isPrimitive() || c.isArray()) {
            return false;
        }
        try {
            Method builder = c.getDeclaredMethod("builder");
            int m = builder.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isPublic(m)) {
                return false;
            }
            Method build = builder.getReturnType().getMethod("build");
            return c.isAssignableFrom(build.getReturnType())
                    || build.getReturnType().isAssignableFrom(c);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // -------------------------------------------------------------------------------- small converters

    /** An enum by the name of its constant. */
    private static final class OfEnum implements ModelConverter {
        private final Class<?> type;

        OfEnum(Class<?> type) {
            this.type = type;
        }

        @Override
        public Class<?> type() {
            return type;
        }

        @Override
        public boolean writesObject() {
            return false;
        }

        @Override
        public String wrapperField() {
            return "name";
        }

        @Override
        public JsonNode write(Object value, Path path) {
            if (!type.isInstance(value)) {
                throw Failures.cannotWrite(value.getClass(), path, "not a " + type.getName());
            }
            return TextNode.valueOf(((Enum<?>) value).name());
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object read(JsonNode node, Path path) {
            if (!node.isTextual()) {
                throw Failures.wrongShape(type, path, "a string", node);
            }
            try {
                return Enum.valueOf((Class) type, node.textValue());
            } catch (IllegalArgumentException e) {
                throw Failures.cannotRead(type, path, "the string is not one of its constants");
            }
        }
    }

    /** A class by its binary name; on read only omskit classes of the declared bound. */
    private final class OfClass implements Converter {
        private final Class<?> bound;

        OfClass(Class<?> bound) {
            this.bound = bound;
        }

        @Override
        public JsonNode write(Object value, Path path) {
            return TextNode.valueOf(((Class<?>) value).getName());
        }

        @Override
        public Object read(JsonNode node, Path path) {
            if (!node.isTextual()) {
                throw Failures.wrongShape(Class.class, path, "a string", node);
            }
            return loadModelClass(node.textValue(), bound, path);
        }
    }

    /** The stand-in of a type the codec does not cover: it fails naming the type and the path. */
    private static final class Unsupported implements Converter {
        private final Type type;

        Unsupported(Type type) {
            this.type = type;
        }

        @Override
        public JsonNode write(Object value, Path path) {
            throw Failures.cannotWrite(type, path);
        }

        @Override
        public Object read(JsonNode node, Path path) {
            throw Failures.cannotRead(type, path, "the codec does not cover this type");
        }

        @Override
        public boolean supported() {
            return false;
        }
    }
}
