package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.core.error.InternalException;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The converters of declared types whose values are of several classes: a type tag names the class. */
final class Tagged {
    private Tagged() {}

    /**
     * A sealed interface or class: {@code {"@type": "<tag>", ...the subclass's fields}}, the tag being the
     * permitted subclass's name relative to the sealed type (nested names joined with {@code .}, e.g.
     * {@code OrderCaptured} under {@code OrderEvent}); nested sealed types are walked down to their
     * concrete classes. Reads also take {@code @class} naming one of those classes (what {@link
     * Codec#write(Object)} puts at the top).
     */
    static final class Sealed implements Converter {
        private final Codec codec;
        private final Class<?> root;
        private final Map<String, Class<?>> byTag = new LinkedHashMap<>();
        private final Map<Class<?>, String> tags = new LinkedHashMap<>();

        Sealed(Codec codec, Class<?> root) {
            this.codec = codec;
            this.root = root;
            collect(root);
        }

        private void collect(Class<?> parent) {
            for (Class<?> sub : parent.getPermittedSubclasses()) {
                if (!Types.isAbstract(sub)) {
                    String tag = tag(sub);
                    if (byTag.putIfAbsent(tag, sub) != null) {
                        throw new InternalException(
                                "the codec found the type tag '" + tag + "' twice under " + root.getName());
                    }
                    tags.put(sub, tag);
                }
                if (sub.isSealed()) {
                    collect(sub);
                } else if (Types.isAbstract(sub)) {
                    throw new InternalException("the codec cannot write " + root.getName() + ": its subtype "
                            + sub.getName() + " is neither sealed nor concrete");
                }
            }
        }

        private String tag(Class<?> sub) {
            Deque<String> names = new ArrayDeque<>();
            for (Class<?> k = sub; k != null && k != root; k = k.getEnclosingClass()) {
                names.addFirst(k.getSimpleName());
            }
            return String.join(".", names);
        }

        /** The tags and their classes (for tests). */
        Map<String, Class<?>> tags() {
            return Map.copyOf(byTag);
        }

        @Override
        public JsonNode write(Object value, Path path) {
            Class<?> model = Codec.modelType(value.getClass());
            String tag = tags.get(model);
            if (tag == null) {
                throw Failures.cannotWrite(value.getClass(), path, "not a permitted subclass of " + root.getName());
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put(Codec.TYPE_TAG, tag);
            out.setAll(codec.modelConverter(model, path).writeObject(value, path));
            return out;
        }

        @Override
        public Object read(JsonNode node, Path path) {
            if (!node.isObject()) {
                throw Failures.wrongShape(root, path, "an object", node);
            }
            JsonNode tag = node.get(Codec.TYPE_TAG);
            Class<?> sub;
            if (tag != null) {
                if (!tag.isTextual()) {
                    throw Failures.wrongShape(root, path.field(Codec.TYPE_TAG), "a string", tag);
                }
                sub = byTag.get(tag.textValue());
                if (sub == null) {
                    throw Failures.cannotRead(root, path.field(Codec.TYPE_TAG), "unknown @type");
                }
            } else if (node.has(Codec.CLASS_TAG)) {
                sub = codec.classOf(node.get(Codec.CLASS_TAG), root, path.field(Codec.CLASS_TAG));
                if (!tags.containsKey(sub)) {
                    throw Failures.cannotRead(root, path.field(Codec.CLASS_TAG), "@class names no permitted subclass");
                }
            } else {
                throw Failures.missing(path.field(Codec.TYPE_TAG), root);
            }
            return codec.modelConverter(sub, path).readObject((ObjectNode) node, path);
        }

        @Override
        public List<Type> parts() {
            return List.copyOf(tags.keySet());
        }
    }

    /**
     * Any other interface (such as {@code OmsEvent} or {@code OrderDocument}) or abstract class, and {@code
     * Object}: {@code {"@class": "<binary name of the model type>", ...its
     * fields}}. Only omskit model types are written, and only classes under {@code dev.omskit.} are loaded
     * on read (and not initialised by the lookup).
     */
    static final class Polymorphic implements Converter {
        private final Codec codec;
        private final Class<?> base;

        Polymorphic(Codec codec, Class<?> base) {
            this.codec = codec;
            this.base = base;
        }

        @Override
        public JsonNode write(Object value, Path path) {
            if (!base.isInstance(value)) {
                throw Failures.cannotWrite(value.getClass(), path, "not a " + base.getName());
            }
            Class<?> model = Codec.modelType(value.getClass());
            if (!model.getName().startsWith(Codec.MODEL_PACKAGE)) {
                throw Failures.cannotWrite(model, path, "only omskit types are written with @class");
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put(Codec.CLASS_TAG, model.getName());
            out.setAll(codec.modelConverter(model, path).writeObject(value, path));
            return out;
        }

        @Override
        public Object read(JsonNode node, Path path) {
            if (!node.isObject()) {
                throw Failures.wrongShape(base, path, "an object", node);
            }
            JsonNode tag = node.get(Codec.CLASS_TAG);
            if (tag == null) {
                throw Failures.missing(path.field(Codec.CLASS_TAG), base);
            }
            Class<?> model = codec.classOf(tag, base, path.field(Codec.CLASS_TAG));
            return codec.modelConverter(model, path).readObject((ObjectNode) node, path);
        }
    }
}
