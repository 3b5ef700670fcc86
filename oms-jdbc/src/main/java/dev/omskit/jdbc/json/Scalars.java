package dev.omskit.jdbc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The converters of JDK scalars: strings, booleans, numbers, decimals (as JSON strings, so the scale is
 * kept), and the {@code java.time} types, currencies and UUIDs as their ISO or standard text.
 */
final class Scalars {
    private static final Map<Class<?>, Converter> TABLE = new HashMap<>();

    static {
        Converter string = new Converter() {
            @Override
            public JsonNode write(Object value, Path path) {
                return TextNode.valueOf((String) value);
            }

            @Override
            public Object read(JsonNode node, Path path) {
                if (!node.isTextual()) {
                    throw Failures.wrongShape(String.class, path, "a string", node);
                }
                return node.textValue();
            }
        };
        TABLE.put(String.class, string);
        Converter bool = new Converter() {
            @Override
            public JsonNode write(Object value, Path path) {
                return BooleanNode.valueOf((Boolean) value);
            }

            @Override
            public Object read(JsonNode node, Path path) {
                if (!node.isBoolean()) {
                    throw Failures.wrongShape(boolean.class, path, "a boolean", node);
                }
                return node.booleanValue();
            }
        };
        TABLE.put(boolean.class, bool);
        TABLE.put(Boolean.class, bool);
        integral(
                int.class,
                Integer.class,
                v -> IntNode.valueOf((Integer) v),
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                Long::intValue);
        integral(long.class, Long.class, v -> LongNode.valueOf((Long) v), Long.MIN_VALUE, Long.MAX_VALUE, l -> l);
        integral(
                short.class,
                Short.class,
                v -> ShortNode.valueOf((Short) v),
                Short.MIN_VALUE,
                Short.MAX_VALUE,
                Long::shortValue);
        integral(
                byte.class,
                Byte.class,
                v -> IntNode.valueOf((Byte) v),
                Byte.MIN_VALUE,
                Byte.MAX_VALUE,
                Long::byteValue);
        floating(double.class, Double.class, v -> (Double) v, DoubleNode::valueOf, d -> d);
        floating(
                float.class,
                Float.class,
                v -> ((Float) v).doubleValue(),
                d -> FloatNode.valueOf(d.floatValue()),
                Double::floatValue);
        Converter character = text(
                char.class,
                String::valueOf,
                s -> {
                    if (s.length() != 1) {
                        throw new IllegalArgumentException();
                    }
                    return s.charAt(0);
                },
                "one character");
        TABLE.put(char.class, character);
        TABLE.put(Character.class, character);
        TABLE.put(
                BigDecimal.class,
                text(
                        BigDecimal.class,
                        // Plain text keeps the scale; a negative scale (1E+3) only survives in scientific form.
                        v -> ((BigDecimal) v).scale() >= 0 ? ((BigDecimal) v).toPlainString() : v.toString(),
                        BigDecimal::new,
                        "a decimal number"));
        TABLE.put(BigInteger.class, text(BigInteger.class, Object::toString, BigInteger::new, "an integer"));
        TABLE.put(Instant.class, text(Instant.class, Object::toString, Instant::parse, "an ISO-8601 instant"));
        TABLE.put(LocalDate.class, text(LocalDate.class, Object::toString, LocalDate::parse, "an ISO-8601 date"));
        TABLE.put(LocalTime.class, text(LocalTime.class, Object::toString, LocalTime::parse, "an ISO-8601 time"));
        TABLE.put(
                LocalDateTime.class,
                text(LocalDateTime.class, Object::toString, LocalDateTime::parse, "an ISO-8601 date and time"));
        TABLE.put(
                OffsetDateTime.class,
                text(OffsetDateTime.class, Object::toString, OffsetDateTime::parse, "an ISO-8601 date and time"));
        TABLE.put(
                ZonedDateTime.class,
                text(ZonedDateTime.class, Object::toString, ZonedDateTime::parse, "an ISO-8601 zoned date and time"));
        TABLE.put(ZoneId.class, text(ZoneId.class, v -> ((ZoneId) v).getId(), ZoneId::of, "a time-zone id"));
        TABLE.put(ZoneOffset.class, text(ZoneOffset.class, v -> ((ZoneOffset) v).getId(), ZoneOffset::of, "an offset"));
        TABLE.put(Duration.class, text(Duration.class, Object::toString, Duration::parse, "an ISO-8601 duration"));
        TABLE.put(Period.class, text(Period.class, Object::toString, Period::parse, "an ISO-8601 period"));
        TABLE.put(
                Currency.class,
                text(Currency.class, v -> ((Currency) v).getCurrencyCode(), Currency::getInstance, "a currency code"));
        TABLE.put(UUID.class, text(UUID.class, Object::toString, UUID::fromString, "a UUID"));
    }

