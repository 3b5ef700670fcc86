package dev.omskit.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import java.io.File;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Stored text the codec cannot read, and values it cannot write: an {@link InternalException} naming the
 * JSON path and the Java type, never quoting what was stored (the buyer of the order below is "Pham Thu
 * Ha", "0987654321", ..., and none of it may show).
 */
@DisplayName("Codec bad input")
class CodecBadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "Secret Buyer Name";
    static StoredValues stored;
    final Codec codec = Codec.create();

    @BeforeAll
    static void runFlows() {
        stored = StoredValues.run();
    }

    /** The first stored order, written compactly, with its buyer renamed to {@link #SECRET}, then changed. */
    String order(Consumer<ObjectNode> change) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(codec.write(stored.orders.get(0), Order.class));
        ((ObjectNode) node.get("buyer")).put("name", SECRET);
        change.accept(node);
        return JSON.writeValueAsString(node);
    }

    /** Asserts an internal error whose message names {@code path} and {@code type} and quotes no value. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Runnable read, String path, String type) {
        return assertThatThrownBy(read::run)
                .isExactlyInstanceOf(InternalException.class)
                .hasMessageContaining(" " + path + " ")
                .hasMessageContaining(type)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, "Pham", "0987654321", "seven"));
    }

    @Test
    void notJson_isRefused_withoutQuotingTheText() {
        for (String text : new String[] {"{\"name\": \"" + SECRET, SECRET, "{} " + SECRET, "", "{\"a\":1,\"a\":2}"}) {
            assertThatThrownBy(() -> codec.read(text, Order.class))
                    .isExactlyInstanceOf(InternalException.class)
                    .hasMessageStartingWith("the stored text is not JSON")
                    .hasMessageContaining("dev.omskit.core.order.Order")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
        assertThatThrownBy(() -> codec.read("null", Order.class))
                .isExactlyInstanceOf(InternalException.class)
                .hasMessageContaining("at $");
    }

    @Test
    void missingRequiredFields_areRefused_namingTheirPath() throws Exception {
        String noBuyer = order(n -> n.remove("buyer"));
        assertRefused(() -> codec.read(noBuyer, Order.class), "$.buyer", "dev.omskit.core.model.Buyer")
                .hasMessageContaining("missing");
        String noSku = order(n -> ((ObjectNode) n.get("lines").get(0)).remove("sku"));
        assertRefused(() -> codec.read(noSku, Order.class), "$.lines[0].sku", "dev.omskit.core.model.Sku");
        String noAmount = order(n -> ((ObjectNode) n.get("shippingFee")).remove("amount"));
        assertRefused(() -> codec.read(noAmount, Order.class), "$.shippingFee.amount", "java.math.BigDecimal");
    }

    @Test
    void wrongJsonTypes_areRefused_namingThePathAndTheJavaType() throws Exception {
        String versionText = order(n -> n.put("version", "seven"));
        assertRefused(() -> codec.read(versionText, Order.class), "$.version", "long")
                .hasMessageContaining("expected an integer, found a string");
        String linesObject = order(n -> n.set("lines", JSON.createObjectNode()));
        assertRefused(() -> codec.read(linesObject, Order.class), "$.lines", "java.util.List");
        String unitsText = order(
                n -> ((ObjectNode) n.get("lines").get(0).get("quantities").get("byStage")).put("DELIVERED", "seven"));
        assertRefused(() -> codec.read(unitsText, Order.class), "$.lines[0].quantities.byStage{1}", "int");
        String badInstant = order(n -> n.put("createdAt", "seven o'clock"));
        assertRefused(() -> codec.read(badInstant, Order.class), "$.createdAt", "java.time.Instant");
        String badEnum = order(n -> n.put("paymentMethod", "seven"));
        assertRefused(() -> codec.read(badEnum, Order.class), "$.paymentMethod", "PaymentMethod");
        String badCurrency = order(n -> n.put("currency", "seven"));
        assertRefused(() -> codec.read(badCurrency, Order.class), "$.currency", "java.util.Currency");
        String buyerArray = order(n -> n.set("buyer", JSON.createArrayNode().add(SECRET)));
        assertRefused(() -> codec.read(buyerArray, Order.class), "$.buyer", "dev.omskit.core.model.Buyer");
        String outOfRange = order(
                n -> ((ObjectNode) n.get("lines").get(0).get("quantities").get("byStage")).put("DELIVERED", 1L << 40));
        assertRefused(() -> codec.read(outOfRange, Order.class), "$.lines[0].quantities.byStage{1}", "int")
                .hasMessageContaining("out of range");
    }

    @Test
    void unknownOrMissingTypeTags_areRefused() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(codec.write(stored.orderEvents.get(0), OrderEvent.class));
        event.put("@type", "OrderTeleported");
        assertRefused(() -> codec.read(event.toString(), OrderEvent.class), "$.@type", "OrderEvent")
                .hasMessageContaining("unknown @type")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Teleported"));
        event.remove("@type");
        assertRefused(() -> codec.read(event.toString(), OrderEvent.class), "$.@type", "OrderEvent");
        ObjectNode edited = (ObjectNode) JSON.readTree(codec.write(
                stored.orderEvents.stream()
                        .filter(OrderEvent.OrderEdited.class::isInstance)
                        .findFirst()
                        .orElseThrow(),
                OrderEvent.class));
        ((ObjectNode) ((ArrayNode) edited.get("changes")).get(0)).put("@type", "LineTeleported");
        assertRefused(() -> codec.read(edited.toString(), OrderEvent.class), "$.changes[0].@type", "Change");
    }

    @Test
    void classTagsOutsideOmskit_orOfTheWrongType_areRefused_andNothingIsLoaded() throws Exception {
        String outside = "{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"" + SECRET + "\"]}";
        assertRefused(() -> codec.read(outside, Object.class), "$.@class", "java.lang.Object")
                .hasMessageContaining("outside dev.omskit.");
        assertRefused(() -> codec.read(outside, OmsEvent.class), "$.@class", "OmsEvent");
        String order = codec.write(stored.orders.get(0));
        assertRefused(() -> codec.read(order, OmsEvent.class), "$.@class", "OmsEvent")
                .hasMessageContaining("not a dev.omskit.core.event.OmsEvent");
        assertRefused(() -> codec.read(order, OrderDocument.class), "$.@class", "OrderDocument");
        assertRefused(() -> codec.read(order, Money.class), "$.@class", "Money").hasMessageContaining("another type");
        String nowhere = "{\"@class\":\"dev.omskit.core.NoSuchThing\"}";
        assertRefused(() -> codec.read(nowhere, Object.class), "$.@class", "java.lang.Object")
                .hasMessageContaining("names no class");
        String notAValue = "{\"@class\":\"dev.omskit.core.Oms\"}";
        assertRefused(() -> codec.read(notAValue, Object.class), "$.@class", "java.lang.Object");
        String noTag = codec.write(
                stored.documents.get(0), stored.documents.get(0).kind().type());
        assertRefused(() -> codec.read(noTag, OrderDocument.class), "$.@class", "OrderDocument")
                .hasMessageContaining("missing");
    }

    @Test
    void aStoredValueThatNoLongerValidates_throwsTheCoresException() throws Exception {
        String usdFee = order(
                n -> ((ObjectNode) n.get("shippingFee")).put("currency", "USD").put("amount", "1.00"));
        assertThatThrownBy(() -> codec.read(usdFee, Order.class))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("shipping fee");
        String negativeVersion = order(n -> n.put("version", 0));
        assertThatThrownBy(() -> codec.read(negativeVersion, Order.class)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void typesTheCodecDoesNotCover_areRefusedOnWrite_namingTheTypeAndPath() {
        Samples.WithFile value = new Samples.WithFile("x", new File("/tmp/x"));
        assertThatThrownBy(() -> codec.write(value))
                .isExactlyInstanceOf(InternalException.class)
                .hasMessage("the codec cannot write java.io.File at $.file");
        assertThat(codec.uncovered(Samples.WithFile.class))
                .singleElement()
                .asString()
                .startsWith("java.io.File");
        assertThatThrownBy(() -> codec.write(new Samples.Holder("plain string")))
                .isExactlyInstanceOf(InternalException.class)
                .hasMessageContaining("java.lang.String at $.value");
        assertThatThrownBy(() -> codec.read("{\"name\":\"x\",\"file\":\"/tmp\"}", Samples.WithFile.class))
                .isExactlyInstanceOf(InternalException.class)
                .hasMessageContaining("$.file");
    }

    @Test
    void aSealedTypeWithTwoSubclassesOfOneTag_isRefused() {
        assertThatThrownBy(() -> codec.write(new Twin.Leaf(), TagClash.class))
                .isExactlyInstanceOf(InternalException.class)
                .hasMessageContaining("type tag 'Twin.Leaf' twice");
    }
}
