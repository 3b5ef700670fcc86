package dev.omskit.testkit.connectors;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelProduct;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.tck.SalesChannelConformanceKit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;

/** {@link FakeSalesChannel} passes the sales-channel conformance kit, with every capability and with few. */
class FakeSalesChannelConformanceTest extends SalesChannelConformanceKit {
    static final String SECRET = "shpss_tck-webhook-secret";

    private int orders;
    private int products;

    @Override
    protected SalesChannel create() {
        orders = 0;
        products = 0;
        return FakeSalesChannel.of("fake-shop", SECRET, ManualClock.at("2026-12-01T08:00:00Z"));
    }

    @Override
    protected List<ChannelOrder> givenOrders(SalesChannel channel, int count) {
        FakeSalesChannel fake = (FakeSalesChannel) channel;
        return IntStream.range(0, count)
                .mapToObj(i -> fake.placeOrder("tck-" + ++orders))
                .toList();
    }

    @Override
    protected Sku listedSku(SalesChannel channel) {
        return Sku.of("SKU-A");
    }

    @Override
    protected ChannelProduct givenProduct(SalesChannel channel) {
        return ((FakeSalesChannel) channel).addProduct(Sku.of("P-" + ++products), "Ao thun", Money.of("99000", "VND"));
    }

    @Override
    protected boolean provokeFailure(SalesChannel channel, FailureKind kind) {
        FakeScript script = ((FakeSalesChannel) channel).script();
        switch (kind) {
            case RATE_LIMITED -> script.rateLimitNext(1, Duration.ofSeconds(2));
            case AUTHENTICATION_FAILED -> script.authenticationFailsNext(1);
            default -> script.failNext(1, kind);
        }
        return true;
    }

    @Override
    protected boolean editInChannel(SalesChannel channel, ChannelProduct product) {
        ((FakeSalesChannel) channel).editProduct(product.sku(), product.title() + " (merchant)", product.price());
        return true;
    }

    @Override
    protected Optional<WebhookSigner> webhookSigner(SalesChannel channel) {
        FakeSalesChannel fake = (FakeSalesChannel) channel;
        return Optional.of(new WebhookSigner() {
            @Override
            public WebhookRequest forOrder(ChannelOrder order) {
                return fake.webhook(order);
            }

            @Override
            public WebhookRequest signed(byte[] body) {
                return fake.signed(body);
            }

            @Override
            public String signatureHeader() {
                return FakeSalesChannel.SIGNATURE_HEADER;
            }
        });
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SECRET);
    }

    /** A channel that only pulls orders and takes stock: every other operation must be refused. */
    @Nested
    class PullAndStockOnly extends SalesChannelConformanceKit {
        @Override
        protected SalesChannel create() {
            return FakeSalesChannel.withCapabilities(
                    "fake-market",
                    Set.of(SalesChannel.PULL_ORDERS, SalesChannel.PUSH_STOCK),
                    SECRET,
                    ManualClock.at("2026-12-01T08:00:00Z"));
        }

        @Override
        protected List<ChannelOrder> givenOrders(SalesChannel channel, int count) {
            return FakeSalesChannelConformanceTest.this.givenOrders(channel, count);
        }

        @Override
        protected Sku listedSku(SalesChannel channel) {
            return Sku.of("SKU-B");
        }

        @Override
        protected ChannelProduct givenProduct(SalesChannel channel) {
            return FakeSalesChannelConformanceTest.this.givenProduct(channel);
        }

        @Override
        protected boolean provokeFailure(SalesChannel channel, FailureKind kind) {
            return FakeSalesChannelConformanceTest.this.provokeFailure(channel, kind);
        }

        @Override
        protected Set<String> secrets() {
            return Set.of(SECRET);
        }
    }
}
