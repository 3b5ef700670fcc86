package dev.omskit.jdbc.json;

import java.lang.reflect.Type;

/**
 * The converter of a type, looked up on first use: converters of types that contain each other are
 * created without recursing into each other. Racing first uses look up the same cached converter.
 */
final class Lazy {
    private final Codec codec;
    private final Type type;
    private volatile Converter converter;

    Lazy(Codec codec, Type type) {
        this.codec = codec;
        this.type = type;
    }

    Type type() {
        return type;
    }

    Converter get() {
        Converter c = converter;
        if (c == null) {
            c = codec.converter(type);
            converter = c;
        }
        return c;
    }
}
