package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.supplier.AsnQuery;
import dev.omskit.connectors.supplier.PurchaseOrderAck;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.PurchaseOrderLine;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake supplier keeps its purchase orders and bounds its ASNs by them")
class FakeSupplierTest {
    private static final Sku SKU = Sku.of("SKU-1");
    private final ManualClock clock = ManualClock.at("2026-11-11T03:00:00Z");
    private final FakeSupplier supplier = new FakeSupplier("fake-supplier", "ACME", clock);

    private static PurchaseOrder po(String id) {
        Instant t = Instant.parse("2026-11-10T00:00:00Z");
        return PurchaseOrder.builder()
                .tenant(TenantId.of("shop-1"))
                .id(PurchaseOrderId.of(id))
                .supplier("ACME")
                .location(LocationId.of("WH-1"))
                .lines(List.of(new PurchaseOrderLine(SKU, 10, 0)))
                .status(PurchaseOrderLifecycle.CONFIRMED)
                .createdBy(Actor.system("buyer"))
                .createdAt(t)
                .updatedAt(t)
                .version(2)
                .build();
    }

    @Test
    @DisplayName("a lost answer leaves one order: the repeat gets the same reference")
    void lostAnswer_sameReference() {
        supplier.loseNextResponses(1);

        assertThatThrownBy(() -> supplier.sendPurchaseOrder(po("po-1")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE));
        PurchaseOrderAck ack = supplier.sendPurchaseOrder(po("po-1"));

        assertThat(ack.supplierReference()).isEqualTo("SO-000001");
        assertThat(supplier.purchaseOrders()).hasSize(1);
        assertThat(supplier.ack(PurchaseOrderId.of("po-1"))).contains(ack);
    }

    @Test
    @DisplayName("ASNs never advise more than ordered, and only for orders the supplier has")
    void asn_boundedByOrder() {
        supplier.sendPurchaseOrder(po("po-1"));
        supplier.addAsn(PurchaseOrderId.of("po-1"), Map.of(SKU, 7), Optional.empty());

        assertThatThrownBy(() -> supplier.addAsn(PurchaseOrderId.of("po-1"), Map.of(SKU, 4), Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("11 unit(s) advised")
                .hasMessageContaining("10 ordered");
        assertThatThrownBy(() -> supplier.addAsn(PurchaseOrderId.of("po-9"), Map.of(SKU, 1), Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class);
        supplier.addAsn(PurchaseOrderId.of("po-1"), Map.of(SKU, 3), Optional.empty());

        assertThat(supplier.advanceShippingNotices(AsnQuery.first(10)).notices())
                .extracting(n -> n.units(SKU))
                .containsExactly(7, 3);
    }
}
