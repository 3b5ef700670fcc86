package dev.omskit.core.internal;

import static dev.omskit.core.TestOrders.AGENT;
import static dev.omskit.core.TestOrders.ORDER_ID;
import static dev.omskit.core.TestOrders.TENANT;
import static dev.omskit.core.TestOrders.address;
import static dev.omskit.core.TestOrders.capture;
import static dev.omskit.core.TestOrders.line;
import static dev.omskit.core.TestOrders.vnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.event.OrderEvent.LineMove;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Canonical fingerprints")
class CanonicalTest {

    /** A capture with every kind of attribute set: optionals, lists, maps, money, enums, instants. */
    private static CaptureOrder.Builder fullCapture() {
        return capture()
                .idempotencyKey(IdempotencyKey.of("k-1"))
                .customer(CustomerId.of("c-9"))
                .billingAddress(address())
                .addLines(
                        line("SKU-A", 2, 100_000, 20_000, "0.1"),
                        LineInput.builder()
                                .lineId("X-2")
                                .sku("SKU-B")
                                .title("Áo dài")
                                .quantity(1)
                                .unitPrice(vnd(50_000))
                                .putAttributes("size", "M")
                                .build())
                .shippingFee(vnd(30_000))
                .paymentStatus(PaymentStates.PAID)
                .expectedTotal(vnd(248_000))
                .placedAt(Instant.parse("2026-11-21T10:00:00Z"))
                .putAttributes("campaign", "11.11")
                .putAttributes("note", "call first");
    }

    @Nested
    @DisplayName("equal commands")
    class Equal {
        @Test
        @DisplayName("have the same fingerprint when built twice, a 64-digit hex SHA-256")
        void fingerprint_sameCommandBuiltTwice_isEqual() {
            CaptureOrder a = fullCapture().build();
            CaptureOrder b = fullCapture().build();

            assertThat(a).isNotSameAs(b);
            assertThat(Canonical.fingerprint(a)).isEqualTo(Canonical.fingerprint(b));
            assertThat(Canonical.form(a)).isEqualTo(Canonical.form(b));
            assertThat(Canonical.fingerprint(a)).matches("[0-9a-f]{64}");
        }

        @Test
        @DisplayName("have the same fingerprint when an amount is written with another scale (1.5 and 1.50 EUR)")
        void fingerprint_moneyScale_isIrrelevant() {
            assertThat(Canonical.fingerprint(Money.of("1.5", "EUR")))
                    .isEqualTo(Canonical.fingerprint(Money.of("1.50", "EUR")));
            assertThat(Canonical.fingerprint(VatRate.of("0.10"))).isEqualTo(Canonical.fingerprint(VatRate.percent(10)));
        }
    }

    @Nested
    @DisplayName("commands that differ")
    class Different {
        private final String base = Canonical.fingerprint(fullCapture().build());

        private String with(UnaryOperator<CaptureOrder.Builder> change) {
            return Canonical.fingerprint(change.apply(fullCapture()).build());
        }

