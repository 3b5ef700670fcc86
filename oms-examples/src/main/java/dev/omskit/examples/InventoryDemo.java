package dev.omskit.examples;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.inventory.Availability;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.CountReport;
import dev.omskit.core.inventory.CountStock;
import dev.omskit.core.inventory.CreatePurchaseOrder;
import dev.omskit.core.inventory.IncomingSupply;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.Replenishment;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inventory part of the trading day: stock across three warehouses and two stores, receipts with
 * inspection, available-to-sell per channel, a flash sale on one hot SKU from many threads that ends in an
 * exact sell-out, a transfer, the variance report of a stock count, and backorders filled when the
 * suggested purchase order is received.
 */
final class InventoryDemo {
    static final TenantId SNEAKERS = TradingDayDemo.SNEAKERS;
    static final Sku RUNNER = Sku.of("SNK-RUN-41");
    static final Sku FLASH = Sku.of("SNK-FLASH-11");
    static final Sku SOCKS = Sku.of("SOCK-3P");
    static final Sku LIMITED = Sku.of("SNK-LTD-42");
    static final LocationId HCM = LocationId.of("WH-HCM");
    static final LocationId HAN = LocationId.of("WH-HAN");
    static final LocationId DAD = LocationId.of("WH-DAD");
    static final LocationId STORE_Q1 = LocationId.of("ST-Q1");
    static final LocationId STORE_HK = LocationId.of("ST-HK");
    static final Channel WEB = TradingDayDemo.WEB;
    static final Channel SHOPEE = TradingDayDemo.SHOPEE;
    static final int FLASH_STOCK = 1_000;
    static final int FLASH_THREADS = 8;

    private final PrintStream out;
    private final ManualClock clock;
    private final Inventory inventory;
    private final Oms oms;

    /** What the inventory part produced (for the demo's test). */
    record Result(
            int flashUnitsSold,
            int flashOrders,
            int flashRefused,
            int oversold,
            int shrinkage,
            int backorderedBefore,
            int backorderedAfter,
            boolean clean) {}

    InventoryDemo(PrintStream out, ManualClock clock, DemoStorage.Stores stores) {
        this.out = out;
        this.clock = clock;
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create()
                .put(product(RUNNER, "Runner 41", 650_000))
                .put(product(FLASH, "Flash sale sneaker 11.11", 400_000))
                .put(product(SOCKS, "Socks, 3 pairs", 30_000))
                .put(Product.builder()
                        .from(product(LIMITED, "Limited edition 42", 900_000))
                        .addFlags(ProductFlag.BACKORDERABLE)
                        .replenishment(new Replenishment("SUP-BITIS", 5, 20, 3))
                        .build());
        this.inventory = Inventory.builder()
                .store(stores.inventory())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .config(InventoryConfig.builder()
                        .policy(ChannelStockPolicy.builder()
                                .channel(SHOPEE.id())
                                .bufferPercent(10)
                                .lowStockThreshold(20)
                                .build())
                        .build())
                .build();
        this.oms = Oms.builder()
                .storage(stores.orders())
                .clock(clock)
                .idGenerator(SequentialIds.withPrefix("FS-"))
                .inventory(inventory)
                .build();
    }

    private static Product product(Sku sku, String name, long cost) {
        return Product.builder()
                .tenant(SNEAKERS)
                .sku(sku)
                .name(name)
                .brand("Saigon Sneakers")
                .costPrice(Money.of(String.valueOf(cost), "VND"))
                .build();
    }

