package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.List;

/** Writes values of one declared Java type to JSON trees and reads them back. Thread-safe. */
interface Converter {
    /** The JSON of {@code value} (never null: nulls are handled by the caller). */
    JsonNode write(Object value, Path path);

    /** The value of {@code node} (never a JSON null: nulls are handled by the caller). */
    Object read(JsonNode node, Path path);

    /** Whether a field holding {@code value} is left out of its object (an empty optional). */
    default boolean omits(Object value) {
        return false;
    }

    /** Whether a field of this type may be absent from its object; {@link #absent()} is then its value. */
    default boolean mayBeAbsent() {
        return false;
    }

    /** The value of an absent field (only when {@link #mayBeAbsent()}). */
    default Object absent() {
        throw new IllegalStateException("a required field has no absent value");
    }

    /** The declared types of the values inside (fields, elements), for checking what the codec covers. */
    default List<Type> parts() {
        return List.of();
    }

    /** False for the stand-in of a type the codec does not cover. */
    default boolean supported() {
        return true;
    }
}