        @Test
        @DisplayName("in any one field have different fingerprints, each different from the others")
        void fingerprint_anyFieldDiffers_differs() {
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("tenant", with(b -> b.tenant(TenantId.of("shop-2"))));
            variants.put("actor", with(b -> b.actor(Actor.agent("minh"))));
            variants.put("actor on behalf", with(b -> b.actor(Actor.agentFor("linh", CustomerId.of("c-9")))));
            variants.put("idempotency key", with(b -> b.idempotencyKey(IdempotencyKey.of("k-2"))));
            variants.put("channel", with(b -> b.channel(Channel.of("shopee-vn", ChannelKind.WEB_STORE))));
            variants.put("channel order id", with(b -> b.channelOrderId("SHP-240002")));
            variants.put("customer", with(b -> b.customer(CustomerId.of("c-10"))));
            variants.put("currency", with(b -> b.currency("EUR")));
            variants.put("tax mode", with(b -> b.taxMode(TaxMode.PRICES_INCLUDE_TAX)));
            variants.put("payment method", with(b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)));
            variants.put("payment status", with(b -> b.paymentStatus(PaymentStates.AUTHORIZED)));
            variants.put("shipping fee", with(b -> b.shippingFee(vnd(30_001))));
            variants.put("expected total", with(b -> b.expectedTotal(vnd(1))));
            variants.put("placed at", with(b -> b.placedAt(Instant.parse("2026-11-21T10:00:01Z"))));
            variants.put("attribute value", with(b -> b.putAttributes("note", "call later")));
            variants.put("extra line", with(b -> b.addLines(line("SKU-C", 1, 1))));
            variants.put("line quantity", with(b -> b.lines(List.of(line("SKU-A", 3, 100_000, 20_000, "0.1")))));
            variants.put(
                    "line order",
                    with(b -> b.lines(List.of(line("SKU-B", 1, 50_000), line("SKU-A", 2, 100_000, 20_000, "0.1")))));
            variants.put("billing address absent", with(b -> b.billingAddress(Optional.empty())));
            variants.put(
                    "buyer name (redacted)",
                    with(b -> b.buyer(Buyer.builder()
                            .name("Nguyen Van B")
                            .email("a@example.vn")
                            .build())));
            variants.put(
                    "buyer e-mail (redacted)",
                    with(b -> b.buyer(Buyer.builder()
                            .name("Nguyen Van A")
                            .email("b@example.vn")
                            .build())));
            variants.put(
                    "recipient (redacted)",
                    with(b -> b.shippingAddress(Address.builder()
                            .from(address())
                            .recipient("Le Thi C")
                            .build())));
            variants.put(
                    "phone (redacted)",
                    with(b -> b.shippingAddress(Address.builder()
                            .from(address())
                            .phone("+84 912 345 679")
                            .build())));

            assertThat(variants.values()).doesNotContain(base);
            assertThat(new HashSet<>(variants.values())).hasSameSizeAs(variants.values());
        }

        @Test
        @DisplayName("in a redacted field print the same but fingerprint differently")
        void fingerprint_redactedBuyerName_differsThoughToStringIsEqual() {
            CaptureOrder anh = fullCapture().buyer(Buyer.named("Anh")).build();
            CaptureOrder binh = fullCapture().buyer(Buyer.named("Binh")).build();

            assertThat(anh.toString()).isEqualTo(binh.toString());
            assertThat(Canonical.form(anh)).contains("name=\"Anh\"");
            assertThat(Canonical.fingerprint(anh)).isNotEqualTo(Canonical.fingerprint(binh));
        }