    Result run() {
        section("9. Stock across three warehouses and two stores");
        location(HCM, "Ho Chi Minh main warehouse", LocationKind.WAREHOUSE_MAIN, 10.80, 106.65, 1);
        location(HAN, "Hanoi branch warehouse", LocationKind.WAREHOUSE_BRANCH, 21.03, 105.85, 2);
        location(DAD, "Da Nang sub-warehouse", LocationKind.WAREHOUSE_SUB, 16.05, 108.20, 3);
        location(STORE_Q1, "Store District 1", LocationKind.STORE, 10.776, 106.70, 5);
        location(STORE_HK, "Store Hoan Kiem", LocationKind.STORE, 21.028, 105.85, 5);
        receive(
                HCM,
                "po:PO-1101",
                ReceiptLine.inspected(RUNNER, 118, 2, "box crushed in the container"),
                ReceiptLine.good(SOCKS, 300));
        receive(HAN, "po:PO-1102", ReceiptLine.good(RUNNER, 60), ReceiptLine.good(SOCKS, 120));
        receive(DAD, "po:PO-1103", ReceiptLine.good(RUNNER, 25));
        receive(STORE_Q1, "trf:opening", ReceiptLine.good(RUNNER, 12));
        receive(STORE_HK, "trf:opening", ReceiptLine.good(RUNNER, 8));
        inventory.setSafetyStock(SNEAKERS, RUNNER, STORE_Q1, 2);
        inventory.setSafetyStock(SNEAKERS, RUNNER, STORE_HK, 2);
        say(
                "%-8s %-30s %8s %8s %9s %11s %6s",
                "code", "location", "on hand", "reserved", "available", "quarantined", "safety");
        for (StockLevel level : inventory.levels(SNEAKERS, RUNNER)) {
            say(
                    "%-8s %-30s %8d %8d %9d %11d %6d",
                    level.location(),
                    inventory.location(SNEAKERS, level.location()).orElseThrow().name(),
                    level.onHand(),
                    level.reserved(),
                    level.available(),
                    level.quarantined(),
                    level.safetyStock());
        }
        for (Channel channel : List.of(WEB, SHOPEE)) {
            Availability a = inventory.availability(SNEAKERS, RUNNER, channel.id());
            say("available to sell %s on %-9s: %d%s", RUNNER, channel.id(), a.atp(), a.lowStock() ? " (low)" : "");
        }

        section("10. Flash sale: " + FLASH_THREADS + " threads buy one hot SKU until it is gone");
        receive(HCM, "po:PO-1111", ReceiptLine.good(FLASH, FLASH_STOCK));
        AtomicInteger orders = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger units = new AtomicInteger();
        flashSale(orders, refused, units);
        StockLevel flash = inventory.level(SNEAKERS, FLASH, HCM);
        int allocated = oms.query(SNEAKERS, OrderQuery.builder().limit(10_000).build()).stream()
                .mapToInt(o -> o.quantity(OrderStages.ALLOCATED))
                .sum();
        int oversold = Math.max(0, allocated - FLASH_STOCK);
        say(
                "orders allocated %d, refused for stock %d; units sold %d of %d",
                orders.get(), refused.get(), units.get(), FLASH_STOCK);
        say("stock now: %s", flash);
        say("units allocated in orders %d = units reserved %d; oversold %d", allocated, flash.reserved(), oversold);
        Availability flashAtp = inventory.availability(SNEAKERS, FLASH, WEB.id());
        say("available to sell on web: %d%s", flashAtp.atp(), flashAtp.lowStock() ? " (low-stock signal)" : "");

        section("11. A transfer and a stock count");
        Transfer transfer = inventory.transfer(TransferStock.builder()
                .tenant(SNEAKERS)
                .from(HCM)
                .to(STORE_Q1)
                .putLines(RUNNER, 10)
                .expectedAt(clock.instant().plus(Duration.ofHours(4)))
                .actor(Actor.agent("ops-lan"))
                .build());
        say(
                "transfer %s: 10 x %s from %s, in transit at %s: %d",
                transfer.id(),
                RUNNER,
                HCM,
                STORE_Q1,
                inventory.level(SNEAKERS, RUNNER, STORE_Q1).inTransit());
        clock.advance(Duration.ofHours(4));
        inventory.receiveTransfer(ReceiveTransfer.builder()
                .tenant(SNEAKERS)
                .transfer(transfer.id())
                .putReceived(RUNNER, 9)
                .putDamaged(RUNNER, 1)
                .note("one box wet")
                .actor(Actor.agent("store-q1"))
                .build());
        say("received at %s: %s", STORE_Q1, inventory.level(SNEAKERS, RUNNER, STORE_Q1));
        CountReport count = inventory.count(CountStock.builder()
                .tenant(SNEAKERS)
                .location(HAN)
                .putCounted(RUNNER, 57)
                .putCounted(SOCKS, 121)
                .idempotencyKey(IdempotencyKey.of("count-HAN-2026-11-11"))
                .actor(Actor.agent("ops-lan"))
                .build());
        out.print(count.toText());
        section("12. A backorder filled when the purchase order arrives");
        receive(HCM, "po:PO-1090", ReceiptLine.good(LIMITED, 3));
        List<Order> waiting = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Order o = oms.capture(limitedOrder(i)).order();
            o = oms.allocate(SNEAKERS, o.id(), Actor.system("sourcing"));
            waiting.add(o);
            say(
                    "%s: %d allocated, %d backordered (%s)",
                    o.id(), o.quantity(OrderStages.ALLOCATED), o.quantity(OrderStages.BACKORDERED), o.status());
        }
        int backorderedBefore = backordered();
        say("open backorders of %s: %d unit(s)", LIMITED, backorderedBefore);
        for (CreatePurchaseOrder suggestion :
                inventory.suggestPurchaseOrders(SNEAKERS, HCM, Actor.system("replenishment"))) {
            say(
                    "suggested purchase order to %s: %s, expected %s",
                    suggestion.supplier(),
                    suggestion.lines(),
                    suggestion.expectedAt().orElseThrow());
            PurchaseOrder po = inventory.createPurchaseOrder(suggestion);
            po = inventory.confirmPurchaseOrder(SNEAKERS, po.id());
            say(
                    "%s %s for %d unit(s); incoming %s: %s",
                    po.id(),
                    po.status(),
                    po.outstanding(),
                    LIMITED,
                    inventory.incomingSupply(SNEAKERS, LIMITED).stream()
                            .mapToInt(IncomingSupply::units)
                            .sum());
            clock.advance(Duration.ofDays(3));
            po = inventory.receivePurchaseOrder(ReceivePurchaseOrder.builder()
                    .tenant(SNEAKERS)
                    .purchaseOrder(po.id())
                    .addLines(ReceiptLine.inspected(LIMITED, po.outstanding() - 1, 1, "sole glued badly"))
                    .actor(Actor.agent("receiving"))
                    .build());
            say("%s received: %s", po.id(), po.status());
        }
        for (Order o : waiting) {
            Order now = oms.get(SNEAKERS, o.id());
            say(
                    "%s now: %d allocated, %d backordered (%s)",
                    now.id(), now.quantity(OrderStages.ALLOCATED), now.quantity(OrderStages.BACKORDERED), now.status());
        }
        int backorderedAfter = backordered();
        say("open backorders of %s: %d unit(s)", LIMITED, backorderedAfter);

