package dev.omskit.testkit.returns;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.vnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.Returns;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.returns.DocumentAction;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.RequestReturn;
import dev.omskit.core.returns.ReturnItem;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An {@link Oms} with an inventory (a warehouse that ships and takes returns, a store that takes returns,
 * a warehouse that only ships), products, stock, a manual clock and sequential ids; shortcuts to deliver
 * orders and drive returns.
 */
final class ReturnsHarness {
    static final String START = "2026-11-11T08:00:00Z";
    static final LocationId WAREHOUSE = LocationId.of("WH-HCM");
    static final LocationId STORE = LocationId.of("ST-Q1");
    static final LocationId SHIPS_ONLY = LocationId.of("WH-HN");
    static final Sku SHIRT = Sku.of("SHIRT-M");
    static final Sku SHIRT_L = Sku.of("SHIRT-L");
    static final Sku MUG = Sku.of("MUG-1");
    static final Sku SOCKS = Sku.of("SOCKS-1");
    static final Sku JACKET = Sku.of("JACKET-M");
    static final LineId L1 = LineId.of("L1");
    static final LineId L2 = LineId.of("L2");
    static final Actor AGENT = Actor.agent("agent-1");
    static final CustomerId BUYER = CustomerId.of("cus-1");
    static final Actor CUSTOMER = Actor.customer(BUYER);
    static final Actor STRANGER = Actor.customer(CustomerId.of("cus-2"));

    final InMemoryStorage storage = InMemoryStorage.create();
    final ManualClock clock = ManualClock.at(START);
    final InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
    final Inventory inventory;
    final Oms oms;
    Returns returns;

    ReturnsHarness() {
        catalog.put(product(SHIRT, "Shirt M", "apparel"));
        catalog.put(product(SHIRT_L, "Shirt L", "apparel"));
        catalog.put(product(MUG, "Mug", "home"));
        catalog.put(product(SOCKS, "Socks", "underwear"));
        catalog.put(product(JACKET, "Jacket M", "apparel"));
        inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(location(
                WAREHOUSE,
                LocationKind.WAREHOUSE_MAIN,
                1,
                LocationCapability.SHIPS,
                LocationCapability.ACCEPTS_RETURNS));
        inventory.saveLocation(location(SHIPS_ONLY, LocationKind.WAREHOUSE_MAIN, 2, LocationCapability.SHIPS));
        inventory.saveLocation(location(STORE, LocationKind.STORE, 3, LocationCapability.ACCEPTS_RETURNS));
        for (Sku sku : List.of(SHIRT, SHIRT_L, MUG, SOCKS, JACKET)) {
            inventory.receive(ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WAREHOUSE)
                    .addLines(ReceiptLine.good(sku, 100))
                    .actor(AGENT)
                    .build());
        }
        oms = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .build();
        returns = oms.returns();
    }

    /** With another returns configuration. */
    ReturnsHarness config(ReturnsConfig config) {
        returns = oms.returns().withConfig(config);
        return this;
    }

    static Product product(Sku sku, String name, String category) {
        return Product.builder()
                .tenant(TENANT)
                .sku(sku)
                .name(name)
                .category(category)
                .build();
    }

    static Location location(LocationId id, LocationKind kind, int priority, LocationCapability... capabilities) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name("Location " + id)
                .kind(kind)
                .address(OrderFixtures.address())
                .addCapabilities(capabilities)
                .priority(priority)
                .build();
    }

    /** A line of {@code units} x {@code sku} at {@code price} VND with {@code vat}% VAT and a line discount. */
    static LineInput line(String id, Sku sku, int units, long price, long discount, int vat) {
        return LineInput.builder()
                .lineId(id)
                .sku(sku.toString())
                .quantity(units)
                .unitPrice(vnd(price))
                .discount(vnd(discount))
                .vatRate(VatRate.percent(vat))
                .build();
    }

    /**
     * The standard order, paid: L1 = 3 x SHIRT-M at 100,000 with 10,000 discount and 10% VAT (total
     * 319,000), L2 = 2 x MUG-1 at 50,000 with 8% VAT (108,000), shipping 30,000: 457,000 VND.
     */
    Order standardOrder() {
        return capture(
                b -> b.lines(List.of(line("L1", SHIRT, 3, 100_000, 10_000, 10), line("L2", MUG, 2, 50_000, 0, 8)))
                        .shippingFee(vnd(30_000)));
    }

    Order capture(UnaryOperator<CaptureOrder.Builder> adjust) {
        return oms.capture(adjust.apply(OrderFixtures.capture().customer(BUYER)).build())
                .order();
    }

    /** Allocates, releases, ships and delivers every unit, at the clock's time. */
    Order deliver(Order order) {
        for (var trigger :
                List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP, OrderTriggers.DELIVER)) {
            order = oms.transition(OrderFixtures.transition(order, trigger));
        }
        return order;
    }

    /** The standard order, delivered now. */
    Order delivered() {
        return deliver(standardOrder());
    }

    RequestReturn.Builder request(Order order, LocationId location, ReturnItem... items) {
        return RequestReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(CUSTOMER)
                .location(location)
                .addLines(items);
    }

    static ReturnItem item(LineId line, int units, ReturnReason reason) {
        return ReturnItem.of(line, units, reason);
    }

    DocumentAction action(Order order, String id, Actor actor, String reason) {
        DocumentAction.Builder b = DocumentAction.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(actor)
                .documentId(id);
        if (reason != null) {
            b.reason(reason);
        }
        return b.build();
    }

    DocumentAction action(Order order, String id) {
        return action(order, id, AGENT, null);
    }

    /** Requests, approves and receives every requested unit. */
    ReturnRequest received(Order order, ReturnItem... items) {
        ReturnRequest rma =
                returns.requestReturn(request(order, WAREHOUSE, items).build());
        returns.approveReturn(action(order, rma.id()));
        return returns.receiveReturn(ReceiveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build());
    }

    /** Requests, approves, receives and inspects every unit good. */
    ReturnRequest inspected(Order order, ReturnItem... items) {
        ReturnRequest rma = received(order, items);
        InspectReturn.Builder b = InspectReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id());
        rma.lines().forEach(l -> b.addLines(InspectionLine.good(l.line(), l.received())));
        return returns.inspectReturn(b.build());
    }

    Order reload(Order order) {
        return oms.get(order.tenant(), order.id());
    }

    StockLevel level(Sku sku, LocationId location) {
        return inventory.level(TENANT, sku, location);
    }

    /** Documents of the order as stored. */
    List<OrderDocument> documents(Order order) {
        return storage.documents().ofOrder(order.tenant(), order.id());
    }

    /** Asserts the order, its documents and the outbox are as they were. */
    void assertUnchanged(Order before, List<OrderDocument> docsBefore, int outboxBefore) {
        assertThat(reload(before)).isEqualTo(before);
        assertThat(documents(before)).isEqualTo(docsBefore);
        assertThat(storage.pendingOutboxSize()).as("pending outbox entries").isEqualTo(outboxBefore);
    }
}
