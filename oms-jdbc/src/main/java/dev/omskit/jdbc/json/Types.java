package dev.omskit.jdbc.json;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Map;

/**
 * Small helpers over {@link Type}. Type variables stand for their first bound (the stored omskit types are
 * not generic, except {@code DocumentKind<D extends OrderDocument>}, whose {@code Class<D>} is then a
 * class of some {@code OrderDocument}); wildcards for their upper bound.
 */
final class Types {
    private Types() {}

    /** The class behind {@code type}. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0)
                    .getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        throw new IllegalArgumentException("unknown kind of type " + type.getTypeName());
    }

    /**
     * The type argument {@code index} of {@code type}, as a type the codec caches by: a class or a
     * parameterized type, never a variable or a wildcard; {@code Object} when the type is raw.
     */
    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return normalize(p.getActualTypeArguments()[index]);
        }
        return Object.class;
    }

    /** {@code type} without variables or wildcards at its top. */
    static Type normalize(Type type) {
        if (type instanceof WildcardType w) {
            return normalize(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return normalize(v.getBounds()[0]);
        }
        return type;
    }

    /** The component type of an array type. */
    static Type component(Type type) {
        if (type instanceof GenericArrayType a) {
            return normalize(a.getGenericComponentType());
        }
        return raw(type).getComponentType();
    }

    /** Whether {@code c} is an abstract class or an interface. */
    static boolean isAbstract(Class<?> c) {
        return c.isInterface() || Modifier.isAbstract(c.getModifiers());
    }

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class,
            int.class, Integer.class,
            long.class, Long.class,
            short.class, Short.class,
            byte.class, Byte.class,
            double.class, Double.class,
            float.class, Float.class,
            char.class, Character.class);

    /** The boxed class of a primitive, or {@code c} itself. */
    static Class<?> boxed(Class<?> c) {
        return BOXES.getOrDefault(c, c);
    }
}