        @Test
        @DisplayName("of different types with the same values have different fingerprints")
        void fingerprint_differentTypes_differ() {
            assertThat(Canonical.fingerprint(LineId.of("x"))).isNotEqualTo(Canonical.fingerprint(CustomerId.of("x")));
            assertThat(Canonical.fingerprint("1")).isNotEqualTo(Canonical.fingerprint(1));
        }
    }

    @Nested
    @DisplayName("maps and sets")
    class Unordered {
        @Test
        @DisplayName("give the same fingerprint whatever the insertion order of map entries")
        void fingerprint_mapInsertionOrder_isIrrelevant() {
            CaptureOrder ab = fullCapture()
                    .attributes(Map.of())
                    .putAttributes("a", "1")
                    .putAttributes("b", "2")
                    .build();
            CaptureOrder ba = fullCapture()
                    .attributes(Map.of())
                    .putAttributes("b", "2")
                    .putAttributes("a", "1")
                    .build();
            TransitionOrder t12 = transition()
                    .putLines(LineId.of("L1"), 1)
                    .putLines(LineId.of("L2"), 2)
                    .build();
            TransitionOrder t21 = transition()
                    .putLines(LineId.of("L2"), 2)
                    .putLines(LineId.of("L1"), 1)
                    .build();

            assertThat(List.copyOf(ab.attributes().keySet()))
                    .isNotEqualTo(List.copyOf(ba.attributes().keySet()));
            assertThat(Canonical.fingerprint(ab)).isEqualTo(Canonical.fingerprint(ba));
            assertThat(Canonical.fingerprint(t12)).isEqualTo(Canonical.fingerprint(t21));
            assertThat(Canonical.fingerprint(t12))
                    .isNotEqualTo(Canonical.fingerprint(transition()
                            .putLines(LineId.of("L1"), 2)
                            .putLines(LineId.of("L2"), 1)
                            .build()));
        }

        @Test
        @DisplayName("give the same fingerprint whatever the insertion order of set elements")
        void fingerprint_setInsertionOrder_isIrrelevant() {
            EditOrder e12 =
                    edit().addRemoveLines(LineId.of("L1"), LineId.of("L2")).build();
            EditOrder e21 =
                    edit().addRemoveLines(LineId.of("L2"), LineId.of("L1")).build();

            assertThat(List.copyOf(e12.removeLines())).isNotEqualTo(List.copyOf(e21.removeLines()));
            assertThat(Canonical.fingerprint(e12)).isEqualTo(Canonical.fingerprint(e21));
            assertThat(Canonical.fingerprint(new LinkedHashSet<>(List.of("b", "a", "c"))))
                    .isEqualTo(Canonical.fingerprint(new LinkedHashSet<>(List.of("c", "b", "a"))));
        }

        @Test
        @DisplayName("are written sorted by their canonical form")
        void form_mapAndSet_sorted() {
            Map<String, Integer> map = new LinkedHashMap<>();
            map.put("b", 2);
            map.put("a", 1);

            assertThat(Canonical.form(map)).isEqualTo("{\"a\":1,\"b\":2,}");
            assertThat(Canonical.form(new TreeMap<>(map))).isEqualTo(Canonical.form(map));
            assertThat(Canonical.form(new LinkedHashSet<>(List.of("y", "x")))).isEqualTo("[\"x\",\"y\"]");
            assertThat(Canonical.form(List.of("y", "x"))).isEqualTo("[\"y\",\"x\",]");
            assertThat(Canonical.form(Set.of())).isEqualTo("[]");
        }

        private TransitionOrder.Builder transition() {
            return TransitionOrder.builder()
                    .tenant(TENANT)
                    .orderId(ORDER_ID)
                    .actor(AGENT)
                    .trigger(OrderTriggers.ALLOCATE);
        }

        private EditOrder.Builder edit() {
            return EditOrder.builder().tenant(TENANT).orderId(ORDER_ID).actor(AGENT);
        }
    }

    @Nested
    @DisplayName("the canonical form")
    class Form {
        @Test
        @DisplayName("of a record lists its components in declaration order")
        void form_record_isExact() {
            LineMove move = new LineMove(LineId.of("L1"), OrderStages.CREATED, OrderStages.ALLOCATED, 2);

            assertThat(Canonical.form(move))
                    .isEqualTo("LineMove(line=LineId(value=\"L1\",),from=State(name=\"CREATED\",),"
                            + "to=State(name=\"ALLOCATED\",),units=2,)");
            assertThat(Canonical.form(Money.of("12.5", "EUR"))).isEqualTo("Money(amount=12.50,currency=EUR,)");
            assertThat(Canonical.form(Actor.agentFor("linh", CustomerId.of("c-9"))))
                    .isEqualTo("Actor(kind=AGENT,id=\"linh\",onBehalfOf=CustomerId(value=\"c-9\",),)");
        }

        @Test
        @DisplayName("of a command lists its fields by name, absent optionals as null, and escapes quotes")
        void form_command_isExact() {
            ReleaseHold release = ReleaseHold.builder()
                    .tenant(TENANT)
                    .orderId(ORDER_ID)
                    .actor(AGENT)
                    .expectedVersion(3L)
                    .type(HoldType.FRAUD)
                    .note("said \"ok\" \\ twice")
                    .build();

            assertThat(Canonical.form(release))
                    .isEqualTo("ReleaseHold(actor=Actor(kind=AGENT,id=\"linh\",onBehalfOf=null,),expectedVersion=3,"
                            + "idempotencyKey=null,note=\"said \\\"ok\\\" \\\\ twice\",orderId=OrderId(value=\"o-1001\",),"
                            + "tenant=TenantId(value=\"shop-1\",),type=HoldType(name=\"FRAUD\",),)");
        }

        @Test
        @DisplayName("of a line input includes defaults and every field")
        void form_lineInput_isExact() {
            LineInput in = LineInput.builder()
                    .sku("SKU-A")
                    .quantity(2)
                    .unitPrice(vnd(100_000))
                    .putAttributes("size", "M")
                    .build();

            assertThat(Canonical.form(in))
                    .isEqualTo("LineInput(attributes={\"size\":\"M\",},discount=null,lineId=null,quantity=2,"
                            + "sku=\"SKU-A\",title=null,unitPrice=Money(amount=100000,currency=VND,),"
                            + "vatRate=VatRate(fraction=0,),)");
        }
    }
}
