package dev.omskit.connectors.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderLine;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChannelOrderJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PLACED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-12-01T09:30:15.123456789Z");
    private static final String BUYER_NAME = "Nguyen Van An";
    private static final String EMAIL = "an.nguyen@example.com";
    private static final String PHONE = "+84901234567";
    private static final String STREET = "12 Nguyen Hue";

    /** Every optional present, a billing address with geo, discounts, attributes, three VAT rates. */
    static ChannelOrder full() {
        return ChannelOrder.builder()
                .channelOrderId("240101ABC")
                .buyer(Buyer.builder()
                        .name(BUYER_NAME)
                        .email(EMAIL)
                        .phone(PHONE)
                        .companyName("Cong ty An Phat")
                        .taxCode("0312345678")
                        .build())
                .shippingAddress(Address.builder()
                        .recipient(BUYER_NAME)
                        .phone(PHONE)
                        .line1(STREET)
                        .line2("Tầng 3, phòng 301")
                        .ward("Phường Bến Nghé")
                        .district("Quận 1")
                        .city("Hồ Chí Minh")
                        .region("HCM")
                        .postalCode("700000")
                        .countryCode("VN")
                        .geo(GeoPoint.of(10.776889, 106.700806))
                        .build())
                .billingAddress(Address.builder()
                        .recipient("Cong ty An Phat")
                        .phone("+842838000000")
                        .line1("1 Le Loi")
                        .line2("Floor 9")
                        .ward("Ben Thanh")
                        .district("District 1")
                        .city("Ho Chi Minh")
                        .region("South")
                        .postalCode("700001")
                        .countryCode("VN")
                        .geo(GeoPoint.of(-33.8688, -151.2093))
                        .build())
                .currency(Money.currency("EUR"))
                .taxMode(TaxMode.PRICES_INCLUDE_TAX)
                .addLines(ChannelOrderLine.builder()
                        .channelLineId("item-1")
                        .sku(Sku.of("SKU-A"))
                        .title("Áo thun \"classic\" \u2013 size M")
                        .quantity(3)
                        .unitPrice(Money.of("12.50", "EUR"))
                        .discount(Money.of("2.05", "EUR"))
                        .vatRate(VatRate.percent(8))
                        .putAttributes("colour", "blue")
                        .putAttributes("gift", "true")
                        .build())
                .addLines(ChannelOrderLine.builder()
                        .channelLineId("item-2")
                        .sku(Sku.of("SKU-B"))
                        .title("Mug")
                        .quantity(1)
                        .unitPrice(Money.of("100", "EUR"))
                        .discount(Money.of("0.00", "EUR"))
                        .vatRate(VatRate.of("0.10"))
                        .build())
                .addLines(ChannelOrderLine.builder()
                        .channelLineId("item-3")
                        .sku(Sku.of("SKU-C"))
                        .quantity(2)
                        .unitPrice(Money.of("0.99", "EUR"))
                        .vatRate(VatRate.of("0.0825"))
                        .build())
                .shippingFee(Money.of("4.90", "EUR"))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(State.of("COD_PENDING"))
                .total(Money.of("144.33", "EUR"))
                .placedAt(PLACED)
                .channelStatus("READY_TO_SHIP")
                .updatedAt(UPDATED)
                .putAttributes("shopee.shop_id", "42")
                .putAttributes("note", "gọi trước khi giao\nline two")
                .build();
    }

    static ChannelOrder minimal() {
        return ChannelOrder.builder()
                .channelOrderId("o-1")
                .buyer(Buyer.named("B"))
                .shippingAddress(Address.builder().build())
                .currency(Money.currency("VND"))
                .placedAt(PLACED)
                .channelStatus("NEW")
                .updatedAt(PLACED)
                .build();
    }

    private static ChannelOrder roundTrip(ChannelOrder order) {
        return ChannelOrderJson.read(ChannelOrderJson.write(order));
    }

    @Nested
    class RoundTrip {
        @Test
        void write_fullOrder_readsBackEqual() {
            ChannelOrder order = full();

            ChannelOrder back = roundTrip(order);

            assertThat(back).isEqualTo(order);
            assertThat(back.buyer()).isEqualTo(order.buyer());
            assertThat(back.shippingAddress()).isEqualTo(order.shippingAddress());
            assertThat(back.billingAddress()).isEqualTo(order.billingAddress());
            assertThat(back.lines()).isEqualTo(order.lines());
            assertThat(back.lines())
                    .extracting(ChannelOrderLine::vatRate)
                    .containsExactly(VatRate.percent(8), VatRate.of("0.1"), VatRate.of("0.0825"));
            assertThat(back.updatedAt()).isEqualTo(UPDATED);
            assertThat(back.taxMode()).isEqualTo(TaxMode.PRICES_INCLUDE_TAX);
        }

        @Test
        void write_fullOrder_isFormatOneWithAmountsAsPlainDecimalStrings() throws Exception {
            JsonNode tree = JSON.readTree(ChannelOrderJson.write(full()));

            assertThat(tree.get("format").isInt()).isTrue();
            assertThat(tree.get("format").intValue()).isEqualTo(1);
            JsonNode price = tree.get("lines").get(1).get("unitPrice");
            assertThat(price.get("amount").isTextual()).isTrue();
            assertThat(price.get("amount").textValue()).isEqualTo("100.00");
            assertThat(price.get("currency").textValue()).isEqualTo("EUR");
            assertThat(tree.get("lines").get(2).get("vatRate").textValue()).isEqualTo("0.0825");
            assertThat(tree.get("placedAt").textValue()).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(tree.get("shippingAddress").get("geo").get("latitude").doubleValue())
                    .isEqualTo(10.776889);
        }

        @Test
        void write_minimalOrder_readsBackEqualWithOptionalsAbsent() throws Exception {
            ChannelOrder order = minimal();

            String json = ChannelOrderJson.write(order);
            ChannelOrder back = ChannelOrderJson.read(json);

            assertThat(back).isEqualTo(order);
            assertThat(back.billingAddress()).isEmpty();
            assertThat(back.shippingFee()).isEmpty();
            assertThat(back.paymentStatus()).isEmpty();
            assertThat(back.total()).isEmpty();
            assertThat(back.lines()).isEmpty();
            assertThat(back.attributes()).isEmpty();
            assertThat(back.taxMode()).isEqualTo(TaxMode.PRICES_EXCLUDE_TAX);
            assertThat(back.paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
            assertThat(back.shippingAddress()).isEqualTo(Address.builder().build());
            JsonNode tree = JSON.readTree(json);
            assertThat(tree.has("billingAddress")).isFalse();
            assertThat(tree.has("total")).isFalse();
            assertThat(tree.get("buyer").has("email")).isFalse();
            // Defaults are written out, so a later change of a default cannot change a stored order.
            assertThat(tree.get("taxMode").textValue()).isEqualTo("PRICES_EXCLUDE_TAX");
            assertThat(tree.get("shippingAddress").get("countryCode").textValue())
                    .isEmpty();
        }

        @Test
        void write_malformedOrder_readsBackEqualWithTheSameProblems() {
            ChannelOrder order = ChannelOrder.builder()
                    .channelOrderId(" ")
                    .buyer(Buyer.builder().name("").email("").build())
                    .shippingAddress(Address.builder()
                            .recipient("  ")
                            .line1("")
                            .countryCode("Vietnam")
                            .build())
                    .billingAddress(Address.builder().build())
                    .currency(Money.currency("VND"))
                    .addLines(ChannelOrderLine.of("", Sku.of("SKU-A"), 0, Money.of("50000", "VND")))
                    .addLines(ChannelOrderLine.builder()
                            .channelLineId("")
                            .sku(Sku.of("SKU-B"))
                            .quantity(-2)
                            .unitPrice(Money.of("-1.50", "EUR"))
                            .discount(Money.of("999", "JPY"))
                            .build())
                    .total(Money.of("-10", "VND"))
                    .placedAt(PLACED)
                    .channelStatus("")
                    .updatedAt(PLACED)
                    .build();
            assertThat(order.problems()).hasSizeGreaterThan(5);

            ChannelOrder back = roundTrip(order);

            assertThat(back).isEqualTo(order);
            assertThat(back.problems()).isEqualTo(order.problems());
            assertThat(back.lines().get(0).quantity()).isZero();
        }

        @Test
        void write_extremeValues_readsBackEqual() {
            ChannelOrder order = ChannelOrder.builder()
                    .from(minimal())
                    .channelOrderId("\u0000\t\"\\/\uD83D\uDE00")
                    .buyer(Buyer.named("\uD800 lone surrogate \uDFFF"))
                    .shippingAddress(Address.builder()
                            .recipient("\u007F\u2028\u2029")
                            .geo(GeoPoint.of(-0.0, 180))
                            .build())
                    .billingAddress(Address.builder()
                            .geo(GeoPoint.of(Double.MIN_VALUE, -180))
                            .build())
                    .currency(Currency.getInstance("XXX"))
                    .addLines(ChannelOrderLine.builder()
                            .channelLineId("l")
                            .sku(Sku.of("S"))
                            .quantity(Long.MIN_VALUE)
                            .unitPrice(
                                    Money.of(new BigDecimal("-98765432109876543210.123"), Currency.getInstance("BHD")))
                            .vatRate(VatRate.of("0.00000000000000000000001"))
                            .putAttributes("", "")
                            .build())
                    .addLines(ChannelOrderLine.builder()
                            .channelLineId("l")
                            .sku(Sku.of("S"))
                            .quantity(Long.MAX_VALUE)
                            .unitPrice(Money.of("1E+3", "JPY"))
                            .vatRate(VatRate.of("0.999999"))
                            .build())
                    .placedAt(Instant.MIN)
                    .updatedAt(Instant.MAX)
                    .build();

            ChannelOrder back = roundTrip(order);

            assertThat(back).isEqualTo(order);
            assertThat(Double.doubleToRawLongBits(
                            back.shippingAddress().geo().orElseThrow().latitude()))
                    .isEqualTo(Double.doubleToRawLongBits(-0.0));
        }

        @Test
        void write_orderCancelledInChannel_readsBackCancelled_andAnyOtherValueIsRefused() {
            ChannelOrder cancelled =
                    ChannelOrder.builder().from(full()).cancelledInChannel(true).build();
            assertThat(roundTrip(cancelled)).isEqualTo(cancelled);
            assertThat(roundTrip(cancelled).cancelledInChannel()).isTrue();
            assertThat(roundTrip(full()).cancelledInChannel()).isFalse();
            String json = ChannelOrderJson.write(cancelled)
                    .replace("\"cancelledInChannel\":\"true\"", "\"cancelledInChannel\":\"yes\"");
            assertThatThrownBy(() -> ChannelOrderJson.read(json))
                    .isInstanceOfSatisfying(
                            dev.omskit.core.error.InvalidArgumentException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("order.cancelledInChannel"));
        }

        @Test
        void write_sameOrderTwice_givesTheSameJson() {
            assertThat(ChannelOrderJson.write(full())).isEqualTo(ChannelOrderJson.write(full()));
        }
    }

    // jqwik runs properties of top-level classes (or @Group), not of JUnit's @Nested ones.
    @Property(tries = 300)
    void write_anyOrder_readsBackEqual(@ForAll("orders") ChannelOrder order) {
        assertThat(roundTrip(order)).isEqualTo(order);
    }

    @Provide
    Arbitrary<ChannelOrder> orders() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<Optional<String>> optionalText = text.optional();
        Arbitrary<Currency> currencies =
                Arbitraries.of("VND", "EUR", "JPY", "BHD", "USD", "XXX").map(Currency::getInstance);
        Arbitrary<Money> money = Combinators.combine(
                        Arbitraries.of("VND", "EUR", "JPY", "BHD", "USD").map(Currency::getInstance),
                        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L))
                .as((c, units) -> Money.of(BigDecimal.valueOf(units, c.getDefaultFractionDigits()), c));
        Arbitrary<Instant> instants = Combinators.combine(
                        Arbitraries.longs()
                                .between(
                                        Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
        Arbitrary<Optional<GeoPoint>> geo = Combinators.combine(
                        Arbitraries.doubles().between(-90, 90),
                        Arbitraries.doubles().between(-180, 180))
                .as(GeoPoint::of)
                .optional();
        Arbitrary<java.util.Map<String, String>> attributes =
                Arbitraries.maps(text, text).ofMaxSize(3);
        Arbitrary<Buyer> buyers = Builders.withBuilder(Buyer::builder)
                .use(text)
                .inSetter((b, v) -> b.name(v))
                .use(optionalText)
                .inSetter((b, v) -> b.email(v))
                .use(optionalText)
                .inSetter((b, v) -> b.phone(v))
                .use(optionalText)
                .inSetter((b, v) -> b.companyName(v))
                .use(optionalText)
                .inSetter((b, v) -> b.taxCode(v))
                .build(Buyer.Builder::build);
        Arbitrary<Address> addresses = Builders.withBuilder(Address::builder)
                .use(text)
                .withProbability(0.7)
                .inSetter((b, v) -> b.recipient(v))
                .use(text)
                .withProbability(0.7)
                .inSetter((b, v) -> b.phone(v))
                .use(text)
                .withProbability(0.7)
                .inSetter((b, v) -> b.line1(v))
                .use(optionalText)
                .inSetter((b, v) -> b.line2(v))
                .use(optionalText)
                .inSetter((b, v) -> b.ward(v))
                .use(optionalText)
                .inSetter((b, v) -> b.district(v))
                .use(text)
                .withProbability(0.7)
                .inSetter((b, v) -> b.city(v))
                .use(optionalText)
                .inSetter((b, v) -> b.region(v))
                .use(optionalText)
                .inSetter((b, v) -> b.postalCode(v))
                .use(text)
                .withProbability(0.7)
                .inSetter((b, v) -> b.countryCode(v))
                .use(geo)
                .inSetter((b, v) -> b.geo(v))
                .build(Address.Builder::build);
        Arbitrary<ChannelOrderLine> lines = Builders.withBuilder(ChannelOrderLine::builder)
                .use(text)
                .inSetter((b, v) -> b.channelLineId(v))
                .use(Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(20)
                        .map(Sku::of))
                .inSetter((b, v) -> b.sku(v))
                .use(optionalText)
                .inSetter((b, v) -> b.title(v))
                .use(Arbitraries.longs())
                .inSetter((b, v) -> b.quantity(v))
                .use(money)
                .inSetter((b, v) -> b.unitPrice(v))
                .use(money.optional())
                .inSetter((b, v) -> b.discount(v))
                .use(Arbitraries.integers().between(0, 9999).map(n -> new VatRate(BigDecimal.valueOf(n, 4))))
                .withProbability(0.8)
                .inSetter((b, v) -> b.vatRate(v))
                .use(attributes)
                .inSetter((b, v) -> b.attributes(v))
                .build(ChannelOrderLine.Builder::build);
        return Builders.withBuilder(ChannelOrder::builder)
                .use(text)
                .inSetter((b, v) -> b.channelOrderId(v))
                .use(buyers)
                .inSetter((b, v) -> b.buyer(v))
                .use(addresses)
                .inSetter((b, v) -> b.shippingAddress(v))
                .use(addresses.optional())
                .inSetter((b, v) -> b.billingAddress(v))
                .use(currencies)
                .inSetter((b, v) -> b.currency(v))
                .use(Arbitraries.of(TaxMode.class))
                .withProbability(0.7)
                .inSetter((b, v) -> b.taxMode(v))
                .use(lines.list().ofMaxSize(4))
                .inSetter((b, v) -> b.lines(v))
                .use(money.optional())
                .inSetter((b, v) -> b.shippingFee(v))
                .use(Arbitraries.of(PaymentMethod.class))
                .withProbability(0.7)
                .inSetter((b, v) -> b.paymentMethod(v))
                .use(Arbitraries.of("PAID", "COD_PENDING", "AUTHORIZED")
                        .map(State::of)
                        .optional())
                .inSetter((b, v) -> b.paymentStatus(v))
                .use(money.optional())
                .inSetter((b, v) -> b.total(v))
                .use(instants)
                .inSetter((b, v) -> b.placedAt(v))
                .use(text)
                .inSetter((b, v) -> b.channelStatus(v))
                .use(instants)
                .inSetter((b, v) -> b.updatedAt(v))
                .use(attributes)
                .inSetter((b, v) -> b.attributes(v))
                .build(ChannelOrder.Builder::build);
    }

    @Nested
    class BadInput {
        static Stream<Arguments> badInputs() {
            return Stream.of(
                    bad("not JSON", "order", "MALFORMED", raw("{\"format\": 1, \"buyer\": {\"name\": Nguyen Van An}}")),
                    bad("empty text", "order", "MALFORMED", raw("")),
                    bad("only white space", "order", "MALFORMED", raw("  \n ")),
                    bad("trailing content", "order", "MALFORMED", raw(ChannelOrderJson.write(full()) + " {}")),
                    bad("duplicate field", "order", "MALFORMED", raw("{\"format\": 1, \"format\": 1}")),
                    bad("an array", "order", "WRONG_TYPE", raw("[1]")),
                    bad("a string", "order", "WRONG_TYPE", raw("\"order\"")),
                    bad("no format", "order.format", "MISSING", edit(o -> o.remove("format"))),
                    bad("format 2", "order.format", "UNSUPPORTED_FORMAT", edit(o -> o.put("format", 2))),
                    bad("format 0", "order.format", "UNSUPPORTED_FORMAT", edit(o -> o.put("format", 0))),
                    bad("huge format", "order.format", "UNSUPPORTED_FORMAT", raw("{\"format\": 99999999999999999999}")),
                    bad("format as text", "order.format", "WRONG_TYPE", edit(o -> o.put("format", "1"))),
                    bad("format as decimal", "order.format", "WRONG_TYPE", edit(o -> o.put("format", 1.0))),
                    bad("missing order id", "order.channelOrderId", "MISSING", edit(o -> o.remove("channelOrderId"))),
                    bad("null order id", "order.channelOrderId", "MISSING", edit(o -> o.putNull("channelOrderId"))),
                    bad(
                            "numeric order id",
                            "order.channelOrderId",
                            "WRONG_TYPE",
                            edit(o -> o.put("channelOrderId", 7))),
                    bad("buyer as text", "order.buyer", "WRONG_TYPE", edit(o -> o.put("buyer", BUYER_NAME))),
                    bad("buyer name missing", "order.buyer.name", "MISSING", edit(o -> obj(o, "buyer")
                            .remove("name"))),
                    bad("email as number", "order.buyer.email", "WRONG_TYPE", edit(o -> obj(o, "buyer")
                            .put("email", 1))),
                    bad("address street missing", "order.shippingAddress.line1", "MISSING", edit(o -> obj(
                                    o, "shippingAddress")
                            .remove("line1"))),
                    bad(
                            "billing address as array",
                            "order.billingAddress",
                            "WRONG_TYPE",
                            edit(o -> o.putArray("billingAddress"))),
                    bad("geo latitude missing", "order.billingAddress.geo.latitude", "MISSING", edit(o -> obj(
                                    obj(o, "billingAddress"), "geo")
                            .remove("latitude"))),
                    bad("geo latitude as text", "order.shippingAddress.geo.latitude", "WRONG_TYPE", edit(o -> obj(
                                    obj(o, "shippingAddress"), "geo")
                            .put("latitude", "10.7"))),
                    bad("geo out of range", "order.shippingAddress.geo", "OUT_OF_RANGE", edit(o -> obj(
                                    obj(o, "shippingAddress"), "geo")
                            .put("latitude", 91.0))),
                    bad("unknown currency", "order.currency", "MALFORMED", edit(o -> o.put("currency", "EURO"))),
                    bad("unknown tax mode", "order.taxMode", "MALFORMED", edit(o -> o.put("taxMode", "GROSS"))),
                    bad("missing tax mode", "order.taxMode", "MISSING", edit(o -> o.remove("taxMode"))),
                    bad("lines as object", "order.lines", "WRONG_TYPE", edit(o -> o.putObject("lines"))),
                    bad("line as text", "order.lines[1]", "WRONG_TYPE", edit(o -> ((ArrayNode) o.get("lines"))
                            .set(1, o.textNode("x")))),
                    bad("unit price missing", "order.lines[0].unitPrice", "MISSING", edit(o -> line(o, 0)
                            .remove("unitPrice"))),
                    bad("unit price as number", "order.lines[0].unitPrice", "WRONG_TYPE", edit(o -> line(o, 0)
                            .put("unitPrice", 12.5))),
                    bad("amount as number", "order.lines[0].unitPrice.amount", "WRONG_TYPE", edit(o -> obj(
                                    line(o, 0), "unitPrice")
                            .put("amount", 12.5))),
                    bad("amount with exponent", "order.lines[0].unitPrice.amount", "MALFORMED", edit(o -> obj(
                                    line(o, 0), "unitPrice")
                            .put("amount", "1E+999999999"))),
                    bad("amount not a number", "order.lines[0].unitPrice.amount", "MALFORMED", edit(o -> obj(
                                    line(o, 0), "unitPrice")
                            .put("amount", "twelve"))),
                    bad("amount with too many decimals", "order.lines[2].unitPrice.amount", "MALFORMED", edit(o -> obj(
                                    line(o, 2), "unitPrice")
                            .put("amount", "0.999"))),
                    bad("amount without currency", "order.lines[0].discount.currency", "MISSING", edit(o -> obj(
                                    line(o, 0), "discount")
                            .remove("currency"))),
                    bad("pseudo currency of an amount", "order.shippingFee.currency", "MALFORMED", edit(o -> obj(
                                    o, "shippingFee")
                            .put("currency", "XXX"))),
                    bad("unknown field in an amount", "order.total.scale", "UNKNOWN_FIELD", edit(o -> obj(o, "total")
                            .put("scale", 2))),
                    bad("quantity as text", "order.lines[0].quantity", "WRONG_TYPE", edit(o -> line(o, 0)
                            .put("quantity", "3"))),
                    bad("fractional quantity", "order.lines[0].quantity", "WRONG_TYPE", edit(o -> line(o, 0)
                            .put("quantity", 1.5))),
                    bad("quantity beyond long", "order.lines[0].quantity", "OUT_OF_RANGE", edit(o -> line(o, 0)
                            .put("quantity", new java.math.BigInteger("9223372036854775808")))),
                    bad("blank sku", "order.lines[1].sku", "MALFORMED", edit(o -> line(o, 1)
                            .put("sku", " "))),
                    bad("vat rate of one", "order.lines[0].vatRate", "MALFORMED", edit(o -> line(o, 0)
                            .put("vatRate", "1"))),
                    bad("vat rate as number", "order.lines[0].vatRate", "WRONG_TYPE", edit(o -> line(o, 0)
                            .put("vatRate", 0.1))),
                    bad("line attribute as boolean", "order.lines[0].attributes", "WRONG_TYPE", edit(o -> obj(
                                    line(o, 0), "attributes")
                            .put("gift", true))),
                    bad("unknown line field", "order.lines[2].colour", "UNKNOWN_FIELD", edit(o -> line(o, 2)
                            .put("colour", "red"))),
                    bad(
                            "lower-case payment status",
                            "order.paymentStatus",
                            "MALFORMED",
                            edit(o -> o.put("paymentStatus", "paid"))),
                    bad(
                            "unknown payment method",
                            "order.paymentMethod",
                            "MALFORMED",
                            edit(o -> o.put("paymentMethod", "BARTER"))),
                    bad(
                            "placedAt not an instant",
                            "order.placedAt",
                            "MALFORMED",
                            edit(o -> o.put("placedAt", "yesterday"))),
                    bad(
                            "updatedAt without zone",
                            "order.updatedAt",
                            "MALFORMED",
                            edit(o -> o.put("updatedAt", "2026-12-01T08:00:00"))),
                    bad(
                            "updatedAt as epoch number",
                            "order.updatedAt",
                            "WRONG_TYPE",
                            edit(o -> o.put("updatedAt", 1_700_000_000L))),
                    bad("attributes missing", "order.attributes", "MISSING", edit(o -> o.remove("attributes"))),
                    bad("attribute as null", "order.attributes", "WRONG_TYPE", edit(o -> obj(o, "attributes")
                            .putNull("note"))),
                    bad(
                            "unknown top-level field",
                            "order.priority",
                            "UNKNOWN_FIELD",
                            edit(o -> o.put("priority", "high"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badInputs")
        void read_badInput_throwsNamingTheField(String label, String field, String code, String json) {
            InvalidArgumentException e =
                    catchThrowableOfType(InvalidArgumentException.class, () -> ChannelOrderJson.read(json));

            assertThat(e).as(label).isNotNull();
            assertThat(e.violations()).hasSize(1);
            Violation v = e.violations().get(0);
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.code()).isEqualTo(code);
            assertThat(e.getMessage()).startsWith(field + ": ");
            assertThat(e.getCause()).isNull();
            assertThat(e.getMessage())
                    .doesNotContain(BUYER_NAME)
                    .doesNotContain("Nguyen")
                    .doesNotContain(EMAIL)
                    .doesNotContain(PHONE)
                    .doesNotContain(STREET);
        }

        @Test
        void read_null_throwsNamingTheOrder() {
            InvalidArgumentException e =
                    catchThrowableOfType(InvalidArgumentException.class, () -> ChannelOrderJson.read(null));

            assertThat(e.violations().get(0).field()).isEqualTo("order");
            assertThat(e.violations().get(0).code()).isEqualTo("MISSING");
        }

        @Test
        void read_nullOptional_readsAsAbsent() {
            ChannelOrder back = ChannelOrderJson.read(edit(o -> {
                o.putNull("billingAddress");
                o.putNull("total");
                obj(o, "buyer").putNull("email");
            }));

            assertThat(back.billingAddress()).isEmpty();
            assertThat(back.total()).isEmpty();
            assertThat(back.buyer().email()).isEmpty();
            assertThat(back.lines()).isEqualTo(full().lines());
        }

        private static Arguments bad(String label, String field, String code, String json) {
            return Arguments.of(label, field, code, json);
        }

        private static String raw(String json) {
            return json;
        }

        /** The JSON of the full order, changed by {@code change}. */
        private static String edit(Consumer<ObjectNode> change) {
            try {
                ObjectNode tree = (ObjectNode) JSON.readTree(ChannelOrderJson.write(full()));
                change.accept(tree);
                return JSON.writeValueAsString(tree);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static ObjectNode obj(ObjectNode parent, String field) {
            return (ObjectNode) parent.get(field);
        }

        private static ObjectNode line(ObjectNode order, int index) {
            return (ObjectNode) order.get("lines").get(index);
        }
    }

    @Test
    void read_handWrittenFormatOne_readsTheOrder() {
        String json =
                """
                {"format": 1, "channelOrderId": "o-9",
                 "buyer": {"name": "B"},
                 "shippingAddress": {"recipient": "R", "phone": "", "line1": "L", "city": "C", "countryCode": "VN"},
                 "currency": "VND", "taxMode": "PRICES_EXCLUDE_TAX",
                 "lines": [{"channelLineId": "1", "sku": "S", "quantity": 2,
                            "unitPrice": {"amount": "199000", "currency": "VND"}, "vatRate": "0.08",
                            "attributes": {}}],
                 "paymentMethod": "PREPAID", "paymentStatus": "PAID",
                 "placedAt": "2026-12-01T08:00:00Z", "channelStatus": "NEW",
                 "updatedAt": "2026-12-01T08:00:00Z", "attributes": {"k": "v"}}
                """;

        ChannelOrder order = ChannelOrderJson.read(json);

        assertThat(order.lines())
                .containsExactly(ChannelOrderLine.builder()
                        .channelLineId("1")
                        .sku(Sku.of("S"))
                        .quantity(2)
                        .unitPrice(Money.of("199000", "VND"))
                        .vatRate(VatRate.percent(8))
                        .build());
        assertThat(order.paymentStatus()).contains(State.of("PAID"));
        assertThat(order.shippingAddress().geo()).isEmpty();
        assertThat(order.attributes()).containsExactlyEntriesOf(java.util.Map.of("k", "v"));
        assertThat(order.problems()).isEmpty();
        assertThat(roundTrip(order)).isEqualTo(order);
    }
}
