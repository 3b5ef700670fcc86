package dev.omskit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.OrderFixtures;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every statement the stores send names its tenant. A day's flows and every read method of every store run
 * against PostgreSQL through a data source that records each SQL statement prepared; afterwards every
 * statement that reads or writes an omskit table must be scoped by {@code tenant = ?} (or, for inserts,
 * carry the tenant column), except the few that span tenants by contract (the sync engine's due work, the
 * outbox relay, holds expired across tenants), listed here by name. The conformance kits prove the same
 * from outside, store by store, with two tenants sharing ids.
 */
@DisplayName("Every statement the stores send is scoped to a tenant")
class TenantScopeTest {
    private static final java.time.Instant AT = java.time.Instant.parse("2026-12-02T08:00:00Z");

    /** Statements that span tenants by contract, recognised by a fragment of their text. */
    private static final Set<String> ACROSS_TENANTS = Set.of(
            "WHERE state = 'PENDING' AND not_before <= ?", // SyncWorkStore.due
            "UPDATE omskit_outbox SET claimed_by", // EventStore.pending: the relay serves every tenant
            "WHERE position = ANY (?) AND delivered_at IS NULL", // EventStore.acknowledge: by position
            "WHERE hold_expires_at <= ?"); // InventoryStore.expiredHolds

    static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

    /** The data source the kits below use: the real one, recording every statement prepared. */
    static DataSource recording(DataSource real) {
        InvocationHandler connections = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                Connection c = (Connection) method.invoke(real, args);
                return Proxy.newProxyInstance(
                        TenantScopeTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                            if ((m.getName().equals("prepareStatement")
                                            || m.getName().equals("prepareCall"))
                                    && a != null
                                    && a.length > 0
                                    && a[0] instanceof String sql) {
                                RECORDED.add(sql);
                            }
                            try {
                                return m.invoke(c, a);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
            try {
                return method.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DataSource) Proxy.newProxyInstance(
                TenantScopeTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, connections);
    }

    @Test
    @DisplayName(
            "after a day's flows and every read of every store, no statement on an omskit table reaches past its tenant")
    void everyStatement_namesTheTenant() {
        DataSource db = recording(TestDatabase.fresh());
        JdbcStorage storage = JdbcStorage.of(db);
        TenantId tenant = OrderFixtures.TENANT;
        LocationId wh = LocationId.of("WH-1");
        Inventory inventory = Inventory.builder()
                .store(storage.inventory())
                .catalog(CrashLoad.catalog())
                .build();
        inventory.saveLocation(InventoryFixtures.warehouse(tenant, wh, 1));
        Sku sku = CrashLoad.SKUS.get(0);
        inventory.receive(ReceiveGoods.builder()
                .tenant(tenant)
                .location(wh)
                .addLines(ReceiptLine.good(sku, 50))
                .actor(Actor.system("wms"))
                .build());
        Oms oms = Oms.builder()
                .storage(storage.orders())
                .inventory(inventory)
                .eventListener(e -> {})
                .build();
        Order order = oms.capture(OrderFixtures.capture()
                        .idempotencyKey(dev.omskit.core.model.IdempotencyKey.of("k-1"))
                        .lines(java.util.List.of(OrderFixtures.line(sku.value(), 2, 10_000)))
                        .build())
                .order();
        oms.allocate(tenant, order.id(), Actor.system("router"));
        var packed = dev.omskit.testkit.FulfilmentFixtures.packed(oms, tenant, order.id(), Actor.system("wms"));
        var shipment = oms.shipping()
                .create(dev.omskit.testkit.FulfilmentFixtures.shipmentOf(packed, "GHN", Actor.system("wms"))
                        .build());
        inventory.setSafetyStock(tenant, sku, wh, 1);
        // every read of every store
        var orders = storage.orders();
        orders.orders().find(tenant, order.id());
        orders.orders().findByChannelOrder(tenant, order.channel().id(), order.channelOrderId());
        orders.orders().query(tenant, dev.omskit.core.spi.OrderQuery.builder().build());
        orders.orders()
                .query(
                        tenant,
                        dev.omskit.core.spi.OrderQuery.builder()
                                .customer(dev.omskit.core.model.CustomerId.of("c-1"))
                                .channel(order.channel().id())
                                .status(order.status())
                                .onHold(false)
                                .build());
        orders.events().trail(tenant, order.id());
        orders.events()
                .acknowledge(orders.events().pending(100).stream()
                        .map(e -> e.position())
                        .toList());
        orders.idempotency().find(tenant, dev.omskit.core.model.IdempotencyKey.of("k-1"));
        orders.documents().find(tenant, dev.omskit.core.shipment.Shipment.KIND, shipment.id());
        orders.documents().findByReference(tenant, dev.omskit.core.shipment.Shipment.KIND, "none");
        orders.documents().ofOrder(tenant, order.id());
        orders.documents()
                .inStates(tenant, dev.omskit.core.shipment.Shipment.KIND, java.util.Set.of(shipment.state()), 0, 10);
        orders.documents().trail(tenant, dev.omskit.core.shipment.Shipment.KIND, shipment.id());
        var stock = storage.inventory();
        stock.location(tenant, wh);
        stock.locations(tenant);
        stock.level(tenant, sku, wh);
        stock.levels(tenant, sku);
        stock.levels(tenant, java.util.List.of(sku));
        stock.allLevels(tenant);
        stock.reservationsFor(tenant, "order-" + order.id().value()).forEach(r -> stock.reservation(tenant, r.id()));
        stock.openReservations(tenant);
        stock.expiredHolds(AT, 10);
        stock.transfer(tenant, dev.omskit.core.inventory.TransferId.of("t-1"));
        stock.transfersInTransit(tenant, wh);
        stock.purchaseOrder(tenant, dev.omskit.core.inventory.PurchaseOrderId.of("po-1"));
        stock.openPurchaseOrders(tenant);
        stock.backorder(tenant, "b/1");
        stock.openBackorders(tenant, sku, 10);
        stock.backordersFor(tenant, "b");
        stock.ledger(tenant, sku, wh, 0, 10);
        var work = storage.syncWork();
        var w = work.enqueue(tenant, "k", "c", "T", java.util.Map.of("a", "b"), AT);
        work.replace(w, w.done(AT));
        work.find(tenant, "k");
        work.due(AT, 10);
        work.inState(tenant, dev.omskit.connectors.sync.SyncState.DONE, 0, 10);
        work.countInState(tenant, dev.omskit.connectors.sync.SyncState.DONE);
        var cursors = storage.cursors();
        cursors.advance(tenant, "c", "f", java.util.Optional.empty(), "1");
        cursors.advance(tenant, "c", "f", java.util.Optional.of("1"), "2");
        cursors.cursor(tenant, "c", "f");

        Set<String> unscoped = new TreeSet<>();
        for (String sql : RECORDED) {
            String upper = sql.strip().toUpperCase(Locale.ROOT);
            if (!upper.contains("OMSKIT_") || upper.contains("OMSKIT_SCHEMA_HISTORY")) {
                continue;
            }
            if (ACROSS_TENANTS.stream().anyMatch(sql::contains)) {
                continue;
            }
            boolean scoped = upper.startsWith("INSERT") ? upper.contains("(TENANT,") : upper.contains("TENANT = ?");
            if (!scoped) {
                unscoped.add(sql);
            }
        }
        assertThat(RECORDED).as("statements recorded").hasSizeGreaterThan(40);
        assertThat(unscoped).as("statements not scoped to a tenant").isEmpty();
    }
}
