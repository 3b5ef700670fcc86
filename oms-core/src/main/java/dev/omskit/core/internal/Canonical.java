package dev.omskit.core.internal;

import dev.omskit.core.error.InternalException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stable, complete text form of a command, hashed into the fingerprint stored with an idempotency key.
 * Unlike {@code toString} it includes redacted personal data (it is only ever hashed) and it is the same
 * in every JVM: enums by name, decimals by plain text, sets and maps sorted, records by components and
 * omskit value types by their fields.
 */
public final class Canonical {
    private Canonical() {}

    /** Hex SHA-256 of the canonical form of {@code value}. */
    public static String fingerprint(Object value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(form(value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException("SHA-256 is not available", e);
        }
    }

    /** The canonical text form of {@code value}. */
    public static String form(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Enum<?> e) {
            sb.append(e.name());
        } else if (value instanceof Optional<?> o) {
            if (o.isPresent()) {
                write(sb, o.get());
            } else {
                sb.append("null");
            }
        } else if (value instanceof Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(form(k), form(v)));
            sb.append('{');
            sorted.forEach((k, v) -> sb.append(k).append(':').append(v).append(','));
            sb.append('}');
        } else if (value instanceof Set<?> s) {
            List<String> items = new ArrayList<>();
            s.forEach(item -> items.add(form(item)));
            items.sort(Comparator.naturalOrder());
            sb.append('[').append(String.join(",", items)).append(']');
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            c.forEach(item -> {
                write(sb, item);
                sb.append(',');
            });
            sb.append(']');
        } else if (value instanceof Record r) {
            sb.append(value.getClass().getSimpleName()).append('(');
            for (RecordComponent component : r.getClass().getRecordComponents()) {
                sb.append(component.getName()).append('=');
                try {
                    write(sb, component.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new InternalException("cannot read " + component + " of " + r.getClass(), e);
                }
                sb.append(',');
            }
            sb.append(')');
        } else if (value.getClass().getName().startsWith("dev.omskit.")) {
            writeFields(sb, value);
        } else {
            sb.append(value);
        }
    }

    private static void writeFields(StringBuilder sb, Object value) {
        Field[] fields = value.getClass().getDeclaredFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        sb.append(value.getClass().getSimpleName().replaceFirst("^Immutable", ""))
                .append('(');
        for (Field field : fields) {
            int mod = field.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || field.isSynthetic()) {
                continue;
            }
            try {
                field.setAccessible(true);
                sb.append(field.getName()).append('=');
                write(sb, field.get(value));
                sb.append(',');
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new InternalException("cannot read field " + field + " for a fingerprint", e);
            }
        }
        sb.append(')');
    }
}
