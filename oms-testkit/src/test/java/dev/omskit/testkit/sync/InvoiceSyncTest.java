package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.sync.InvoiceBinding;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkType;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.DraftPriceCorrection;
import dev.omskit.core.invoice.DraftReplacement;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.TaxCodeValidator;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.connectors.FakeEInvoiceProvider;
import dev.omskit.testkit.store.InMemoryCursorStore;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sync engine's invoice part through a real {@link Oms} (in-memory storage, an inventory, the outbox
 * listener, invoicing configured for a seller) and a {@link FakeEInvoiceProvider}.
 */
@DisplayName("Sync engine: invoices at the e-invoice provider")
class InvoiceSyncTest {
    private static final String PROVIDER = "sinvoice-fake";
    private static final Actor AGENT = Actor.agent("linh");
    private static final LineId L1 = LineId.of("L1");

    private final ManualClock clock = ManualClock.at("2026-11-11T08:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final InMemorySyncWorkStore work = InMemorySyncWorkStore.create();
    private final ResilientCaller caller = ResilientCaller.of(ResiliencePolicy.builder()
            .maxAttempts(1)
            .initialBackoff(Duration.ZERO)
            .maxBackoff(Duration.ZERO)
            .timeout(Duration.ofSeconds(5))
            .build());
    private final Oms oms;
    private final FakeEInvoiceProvider provider = new FakeEInvoiceProvider(PROVIDER, clock);
    private final SyncEngine engine;

    InvoiceSyncTest() {
        Inventory inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(InMemoryProductCatalog.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        oms = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .invoicing(InvoicingConfig.builder()
                        .seller(InvoiceSeller.of(
                                "Cong ty TNHH Saigon Sneakers",
                                TaxCodeValidator.vietnam().parse("0100109106")))
                        .symbol("1C26TAA")
                        .build())
                .eventListener(SyncEngine.outboxListener(work, clock))
                .build();
        engine = engine(provider);
    }

    private SyncEngine engine(EInvoiceProvider p) {
        return SyncEngine.builder()
                .oms(oms)
                .work(work)
                .cursors(InMemoryCursorStore.create())
                .caller(caller)
                .clock(clock)
                .invoices(InvoiceBinding.of(TENANT, p))
                .build();
    }

    @AfterEach
    void close() {
        engine.close();
        caller.close();
    }

    private Order order() {
        return oms.capture(OrderFixtures.capture()
                        .lines(List.of(line("SKU-1", 2, 100_000), line("SKU-2", 1, 50_000)))
                        .build())
                .order();
    }

    private Invoice draft(Order order) {
        return oms.invoicing()
                .draftFromOrder(DraftInvoice.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .buyer(BuyerDetails.builder()
                                .companyName("Cong ty CP Minh Phat")
                                .taxCode("0312345673")
                                .name("Tran Thi Binh")
                                .build())
                        .build());
    }

    private Invoice reload(Invoice invoice) {
        return oms.invoicing().find(TENANT, invoice.id()).orElseThrow();
    }

    private SyncWork item(Invoice invoice) {
        return work.find(TENANT, "invoice/" + PROVIDER + "/" + invoice.id()).orElseThrow();
    }

    @Test
    @DisplayName("a drafted invoice is issued once; its number, symbol and authority code are recorded")
    void draft_isIssued_andItsNumberRecorded() {
        Invoice draft = draft(order());

        engine.runUntilIdle(20);

        Invoice issued = reload(draft);
        assertThat(issued.state()).isEqualTo(InvoiceLifecycle.ISSUED);
        assertThat(issued.number()).contains("00000001");
        assertThat(issued.symbol()).contains("1C26TAA");
        assertThat(issued.authorityCode()).contains("CQT-1C26TAA-00000001");
        assertThat(issued.issuedAt()).contains(clock.instant());
        assertThat(oms.invoicing().findByNumber(TENANT, "1C26TAA", "00000001"))
                .map(Invoice::id)
                .contains(draft.id());
        assertThat(item(draft).type()).isEqualTo(SyncWorkType.ISSUE_INVOICE);
        assertThat(item(draft).state()).isEqualTo(SyncState.DONE);
        assertThat(item(draft).payload()).containsEntry("number", "00000001");

        clock.advance(Duration.ofMinutes(5));
        engine.runUntilIdle(20);
        assertThat(provider.script().calls("issue")).hasSize(1);
        assertThat(provider.issued()).hasSize(1);
    }

    @Test
    @DisplayName("an answer lost on the way is asked for again: the same number, one invoice")
    void lostAnswer_isRepeated_sameNumber() {
        Invoice draft = draft(order());
        provider.loseNextResponses(1);

        engine.runUntilIdle(20);
        assertThat(reload(draft).state()).isEqualTo(InvoiceLifecycle.DRAFT);
        assertThat(item(draft).lastFailureKind()).contains(FailureKind.RETRYABLE);
        clock.advance(Duration.ofMinutes(1));
        engine.runUntilIdle(20);

        assertThat(reload(draft).number()).contains("00000001");
        assertThat(provider.issued()).hasSize(1);
        assertThat(provider.script().calls("issue")).hasSize(2);
    }

    @Test
    @DisplayName("an adjustment is issued against its issued original, which becomes ADJUSTED")
    void adjustment_isIssuedAgainstItsOriginal() {
        Order order = order();
        Invoice original = draft(order);
        engine.runUntilIdle(20);

        Invoice adjustment = oms.invoicing()
                .draftPriceCorrection(DraftPriceCorrection.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .newUnitPrices(Map.of(L1, OrderFixtures.vnd(90_000)))
                        .reason("price agreed with the buyer")
                        .build());
        assertThat(adjustment.purpose()).isEqualTo(InvoicePurpose.ADJUSTMENT);
        engine.runUntilIdle(20);

        assertThat(reload(adjustment).state()).isEqualTo(InvoiceLifecycle.ISSUED);
        assertThat(reload(adjustment).number()).contains("00000002");
        assertThat(reload(original).state()).isEqualTo(InvoiceLifecycle.ADJUSTED);
        assertThat(reload(original).adjustedBy()).containsExactly(adjustment.id());
        assertThat(provider.adjustmentsOf(original.id())).containsExactly(adjustment.id());
        assertThat(provider.script().calls("adjust")).singleElement().satisfies(c -> assertThat(c.outcome())
                .isEqualTo("ok"));
        assertThat(provider.script().calls("issue")).hasSize(1);
    }

    @Test
    @DisplayName("a replacement is issued in place of its original, which becomes REPLACED")
    void replacement_replacesItsOriginal() {
        Order order = order();
        Invoice original = draft(order);
        engine.runUntilIdle(20);

        Invoice replacement = oms.invoicing()
                .draftReplacement(DraftReplacement.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .invoiceId(original.id())
                        .reason("buyer name corrected")
                        .build());
        engine.runUntilIdle(20);

        assertThat(reload(replacement).state()).isEqualTo(InvoiceLifecycle.ISSUED);
        assertThat(reload(original).state()).isEqualTo(InvoiceLifecycle.REPLACED);
        assertThat(reload(original).replacedBy()).contains(replacement.id());
        assertThat(provider.script().calls("replace")).hasSize(1);
    }

    @Test
    @DisplayName("a NOT_RETRYABLE refusal is recorded on the draft and parked; a person's retry issues it")
    void refusal_isRecordedAsFailed_andParked_thenRetryIssues() {
        Invoice draft = draft(order());
        provider.refuseNext("ma so thue nguoi mua chua dang ky");

        engine.runUntilIdle(20);

        Invoice failed = reload(draft);
        assertThat(failed.state()).isEqualTo(InvoiceLifecycle.DRAFT);
        assertThat(failed.issueFailure())
                .hasValueSatisfying(r -> assertThat(r).contains("ma so thue nguoi mua chua dang ky"));
        assertThat(failed.failedIssueAttempts()).isEqualTo(1);
        assertThat(oms.invoicing().trail(TENANT, draft.id()))
                .extracting(e -> e.trigger())
                .containsExactly(InvoiceLifecycle.CREATE, InvoiceLifecycle.FAIL_ISSUE);
        assertThat(engine.parked().list(TENANT, 0, 10)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("invoice/" + PROVIDER + "/" + draft.id());
            assertThat(p.lastFailureKind()).contains(FailureKind.NOT_RETRYABLE);
            assertThat(p.lastFailure())
                    .hasValueSatisfying(r -> assertThat(r).contains("ma so thue nguoi mua chua dang ky"));
        });
        assertThat(provider.issued()).isEmpty();

        engine.parked().retry(TENANT, item(draft).key());
        engine.runUntilIdle(20);

        Invoice issued = reload(draft);
        assertThat(issued.state()).isEqualTo(InvoiceLifecycle.ISSUED);
        assertThat(issued.number()).contains("00000001");
        assertThat(issued.issueFailure()).isEmpty();
        assertThat(item(draft).state()).isEqualTo(SyncState.DONE);
        assertThat(engine.parked().count(TENANT)).isZero();
        assertThat(provider.issued()).hasSize(1);
    }

    @Test
    @DisplayName("without the capability a draft's purpose needs, no work is asked for")
    void providerWithoutTheCapability_isNotAsked() {
        FakeEInvoiceProvider issuesOnly =
                new FakeEInvoiceProvider("issues-only", clock, Set.of(EInvoiceProvider.STATUS));
        SyncEngine other = engine(issuesOnly);
        try {
            Invoice draft = draft(order());

            other.runUntilIdle(20);

            assertThat(reload(draft).state()).isEqualTo(InvoiceLifecycle.DRAFT);
            assertThat(work.find(TENANT, "invoice/issues-only/" + draft.id())).isEmpty();
            assertThat(issuesOnly.script().calls()).isEmpty();
        } finally {
            other.close();
        }
    }

    @Test
    @DisplayName("an invoice issued by other means while its work waited is not sent again")
    void issuedMeanwhile_isDoneWithoutACall() {
        Invoice draft = draft(order());
        provider.script().failNext(1, FailureKind.RETRYABLE);
        engine.runUntilIdle(20);
        assertThat(item(draft).state()).isEqualTo(SyncState.PENDING);
        oms.invoicing()
                .recordIssued(dev.omskit.core.invoice.RecordInvoiceIssued.builder()
                        .tenant(TENANT)
                        .orderId(draft.orderId())
                        .actor(AGENT)
                        .invoiceId(draft.id())
                        .number("00000077")
                        .symbol("1C26TAA")
                        .authorityCode("M1-26-BYHAND")
                        .issuedAt(clock.instant())
                        .build());

        clock.advance(Duration.ofMinutes(1));
        engine.runUntilIdle(20);

        assertThat(item(draft).state()).isEqualTo(SyncState.DONE);
        assertThat(item(draft).payload()).containsEntry("number", "00000077");
        assertThat(provider.script().calls("issue")).singleElement().satisfies(c -> assertThat(c.outcome())
                .isEqualTo("RETRYABLE"));
        assertThat(provider.issued()).isEmpty();
    }
}
