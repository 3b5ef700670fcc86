package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A converter of an omskit model type (a record, an Immutables value, an enum): besides its own form it
 * has an object form, the one used behind a type tag ({@code @type}, {@code @class}). A type written as
 * an object has the same object form; a type written as a string (an enum, a record of one string) is
 * wrapped as {@code {"<name>": "..."}}.
 */
interface ModelConverter extends Converter {
    /** The model type. */
    Class<?> type();

    /** Whether {@link #write} gives an object. */
    boolean writesObject();

    /** The field name of the wrapped string in the object form when {@link #writesObject()} is false. */
    default String wrapperField() {
        return "value";
    }

    /** The object form of {@code value}. */
    default ObjectNode writeObject(Object value, Path path) {
        if (writesObject()) {
            return (ObjectNode) write(value, path);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set(wrapperField(), write(value, path.field(wrapperField())));
        return node;
    }

    /** The value of an object form (type tags in it are ignored). */
    default Object readObject(ObjectNode node, Path path) {
        if (writesObject()) {
            return read(node, path);
        }
        Path at = path.field(wrapperField());
        var inner = node.get(wrapperField());
        if (inner == null || inner.isNull()) {
            throw Failures.missing(at, type());
        }
        return read(inner, at);
    }
}