        boolean clean = inventory.checkDrift(SNEAKERS).isClean();
        say("counters agree with the ledger and the reservations: %s", clean ? "yes" : "NO (wrong!)");
        return new Result(
                units.get(),
                orders.get(),
                refused.get(),
                oversold,
                count.shrinkageUnits(),
                backorderedBefore,
                backorderedAfter,
                clean);
    }

    private int backordered() {
        return inventory.openBackorders(SNEAKERS, LIMITED, 100).stream()
                .mapToInt(Backorder::units)
                .sum();
    }

    private CaptureOrder limitedOrder(int n) {
        return CaptureOrder.builder()
                .from(flashOrder(100_000 + n, 1))
                .channelOrderId("LTD-" + n)
                .lines(List.of(LineInput.of(LIMITED.value(), 2, Money.of("1900000", "VND"))))
                .build();
    }

    private void flashSale(AtomicInteger orders, AtomicInteger refused, AtomicInteger units) {
        ExecutorService pool = Executors.newFixedThreadPool(FLASH_THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger sequence = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < FLASH_THREADS; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                int misses = 0;
                while (misses < 3) {
                    int n = sequence.incrementAndGet();
                    int qty = 1 + n % 3;
                    Order order = oms.capture(flashOrder(n, qty)).order();
                    try {
                        oms.transition(TransitionOrder.builder()
                                .tenant(SNEAKERS)
                                .orderId(order.id())
                                .actor(Actor.system("sourcing"))
                                .trigger(OrderTriggers.ALLOCATE)
                                .build());
                        orders.incrementAndGet();
                        units.addAndGet(qty);
                    } catch (OrderRejectedException e) {
                        refused.incrementAndGet();
                        if (inventory.level(SNEAKERS, FLASH, HCM).available() == 0) {
                            misses++;
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the flash sale did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private CaptureOrder flashOrder(int n, int qty) {
        return CaptureOrder.builder()
                .tenant(SNEAKERS)
                .channel(n % 2 == 0 ? WEB : SHOPEE)
                .channelOrderId("FLASH-" + n)
                .actor(Actor.channel((n % 2 == 0 ? WEB : SHOPEE).id()))
                .buyer(Buyer.named("buyer-" + n))
                .shippingAddress(Address.builder()
                        .recipient("Buyer " + n)
                        .line1(n + " Le Loi")
                        .district("District 1")
                        .city("Ho Chi Minh City")
                        .countryCode("VN")
                        .build())
                .currency("VND")
                .addLines(LineInput.of(FLASH.value(), qty, Money.of("590000", "VND")))
                .paymentStatus(PaymentStates.PAID)
                .build();
    }

    private void location(LocationId id, String name, LocationKind kind, double lat, double lon, int priority) {
        Location.Builder b = Location.builder()
                .tenant(SNEAKERS)
                .id(id)
                .name(name)
                .kind(kind)
                .address(Address.builder()
                        .line1(name)
                        .city(lat > 15 ? (lat > 20 ? "Hanoi" : "Da Nang") : "Ho Chi Minh City")
                        .countryCode("VN")
                        .geo(GeoPoint.of(lat, lon))
                        .build())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(priority);
        if (kind == LocationKind.STORE) {
            b.addCapabilities(LocationCapability.PICKUP, LocationCapability.ACCEPTS_RETURNS)
                    .dailyCapacityUnits(40);
        }
        inventory.saveLocation(b.build());
    }

    private void receive(LocationId location, String cause, ReceiptLine... lines) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(SNEAKERS)
                .location(location)
                .cause(cause)
                .addLines(lines)
                .actor(Actor.agent("receiving"))
                .build());
    }

    private void section(String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    private void say(String format, Object... args) {
        out.println(String.format(format, args));
    }
}
