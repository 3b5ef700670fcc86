package dev.omskit.examples;

import dev.omskit.core.CaptureResult;
import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.lifecycle.Action;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTransitionContext;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's demo: a morning of an omnichannel shop on 11.11, on an embedded PostgreSQL by default or in
 * memory ({@code --in-memory}); see {@link DemoStorage}.
 *
 * <p>Two merchants share one {@link Oms}. "Saigon Sneakers" sells on its web store, on Shopee and by phone
 * (an agent enters the order, cash on delivery); "Hanoi Tea" runs its own lifecycle with a fraud-review
 * step before allocation. The demo captures orders from the three channels (and a webhook retry that must
 * not create a second order), moves them through allocation, release, split shipment and delivery,
 * cancels part of one order, holds one for address verification and releases it, shows a request with
 * several mistakes being refused as a whole, then prints every order with its audit trail and writes the
 * lifecycle diagrams (Mermaid and Graphviz DOT) and a Markdown report. Then come the stock ({@link
 * InventoryDemo}), routing ({@link RoutingDemo}) and after-sale ({@link AfterSaleDemo}: cash on delivery,
 * tracking, e-invoices, returns, exchanges, customer notifications) and channel ({@link ChannelSyncDemo}:
 * marketplaces and the web store through the sync engine, stock pushed back, shipments booked and
 * tracked) parts, each on an {@link Oms} of its own.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -Pdemo verify} from the project root; files go to {@code
 * target/omskit-demo/} (or the directory given as first argument). Add {@code -Ddemo.args=--in-memory} to
 * keep everything in memory instead of on the embedded PostgreSQL.
 */
