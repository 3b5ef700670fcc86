package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.supplier.AdvanceShippingNotice;
import dev.omskit.connectors.supplier.AsnPage;
import dev.omskit.connectors.supplier.AsnQuery;
import dev.omskit.connectors.supplier.PurchaseOrderAck;
import dev.omskit.connectors.supplier.SupplierConnector;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.PurchaseOrderLine;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the {@link SupplierConnector} SPI: capability declarations, purchase orders
 * idempotent by their id (the same acknowledgement twice, one order at the supplier), refusal of orders
 * for another supplier or cancelled ones, advance shipping notices polled with a cursor, and the mapping of
 * provoked failures to the one error model with messages free of secrets.
 *
 * <pre>{@code
 * class EdiSupplierConformanceTest extends SupplierConformanceKit {
 *     final EdiStub stub = EdiStub.start();
 *
 *     protected SupplierConnector create() {
 *         stub.reset();
 *         return EdiSupplier.builder().baseUri(stub.uri()).supplierCode("ACME").apiKey("tck-key").build();
 *     }
 *
 *     protected void ship(SupplierConnector supplier, PurchaseOrderId order, Map<Sku, Integer> units,
 *             Optional<Instant> expectedArrival) {
 *         stub.addAsn(order, units, expectedArrival); // the supplier's system publishes an ASN
 *     }
 *
 *     protected boolean provokeNextFailure(SupplierConnector supplier, FailureKind kind) {
 *         return stub.failNext(kind);
 *     }
 *
 *     protected Optional<String> provokeRefusal(SupplierConnector supplier) {
 *         return Optional.of(stub.refuseNext("account on hold"));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #create()} is called before every test; the kit uses fresh random purchase order ids. The
 * orders are built by {@link #purchaseOrder}: override it for SKUs the supplier knows. Tests needing an
 * undeclared capability or a failure that cannot be provoked are skipped.
 */
public abstract class SupplierConformanceKit {
    /** The tenant of the kit's purchase orders. */
    protected static final TenantId TENANT = TenantId.of("tck-supplier");

    private static final Actor ACTOR = Actor.system("supplier-tck");
    private static final Instant T0 = Instant.parse("2026-11-11T03:00:00Z");
    private static final Sku SKU_1 = Sku.of("SKU-TCK-1");
    private static final Sku SKU_2 = Sku.of("SKU-TCK-2");

    private SupplierConnector supplier;

    /** A connector to a supplier that holds none of the kit's orders; called before every test. */
    protected abstract SupplierConnector create();

    /**
     * The supplier ships {@code units} per SKU against {@code order} (which it acknowledged) and publishes
     * an advance shipping notice the connector can poll.
     */
    protected abstract void ship(
            SupplierConnector supplier,
            PurchaseOrderId order,
            Map<Sku, Integer> units,
            Optional<Instant> expectedArrival);

    /**
     * Makes the next call fail as the supplier would with {@code kind}; false when it cannot (the test is
     * skipped).
     */
    protected abstract boolean provokeNextFailure(SupplierConnector supplier, FailureKind kind);

    /**
     * Makes the supplier refuse the next purchase order as such and returns its reason as it should appear
     * in the message; empty when it cannot.
     */
    protected abstract Optional<String> provokeRefusal(SupplierConnector supplier);

    /** A connector like {@link #create()} without {@code capability}; empty (the default) when it cannot. */
    protected Optional<SupplierConnector> createWithout(Capability capability) {
        return Optional.empty();
    }

    /** The credentials the connector was given: never in a failure's message. */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** A new purchase order id nobody used: {@code tck-po-<random>}. */
    protected PurchaseOrderId newPurchaseOrderId() {
        return PurchaseOrderId.of("tck-po-" + UUID.randomUUID().toString().substring(0, 13));
    }

    /**
     * A confirmed purchase order for {@code supplierCode} of 10 x {@code SKU-TCK-1} and 5 x {@code
     * SKU-TCK-2} into {@code WH-TCK}.
     */
    protected PurchaseOrder purchaseOrder(PurchaseOrderId id, String supplierCode) {
        return PurchaseOrder.builder()
                .tenant(TENANT)
                .id(id)
                .supplier(supplierCode)
                .location(LocationId.of("WH-TCK"))
                .lines(List.of(new PurchaseOrderLine(SKU_1, 10, 0), new PurchaseOrderLine(SKU_2, 5, 0)))
                .status(PurchaseOrderLifecycle.CONFIRMED)
                .expectedAt(T0.plusSeconds(7 * 86_400))
                .createdBy(ACTOR)
                .createdAt(T0)
                .updatedAt(T0)
                .version(2)
                .build();
    }

    /** Creates the connector of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createSupplier() {
        supplier = create();
        assertThat(supplier).as("create()").isNotNull();
    }

    /** The connector of the current test. */
    protected final SupplierConnector supplier() {
        return supplier;
    }

    @Nested
    @DisplayName("Capabilities")
    class Capabilities {
        @Test
        @DisplayName("the connector is a supplier with an id, a supplier code and only capabilities of the SPI")
        void declarations_areConsistent() {
            assertThat(supplier.kind()).isEqualTo(ConnectorKind.SUPPLIER);
            assertThat(supplier.id()).isNotBlank();
            assertThat(supplier.supplierCode()).isNotBlank();
            assertThat(supplier.capabilities()).isSubsetOf(all());
        }

        @Test
        @DisplayName("every declared capability's operation works")
        void declared_work() {
            for (Capability c : supplier.capabilities()) {
                if (c.equals(SupplierConnector.SEND_PURCHASE_ORDER)) {
                    PurchaseOrderId id = newPurchaseOrderId();
                    assertThat(send(id).purchaseOrder()).isEqualTo(id);
                } else {
                    assertThat(supplier.advanceShippingNotices(AsnQuery.first(10)))
                            .isNotNull();
                }
            }
        }

        @Test
        @DisplayName("an undeclared capability's operation fails NOT_RETRYABLE")
        void undeclared_failNotRetryable() {
            int checked = 0;
            for (Capability c : all()) {
                Optional<SupplierConnector> without = supplier.can(c) ? createWithout(c) : Optional.of(supplier);
                if (without.isEmpty()) {
                    continue;
                }
                SupplierConnector s = without.get();
                assertThat(s.can(c)).as("createWithout(" + c + ") declares it").isFalse();
                ConnectorException e = ConnectorFailures.failure(() -> {
                    if (c.equals(SupplierConnector.SEND_PURCHASE_ORDER)) {
                        s.sendPurchaseOrder(purchaseOrder(newPurchaseOrderId(), s.supplierCode()));
                    } else {
                        s.advanceShippingNotices(AsnQuery.first(10));
                    }
                });
                assertThat(e.kind()).as(c.name()).isEqualTo(FailureKind.NOT_RETRYABLE);
                assertThat(e.getMessage()).contains(c.name());
                checked++;
            }
            Assumptions.assumeTrue(checked > 0, "every capability is declared and createWithout() is empty");
        }
    }

    @Nested
    @DisplayName("Idempotency by purchase order id")
    class Idempotency {
        @Test
        @DisplayName("sending the same purchase order twice returns the same acknowledgement")
        void send_twice_sameAck() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            PurchaseOrderId id = newPurchaseOrderId();

            PurchaseOrderAck first = send(id);
            PurchaseOrderAck second = send(id);

            assertThat(first.purchaseOrder()).isEqualTo(id);
            assertThat(first.supplierReference()).isNotBlank();
            assertThat(second).isEqualTo(first);
        }

        @Test
        @DisplayName("the same id with changed content returns the first acknowledgement")
        void send_changedContent_sameAck() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            PurchaseOrderId id = newPurchaseOrderId();
            PurchaseOrderAck first = send(id);
            PurchaseOrder changed = PurchaseOrder.builder()
                    .from(purchaseOrder(id, supplier.supplierCode()))
                    .lines(List.of(new PurchaseOrderLine(SKU_1, 99, 0)))
                    .build();

            assertThat(supplier.sendPurchaseOrder(changed)).isEqualTo(first);
        }

        @Test
        @DisplayName("two purchase orders get two supplier references")
        void twoOrders_twoReferences() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);

            assertThat(send(newPurchaseOrderId()).supplierReference())
                    .isNotEqualTo(send(newPurchaseOrderId()).supplierReference());
        }

        @Test
        @DisplayName("after a retryable failure the repeat is acknowledged, and again the same")
        void send_afterRetryableFailure_sameAck() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            Assumptions.assumeTrue(provokeNextFailure(supplier, FailureKind.RETRYABLE), "cannot provoke RETRYABLE");
            PurchaseOrderId id = newPurchaseOrderId();
            assertThat(ConnectorFailures.failure(() -> send(id)).kind()).isEqualTo(FailureKind.RETRYABLE);

            PurchaseOrderAck ack = send(id);

            assertThat(send(id)).isEqualTo(ack);
        }
    }

    @Nested
    @DisplayName("Rules")
    class Rules {
        @Test
        @DisplayName("a purchase order for another supplier is refused NOT_RETRYABLE")
        void otherSupplier_isRefused() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            PurchaseOrder other = purchaseOrder(newPurchaseOrderId(), supplier.supplierCode() + "-OTHER");

            ConnectorException e = ConnectorFailures.failure(() -> supplier.sendPurchaseOrder(other));

            assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
            assertFreeOfSecrets(e);
        }

        @Test
        @DisplayName("a cancelled purchase order is refused NOT_RETRYABLE")
        void cancelled_isRefused() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            PurchaseOrder cancelled = PurchaseOrder.builder()
                    .from(purchaseOrder(newPurchaseOrderId(), supplier.supplierCode()))
                    .status(PurchaseOrderLifecycle.CANCELLED)
                    .build();

            assertThat(ConnectorFailures.failure(() -> supplier.sendPurchaseOrder(cancelled))
                            .kind())
                    .isEqualTo(FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("shipped goods come back as ASNs naming the purchase order, the units and the expected arrival")
        void asn_reportsShipment() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            requires(SupplierConnector.ASN_POLL);
            PurchaseOrderId id = newPurchaseOrderId();
            send(id);
            Instant arrival = T0.plusSeconds(3 * 86_400);
            ship(supplier, id, Map.of(SKU_1, 6), Optional.of(arrival));
            ship(supplier, id, Map.of(SKU_1, 4, SKU_2, 5), Optional.empty());

            List<AdvanceShippingNotice> mine =
                    pollAll().stream().filter(n -> n.purchaseOrder().equals(id)).toList();

            assertThat(mine).hasSize(2);
            assertThat(mine.get(0).units(SKU_1)).isEqualTo(6);
            assertThat(mine.get(0).expectedArrival()).contains(arrival);
            assertThat(mine.get(1).units(SKU_1)).isEqualTo(4);
            assertThat(mine.get(1).units(SKU_2)).isEqualTo(5);
            assertThat(mine.get(0).asnId()).isNotEqualTo(mine.get(1).asnId());
            ReceivePurchaseOrder receipt = mine.get(1).toReceiptAsAdvised(TENANT, ACTOR, supplier.id());
            assertThat(receipt.purchaseOrder()).isEqualTo(id);
            assertThat(receipt.lines())
                    .containsExactlyInAnyOrder(ReceiptLine.good(SKU_1, 4), ReceiptLine.good(SKU_2, 5));
            assertThat(receipt.idempotencyKey()).isPresent();
        }

        @Test
        @DisplayName("polling pages with the cursor, and the same cursor returns the same notices")
        void poll_pagesAndRepeats() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            requires(SupplierConnector.ASN_POLL);
            for (int i = 0; i < 3; i++) {
                PurchaseOrderId id = newPurchaseOrderId();
                send(id);
                ship(supplier, id, Map.of(SKU_2, 1), Optional.empty());
            }
            AsnPage all = supplier.advanceShippingNotices(AsnQuery.first(1000));
            AsnPage first = supplier.advanceShippingNotices(AsnQuery.first(2));

            assertThat(first.notices()).hasSize(2);
            assertThat(first.more()).isTrue();
            assertThat(supplier.advanceShippingNotices(AsnQuery.first(2))).isEqualTo(first);
            AsnPage rest = supplier.advanceShippingNotices(AsnQuery.after(first.nextCursor(), 1000));
            List<AdvanceShippingNotice> joined = new ArrayList<>(first.notices());
            joined.addAll(rest.notices());
            assertThat(joined).isEqualTo(all.notices());
            assertThat(rest.more()).isFalse();
        }
    }

    @Nested
    @DisplayName("Error mapping")
    class ErrorMapping {
        @Test
        @DisplayName(
                "provoked failures come out as ConnectorExceptions of their kind, naming the connector, free of secrets")
        void provokedFailures_mapToTheirKind() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            int checked = 0;
            for (FailureKind kind : List.of(
                    FailureKind.RETRYABLE,
                    FailureKind.TIMEOUT,
                    FailureKind.RATE_LIMITED,
                    FailureKind.AUTHENTICATION_FAILED)) {
                if (!provokeNextFailure(supplier, kind)) {
                    continue;
                }
                ConnectorException e = ConnectorFailures.failure(() -> send(newPurchaseOrderId()));
                assertThat(e.kind()).as("provoked " + kind).isEqualTo(kind);
                assertThat(e.connector()).isEqualTo(supplier.id());
                assertFreeOfSecrets(e);
                checked++;
            }
            Assumptions.assumeTrue(checked > 0, "no failure kind could be provoked");
        }

        @Test
        @DisplayName("a refusal is NOT_RETRYABLE with the supplier's reason")
        void refusal_isNotRetryableWithReason() {
            requires(SupplierConnector.SEND_PURCHASE_ORDER);
            Optional<String> reason = provokeRefusal(supplier);
            Assumptions.assumeTrue(reason.isPresent(), "cannot provoke a refusal");

            ConnectorException e = ConnectorFailures.failure(() -> send(newPurchaseOrderId()));

            assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
            assertThat(e.getMessage()).contains(reason.get());
            assertFreeOfSecrets(e);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Set<Capability> all() {
        return Set.of(SupplierConnector.SEND_PURCHASE_ORDER, SupplierConnector.ASN_POLL);
    }

    private PurchaseOrderAck send(PurchaseOrderId id) {
        return supplier.sendPurchaseOrder(purchaseOrder(id, supplier.supplierCode()));
    }

    private List<AdvanceShippingNotice> pollAll() {
        List<AdvanceShippingNotice> out = new ArrayList<>();
        AsnQuery q = AsnQuery.first(2);
        for (int guard = 0; guard < 10_000; guard++) {
            AsnPage page = supplier.advanceShippingNotices(q);
            out.addAll(page.notices());
            if (!page.more()) {
                return out;
            }
            q = AsnQuery.after(page.nextCursor(), 2);
        }
        throw new AssertionError("polling never ended: 'more' stayed true for 10 000 pages");
    }

    private void requires(Capability c) {
        Assumptions.assumeTrue(supplier.can(c), "the connector does not declare " + c);
    }

    private void assertFreeOfSecrets(ConnectorException e) {
        for (String secret : secrets()) {
            assertThat(e.getMessage()).as("failure message").doesNotContain(secret);
        }
    }
}
