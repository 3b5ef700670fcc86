package dev.omskit.core.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.TestOrders;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParcelAndCodTest {
    static final LineId L1 = LineId.of("L1");

    @Test
    void dimensionalWeight_volumeOverDivisor_roundedUp_chargeableIsTheLarger() {
        Parcel p = Parcel.of(500, 40, 30, 20); // 24,000 cm³
        assertThat(p.dimensionalWeightGrams(Parcel.DEFAULT_DIVISOR)).isEqualTo(4000);
        assertThat(p.dimensionalWeightGrams(5000)).isEqualTo(4800);
        assertThat(p.chargeableWeightGrams(6000)).isEqualTo(4000);
        assertThat(Parcel.of(5000, 10, 10, 10).chargeableWeightGrams(6000)).isEqualTo(5000);
        assertThat(new Parcel(100, new Dimensions(101, 100, 100)).dimensionalWeightGrams(6000))
                .as("1,010 cm³ / 6000 = 168.3 g, rounded up")
                .isEqualTo(169);
        assertThatThrownBy(() -> Parcel.of(0, 1, 1, 1)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> p.dimensionalWeightGrams(0)).isInstanceOf(InvalidArgumentException.class);
    }

    static Order cod(long quantity, long price) {
        return cod(quantity, price, 0);
    }

    static Order cod(long quantity, long price, long discount) {
        return TestOrders.captured(TestOrders.capture()
                .lines(List.of(TestOrders.line("SKU-1", quantity, price, discount, "0")))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(PaymentStates.COD_PENDING)
                .shippingFee(TestOrders.vnd(30_000))
                .build());
    }

    static Shipment shipped(Order o, int units, Money cod) {
        Instant t = Instant.parse("2026-11-11T00:00:00Z");
        return Shipment.builder()
                .tenant(o.tenant())
                .orderId(o.id())
                .id("shp-" + units + "-" + cod.amount())
                .version(1)
                .state(ShipmentLifecycle.CREATED)
                .origin(LocationId.of("WH"))
                .lines(Map.of(L1, units))
                .carrier("GHN")
                .service(ServiceLevel.ECONOMY)
                .payer(ShippingPayer.BUYER)
                .codAmount(cod)
                .codAdjustment(TestOrders.vnd(0))
                .codStatus(CodStatus.PENDING)
                .createdAt(t)
                .updatedAt(t)
                .build();
    }

    @Test
    void cod_prorationNotEven_lastShipmentTakesTheRemainder_sumIsExactlyTheTotal() {
        Order o = cod(3, 100_000, 1); // 299,999 over 3 units
        Money lineTotal = o.line(L1).orElseThrow().amounts(o.taxMode()).total();
        List<Shipment> earlier = new ArrayList<>();
        Money sum = TestOrders.vnd(0);
        for (int i = 0; i < 3; i++) {
            Money c = CodCalculator.codFor(o, Map.of(L1, 1), ShippingPayer.BUYER, earlier);
            earlier.add(shipped(o, 1, c));
            sum = sum.plus(c);
        }
        long t = lineTotal.amount().longValueExact();
        assertThat(t % 3).as("a total that does not split evenly").isNotZero();
        assertThat(earlier.get(0).codAmount())
                .as("first: a third, rounded down, and the shipping fee")
                .isEqualTo(TestOrders.vnd(t / 3 + 30_000));
        assertThat(earlier.get(1).codAmount()).isEqualTo(TestOrders.vnd(2 * t / 3 - t / 3));
        assertThat(earlier.get(2).codAmount())
                .as("the last takes the remainder")
                .isEqualTo(TestOrders.vnd(t - 2 * t / 3));
        assertThat(sum).isEqualTo(lineTotal.plus(TestOrders.vnd(30_000)));
        assertThat(sum).isEqualTo(o.totals().total());
    }

    @Test
    void cod_sellerPays_noFee_prepaid_zero_cancelledShipmentsIgnored() {
        Order o = cod(2, 100_000);
        assertThat(CodCalculator.codFor(o, Map.of(L1, 2), ShippingPayer.SELLER, List.of()))
                .isEqualTo(TestOrders.vnd(200_000));
        Shipment cancelled = Shipment.builder()
                .from(shipped(o, 2, TestOrders.vnd(250_000)))
                .state(ShipmentLifecycle.CANCELLED)
                .build();
        assertThat(CodCalculator.codFor(o, Map.of(L1, 2), ShippingPayer.BUYER, List.of(cancelled)))
                .as("the first live shipment carries the fee")
                .isEqualTo(TestOrders.vnd(230_000));
        Order prepaid = TestOrders.captured(TestOrders.captureOf(TestOrders.line("SKU-1", 1, 100_000)));
        assertThat(CodCalculator.codFor(prepaid, Map.of(prepaid.lines().get(0).id(), 1), ShippingPayer.BUYER, List.of())
                        .isZero())
                .isTrue();
    }

    @Test
    void shipment_codArithmetic_andReference() {
        Order o = cod(1, 100_000);
        Shipment s = shipped(o, 1, TestOrders.vnd(140_000));
        Shipment remitted = Shipment.builder()
                .from(s)
                .addRemittances(new CodRemittance(TestOrders.vnd(100_000), "R-1", s.createdAt()))
                .trackingNumber("T-9")
                .build();
        assertThat(remitted.codRemitted()).isEqualTo(TestOrders.vnd(100_000));
        assertThat(remitted.codOutstanding()).isEqualTo(TestOrders.vnd(40_000));
        assertThat(remitted.references()).containsExactly("GHN:T-9");
        Shipment gone = Shipment.builder()
                .from(remitted)
                .state(ShipmentLifecycle.RETURNED_TO_SENDER)
                .build();
        assertThat(gone.codDue().isZero()).isTrue();
        assertThat(gone.isLive()).isFalse();
    }
}
