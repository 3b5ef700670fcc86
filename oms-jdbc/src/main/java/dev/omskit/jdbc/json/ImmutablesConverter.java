package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.core.error.InternalException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An Immutables value (an abstract class or interface with a static {@code builder()}) as an object of
 * its attributes; read through its builder, whose {@code build()} validates.
 *
 * <p>The attributes and their order come from the generated {@code Immutable<Name>} class: Immutables
 * emits one final instance field per stored attribute, in attribute order (inherited accessors, e.g. of
 * {@code OrderDocument}, included), and the JVM reports declared fields in class-file order. The
 * annotations ({@code @Value.Default} ...) are not kept at run time, so they are not used: a field is an
 * attribute when the abstract type has a public no-argument accessor of its name and the builder a
 * one-argument setter of its name. That leaves out what the builder does not take: {@code @Value.Lazy}
 * (transient fields, computed on first use), {@code @Value.Derived} (computed at construction, no setter),
 * and the generated bookkeeping fields ({@code initShim}, hash caches).
 *
 * <p>An attribute is required on read when its accessor is abstract and it is not an optional, a
 * collection or a map; the others (those and {@code @Value.Default}s, whose accessor is not abstract) may
 * be absent and then keep the builder's default.
 */
final class ImmutablesConverter implements ModelConverter {
    private record Attribute(
            String name, Method accessor, Type type, Lazy converter, Method setter, boolean required) {}

    private final Class<?> type;
    private final Method builder;
    private final Method build;
    private final List<Attribute> attributes;

    ImmutablesConverter(Codec codec, Class<?> type) {
        this.type = type;
        try {
            builder = type.getDeclaredMethod("builder");
            builder.setAccessible(true);
            build = builder.getReturnType().getMethod("build");
            build.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("the codec cannot use the builder of " + type.getName(), e);
        }
        Class<?> generated = generatedClass(type, builder.getReturnType());
        List<Attribute> found = new ArrayList<>();
        for (Field field : generated.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                continue;
            }
            Method accessor = accessor(type, field.getName());
            if (accessor == null) {
                continue;
            }
            Type attributeType = Types.normalize(accessor.getGenericReturnType());
            Method setter = setter(builder.getReturnType(), field.getName(), Types.raw(attributeType));
            if (setter == null) {
                continue;
            }
            boolean required =
                    Modifier.isAbstract(accessor.getModifiers()) && !hasEmptyDefault(Types.raw(attributeType));
            found.add(new Attribute(
                    field.getName(), accessor, attributeType, new Lazy(codec, attributeType), setter, required));
        }
        this.attributes = List.copyOf(found);
    }

    /** The names of the attributes, in the order they are written. */
    List<String> attributeNames() {
        return attributes.stream().map(Attribute::name).toList();
    }

    @Override
    public Class<?> type() {
        return type;
    }

    @Override
    public boolean writesObject() {
        return true;
    }

    @Override
    public JsonNode write(Object value, Path path) {
        if (!type.isInstance(value)) {
            throw Failures.cannotWrite(value.getClass(), path, "not a " + type.getName());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Attribute a : attributes) {
            Object v;
            try {
                v = a.accessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw Failures.unwrap(e, type, path, "read an attribute of");
            }
            Converter c = a.converter().get();
            if (v != null && !c.omits(v)) {
                out.set(a.name(), c.write(v, path.field(a.name())));
            }
        }
        return out;
    }

    @Override
    public Object read(JsonNode node, Path path) {
        if (!node.isObject()) {
            throw Failures.wrongShape(type, path, "an object", node);
        }
        Records.checkClassTag((ObjectNode) node, type, path);
        Object b;
        try {
            b = builder.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw Failures.unwrap(e, type, path, "start a builder of");
        }
        for (Attribute a : attributes) {
            JsonNode field = node.get(a.name());
            Path at = path.field(a.name());
            if (field == null || field.isNull()) {
                if (a.required()) {
                    throw Failures.missing(at, a.type());
                }
                continue;
            }
            Object v = a.converter().get().read(field, at);
            try {
                a.setter().invoke(b, v);
            } catch (ReflectiveOperationException e) {
                throw Failures.unwrap(e, type, at, "set an attribute of");
            }
        }
        try {
            return build.invoke(b);
        } catch (ReflectiveOperationException e) {
            throw Failures.unwrap(e, type, path, "build");
        }
    }

    @Override
    public List<Type> parts() {
        return attributes.stream().map(Attribute::type).toList();
    }

    /** Whether the builder starts an attribute of this type empty (so it may be left unset). */
    private static boolean hasEmptyDefault(Class<?> raw) {
        return raw == Optional.class
                || raw == OptionalInt.class
                || raw == OptionalLong.class
                || raw == OptionalDouble.class
                || Collection.class.isAssignableFrom(raw)
                || Map.class.isAssignableFrom(raw);
    }

    /** The class Immutables generated for {@code type}: the one enclosing a superclass of its builder. */
    private static Class<?> generatedClass(Class<?> type, Class<?> builderClass) {
        for (Class<?> k = builderClass; k != null && k != Object.class; k = k.getSuperclass()) {
            Class<?> enclosing = k.getEnclosingClass();
            if (enclosing != null
                    && enclosing != type
                    && type.isAssignableFrom(enclosing)
                    && !Types.isAbstract(enclosing)) {
                return enclosing;
            }
        }
        String name = type.getPackageName() + ".Immutable" + type.getSimpleName();
        try {
            Class<?> c = Class.forName(name, false, type.getClassLoader());
            if (type.isAssignableFrom(c)) {
                return c;
            }
        } catch (ClassNotFoundException e) {
            // reported below
        }
        throw new InternalException("the codec cannot find the class Immutables generated for " + type.getName());
    }

    private static Method accessor(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class) {
                return null;
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * The builder's setter of attribute {@code name} for a value of {@code raw}: the one-argument method of
     * that name whose parameter takes the whole value (the {@code Optional} overload for an optional, the
     * {@code Iterable} one for a collection, the {@code Map} one for a map).
     */
    private static Method setter(Class<?> builderClass, String name, Class<?> raw) {
        Class<?> boxed = Types.boxed(raw);
        Method chosen = Arrays.stream(builderClass.getMethods())
                .filter(m -> m.getName().equals(name)
                        && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers())
                        && !m.isBridge())
                .filter(m -> {
                    Class<?> p = m.getParameterTypes()[0];
                    return p.isPrimitive() ? Types.boxed(p) == boxed : p.isAssignableFrom(boxed);
                })
                // Normally exactly one matches; should several, the exact one, then a stable choice.
                .min(Comparator.<Method>comparingInt(m -> Types.boxed(m.getParameterTypes()[0]) == boxed ? 0 : 1)
                        .thenComparing(m -> m.getParameterTypes()[0].getName())
                        .thenComparing(m -> m.getDeclaringClass().getName()))
                .orElse(null);
        if (chosen != null) {
            chosen.setAccessible(true);
        }
        return chosen;
    }
}