    private Scalars() {}

    /** The converter of {@code type}, or null when it is not a scalar. */
    static Converter of(Class<?> type) {
        return TABLE.get(type);
    }

    /**
     * The scalar type a value of class {@code c} is written as ({@code ZoneId} for a {@code ZoneRegion}),
     * or null.
     */
    static Class<?> scalarTypeOf(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (TABLE.containsKey(k)) {
                return k;
            }
        }
        return null;
    }

    /** A scalar written as a JSON string. */
    static Converter text(Class<?> type, Function<Object, String> out, Function<String, Object> in, String expected) {
        return new Converter() {
            @Override
            public JsonNode write(Object value, Path path) {
                return TextNode.valueOf(out.apply(value));
            }

            @Override
            public Object read(JsonNode node, Path path) {
                if (!node.isTextual()) {
                    throw Failures.wrongShape(type, path, "a string holding " + expected, node);
                }
                try {
                    return in.apply(node.textValue());
                } catch (RuntimeException e) {
                    // The parsers' messages quote the text: not attached.
                    throw Failures.cannotRead(type, path, "the string is not " + expected);
                }
            }
        };
    }

    private static void integral(
            Class<?> primitive,
            Class<?> box,
            Function<Object, JsonNode> out,
            long min,
            long max,
            Function<Long, Object> narrow) {
        Converter c = new Converter() {
            @Override
            public JsonNode write(Object value, Path path) {
                return out.apply(value);
            }

            @Override
            public Object read(JsonNode node, Path path) {
                if (!node.isIntegralNumber()) {
                    throw Failures.wrongShape(primitive, path, "an integer", node);
                }
                if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                    throw Failures.cannotRead(primitive, path, "the integer is out of range");
                }
                return narrow.apply(node.longValue());
            }
        };
        TABLE.put(primitive, c);
        TABLE.put(box, c);
    }

    private static void floating(
            Class<?> primitive,
            Class<?> box,
            Function<Object, Double> toDouble,
            Function<Double, JsonNode> out,
            Function<Double, Object> narrow) {
        Converter c = new Converter() {
            @Override
            public JsonNode write(Object value, Path path) {
                double d = toDouble.apply(value);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return TextNode.valueOf(Double.toString(d));
                }
                return out.apply(d);
            }

            @Override
            public Object read(JsonNode node, Path path) {
                if (node.isNumber()) {
                    return narrow.apply(node.doubleValue());
                }
                if (node.isTextual()) {
                    switch (node.textValue()) {
                        case "NaN":
                            return narrow.apply(Double.NaN);
                        case "Infinity":
                            return narrow.apply(Double.POSITIVE_INFINITY);
                        case "-Infinity":
                            return narrow.apply(Double.NEGATIVE_INFINITY);
                        default:
                            break;
                    }
                }
                throw Failures.wrongShape(primitive, path, "a number", node);
            }
        };
        TABLE.put(primitive, c);
        TABLE.put(box, c);
    }
}
