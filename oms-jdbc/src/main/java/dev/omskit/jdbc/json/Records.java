package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.omskit.core.error.InternalException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/** The converters of records: as objects of their components, or as a bare string for a record of one string. */
final class Records {
    private Records() {}

    /** Whether {@code type} is a record with exactly one component, of type {@code String}. */
    static boolean isStringRecord(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components != null && components.length == 1 && components[0].getType() == String.class;
    }

    private static Constructor<?> canonical(Class<?> type) {
        Class<?>[] parameters = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("the codec cannot use the canonical constructor of " + type.getName(), e);
        }
    }

    private static Method accessor(RecordComponent component) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
        } catch (RuntimeException e) {
            throw new InternalException("the codec cannot use the accessor " + accessor, e);
        }
        return accessor;
    }

    /** Checks that an {@code @class} in {@code node}, if any, names {@code type}. */
    static void checkClassTag(ObjectNode node, Class<?> type, Path path) {
        JsonNode tag = node.get(Codec.CLASS_TAG);
        if (tag != null && !(tag.isTextual() && tag.textValue().equals(type.getName()))) {
            throw Failures.cannotRead(type, path.field(Codec.CLASS_TAG), "@class names another type");
        }
    }

    /** A record as an object of its components, in declaration order; read through the canonical constructor. */
    static final class ObjectRecord implements ModelConverter {
        private final Class<?> type;
        private final String[] names;
        private final Method[] accessors;
        private final Type[] types;
        private final boolean[] primitive;
        private final Lazy[] converters;
        private final Constructor<?> constructor;

        ObjectRecord(Codec codec, Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            int n = components.length;
            names = new String[n];
            accessors = new Method[n];
            types = new Type[n];
            primitive = new boolean[n];
            converters = new Lazy[n];
            for (int i = 0; i < n; i++) {
                names[i] = components[i].getName();
                accessors[i] = accessor(components[i]);
                types[i] = Types.normalize(components[i].getGenericType());
                primitive[i] = components[i].getType().isPrimitive();
                converters[i] = new Lazy(codec, types[i]);
            }
            constructor = canonical(type);
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
            for (int i = 0; i < names.length; i++) {
                Object v;
                try {
                    v = accessors[i].invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw Failures.unwrap(e, type, path, "read a component of");
                }
                Path at = path.field(names[i]);
                Converter c = converters[i].get();
                if (v == null) {
                    out.putNull(names[i]);
                } else if (!c.omits(v)) {
                    out.set(names[i], c.write(v, at));
                }
            }
            return out;
        }

        @Override
        public Object read(JsonNode node, Path path) {
            if (!node.isObject()) {
                throw Failures.wrongShape(type, path, "an object", node);
            }
            checkClassTag((ObjectNode) node, type, path);
            Object[] args = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                JsonNode field = node.get(names[i]);
                Path at = path.field(names[i]);
                Converter c = converters[i].get();
                if (field == null || field.isNull()) {
                    if (c.mayBeAbsent()) {
                        args[i] = c.absent();
                    } else if (field == null) {
                        throw Failures.missing(at, types[i]);
                    } else if (primitive[i]) {
                        throw Failures.wrongShape(types[i], at, "a value", field);
                    }
                } else {
                    args[i] = c.read(field, at);
                }
            }
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw Failures.unwrap(e, type, path, "create");
            }
        }

        @Override
        public List<Type> parts() {
            return List.of(types);
        }
    }

    /** A record of one string (an id, a state, a trigger) as the bare string; usable as a map key. */
    static final class StringRecord implements ModelConverter {
        private final Class<?> type;
        private final String name;
        private final Method accessor;
        private final Constructor<?> constructor;

        StringRecord(Class<?> type) {
            this.type = type;
            RecordComponent component = type.getRecordComponents()[0];
            this.name = component.getName();
            this.accessor = accessor(component);
            this.constructor = canonical(type);
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
            return name;
        }

        /** The string of {@code value}. */
        String text(Object value, Path path) {
            if (!type.isInstance(value)) {
                throw Failures.cannotWrite(value.getClass(), path, "not a " + type.getName());
            }
            Object s;
            try {
                s = accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw Failures.unwrap(e, type, path, "read the string of");
            }
            if (s == null) {
                throw Failures.cannotWrite(type, path, "its string is null");
            }
            return (String) s;
        }

        /** The record of {@code text}; the constructor validates it. */
        Object of(String text, Path path) {
            try {
                return constructor.newInstance(text);
            } catch (ReflectiveOperationException e) {
                throw Failures.unwrap(e, type, path, "create");
            }
        }

        @Override
        public JsonNode write(Object value, Path path) {
            return TextNode.valueOf(text(value, path));
        }

        @Override
        public Object read(JsonNode node, Path path) {
            if (!node.isTextual()) {
                throw Failures.wrongShape(type, path, "a string", node);
            }
            return of(node.textValue(), path);
        }

        @Override
        public List<Type> parts() {
            return List.of(String.class);
        }
    }
}
