package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.OmsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;

/**
 * The codec's exceptions. Every message names the JSON path and the Java type and never quotes a value:
 * stored data holds buyers' details. Exceptions that quote input (Jackson's, the JDK's parsers) are never
 * attached as causes.
 */
final class Failures {
    private Failures() {}

    static InternalException cannotWrite(Type type, Path path) {
        return new InternalException("the codec cannot write " + type.getTypeName() + " at " + path);
    }

    static InternalException cannotWrite(Type type, Path path, String why) {
        return new InternalException("the codec cannot write " + type.getTypeName() + " at " + path + ": " + why);
    }

    static InternalException cannotRead(Type type, Path path, String why) {
        return new InternalException(
                "the stored JSON at " + path + " cannot be read as " + type.getTypeName() + ": " + why);
    }

    static InternalException missing(Path path, Type type) {
        return cannotRead(type, path, "the field is missing");
    }

    static InternalException wrongShape(Type type, Path path, String expected, JsonNode found) {
        return cannotRead(type, path, "expected " + expected + ", found " + describe(found));
    }

    /** The kind of a JSON node, never its content. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " node";
        };
    }

    /**
     * What a reflective call threw, rethrown: an omskit exception (a constructor or builder refusing a
     * stored value that no longer validates) as it is, anything else as an internal error naming the type.
     */
    static RuntimeException unwrap(ReflectiveOperationException e, Type type, Path path, String action) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        if (cause instanceof OmsException oms) {
            return oms;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        String message = "the codec could not " + action + " " + type.getTypeName() + " at " + path + " ("
                + cause.getClass().getSimpleName() + ")";
        // A failure inside the value's own code may quote the stored data: it is named, not attached.
        return cause == e ? new InternalException(message, e) : new InternalException(message);
    }
}
