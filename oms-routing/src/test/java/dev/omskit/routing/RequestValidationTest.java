package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.routing.profile.RoutingProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a request and a snapshot refuse, with the fields named, and the request built from a core order. */
class RequestValidationTest {
    private static List<Violation> violations(ThrowingCallable call) {
        InvalidArgumentException[] caught = new InvalidArgumentException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class, e -> caught[0] = e);
        return caught[0].violations();
    }

    private static RoutingRequest.Builder base() {
        return RoutingRequest.builder().tenant(TENANT).destination(hcm());
    }

    @Nested
    class Request {
        @Test
        void build_noLines_namesLines() {
            assertThat(violations(() -> base().build()))
                    .containsExactly(Violation.of("lines", "EMPTY", "a routing request needs at least one line"));
        }

        @Test
        void build_duplicateRefs_namesTheRef() {
            assertThat(violations(() -> base().addLines(line("l1", TEE, 1), line("l1", MUG, 1))
                            .build()))
                    .containsExactly(Violation.of("lines[l1].ref", "DUPLICATE", "line ref 'l1' appears twice"));
        }

        @Test
        void line_quantityZero_namesTheLinesQuantity() {
            assertThat(violations(() -> line("l1", TEE, 0)))
                    .containsExactly(Violation.of(
                            "lines[l1].quantity", "NOT_POSITIVE", "line 'l1' must want at least 1 unit; was 0"));
        }

        @Test
        void line_blankRef_namesTheRef() {
            assertThat(violations(() -> line(" ", TEE, 1)))
                    .extracting(Violation::field)
                    .containsExactly("lines.ref");
        }

        @Test
        void build_pickupWithoutPickupLocation_namesPickupLocation() {
            assertThat(violations(() -> RoutingRequest.builder()
                            .tenant(TENANT)
                            .deliveryMethod(DeliveryMethod.PICKUP)
                            .addLines(line("l1", TEE, 1))
                            .build()))
                    .containsExactly(Violation.of(
                            "pickupLocation",
                            "REQUIRED",
                            "a PICKUP request needs the location the customer collects at"));
        }

        @Test
        void build_shipWithoutDestination_namesDestination() {
            assertThat(violations(() -> RoutingRequest.builder()
                            .tenant(TENANT)
                            .addLines(line("l1", TEE, 1))
                            .build()))
                    .containsExactly(
                            Violation.of("destination", "REQUIRED", "a SHIP request needs a destination address"));
        }

        @Test
        void build_severalProblems_namesEveryOne() {
            assertThatThrownBy(() -> RoutingRequest.builder().tenant(TENANT).build())
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::field).containsExactly("lines", "destination");
                        assertThat(e.getMessage()).startsWith("2 problems: lines: ");
                    });
        }

        @Test
        void build_pickupWithoutDestination_isValid() {
            RoutingRequest r = RoutingRequest.builder()
                    .tenant(TENANT)
                    .deliveryMethod(DeliveryMethod.PICKUP)
                    .pickupLocation(ST_Q1)
                    .addLines(line("l1", TEE, 1))
                    .build();

            assertThat(r.destination()).isEmpty();
            assertThat(r.destinationPoint()).isEmpty();
            assertThat(r.reference()).isEqualTo("request");
        }
    }

    @Nested
    class Input {
        @Test
        void available_unknownLocation_namesIt() {
            assertThat(violations(() -> input().available(TEE, LocationId.of("WH-NOPE"), 1)))
                    .containsExactly(Violation.of(
                            "location",
                            "UNKNOWN_LOCATION",
                            "location 'WH-NOPE' is not among the routing input's 7 locations"));
        }

        @Test
        void available_negativeUnits_namesTheSkuAndLocation() {
            assertThat(violations(() -> input().available(TEE, WH_HCM, -1)))
                    .containsExactly(
                            Violation.of("available", "NEGATIVE", "available units of TEE-BLK-M at WH-HCM were -1"));
        }

        @Test
        void usedToday_negative_isRefused() {
            assertThat(violations(() -> input().usedToday(WH_HCM, -2, 0)))
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("usedToday", "NEGATIVE"));
        }

        @Test
        void usedToday_unknownLocation_namesIt() {
            assertThat(violations(() -> input().usedToday(LocationId.of("WH-NOPE"), 1, 1)))
                    .extracting(Violation::code)
                    .containsExactly("UNKNOWN_LOCATION");
        }

        @Test
        void builder_locationTwice_namesIt() {
            List<Location> twice = List.of(locations().get(0), locations().get(0));

            assertThat(violations(() -> RoutingInput.builder(twice)))
                    .containsExactly(Violation.of(
                            "locations", "DUPLICATE", "location 'WH-HCM' appears twice in the routing input"));
        }

        @Test
        void build_snapshot_answersWhatWasSet() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 4).usedToday(WH_HN, 7, 2).build();

            assertThat(input.available(TEE, WH_HCM)).isEqualTo(4);
            assertThat(input.available(TEE, WH_HN)).isZero();
            assertThat(input.available(MUG, WH_HCM)).isZero();
            assertThat(input.available(TEE, LocationId.of("WH-NOPE"))).isZero();
            assertThat(input.unitsUsedToday(WH_HN)).isEqualTo(7);
            assertThat(input.packagesUsedToday(WH_HN)).isEqualTo(2);
            assertThat(input.indexOf(WORKSHOP)).isEqualTo(6);
            assertThat(input.product(GAS)).isPresent();
            assertThat(input.product(Sku.of("UNKNOWN"))).isEmpty();
        }
    }

    @Nested
    class ForOrder {
        private Money vnd(long amount) {
            return Money.of(Long.toString(amount), "VND");
        }

        private OrderLine orderLine(String id, Sku sku, int units, long price, Map<String, String> attributes) {
            return OrderLine.builder()
                    .id(LineId.of(id))
                    .sku(sku)
                    .unitPrice(vnd(price))
                    .discount(vnd(0))
                    .vatRate(VatRate.ZERO)
                    .quantities(LineQuantities.of(OrderStages.CREATED, units))
                    .attributes(attributes)
                    .build();
        }

        private Order order(Map<String, String> attributes) {
            return Order.builder()
                    .tenant(TENANT)
                    .id(OrderId.of("o-1001"))
                    .version(1)
                    .channel(WEB)
                    .channelOrderId("WEB-1001")
                    .buyer(Buyer.named("Nguyen Van A"))
                    .shippingAddress(hcm())
                    .currency(Money.currency("VND"))
                    .taxMode(TaxMode.PRICES_INCLUDE_TAX)
                    .addLines(
                            orderLine("1", PEN, 2, 199_000, Map.of(RoutingLine.PERSONALISATION, "Linh")),
                            orderLine("2", MUG, 1, 99_000, Map.of()),
                            orderLine("3", CAP, 1, 50_000, Map.of()))
                    .shippingFee(vnd(30_000))
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .paymentStatus(PaymentStates.COD_PENDING)
                    .status(OrderStatus.of(OrderStages.CREATED))
                    .createdBy(Actor.agent("linh"))
                    .placedAt(NOW)
                    .createdAt(NOW)
                    .updatedAt(NOW)
                    .attributes(attributes)
                    .build();
        }

        private final Map<LineId, Integer> demand = Map.of(LineId.of("1"), 2, LineId.of("2"), 1, LineId.of("3"), 0);

        @Test
        void forOrder_plainOrder_shipsToTheShippingAddressWithTheLinesThatHaveDemand() {
            Order o = order(Map.of("customerTier", "gold"));

            RoutingRequest r = RoutingRequest.forOrder(o, demand);

            assertThat(r.tenant()).isEqualTo(TENANT);
            assertThat(r.reference()).isEqualTo("o-1001");
            assertThat(r.deliveryMethod()).isEqualTo(DeliveryMethod.SHIP);
            assertThat(r.destination()).contains(hcm());
            assertThat(r.destinationPoint()).contains(HCM_Q1);
            assertThat(r.channel()).contains(WEB);
            assertThat(r.pickupLocation()).isEmpty();
            assertThat(r.orderType()).isEmpty();
            assertThat(r.attributes()).containsExactly(Map.entry("customerTier", "gold"));
            // 2 x 199000 + 99000 + 50000 + 30000 shipping
            assertThat(r.orderValue()).contains(vnd(577_000));
            assertThat(r.lines())
                    .containsExactly(
                            RoutingLine.builder()
                                    .ref("1")
                                    .sku(PEN)
                                    .quantity(2)
                                    .putAttributes(RoutingLine.PERSONALISATION, "Linh")
                                    .build(),
                            RoutingLine.of("2", MUG, 1));
        }

        @Test
        void forOrder_pickupAttributes_makeAPickupRequestWithItsOrderType() {
            Order o = order(Map.of(
                    RoutingRequest.DELIVERY_METHOD_ATTRIBUTE, " pickup ",
                    RoutingRequest.PICKUP_LOCATION_ATTRIBUTE, "ST-Q1",
                    RoutingRequest.ORDER_TYPE_ATTRIBUTE, "preorder"));

            RoutingRequest r = RoutingRequest.forOrder(o, demand);

            assertThat(r.deliveryMethod()).isEqualTo(DeliveryMethod.PICKUP);
            assertThat(r.pickupLocation()).contains(ST_Q1);
            assertThat(r.orderType()).contains("preorder");
            assertThat(r.line("1")).map(RoutingLine::quantity).contains(2);
            assertThat(r.line("3")).isEmpty();
        }

        @Test
        void forOrder_pickupWithoutPickupLocation_namesPickupLocation() {
            Order o = order(Map.of(RoutingRequest.DELIVERY_METHOD_ATTRIBUTE, "PICKUP"));

            assertThat(violations(() -> RoutingRequest.forOrder(o, demand)))
                    .extracting(Violation::field)
                    .containsExactly("pickupLocation");
        }

        @Test
        void forOrder_unknownDeliveryMethod_namesTheAttributeAndTheValue() {
            Order o = order(Map.of(RoutingRequest.DELIVERY_METHOD_ATTRIBUTE, "DRONE"));

            assertThat(violations(() -> RoutingRequest.forOrder(o, demand)))
                    .containsExactly(Violation.of(
                            "attributes.deliveryMethod",
                            "UNKNOWN",
                            "order 'o-1001' has delivery method 'DRONE'; expected SHIP or PICKUP"));
        }

        @Test
        void forOrder_noDemand_isRefusedAsEmpty() {
            Order o = order(Map.of());

            assertThat(violations(() -> RoutingRequest.forOrder(o, Map.of(LineId.of("1"), 0))))
                    .extracting(Violation::field)
                    .containsExactly("lines");
        }

        @Test
        void forOrder_routed_sendsThePersonalisedLineWithItsAttributes() {
            Order o = order(Map.of());
            RoutingInput input =
                    input().available(PEN, WH_HCM, 5).available(MUG, WH_HCM, 5).build();

            RoutingDecision d = router(RoutingProfile.defaults()).route(RoutingRequest.forOrder(o, demand), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("1", PEN, WH_HCM, 2, Optional.empty()),
                            new Assignment("2", MUG, WH_HCM, 1, Optional.empty()));
            assertThat(d.explanation().summary()).startsWith("Routing o-1001 (2 line(s), SHIP)");
        }
    }
}
