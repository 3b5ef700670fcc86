package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.sync.SyncHarness.A;
import static dev.omskit.testkit.sync.SyncHarness.B;
import static dev.omskit.testkit.sync.SyncHarness.SKUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.CancellationPush;
import dev.omskit.connectors.channel.ChannelLineQuantity;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.sync.SyncConfig;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.connectors.sync.SyncWorkType;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three channels (two marketplaces, one failing at random, and a web store), orders arriving by webhook
 * (duplicated, reordered, some malformed) and by polling, stock received and orders cancelled meanwhile (in
 * omskit, and by buyers in the channels),
 * and the engine's process dying at random while it records work, then rebuilt over the same stores.
 * When the failures stop and the engine settles: every valid order was captured exactly once, every
 * malformed one is parked with its reason and nothing else is, every channel shows exactly its ATP, and
 * every unit cancelled in omskit was pushed to its channel exactly once.
 */
@DisplayName("The sync engine under chaos")
class SyncChaosTest {
    /** The process dies: thrown by the work store while it writes. */
    static final class ProcessDeath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessDeath() {
            super("the process died", null, false, false);
        }
    }

    /** A work store whose writes kill the process at random: before the write or right after it. */
    static final class DyingWorkStore implements SyncWorkStore {
        private final SyncWorkStore delegate = InMemorySyncWorkStore.create();
        private final Random random;
        volatile double rate;
        int deaths;
        boolean died;

        DyingWorkStore(Random random) {
            this.random = random;
        }

        private void maybeDie(Runnable write) {
            if (rate > 0 && random.nextDouble() < rate) {
                deaths++;
                died = true;
                if (random.nextBoolean()) {
                    write.run();
                }
                throw new ProcessDeath();
            }
        }

        @Override
        public SyncWork enqueue(
                TenantId tenant, String key, String connector, String type, Map<String, String> payload, Instant now) {
            maybeDie(() -> delegate.enqueue(tenant, key, connector, type, payload, now));
            return delegate.enqueue(tenant, key, connector, type, payload, now);
        }

        @Override
        public List<SyncWork> due(Instant now, int limit) {
            return delegate.due(now, limit);
        }

        @Override
        public boolean replace(SyncWork expected, SyncWork next) {
            boolean[] done = {false};
            maybeDie(() -> done[0] = delegate.replace(expected, next));
            return done[0] || delegate.replace(expected, next);
        }

        @Override
        public Optional<SyncWork> find(TenantId tenant, String key) {
            return delegate.find(tenant, key);
        }

        @Override
        public List<SyncWork> inState(TenantId tenant, SyncState state, int offset, int limit) {
            return delegate.inState(tenant, state, offset, limit);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 37, 41, 59, 61})
    @DisplayName("every order once, every channel at its ATP, every parked item with its reason")
    void chaos(long seed) {
        Random random = new Random(seed);
        DyingWorkStore work = new DyingWorkStore(random);
        SyncHarness h =
                new SyncHarness(work, SyncConfig.builder().maxAttempts(40).build(), b -> b);
        List<FakeSalesChannel> channels = List.of(h.shopee, h.lazada, h.web);
        Map<FakeSalesChannel, Channel> core =
                Map.of(h.shopee, SyncHarness.SHOPEE, h.lazada, SyncHarness.LAZADA, h.web, SyncHarness.WEB);
        Map<FakeSalesChannel, Set<String>> valid = new HashMap<>();
        Map<FakeSalesChannel, Set<String>> malformed = new HashMap<>();
        Map<FakeSalesChannel, Set<String>> cancelledInChannel = new HashMap<>();
        channels.forEach(c -> {
            valid.put(c, new HashSet<>());
            malformed.put(c, new HashSet<>());
            cancelledInChannel.put(c, new HashSet<>());
        });
        List<Object[]> webhooks = new ArrayList<>(); // {channel, request}
        h.shopee.script().failRandomly(0.3, FailureKind.RETRYABLE, new Random(seed + 1));
        h.engine.reconcileStock(TENANT, SKUS);
        work.rate = 0.02;
        int orders = 0;
        int restarts = 0;

        for (int step = 0; step < 400; step++) {
            int dice = random.nextInt(100);
            try {
                if (dice < 25 && orders < 70) {
                    FakeSalesChannel channel = channels.get(random.nextInt(3));
                    String id = channel.id().substring(0, 1).toUpperCase() + "-" + (++orders);
                    ChannelOrder order;
                    if (random.nextInt(20) == 0) {
                        order = channel.malformedNext(id);
                        malformed.get(channel).add(id);
                    } else {
                        order = channel.addOrder(h.order(id, random.nextBoolean() ? A : B, 1 + random.nextInt(3)));
                        valid.get(channel).add(id);
                    }
                    if (channel != h.lazada) {
                        webhooks.add(new Object[] {channel, channel.webhook(order)});
                        if (random.nextInt(4) == 0) {
                            webhooks.add(new Object[] {channel, channel.webhook(order)}); // a duplicate
                        }
                    }
                } else if (dice < 40 && !webhooks.isEmpty()) {
                    Collections.shuffle(webhooks, random); // reordered
                    int n = 1 + random.nextInt(webhooks.size());
                    for (int i = 0; i < n; i++) {
                        Object[] hook = webhooks.remove(0);
                        FakeSalesChannel channel = (FakeSalesChannel) hook[0];
                        try {
                            h.engine.acceptWebhook(TENANT, channel.id(), (WebhookRequest) hook[1]);
                        } catch (ProcessDeath e) {
                            webhooks.add(hook); // no 2xx answer: the channel sends it again
                            throw e;
                        }
                    }
                } else if (dice < 48) {
                    h.receive(SKUS.get(random.nextInt(SKUS.size())), 1 + random.nextInt(5));
                } else if (dice < 54) {
                    cancelOne(h, random);
                } else if (dice < 57) {
                    restarts++;
                    h.restart();
                } else if (dice < 60) {
                    FakeSalesChannel channel = channels.get(random.nextInt(3));
                    List<String> open = new ArrayList<>(valid.get(channel));
                    open.removeAll(cancelledInChannel.get(channel));
                    if (!open.isEmpty()) {
                        Collections.sort(open);
                        String id = open.get(random.nextInt(open.size()));
                        cancelledInChannel.get(channel).add(id);
                        ChannelOrder cancelled = channel.cancelInChannel(id);
                        if (channel != h.lazada) {
                            webhooks.add(new Object[] {channel, channel.webhook(cancelled)});
                        }
                    }
                } else {
                    h.oms.deliverEvents();
                    h.engine.runOnce();
                }
            } catch (ProcessDeath e) {
                work.died = true;
            }
            if (work.died) {
                // a death anywhere (also inside a listener, which core logs and survives) ends the process:
                // a new one starts over the same stores and, as hosts do at start-up, reconciles stock
                work.died = false;
                restarts++;
                double rate = work.rate;
                work.rate = 0;
                h.restart();
                h.engine.reconcileStock(TENANT, SKUS);
                work.rate = rate;
            }
            h.clock.advance(Duration.ofSeconds(random.nextInt(120)));
        }

        // the failures stop; what is left of the day is delivered and the engine settles
        work.rate = 0;
        h.shopee.script().failRandomly(0, FailureKind.RETRYABLE, random);
        for (Object[] hook : webhooks) {
            h.engine.acceptWebhook(TENANT, ((FakeSalesChannel) hook[0]).id(), (WebhookRequest) hook[1]);
        }
        h.settle();

        List<Order> all = h.oms.query(TENANT, OrderQuery.builder().limit(10_000).build());
        for (FakeSalesChannel channel : channels) {
            List<String> captured = all.stream()
                    .filter(o -> o.channel().id().equals(core.get(channel).id()))
                    .map(Order::channelOrderId)
                    .toList();
            Set<String> cancelledThere = cancelledInChannel.get(channel);
            assertThat(captured)
                    .as("orders of %s captured at most once", channel.id())
                    .doesNotHaveDuplicates();
            assertThat(valid.get(channel))
                    .as("every valid order of %s captured, unless the channel cancelled it first", channel.id())
                    .allSatisfy(id -> assertThat(captured.contains(id) || cancelledThere.contains(id))
                            .as(id)
                            .isTrue());
            assertThat(captured).isSubsetOf(valid.get(channel));
            for (Order o : all) {
                if (o.channel().id().equals(core.get(channel).id()) && cancelledThere.contains(o.channelOrderId())) {
                    assertThat(o.lines())
                            .as("%s, cancelled in the channel, is cancelled in omskit", o.channelOrderId())
                            .allSatisfy(l -> assertThat(l.charged()).isZero());
                }
            }
            for (Sku sku : SKUS) {
                assertThat(channel.available(sku))
                        .as("%s shows the ATP of %s", channel.id(), sku)
                        .contains((long) h.atp(core.get(channel), sku));
            }
            assertCancellationsPushed(h, channel, all, core.get(channel), cancelledThere);
        }
        List<SyncWork> parked = h.work.inState(TENANT, SyncState.PARKED, 0, 1000);
        Set<String> expectedParked = new HashSet<>();
        channels.forEach(c -> malformed.get(c).forEach(id -> expectedParked.add("ingest/" + c.id() + "/" + id)));
        assertThat(parked).extracting(SyncWork::key).containsExactlyInAnyOrderElementsOf(expectedParked);
        assertThat(parked).allSatisfy(w -> {
            assertThat(w.type()).isEqualTo(SyncWorkType.INGEST_ORDER);
            assertThat(w.lastFailure().orElseThrow()).contains("malformed order");
        });
        assertThat(h.work.due(h.clock.instant().plus(Duration.ofDays(365)), 10))
                .as("nothing left to do")
                .isEmpty();
        assertThat(restarts).as("the engine was restarted along the way").isPositive();
        assertThat(work.deaths).as("the process died along the way").isPositive();
    }

    private static void cancelOne(SyncHarness h, Random random) {
        List<Order> all = h.oms.query(TENANT, OrderQuery.builder().limit(10_000).build());
        if (all.isEmpty()) {
            return;
        }
        Order o = all.get(random.nextInt(all.size()));
        try {
            h.oms.cancel(OrderFixtures.cancelAll(TENANT, o.id(), "buyer changed mind"));
        } catch (OmsException refused) {
            // already cancelled, or past the point of cancelling: the day goes on
        }
    }

    /** Every unit omskit will no longer deliver reached the channel once: pushed units = sold - charged. */
    private static void assertCancellationsPushed(
            SyncHarness h, FakeSalesChannel channel, List<Order> all, Channel c, Set<String> cancelledThere) {
        Map<String, Long> pushed = new HashMap<>();
        for (CancellationPush push : channel.cancellations()) {
            if (cancelledThere.contains(push.channelOrderId())) {
                continue; // omskit may have cancelled part of it before the channel cancelled the rest
            }
            for (ChannelLineQuantity l : push.lines()) {
                pushed.merge(push.channelOrderId() + "/" + l.channelLineId(), l.quantity(), Long::sum);
            }
        }
        Map<String, Long> expected = new HashMap<>();
        for (Order o : all) {
            if (!o.channel().id().equals(c.id()) || cancelledThere.contains(o.channelOrderId())) {
                continue;
            }
            ChannelOrder sold = channel.orders().stream()
                    .filter(x -> x.channelOrderId().equals(o.channelOrderId()))
                    .findFirst()
                    .orElseThrow();
            sold.lines().forEach(l -> {
                int charged = o.line(LineId.of(l.channelLineId()))
                        .map(OrderLine::charged)
                        .orElse(0);
                long withdrawn = l.quantity() - charged;
                if (withdrawn > 0) {
                    expected.put(o.channelOrderId() + "/" + l.channelLineId(), withdrawn);
                }
            });
        }
        assertThat(pushed).as("cancellations pushed to %s", channel.id()).isEqualTo(expected);
    }
}
