package dev.omskit.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.shipment.Shipment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Codec shapes and determinism")
class CodecShapesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static StoredValues stored;
    final Codec codec = Codec.create();

    @BeforeAll
    static void runFlows() {
        stored = StoredValues.run();
    }

    static List<String> fieldNames(String json) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    Order businessOrder() {
        return stored.orders.get(0);
    }

    @Nested
    @DisplayName("determinism")
    class Determinism {
        @Test
        void money_hasOneLiteralShape_compactAndSelfDescribing() {
            Money money = Money.of("12.50", "USD");
            assertThat(codec.write(money, Money.class)).isEqualTo("{\"amount\":\"12.50\",\"currency\":\"USD\"}");
            assertThat(codec.write(money))
                    .isEqualTo(
                            "{\"@class\":\"dev.omskit.core.model.Money\",\"amount\":\"12.50\",\"currency\":\"USD\"}");
        }

        @Test
        void sameValueTwice_andEqualValuesBuiltApart_writeTheSameText() {
            Order order = businessOrder();
            Order rebuilt = Order.builder().from(order).build();
            assertThat(rebuilt).isNotSameAs(order).isEqualTo(order);
            assertThat(codec.write(order)).isEqualTo(codec.write(order)).isEqualTo(codec.write(rebuilt));
            assertThat(Codec.create().write(order)).as("another codec").isEqualTo(codec.write(order));
        }

        @Test
        void orderAttributes_areWrittenInSourceOrder_withoutTheLazyTotals() throws Exception {
            List<String> expected = List.of(
                    "tenant",
                    "id",
                    "version",
                    "channel",
                    "channelOrderId",
                    "customer",
                    "buyer",
                    "shippingAddress",
                    "billingAddress",
                    "currency",
                    "taxMode",
                    "lines",
                    "shippingFee",
                    "paymentMethod",
                    "paymentStatus",
                    "payments",
                    "holds",
                    "status",
                    "createdBy",
                    "placedAt",
                    "createdAt",
                    "updatedAt",
                    "attributes");
            assertThat(((ImmutablesConverter) codec.converter(Order.class)).attributeNames())
                    .containsExactlyElementsOf(expected);
            assertThat(fieldNames(codec.write(businessOrder(), Order.class))).containsExactlyElementsOf(expected);
            assertThat(fieldNames(codec.write(businessOrder().lines().get(0), OrderLine.class)))
                    .containsExactly(
                            "id", "sku", "title", "unitPrice", "discount", "vatRate", "quantities", "attributes");
        }

        @Test
        void documentAttributes_includeTheInheritedOrderDocumentAccessors_notTheConstantKind() throws Exception {
            Shipment shipment = (Shipment) stored.documents.stream()
                    .filter(Shipment.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(fieldNames(codec.write(shipment, Shipment.class)))
                    .startsWith("tenant", "orderId", "id", "version", "state", "createdAt", "updatedAt")
                    // kind() and references() are computed by Shipment itself: not attributes
                    .doesNotContain("kind", "references");
        }

        @Test
        void location_writesItsDefaults_notItsDerivedGeo() throws Exception {
            Location warehouse = stored.locations.stream()
                    .filter(l -> l.id().equals(StoredValues.WAREHOUSE))
                    .findFirst()
                    .orElseThrow();
            assertThat(warehouse.geo()).isPresent();
            List<String> names = fieldNames(codec.write(warehouse, Location.class));
            assertThat(names).contains("zone", "priority", "active", "dailyCapacityUnits", "cutOffTime");
            assertThat(names).doesNotContain("geo");
            assertThat(codec.read(codec.write(warehouse), Location.class).geo()).isEqualTo(warehouse.geo());
        }

        @Test
        void hashOrderedSetsAndMaps_areWrittenSorted_orderedOnesKeepTheirOrder() {
            Samples.Bag hashed = new Samples.Bag(Set.of("pear", "apple", "fig"), Map.of("b", 2, "c", 3, "a", 1));
            assertThat(codec.write(hashed, Samples.Bag.class))
                    .isEqualTo("{\"tags\":[\"apple\",\"fig\",\"pear\"],\"counts\":{\"a\":1,\"b\":2,\"c\":3}}");
            Set<String> tags = new LinkedHashSet<>(List.of("pear", "apple", "fig"));
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("c", 3);
            counts.put("a", 1);
            Samples.Bag linked = new Samples.Bag(tags, counts);
            String text = codec.write(linked, Samples.Bag.class);
            assertThat(text).isEqualTo("{\"tags\":[\"pear\",\"apple\",\"fig\"],\"counts\":{\"c\":3,\"a\":1}}");
            Samples.Bag read = codec.read(text, Samples.Bag.class);
            assertThat(read).isEqualTo(linked);
            assertThat(read.tags()).containsExactly("pear", "apple", "fig");
            assertThat(read.counts().keySet()).containsExactly("c", "a");
        }
    }

    @Nested
    @DisplayName("shapes")
    class Shapes {
        @Test
        void idRecords_areBareStrings_andMapKeys() throws Exception {
            assertThat(codec.write(OrderId.of("o-42"))).isEqualTo("\"o-42\"");
            assertThat(codec.read("\"o-42\"", OrderId.class)).isEqualTo(OrderId.of("o-42"));
            FulfilmentRequest request = (FulfilmentRequest) stored.documents.stream()
                    .filter(FulfilmentRequest.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            JsonNode requested =
                    JSON.readTree(codec.write(request, FulfilmentRequest.class)).get("requested");
            assertThat(requested.isObject()).isTrue();
            List<String> keys = new ArrayList<>();
            requested.fieldNames().forEachRemaining(keys::add);
            assertThat(keys)
                    .containsExactlyElementsOf(request.requested().keySet().stream()
                            .map(l -> l.value())
                            .sorted()
                            .toList());
        }

        @Test
        void sealedValues_startWithTheirTypeTag() throws Exception {
            OrderEvent captured = stored.orderEvents.get(0);
            String text = codec.write(captured, OrderEvent.class);
            assertThat(text).startsWith("{\"@type\":\"OrderCaptured\",\"header\":");
            OrderEvent.OrderEdited edited = stored.orderEvents.stream()
                    .filter(OrderEvent.OrderEdited.class::isInstance)
                    .map(OrderEvent.OrderEdited.class::cast)
                    .findFirst()
                    .orElseThrow();
            JsonNode changes =
                    JSON.readTree(codec.write(edited, OrderEvent.class)).get("changes");
            assertThat(changes.get(0).fieldNames().next()).isEqualTo("@type");
            assertThat(((Tagged.Sealed) codec.converter(OrderEvent.Change.class))
                            .tags()
                            .keySet())
                    .containsExactlyInAnyOrder(
                            "BuyerChanged",
                            "ShippingAddressChanged",
                            "LineAdded",
                            "LineRemoved",
                            "LineQuantityChanged");
        }

        @Test
        void openTypes_nameTheModelType_notTheGeneratedClass() throws Exception {
            Shipment shipment = (Shipment) stored.documents.stream()
                    .filter(Shipment.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(shipment.getClass().getSimpleName()).isEqualTo("ImmutableShipment");
            String text = codec.write(new Samples.Holder(shipment), Samples.Holder.class);
            assertThat(JSON.readTree(text).get("value").get("@class").textValue())
                    .isEqualTo("dev.omskit.core.shipment.Shipment");
            assertThat(codec.read(text, Samples.Holder.class)).isEqualTo(new Samples.Holder(shipment));
        }

        @Test
        void emptyOptionals_areLeftOut_andAbsentOrNullReadsEmpty() {
            Actor agent = Actor.agent("agent-1");
            assertThat(codec.write(agent, Actor.class)).isEqualTo("{\"kind\":\"AGENT\",\"id\":\"agent-1\"}");
            assertThat(codec.read("{\"kind\":\"AGENT\",\"id\":\"agent-1\",\"onBehalfOf\":null}", Actor.class))
                    .isEqualTo(agent);
            Actor onBehalf = Actor.agentFor("agent-1", CustomerId.of("cus-1"));
            assertThat(codec.write(onBehalf, Actor.class))
                    .isEqualTo("{\"kind\":\"AGENT\",\"id\":\"agent-1\",\"onBehalfOf\":\"cus-1\"}");
        }

        @Test
        void decimals_keepTheirScale_evenNegative() {
            for (String text : List.of("0.100", "12", "12.5000", "-0.01", "1E+3", "123456789012345678901234567890.5")) {
                Samples.Amount amount = new Samples.Amount(new BigDecimal(text));
                Samples.Amount read = codec.read(codec.write(amount), Samples.Amount.class);
                assertThat(read).isEqualTo(amount);
                assertThat(read.value().scale()).isEqualTo(amount.value().scale());
            }
            assertThat(codec.write(new Samples.Amount(new BigDecimal("0.100")), Samples.Amount.class))
                    .isEqualTo("{\"value\":\"0.100\"}");
        }

        @Test
        void everyScalarAndContainer_roundTrips() {
            Samples.Everything all = new Samples.Everything(
                    "text \"quoted\" \u1ea0",
                    -7,
                    Long.MAX_VALUE,
                    0.1 + 0.2,
                    true,
                    new BigDecimal("99.990"),
                    Instant.parse("2026-11-11T08:00:00.123456789Z"),
                    LocalDate.of(2026, 2, 28),
                    ZonedDateTime.parse("2026-11-11T15:00:00.5+07:00[Asia/Ho_Chi_Minh]"),
                    Duration.ofMillis(90_061_001),
                    UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                    Optional.of("here"),
                    OptionalInt.of(3),
                    List.of(3, 1, 2),
                    new LinkedHashSet<>(List.of("z", "a")),
                    new TreeSet<>(List.of("b", "a")),
                    Map.of("k", 1),
                    new TreeMap<>(Map.of(10, "ten", 2, "two")),
                    new int[] {4, 5});
            String text = codec.write(all);
            assertThat(codec.read(text, Samples.Everything.class)).isEqualTo(all);
            assertThat(text)
                    .contains(
                            "\"at\":\"2026-11-11T08:00:00.123456789Z\"", "\"byNumber\":{\"2\":\"two\",\"10\":\"ten\"}");
            Samples.Everything empty = new Samples.Everything(
                    "",
                    0,
                    0,
                    Double.NaN,
                    false,
                    BigDecimal.ZERO,
                    Instant.EPOCH,
                    LocalDate.MIN,
                    ZonedDateTime.parse("2026-01-01T00:00Z"),
                    Duration.ZERO,
                    new UUID(0, 0),
                    Optional.empty(),
                    OptionalInt.empty(),
                    List.of(),
                    Set.of(),
                    new TreeSet<>(),
                    Map.of(),
                    new TreeMap<>(),
                    new int[0]);
            String emptyText = codec.write(empty);
            assertThat(emptyText).doesNotContain("maybe");
            assertThat(codec.read(emptyText, Samples.Everything.class)).isEqualTo(empty);
        }

        @Test
        void statesAndLineQuantities_keepTheirStageOrder() {
            OrderLine line = businessOrder().lines().get(0);
            OrderLine read = codec.read(codec.write(line), OrderLine.class);
            assertThat(read).isEqualTo(line);
            assertThat(new ArrayList<State>(read.quantities().byStage().keySet()))
                    .containsExactlyElementsOf(line.quantities().byStage().keySet());
        }

        @Test
        void fieldsTheTypeDoesNotHave_areIgnored() {
            assertThat(codec.read("{\"amount\":\"1.00\",\"currency\":\"USD\",\"note\":\"old\"}", Money.class))
                    .isEqualTo(Money.of("1.00", "USD"));
        }
    }

    @Test
    void oneCodec_usedByManyThreadsAtOnce_readsEverythingBackEqual() throws Exception {
        Codec fresh = Codec.create();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Callable<Integer> work = () -> {
                    start.await();
                    int checked = 0;
                    List<Object> values = new ArrayList<>();
                    values.addAll(stored.documentEvents);
                    values.addAll(stored.orderEvents);
                    values.addAll(stored.idempotencyRecords);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get((i + offset * 7) % values.size());
                        if (!fresh.read(fresh.write(v), Object.class).equals(v)) {
                            throw new AssertionError("value " + i + " did not read back equal");
                        }
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