public final class TradingDayDemo {
    static final TenantId SNEAKERS = TenantId.of("saigon-sneakers");
    static final TenantId TEA = TenantId.of("hanoi-tea");
    static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);
    static final Channel SHOPEE = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);
    static final Channel PHONE = Channel.of("phone", ChannelKind.MANUAL);
    static final State FRAUD_REVIEW = State.of("FRAUD_REVIEW");
    static final Trigger APPROVE = Trigger.of("APPROVE");
    /** The argument that keeps the demo's data in memory instead of on the embedded PostgreSQL. */
    static final String IN_MEMORY = "--in-memory";

    private final PrintStream out;
    private final Path outputDir;
    private final ManualClock clock = ManualClock.at("2026-11-11T01:00:00Z");
    private final DemoStorage storage;
    private final DemoStorage.Stores stores;
    private final AtomicInteger notifications = new AtomicInteger();
    private final OrderLifecycle teaLifecycle = withFraudReview();
    private final Oms oms;

    TradingDayDemo(PrintStream out, Path outputDir, DemoStorage storage) {
        this.out = out;
        this.outputDir = outputDir;
        this.storage = storage;
        this.stores = storage.part("trading-day");
        this.oms = Oms.builder()
                .storage(stores.orders())
                .clock(clock)
                .idGenerator(SequentialIds.withPrefix("SO-"))
                .config(OmsConfig.builder().maxLinesPerOrder(50).build())
                .lifecycle(TEA, teaLifecycle)
                .listener(this::notifyBusiness)
                .build();
    }

    /**
     * Runs the demo on an embedded PostgreSQL, or in memory when {@code --in-memory} is among the arguments;
     * the optional other argument is the output directory.
     */
    public static void main(String[] args) throws Exception {
        boolean inMemory = false;
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(IN_MEMORY)) {
                inMemory = true;
            } else {
                positional.add(arg);
            }
        }
        Path dir = Path.of(positional.isEmpty() ? "target/omskit-demo" : positional.get(0));
        System.out.println(
                inMemory
                        ? "Storage: in memory (leave out " + IN_MEMORY + " to run on an embedded PostgreSQL)"
                        : "Storage: an embedded PostgreSQL (run with -Ddemo.args=" + IN_MEMORY
                                + " to keep everything in memory)");
        try (DemoStorage storage = inMemory ? DemoStorage.inMemory() : DemoStorage.embeddedPostgres()) {
            new TradingDayDemo(System.out, dir, storage).run();
        }
    }

    /** Hanoi Tea's lifecycle: the defaults with a fraud review before anything is sourced. */
    static OrderLifecycle withFraudReview() {
        Action<OrderTransitionContext> recordScore = Action.of(
                "recordFraudScore",
                ctx -> ctx.record(
                        "fraud-screening",
                        Map.of(
                                "score",
                                String.valueOf(
                                        ctx.order().totals().total().amount().longValue() % 97),
                                "by",
                                ctx.actor().id())));
        Lifecycle<OrderTransitionContext> stages = OrderLifecycle.defaultStages().toBuilder()
                .stateBefore(FRAUD_REVIEW, OrderStages.CREATED)
                .initial(FRAUD_REVIEW)
                .transition(FRAUD_REVIEW, APPROVE, OrderStages.CREATED, List.of(), List.of(recordScore))
                .transition(FRAUD_REVIEW, OrderTriggers.CANCEL, OrderStages.CANCELLED)
                .build();
        return OrderLifecycle.of(stages);
    }

    Summary run() {
        heading("omskit trading day: 11.11 morning, two merchants, one Oms (" + storage.describe() + ")");

        section("1. Orders arrive from three channels");
        Order web = capture(webOrder()).order();
        Order shopee = capture(shopeeOrder("SP-240001")).order();
        CaptureResult retry = oms.capture(shopeeOrder("SP-240001"));
        say(
                "Shopee retried its webhook for SP-240001: %s (order %s, still one order)",
                retry.created() ? "NEW ORDER (wrong!)" : "recognised as a replay",
                retry.order().id());
        Order phone = capture(phoneOrder()).order();

        section("2. The web order flows through: allocate, release, split shipment, deliver");
        web = step(web, OrderTriggers.ALLOCATE, Map.of(), Actor.system("sourcing"));
        web = step(web, OrderTriggers.RELEASE, Map.of(), Actor.system("sourcing"));
        clock.advance(Duration.ofHours(2));
        web = step(web, OrderTriggers.SHIP, Map.of(LineId.of("L1"), 1), Actor.system("wms-hcm"));
        web = step(web, OrderTriggers.SHIP, Map.of(), Actor.system("wms-hcm"));
        clock.advance(Duration.ofHours(5));
        web = step(web, OrderTriggers.DELIVER, Map.of(), Actor.system("carrier-ghn"));

        section("3. A Shopee buyer cancels one unit before release");
        shopee = step(shopee, OrderTriggers.ALLOCATE, Map.of(), Actor.system("sourcing"));
        shopee = oms.cancel(CancelOrder.builder()
                .tenant(SNEAKERS)
                .orderId(shopee.id())
                .actor(Actor.channel(SHOPEE.id()))
                .putLines(LineId.of("L1"), 1)
                .reason("buyer changed size")
                .build());
        say(
                "%s: cancelled 1 x L1 -> %s, total now %s",
                shopee.id(), shopee.status(), shopee.totals().total());
        shopee = step(shopee, OrderTriggers.RELEASE, Map.of(), Actor.system("sourcing"));

        section("4. A phone order is held for address verification");
        phone = oms.placeHold(PlaceHold.builder()
                .tenant(SNEAKERS)
                .orderId(phone.id())
                .actor(Actor.agent("linh"))
                .type(HoldType.ADDRESS)
                .reason("ward missing, customer to confirm by phone")
                .build());
        say("%s: on hold %s", phone.id(), phone.holds());
        tryStep(phone, OrderTriggers.ALLOCATE);
        clock.advance(Duration.ofMinutes(25));
        phone = oms.edit(EditOrder.builder()
                .tenant(SNEAKERS)
                .orderId(phone.id())
                .actor(Actor.agentFor("linh", CustomerId.of("c-0912")))
                .shippingAddress(Address.builder()
                        .from(phone.shippingAddress())
                        .ward("Phuong 7")
                        .build())
                .build());
        phone = oms.releaseHold(ReleaseHold.builder()
                .tenant(SNEAKERS)
                .orderId(phone.id())
                .actor(Actor.agent("linh"))
                .type(HoldType.ADDRESS)
                .note("address confirmed with the customer")
                .build());
        phone = step(phone, OrderTriggers.ALLOCATE, Map.of(), Actor.system("sourcing"));
        phone = step(phone, OrderTriggers.RELEASE, Map.of(), Actor.system("sourcing"));

        section("5. Hanoi Tea reviews orders for fraud before sourcing (its own lifecycle)");
        Order tea = capture(teaOrder()).order();
        tryStep(tea, OrderTriggers.ALLOCATE);
        tea = step(tea, APPROVE, Map.of(), Actor.agent("risk-team"));
        tea = step(tea, OrderTriggers.ALLOCATE, Map.of(), Actor.system("sourcing"));

        section("6. A request with several mistakes is refused as a whole; nothing is stored");
        int before = storedOrders(SNEAKERS);
        try {
            oms.capture(badOrder());
            say("accepted (wrong!)");
        } catch (InvalidArgumentException e) {
            say("refused with %d problems:", e.violations().size());
            for (Violation v : e.violations()) {
                say("  - %-28s %-22s %s", v.field(), v.code(), v.message());
            }
        }
        say("orders stored before and after: %d and %d", before, storedOrders(SNEAKERS));

        section("7. Every order with its audit trail");
        List<Order> all = new ArrayList<>(oms.query(SNEAKERS, OrderQuery.all()));
        all.addAll(oms.query(TEA, OrderQuery.all()));
        for (Order order : all) {
            printOrder(order);
        }

        section("8. Lifecycle diagrams");
        List<Path> files = writeFiles(all);
        for (Path file : files) {
            say("wrote %s", file);
        }
        InventoryDemo.Result stock = new InventoryDemo(out, clock, storage.part("inventory")).run();
        RoutingDemo.Result routing = new RoutingDemo(out, clock, storage.part("routing")).run();
        AfterSaleDemo.Result afterSale = new AfterSaleDemo(out, clock, storage.part("after-sale")).run();
        ChannelSyncDemo.Result channels = new ChannelSyncDemo(out, clock, storage.part("channels")).run();
        Summary summary = new Summary(
                all.size(), notifications.get(), stores.pendingOutbox(), files, stock, routing, afterSale, channels);
        section("Summary");
        say(
                "%d orders, %d events delivered to listeners, %d left in the outbox",
                summary.orders(), summary.notifications(), summary.pendingEvents());
        say(
                "flash sale: %d units sold in %d orders of %d in stock, %d oversold",
                stock.flashUnitsSold(), stock.flashOrders(), InventoryDemo.FLASH_STOCK, stock.oversold());
        say(
                "routing: the web order from %s, re-routed to %s after a rejection; %d delivery options for a cart",
                routing.webOrderFrom(), routing.reroutedTo(), routing.promiseOptions());
        say(
                "after sale: COD %s remitted of %s due; refund %s with adjustment invoice %s; exchange order '%s'",
                afterSale.codRemitted(),
                afterSale.codDue(),
                afterSale.refundAmount(),
                afterSale.adjustmentTotal(),
                afterSale.replacementChannelOrderId());
        say(
                "channels: %s orders captured of %s placed, %d failed calls tried again, %d parked; stock in step: %s;"
                        + " %d shipments booked and delivered",
                channels.captured(),
                channels.placed(),
                channels.failedCalls(),
                channels.parked().size(),
                channels.stockInStep(),
                channels.delivered());
        return summary;
    }

    /** What the demo produced (for its test). */
    record Summary(
            int orders,
            int notifications,
            int pendingEvents,
            List<Path> files,
            InventoryDemo.Result stock,
            RoutingDemo.Result routing,
            AfterSaleDemo.Result afterSale,
            ChannelSyncDemo.Result channels) {}

    /** The tenant's orders as any storage answers them (the demo stores far fewer than a query's page). */
    private int storedOrders(TenantId tenant) {
        return oms.query(tenant, OrderQuery.builder().limit(10_000).build()).size();
    }

    private CaptureResult capture(CaptureOrder command) {
        CaptureResult result = oms.capture(command);
        Order o = result.order();
        say(
                "%-5s %-15s %-10s %-22s %d line(s), %-14s %-8s %s -> %s",
                o.id(),
                o.tenant(),
                o.channel().id(),
                "'" + o.channelOrderId() + "' by " + o.createdBy().kind().name().toLowerCase(),
                o.lines().size(),
                o.totals().total(),
                o.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY ? "COD" : "prepaid",
                o.paymentStatus(),
                o.status());
        clock.advance(Duration.ofMinutes(7));
        return result;
    }

    private Order step(Order order, Trigger trigger, Map<LineId, Integer> lines, Actor actor) {
        Order next = oms.transition(TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(actor)
                .trigger(trigger)
                .lines(lines)
                .build());
        say(
                "%s: %-9s %-28s -> %s",
                order.id(), trigger, lines.isEmpty() ? "(all eligible units)" : lines.toString(), next.status());
        clock.advance(Duration.ofMinutes(3));
        return next;
    }

    private void tryStep(Order order, Trigger trigger) {
        try {
            oms.transition(TransitionOrder.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(Actor.system("sourcing"))
                    .trigger(trigger)
                    .build());
            say("%s: %s accepted (wrong!)", order.id(), trigger);
        } catch (OrderRejectedException e) {
            say("%s: %s refused, as it should be: %s", order.id(), trigger, e.rejection());
        }
    }

    private void notifyBusiness(OrderEvent event) {
        notifications.incrementAndGet();
        if (event instanceof OrderEvent.OrderCaptured captured) {
            say(
                    "   [notify] new order %s from %s",
                    captured.order().id(), captured.order().channel().id());
        }
    }

    private void printOrder(Order o) {
        out.println();
        say(
                "%s (%s) from %s '%s'  status %s  payment %s %s",
                o.id(), o.tenant(), o.channel(), o.channelOrderId(), o.status(), o.paymentMethod(), o.paymentStatus());
        for (OrderLine line : o.lines()) {
            say(
                    "   %-3s %-10s x%-3d %-14s units %s",
                    line.id(), line.sku(), line.ordered(), line.unitPrice(), line.quantities());
        }
        say(
                "   totals: net %s, VAT %s, shipping %s, total %s, COD %s",
                o.totals().net(),
                o.totals().tax(),
                o.totals().shipping(),
                o.totals().total(),
                o.totals().cashOnDelivery());
        for (AuditEntry entry : oms.auditTrail(o.tenant(), o.id())) {
            say("   %s", entry);
        }
    }

    private List<Path> writeFiles(List<Order> orders) {
        try {
            Files.createDirectories(outputDir);
            List<Path> files = new ArrayList<>();
            files.add(write("order-lifecycle.mmd", OrderLifecycle.defaults().toMermaid()));
            files.add(write("order-lifecycle.dot", OrderLifecycle.defaults().toDot()));
            files.add(write(
                    "payment-lifecycle.mmd", OrderLifecycle.defaultPayment().toMermaid()));
            files.add(write("hanoi-tea-lifecycle.mmd", teaLifecycle.toMermaid()));
            files.add(write("hanoi-tea-lifecycle.dot", teaLifecycle.toDot()));
            StringBuilder md = new StringBuilder("# omskit trading day\n\n## Orders\n\n")
                    .append("| order | tenant | channel | status | payment | total |\n|---|---|---|---|---|---|\n");
            for (Order o : orders) {
                md.append("| ")
                        .append(o.id())
                        .append(" | ")
                        .append(o.tenant())
                        .append(" | ")
                        .append(o.channel().id())
                        .append(" | ")
                        .append(o.status())
                        .append(" | ")
                        .append(o.paymentStatus())
                        .append(" | ")
                        .append(o.totals().total())
                        .append(" |\n");
            }
            md.append("\n## Default order lifecycle\n\n```mermaid\n")
                    .append(OrderLifecycle.defaults().toMermaid())
                    .append("```\n\n## Hanoi Tea's lifecycle (fraud review)\n\n```mermaid\n")
                    .append(teaLifecycle.toMermaid())
                    .append("```\n");
            files.add(write("trading-day.md", md.toString()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's files to " + outputDir.toAbsolutePath(), e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = outputDir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    // ------------------------------------------------------------------------------------------ orders

    private static Money vnd(long amount) {
        return Money.of(String.valueOf(amount), "VND");
    }

    /** An address in District 1 of Ho Chi Minh City (the testkit's fixture) for another recipient. */
    private static Address hcmAddress(String recipient, String street) {
        return Address.builder()
                .from(OrderFixtures.address())
                .recipient(recipient)
                .line1(street)
                .build();
    }

    private static LineInput line(String sku, String title, long qty, long price) {
        return LineInput.builder()
                .sku(sku)
                .title(title)
                .quantity(qty)
                .unitPrice(vnd(price))
                .vatRate(VatRate.percent(10))
                .build();
    }

    private CaptureOrder webOrder() {
        return CaptureOrder.builder()
                .tenant(SNEAKERS)
                .channel(WEB)
                .channelOrderId("W-1001")
                .actor(Actor.channel(WEB.id()))
                .customer(CustomerId.of("c-0101"))
                .buyer(Buyer.builder()
                        .name("Tran Thi Mai")
                        .email("mai@example.vn")
                        .build())
                .shippingAddress(hcmAddress("Tran Thi Mai", "45 Le Loi"))
                .currency("VND")
                .addLines(line("SNK-AIR-42", "Air runner 42", 2, 1_250_000), line("SOCK-3P", "Socks 3-pack", 1, 90_000))
                .shippingFee(vnd(30_000))
                .paymentStatus(PaymentStates.PAID)
                .build();
    }

    private CaptureOrder shopeeOrder(String id) {
        return CaptureOrder.builder()
                .tenant(SNEAKERS)
                .channel(SHOPEE)
                .channelOrderId(id)
                .actor(Actor.channel(SHOPEE.id()))
                .buyer(Buyer.named("le.hoang.88"))
                .shippingAddress(hcmAddress("Le Van Hoang", "210 Cach Mang Thang 8"))
                .currency("VND")
                .taxMode(TaxMode.PRICES_INCLUDE_TAX)
                .addLines(line("SNK-RUN-41", "Trail runner 41", 2, 990_000))
                .paymentStatus(PaymentStates.PAID)
                .expectedTotal(vnd(1_980_000))
                .build();
    }

    private CaptureOrder phoneOrder() {
        return CaptureOrder.builder()
                .tenant(SNEAKERS)
                .channel(PHONE)
                .channelOrderId("CALL-0912-01")
                .actor(Actor.agentFor("linh", CustomerId.of("c-0912")))
                .customer(CustomerId.of("c-0912"))
                .buyer(Buyer.builder()
                        .name("Pham Quoc Bao")
                        .phone("+84 91 200 3344")
                        .build())
                .shippingAddress(Address.builder()
                        .from(hcmAddress("Pham Quoc Bao", "8 Tran Hung Dao"))
                        .ward(java.util.Optional.empty())
                        .build())
                .currency("VND")
                .addLines(line("SNK-KID-30", "Kids sneaker 30", 1, 650_000))
                .shippingFee(vnd(25_000))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .build();
    }

    private CaptureOrder teaOrder() {
        return CaptureOrder.builder()
                .tenant(TEA)
                .channel(WEB)
                .channelOrderId("HT-77")
                .actor(Actor.channel(WEB.id()))
                .buyer(Buyer.builder()
                        .name("Cong ty TNHH Minh Long")
                        .companyName("Minh Long Co., Ltd")
                        .taxCode("0101234567")
                        .build())
                .shippingAddress(Address.builder()
                        .recipient("Minh Long reception")
                        .line1("3 Hang Bac")
                        .district("Hoan Kiem")
                        .city("Ha Noi")
                        .countryCode("VN")
                        .build())
                .currency("VND")
                .addLines(line("TEA-SHAN-500", "Shan tuyet 500g", 12, 480_000))
                .paymentStatus(PaymentStates.AUTHORIZED)
                .build();
    }

    private CaptureOrder badOrder() {
        return CaptureOrder.builder()
                .tenant(SNEAKERS)
                .channel(WEB)
                .channelOrderId("W-1002")
                .actor(Actor.channel(WEB.id()))
                .buyer(Buyer.named("Vo Minh"))
                .shippingAddress(Address.builder()
                        .recipient("Vo Minh")
                        .city("Da Nang")
                        .countryCode("Vietnam")
                        .build())
                .currency("VND")
                .addLines(
                        LineInput.of(" ", 1, vnd(100_000)),
                        LineInput.of("SNK-AIR-42", 0, vnd(1_250_000)),
                        LineInput.of("SOCK-3P", 1, Money.of("3.50", "USD")))
                .build();
    }

    private void heading(String text) {
        out.println(text);
        out.println("=".repeat(text.length()));
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
