package dev.omskit.connectors.sync;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderLine;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON form of a {@link ChannelOrder} in the payload of a persisted {@link SyncWork}: the engine stores
 * an incoming order with it and reads it back later, possibly in another JVM or another version of
 * omskit, so the form is written out field by field (no reflection, no annotations) and versioned by a
 * top-level {@code "format": 1}.
 *
 * <p>Every field round-trips exactly: {@code read(write(o)).equals(o)} for any order, including a
 * malformed one (blank ids, zero quantities, blank address parts), which the engine parks with its
 * data. Nothing is validated beyond what the value types themselves require.
 *
 * <p>The form of format 1:
 *
 * <ul>
 *   <li>texts are JSON strings; an absent optional is left out (a JSON {@code null} reads as absent too);
 *   <li>amounts are objects {@code {"amount": "12.50", "currency": "EUR"}} with the amount as a plain
 *       decimal string at the currency's scale, so that it reads back {@code equals};
 *   <li>VAT rates are plain decimal fraction strings ({@code "0.08"}), instants ISO-8601 strings ({@code
 *       2026-12-01T08:00:00Z}), currencies ISO 4217 codes, enums and states their names, quantities JSON
 *       integers and geo coordinates JSON numbers;
 *   <li>attribute maps are JSON objects of strings.
 * </ul>
 *
 * <p>{@link #read} refuses anything else with an {@link InvalidArgumentException} whose single violation
 * names the offending field as a path such as {@code order.lines[0].unitPrice.amount}: input that is not
 * JSON, another format number, a missing or unknown field, a value of the wrong JSON type or one that
 * does not parse. Its message never repeats the values found, so buyer data stays out of logs.
 *
 * <p>Thread-safe: the shared mapper is configured once and only read from.
 */
final class ChannelOrderJson {
    /** The format number this version writes and the only one it reads. */
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What {@link BigDecimal#toPlainString} writes: no exponent, so reading never expands a huge one. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final String ROOT = "order";

    private ChannelOrderJson() {}

    /** The JSON form of {@code order}, in format {@value #FORMAT}. */
    static String write(ChannelOrder order) {
        Checks.notNull("order", order);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("channelOrderId", order.channelOrderId());
        o.set("buyer", buyer(order.buyer()));
        o.set("shippingAddress", address(order.shippingAddress()));
        order.billingAddress().ifPresent(a -> o.set("billingAddress", address(a)));
        o.put("currency", order.currency().getCurrencyCode());
        o.put("taxMode", order.taxMode().name());
        ArrayNode lines = o.putArray("lines");
        for (ChannelOrderLine line : order.lines()) {
            lines.add(line(line));
        }
        order.shippingFee().ifPresent(m -> o.set("shippingFee", money(m)));
        o.put("paymentMethod", order.paymentMethod().name());
        order.paymentStatus().ifPresent(s -> o.put("paymentStatus", s.name()));
        order.total().ifPresent(m -> o.set("total", money(m)));
        o.put("placedAt", order.placedAt().toString());
        o.put("channelStatus", order.channelStatus());
        o.put("updatedAt", order.updatedAt().toString());
        if (order.cancelledInChannel()) {
            o.put("cancelledInChannel", "true");
        }
        o.set("attributes", strings(order.attributes()));
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and objects always serialises.
            throw new IllegalStateException("could not write a JSON tree", e);
        }
    }

    /**
     * The order written by {@link #write}.
     *
     * @throws InvalidArgumentException when {@code json} is not an order in format {@value #FORMAT}; its
     *     violation names the field that is wrong or missing
     */
    static ChannelOrder read(String json) {
        if (json == null) {
            throw InvalidArgumentException.of(ROOT, "MISSING", "the JSON of a channel order must not be null");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input, which may hold buyer data: only the position is kept.
            throw InvalidArgumentException.of(ROOT, "MALFORMED", "is not valid JSON" + where(e.getLocation()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw InvalidArgumentException.of(ROOT, "MALFORMED", "is empty; expected a JSON object");
        }
        if (!tree.isObject()) {
            throw wrongType(ROOT, "a JSON object", tree);
        }
        Obj o = new Obj(ROOT, (ObjectNode) tree);
        JsonNode format = o.required("format");
        if (!format.isIntegralNumber()) {
            throw wrongType(o.path("format"), "a whole number", format);
        }
        if (!format.canConvertToInt() || format.intValue() != FORMAT) {
            throw InvalidArgumentException.of(
                    o.path("format"),
                    "UNSUPPORTED_FORMAT",
                    "format " + format.asText() + " is not supported; this version reads format " + FORMAT);
        }
        ChannelOrder.Builder b = ChannelOrder.builder()
                .channelOrderId(o.text("channelOrderId"))
                .buyer(readBuyer(o.object("buyer")))
                .shippingAddress(readAddress(o.object("shippingAddress")));
        o.optionalObject("billingAddress").ifPresent(a -> b.billingAddress(readAddress(a)));
        b.currency(o.parsed("currency", "an ISO 4217 currency code", Currency::getInstance));
        b.taxMode(o.enumValue("taxMode", TaxMode.class));
        Arr lines = o.array("lines");
        for (int i = 0; i < lines.size(); i++) {
            b.addLines(readLine(lines.object(i)));
        }
        o.optionalObject("shippingFee").ifPresent(m -> b.shippingFee(readMoney(m)));
        b.paymentMethod(o.enumValue("paymentMethod", PaymentMethod.class));
        o.optionalText("paymentStatus")
                .ifPresent(s -> b.paymentStatus(parse(
                        o.path("paymentStatus"),
                        s,
                        "an UPPER_SNAKE_CASE state name (A-Z, 0-9, _, starting with a letter, at most 64"
                                + " characters)",
                        State::of)));
        o.optionalObject("total").ifPresent(m -> b.total(readMoney(m)));
        b.placedAt(o.instant("placedAt"));
        b.channelStatus(o.text("channelStatus"));
        b.updatedAt(o.instant("updatedAt"));
        b.cancelledInChannel(o.optionalText("cancelledInChannel")
                .map(v -> parse(o.path("cancelledInChannel"), v, "\"true\" when present", t -> {
                    if (!t.equals("true")) {
                        throw new IllegalArgumentException("not true");
                    }
                    return true;
                }))
                .orElse(false));
        b.attributes(o.strings("attributes"));
        o.noOtherFields();
        return b.build();
    }

    private static ObjectNode buyer(Buyer buyer) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", buyer.name());
        buyer.email().ifPresent(v -> o.put("email", v));
        buyer.phone().ifPresent(v -> o.put("phone", v));
        buyer.companyName().ifPresent(v -> o.put("companyName", v));
        buyer.taxCode().ifPresent(v -> o.put("taxCode", v));
        return o;
    }

    private static Buyer readBuyer(Obj o) {
        Buyer.Builder b = Buyer.builder();
        b.name(o.text("name"));
        o.optionalText("email").ifPresent(b::email);
        o.optionalText("phone").ifPresent(b::phone);
        o.optionalText("companyName").ifPresent(b::companyName);
        o.optionalText("taxCode").ifPresent(b::taxCode);
        o.noOtherFields();
        return b.build();
    }

    private static ObjectNode address(Address address) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("recipient", address.recipient());
        o.put("phone", address.phone());
        o.put("line1", address.line1());
        address.line2().ifPresent(v -> o.put("line2", v));
        address.ward().ifPresent(v -> o.put("ward", v));
        address.district().ifPresent(v -> o.put("district", v));
        o.put("city", address.city());
        address.region().ifPresent(v -> o.put("region", v));
        address.postalCode().ifPresent(v -> o.put("postalCode", v));
        o.put("countryCode", address.countryCode());
        address.geo().ifPresent(g -> {
            ObjectNode geo = o.putObject("geo");
            geo.put("latitude", g.latitude());
            geo.put("longitude", g.longitude());
        });
        return o;
    }

    private static Address readAddress(Obj o) {
        Address.Builder b = Address.builder();
        b.recipient(o.text("recipient"));
        b.phone(o.text("phone"));
        b.line1(o.text("line1"));
        o.optionalText("line2").ifPresent(b::line2);
        o.optionalText("ward").ifPresent(b::ward);
        o.optionalText("district").ifPresent(b::district);
        b.city(o.text("city"));
        o.optionalText("region").ifPresent(b::region);
        o.optionalText("postalCode").ifPresent(b::postalCode);
        b.countryCode(o.text("countryCode"));
        o.optionalObject("geo").ifPresent(g -> b.geo(readGeo(g)));
        o.noOtherFields();
        return b.build();
    }

    private static GeoPoint readGeo(Obj o) {
        double latitude = o.number("latitude");
        double longitude = o.number("longitude");
        o.noOtherFields();
        try {
            return GeoPoint.of(latitude, longitude);
        } catch (InvalidArgumentException e) {
            throw InvalidArgumentException.of(
                    o.at,
                    "OUT_OF_RANGE",
                    "latitude must be in [-90, 90] and longitude in [-180, 180]; the point is outside");
        }
    }

    private static ObjectNode line(ChannelOrderLine line) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("channelLineId", line.channelLineId());
        o.put("sku", line.sku().value());
        line.title().ifPresent(v -> o.put("title", v));
        o.put("quantity", line.quantity());
        o.set("unitPrice", money(line.unitPrice()));
        line.discount().ifPresent(m -> o.set("discount", money(m)));
        o.put("vatRate", line.vatRate().fraction().toPlainString());
        o.set("attributes", strings(line.attributes()));
        return o;
    }

    private static ChannelOrderLine readLine(Obj o) {
        ChannelOrderLine.Builder b = ChannelOrderLine.builder();
        b.channelLineId(o.text("channelLineId"));
        b.sku(o.parsed(
                "sku",
                "a SKU (not blank, no surrounding white space or control characters, at most " + Checks.MAX_ID_LENGTH
                        + " characters)",
                Sku::of));
        o.optionalText("title").ifPresent(b::title);
        b.quantity(o.wholeNumber("quantity"));
        b.unitPrice(readMoney(o.object("unitPrice")));
        o.optionalObject("discount").ifPresent(m -> b.discount(readMoney(m)));
        String rate = o.plainDecimal("vatRate");
        b.vatRate(parse(o.path("vatRate"), rate, "a VAT rate fraction from 0 to below 1", VatRate::of));
        b.attributes(o.strings("attributes"));
        o.noOtherFields();
        return b.build();
    }

    private static ObjectNode money(Money money) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("amount", money.amount().toPlainString());
        o.put("currency", money.currency().getCurrencyCode());
        return o;
    }

    private static Money readMoney(Obj o) {
        BigDecimal amount = new BigDecimal(o.plainDecimal("amount"));
        Currency currency = o.parsed("currency", "an ISO 4217 currency code", Currency::getInstance);
        o.noOtherFields();
        if (currency.getDefaultFractionDigits() < 0) {
            throw InvalidArgumentException.of(
                    o.path("currency"),
                    "MALFORMED",
                    "must be a currency with a defined number of fraction digits; " + currency.getCurrencyCode()
                            + " has none");
        }
        try {
            return Money.of(amount, currency);
        } catch (InvalidArgumentException e) {
            throw InvalidArgumentException.of(
                    o.path("amount"),
                    "MALFORMED",
                    "has more decimals than " + currency.getCurrencyCode() + " allows ("
                            + currency.getDefaultFractionDigits() + ")");
        }
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode o = MAPPER.createObjectNode();
        map.forEach(o::put);
        return o;
    }

    /** {@code parser} applied to {@code text}; any failure of it is reported at {@code path}. */
    private static <T> T parse(String path, String text, String expected, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw InvalidArgumentException.of(path, "MALFORMED", "must be " + expected);
        }
    }

    private static InvalidArgumentException wrongType(String path, String expected, JsonNode found) {
        return InvalidArgumentException.of(path, "WRONG_TYPE", "must be " + expected + "; was " + kind(found));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " node";
        };
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A JSON object being read at {@code at}; remembers the fields read so that others are refused. */
    private static final class Obj {
        final String at;
        private final ObjectNode node;
        private final Set<String> read = new HashSet<>();

        Obj(String at, ObjectNode node) {
            this.at = at;
            this.node = node;
        }

        String path(String field) {
            return at + "." + field;
        }

        /** The field's value, or empty when it is missing or JSON {@code null}. */
        Optional<JsonNode> optional(String field) {
            read.add(field);
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
        }

        JsonNode required(String field) {
            return optional(field)
                    .orElseThrow(() -> InvalidArgumentException.of(path(field), "MISSING", "is required"));
        }

        String text(String field) {
            return asText(field, required(field));
        }

        Optional<String> optionalText(String field) {
            return optional(field).map(v -> asText(field, v));
        }

        private String asText(String field, JsonNode value) {
            if (!value.isTextual()) {
                throw wrongType(path(field), "a string", value);
            }
            return value.textValue();
        }

        /** A text parsed by {@code parser}; a failure names the field and what was expected. */
        <T> T parsed(String field, String expected, Function<String, T> parser) {
            return parse(path(field), text(field), expected, parser);
        }

        /** A decimal string as {@link BigDecimal#toPlainString} writes it. */
        String plainDecimal(String field) {
            String text = text(field);
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw InvalidArgumentException.of(
                        path(field), "MALFORMED", "must be a plain decimal number such as 12.50 (no exponent)");
            }
            return text;
        }

        Instant instant(String field) {
            return parsed(field, "an ISO-8601 instant such as 2026-12-01T08:00:00Z", Instant::parse);
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String name = text(field);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw InvalidArgumentException.of(
                    path(field),
                    "MALFORMED",
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }

        long wholeNumber(String field) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber()) {
                throw wrongType(path(field), "a whole number", value);
            }
            if (!value.canConvertToLong()) {
                throw InvalidArgumentException.of(
                        path(field), "OUT_OF_RANGE", "must be a whole number between -2^63 and 2^63 - 1");
            }
            return value.longValue();
        }

        double number(String field) {
            JsonNode value = required(field);
            if (!value.isNumber()) {
                throw wrongType(path(field), "a number", value);
            }
            return value.doubleValue();
        }

        Obj object(String field) {
            return asObject(path(field), required(field));
        }

        Optional<Obj> optionalObject(String field) {
            return optional(field).map(v -> asObject(path(field), v));
        }

        Arr array(String field) {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw wrongType(path(field), "an array", value);
            }
            return new Arr(path(field), (ArrayNode) value);
        }

        /** An object of strings; an offending entry is named by its position, not its key. */
        Map<String, String> strings(String field) {
            Obj map = object(field);
            Map<String, String> out = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, JsonNode> entry : map.node.properties()) {
                if (!entry.getValue().isTextual()) {
                    throw InvalidArgumentException.of(
                            map.at,
                            "WRONG_TYPE",
                            "every value must be a string; entry " + i + " was " + kind(entry.getValue()));
                }
                out.put(entry.getKey(), entry.getValue().textValue());
                i++;
            }
            return out;
        }

        /** Refuses a field this format does not have (a newer writer's data would be lost silently). */
        void noOtherFields() {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!read.contains(name)) {
                    throw InvalidArgumentException.of(
                            path(name), "UNKNOWN_FIELD", "is not a field of format " + FORMAT);
                }
            }
        }

        private static Obj asObject(String path, JsonNode value) {
            if (!value.isObject()) {
                throw wrongType(path, "an object", value);
            }
            return new Obj(path, (ObjectNode) value);
        }
    }

    /** A JSON array being read at {@code at}. */
    private static final class Arr {
        private final String at;
        private final ArrayNode node;

        Arr(String at, ArrayNode node) {
            this.at = at;
            this.node = node;
        }

        int size() {
            return node.size();
        }

        Obj object(int index) {
            return Obj.asObject(at + "[" + index + "]", node.get(index));
        }
    }
}
