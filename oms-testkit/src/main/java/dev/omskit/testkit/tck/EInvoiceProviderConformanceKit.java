package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.einvoice.EInvoiceOutcomes;
import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.connectors.einvoice.InvoiceCancellation;
import dev.omskit.connectors.einvoice.InvoiceStatus;
import dev.omskit.connectors.einvoice.InvoiceStatus.ProviderInvoiceState;
import dev.omskit.connectors.einvoice.IssuedInvoice;
import dev.omskit.core.invoice.AdjustmentKind;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceBuyer;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoiceLine;
import dev.omskit.core.invoice.InvoiceLineKind;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoiceType;
import dev.omskit.core.invoice.RecordInvoiceIssueFailed;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the {@link EInvoiceProvider} SPI: it proves that a connector keeps the
 * {@code @implSpec} of the interface: capability declarations, idempotency by our invoice id (the same
 * number twice, one invoice), the rules of adjustments, replacements and cancellations, and the mapping of
 * the provider's failures to the one error model with messages free of secrets.
 *
 * <p>A connector author proves an implementation with a short subclass in their test sources, against a
 * local stub of the provider:
 *
 * <pre>{@code
 * class SInvoiceConformanceTest extends EInvoiceProviderConformanceKit {
 *     final SInvoiceStub stub = SInvoiceStub.start();
 *
 *     protected EInvoiceProvider create() {
 *         stub.reset();
 *         return SInvoiceConnector.builder().baseUri(stub.uri()).credentials("tck-user", "tck-secret").build();
 *     }
 *
 *     protected boolean provokeNextFailure(EInvoiceProvider provider, FailureKind kind) {
 *         return stub.failNext(kind); // 503, 429 with Retry-After, 401 ...; false for a kind it cannot play
 *     }
 *
 *     protected Optional<String> provokeContentRefusal(EInvoiceProvider provider) {
 *         return Optional.of(stub.refuseNext("Mã số thuế người mua không hợp lệ"));
 *     }
 *
 *     protected Set<String> secrets() {
 *         return Set.of("tck-secret");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #create()} is called before every test and must return a connector whose provider has none
 * of the invoices the kit issues: the kit uses fresh random invoice ids per test, so a shared sandbox
 * works too. The drafts are built by {@link #original}, {@link #adjustment} and {@link #replacement}:
 * override them when the provider needs a particular seller, symbol or currency. Tests that need a
 * capability the connector does not declare, or a failure the author cannot provoke, are skipped
 * (assumptions), never passed silently.
 */
public abstract class EInvoiceProviderConformanceKit {
    /** The tenant of the kit's drafts. */
    protected static final TenantId TENANT = TenantId.of("tck-einvoice");

    private static final Actor ACTOR = Actor.system("einvoice-tck");
    private static final Instant T0 = Instant.parse("2026-11-11T03:00:00Z");
    private static final Currency VND = Money.currency("VND");

    private EInvoiceProvider provider;

    /** A connector to a provider that holds none of the kit's invoices; called before every test. */
    protected abstract EInvoiceProvider create();

    /**
     * Makes the next call of {@code provider} fail as the provider would fail with {@code kind}: a 5xx for
     * {@code RETRYABLE}, no answer in time for {@code TIMEOUT}, a throttle for {@code RATE_LIMITED}, refused
     * credentials for {@code AUTHENTICATION_FAILED}. Returns false when it cannot be provoked (the test is
     * skipped).
     */
    protected abstract boolean provokeNextFailure(EInvoiceProvider provider, FailureKind kind);

    /**
     * Makes the provider refuse the content of the next invoice (a bad tax code, totals that do not add
     * up) and returns the provider's reason as it should appear in the failure's message; empty when it
     * cannot be provoked.
     */
    protected abstract Optional<String> provokeContentRefusal(EInvoiceProvider provider);

    /**
     * A connector like {@link #create()} that does not declare {@code capability}; empty (the default) when
     * the implementation cannot leave it out.
     */
    protected Optional<EInvoiceProvider> createWithout(Capability capability) {
        return Optional.empty();
    }

    /** The credentials and secrets the connector was given: never in a failure's message. */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** A new invoice id nobody used: {@code tck-inv-<random>}. */
    protected String newInvoiceId() {
        return "tck-inv-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /**
     * An original VAT invoice draft with id {@code invoiceId}: two goods lines at 10% VAT in VND, a company
     * buyer. Override to fit the provider's sandbox (seller, symbol).
     */
    protected Invoice original(String invoiceId) {
        return Invoice.builder()
                .tenant(TENANT)
                .orderId(OrderId.of("tck-order-" + invoiceId))
                .id(invoiceId)
                .version(1)
                .state(InvoiceLifecycle.DRAFT)
                .createdAt(T0)
                .updatedAt(T0)
                .sequence(1)
                .type(InvoiceType.VAT_INVOICE)
                .purpose(InvoicePurpose.ORIGINAL)
                .seller(InvoiceSeller.of("Cong ty TNHH TCK", TaxCode.of("VN", "0100109106")))
                .buyer(InvoiceBuyer.builder()
                        .companyName("Cong ty Mua Hang")
                        .taxCode(TaxCode.of("VN", "0312345678"))
                        .name("Nguyen Van A")
                        .email("buyer@example.com")
                        .address(Address.builder()
                                .line1("1 Le Loi")
                                .city("Ho Chi Minh")
                                .countryCode("VN")
                                .build())
                        .build())
                .currency(VND)
                .taxMode(TaxMode.PRICES_EXCLUDE_TAX)
                .paymentMethod(PaymentMethod.PREPAID)
                .lines(List.of(goods(1, "L1", "SKU-TCK-1", 2, 100_000), goods(2, "L2", "SKU-TCK-2", 1, 50_000)))
                .build();
    }

    /** A price-correction adjustment draft of {@code original}: line 1 cheaper by 10 000 VND a unit. */
    protected Invoice adjustment(String invoiceId, Invoice original) {
        return Invoice.builder()
                .from(original)
                .id(invoiceId)
                .sequence(original.sequence() + 1)
                .purpose(InvoicePurpose.ADJUSTMENT)
                .adjustmentKind(AdjustmentKind.PRICE_CORRECTION)
                .relatesTo(original.id())
                .reason("price corrected")
                .lines(List.of(InvoiceLine.builder()
                        .position(1)
                        .kind(InvoiceLineKind.GOODS)
                        .lineId(LineId.of("L1"))
                        .sku(Sku.of("SKU-TCK-1"))
                        .name("SKU-TCK-1")
                        .unit("unit")
                        .quantity(2)
                        .unitPrice(vnd(-10_000))
                        .discount(vnd(0))
                        .vatRate(VatRate.percent(10))
                        .net(vnd(-20_000))
                        .vat(vnd(-2_000))
                        .total(vnd(-22_000))
                        .build()))
                .build();
    }

    /** A replacement draft of {@code original}: the same lines, a corrected buyer name. */
    protected Invoice replacement(String invoiceId, Invoice original) {
        return Invoice.builder()
                .from(original)
                .id(invoiceId)
                .sequence(original.sequence() + 1)
                .purpose(InvoicePurpose.REPLACEMENT)
                .relatesTo(original.id())
                .reason("buyer name corrected")
                .buyer(InvoiceBuyer.builder()
                        .from(original.buyer())
                        .name("Nguyen Van B")
                        .build())
                .build();
    }

    /** Creates the connector of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createProvider() {
        provider = create();
        assertThat(provider).as("create()").isNotNull();
    }

    /** The connector of the current test. */
    protected final EInvoiceProvider provider() {
        return provider;
    }

    @Nested
    @DisplayName("Capabilities")
    class Capabilities {
        @Test
        @DisplayName("the connector is an e-invoice provider with an id and only capabilities of the SPI")
        void declarations_areConsistent() {
            assertThat(provider.kind()).isEqualTo(ConnectorKind.E_INVOICE_PROVIDER);
            assertThat(provider.id()).isNotBlank();
            assertThat(provider.capabilities()).isSubsetOf(all()).isEqualTo(provider.capabilities());
            for (Capability c : all()) {
                assertThat(provider.can(c)).isEqualTo(provider.capabilities().contains(c));
            }
        }

        @Test
        @DisplayName("every declared capability's operation works")
        void declared_work() {
            for (Capability c : provider.capabilities()) {
                exercise(provider, c);
            }
        }

        @Test
        @DisplayName("an undeclared capability's operation fails NOT_RETRYABLE")
        void undeclared_failNotRetryable() {
            int checked = 0;
            for (Capability c : all()) {
                Optional<EInvoiceProvider> without = provider.can(c) ? createWithout(c) : Optional.of(provider);
                if (without.isEmpty()) {
                    continue;
                }
                assertThat(without.get().can(c))
                        .as("createWithout(" + c + ") declares it")
                        .isFalse();
                ConnectorException e = failure(() -> exerciseUndeclared(without.get(), c));
                assertThat(e.kind()).as(c.name()).isEqualTo(FailureKind.NOT_RETRYABLE);
                assertThat(e.getMessage()).contains(c.name());
                checked++;
            }
            Assumptions.assumeTrue(checked > 0, "every capability is declared and createWithout() is empty");
        }
    }

    @Nested
    @DisplayName("Idempotency by our invoice id")
    class Idempotency {
        @Test
        @DisplayName("issuing the same draft twice returns the same number: one invoice")
        void issue_twice_sameNumber() {
            requires(EInvoiceProvider.ISSUE);
            Invoice draft = original(newInvoiceId());

            IssuedInvoice first = provider.issue(draft);
            IssuedInvoice second = provider.issue(draft);

            assertThat(first.invoiceId()).isEqualTo(draft.id());
            assertThat(first.number()).isNotBlank();
            assertThat(first.symbol()).isNotBlank();
            assertThat(first.authorityCode()).isNotBlank();
            assertThat(second).isEqualTo(first);
            if (provider.can(EInvoiceProvider.STATUS)) {
                assertThat(provider.status(draft.id())).isEqualTo(InvoiceStatus.issued(first));
            }
        }

        @Test
        @DisplayName("the same id with changed content still returns the first invoice")
        void issue_sameIdChangedContent_returnsFirst() {
            requires(EInvoiceProvider.ISSUE);
            Invoice draft = original(newInvoiceId());
            IssuedInvoice first = provider.issue(draft);

            IssuedInvoice again = provider.issue(
                    Invoice.builder().from(draft).note("sent again, changed").build());

            assertThat(again).isEqualTo(first);
        }

        @Test
        @DisplayName("two different invoices get two different numbers")
        void twoInvoices_twoNumbers() {
            requires(EInvoiceProvider.ISSUE);
            IssuedInvoice a = provider.issue(original(newInvoiceId()));
            IssuedInvoice b = provider.issue(original(newInvoiceId()));

            assertThat(a.symbol() + "/" + a.number()).isNotEqualTo(b.symbol() + "/" + b.number());
        }

        @Test
        @DisplayName("after a lost answer (a retryable failure) the repeat issues exactly one invoice")
        void issue_afterRetryableFailure_repeatIssuesOnce() {
            requires(EInvoiceProvider.ISSUE);
            Assumptions.assumeTrue(provokeNextFailure(provider, FailureKind.RETRYABLE), "cannot provoke RETRYABLE");
            Invoice draft = original(newInvoiceId());
            ConnectorException e = failure(() -> provider.issue(draft));
            assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);

            IssuedInvoice issued = provider.issue(draft);

            assertThat(provider.issue(draft)).isEqualTo(issued);
        }

        @Test
        @DisplayName("adjusting and replacing twice return the first answer")
        void adjustAndReplace_twice_sameAnswer() {
            requires(EInvoiceProvider.ISSUE);
            Invoice a = original(newInvoiceId());
            IssuedInvoice issuedA = provider.issue(a);
            if (provider.can(EInvoiceProvider.ADJUST)) {
                Invoice adj = adjustment(newInvoiceId(), a);
                IssuedInvoice first = provider.adjust(adj, issuedA);
                assertThat(provider.adjust(adj, issuedA)).isEqualTo(first);
                assertThat(first.invoiceId()).isEqualTo(adj.id());
            }
            if (provider.can(EInvoiceProvider.REPLACE)) {
                Invoice b = original(newInvoiceId());
                IssuedInvoice issuedB = provider.issue(b);
                Invoice rep = replacement(newInvoiceId(), b);
                IssuedInvoice first = provider.replace(rep, issuedB);
                assertThat(provider.replace(rep, issuedB)).isEqualTo(first);
            }
        }

        @Test
        @DisplayName("cancelling twice answers CANCELLED twice")
        void cancel_twice_cancelledOnce() {
            requires(EInvoiceProvider.ISSUE);
            requires(EInvoiceProvider.CANCEL);
            IssuedInvoice issued = provider.issue(original(newInvoiceId()));
            InvoiceCancellation cancel = new InvoiceCancellation(issued, "order cancelled");

            InvoiceStatus first = provider.cancel(cancel);
            InvoiceStatus second = provider.cancel(cancel);

            assertThat(first.state()).isEqualTo(ProviderInvoiceState.CANCELLED);
            assertThat(second).isEqualTo(first);
            if (provider.can(EInvoiceProvider.STATUS)) {
                assertThat(provider.status(issued.invoiceId()).state()).isEqualTo(ProviderInvoiceState.CANCELLED);
            }
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {
        @Test
        @DisplayName("threads issuing the same draft at once all get the one invoice")
        void sameDraft_racing_oneInvoice() throws InterruptedException {
            requires(EInvoiceProvider.ISSUE);
            Invoice draft = original(newInvoiceId());

            List<Races.Outcome<IssuedInvoice>> outcomes = Races.race(Races.THREADS, i -> () -> provider.issue(draft));

            assertThat(Races.failures(outcomes)).isEmpty();
            assertThat(Races.successes(outcomes).stream().distinct()).hasSize(1);
        }

        @Test
        @DisplayName("threads issuing different drafts at once get different numbers")
        void differentDrafts_racing_distinctNumbers() throws InterruptedException {
            requires(EInvoiceProvider.ISSUE);
            List<Invoice> drafts = new java.util.ArrayList<>();
            for (int i = 0; i < Races.THREADS; i++) {
                drafts.add(original(newInvoiceId()));
            }

            List<Races.Outcome<IssuedInvoice>> outcomes =
                    Races.race(Races.THREADS, i -> () -> provider.issue(drafts.get(i)));

            assertThat(Races.failures(outcomes)).isEmpty();
            assertThat(Races.successes(outcomes).stream()
                            .map(n -> n.symbol() + "/" + n.number())
                            .distinct())
                    .hasSize(Races.THREADS);
        }
    }

    @Nested
    @DisplayName("State rules")
    class StateRules {
        @Test
        @DisplayName("an adjustment of an invoice the provider never issued is refused NOT_RETRYABLE")
        void adjust_unknownOriginal_isRefused() {
            requires(EInvoiceProvider.ADJUST);
            Invoice never = original(newInvoiceId());
            IssuedInvoice fake = new IssuedInvoice(never.id(), "99999999", "1C26TAA", "CQT-NONE", T0);

            assertKind(() -> provider.adjust(adjustment(newInvoiceId(), never), fake), FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("an adjustment naming another invoice than the one given is refused NOT_RETRYABLE")
        void adjust_relatesToAnother_isRefused() {
            requires(EInvoiceProvider.ISSUE);
            requires(EInvoiceProvider.ADJUST);
            Invoice a = original(newInvoiceId());
            Invoice b = original(newInvoiceId());
            provider.issue(a);
            IssuedInvoice issuedB = provider.issue(b);

            assertKind(() -> provider.adjust(adjustment(newInvoiceId(), a), issuedB), FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("a draft sent to the wrong operation (an adjustment to issue) is refused NOT_RETRYABLE")
        void issue_ofAdjustment_isRefused() {
            requires(EInvoiceProvider.ISSUE);
            Invoice a = original(newInvoiceId());
            provider.issue(a);

            assertKind(() -> provider.issue(adjustment(newInvoiceId(), a)), FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("a replaced invoice is void: replacing or adjusting it again is refused, its status CANCELLED")
        void replaced_isVoid() {
            requires(EInvoiceProvider.ISSUE);
            requires(EInvoiceProvider.REPLACE);
            Invoice a = original(newInvoiceId());
            IssuedInvoice issuedA = provider.issue(a);
            IssuedInvoice rep = provider.replace(replacement(newInvoiceId(), a), issuedA);

            assertThat(rep.number()).isNotEqualTo(issuedA.number());
            assertKind(() -> provider.replace(replacement(newInvoiceId(), a), issuedA), FailureKind.NOT_RETRYABLE);
            if (provider.can(EInvoiceProvider.ADJUST)) {
                assertKind(() -> provider.adjust(adjustment(newInvoiceId(), a), issuedA), FailureKind.NOT_RETRYABLE);
            }
            if (provider.can(EInvoiceProvider.STATUS)) {
                assertThat(provider.status(a.id()).state()).isEqualTo(ProviderInvoiceState.CANCELLED);
                assertThat(provider.status(rep.invoiceId())).isEqualTo(InvoiceStatus.issued(rep));
            }
        }

        @Test
        @DisplayName("a cancelled invoice is not adjusted; an adjusted one is not cancelled")
        void cancelledAndAdjusted_rules() {
            requires(EInvoiceProvider.ISSUE);
            requires(EInvoiceProvider.ADJUST);
            requires(EInvoiceProvider.CANCEL);
            Invoice a = original(newInvoiceId());
            IssuedInvoice issuedA = provider.issue(a);
            provider.cancel(new InvoiceCancellation(issuedA, "order cancelled"));
            assertKind(() -> provider.adjust(adjustment(newInvoiceId(), a), issuedA), FailureKind.NOT_RETRYABLE);

            Invoice b = original(newInvoiceId());
            IssuedInvoice issuedB = provider.issue(b);
            provider.adjust(adjustment(newInvoiceId(), b), issuedB);
            assertKind(() -> provider.cancel(new InvoiceCancellation(issuedB, "too late")), FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("the status of an id the provider does not know is UNKNOWN")
        void status_unknown() {
            requires(EInvoiceProvider.STATUS);
            String id = newInvoiceId();

            assertThat(provider.status(id)).isEqualTo(InvoiceStatus.unknown(id));
        }
    }

    @Nested
    @DisplayName("Error mapping")
    class ErrorMapping {
        @Test
        @DisplayName(
                "provoked failures come out as ConnectorExceptions of their kind, naming the connector, free of secrets")
        void provokedFailures_mapToTheirKind() {
            requires(EInvoiceProvider.ISSUE);
            int checked = 0;
            for (FailureKind kind : List.of(
                    FailureKind.RETRYABLE,
                    FailureKind.TIMEOUT,
                    FailureKind.RATE_LIMITED,
                    FailureKind.AUTHENTICATION_FAILED)) {
                if (!provokeNextFailure(provider, kind)) {
                    continue;
                }
                ConnectorException e = failure(() -> provider.issue(original(newInvoiceId())));
                assertThat(e.kind()).as("provoked " + kind).isEqualTo(kind);
                assertThat(e.connector()).isEqualTo(provider.id());
                assertFreeOfSecrets(e);
                checked++;
            }
            Assumptions.assumeTrue(checked > 0, "no failure kind could be provoked");
        }

        @Test
        @DisplayName("a content refusal is NOT_RETRYABLE with the provider's reason, recorded as an issue failure")
        void contentRefusal_isNotRetryableWithReason() {
            requires(EInvoiceProvider.ISSUE);
            Optional<String> reason = provokeContentRefusal(provider);
            Assumptions.assumeTrue(reason.isPresent(), "cannot provoke a content refusal");
            Invoice draft = original(newInvoiceId());

            ConnectorException e = failure(() -> provider.issue(draft));

            assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
            assertThat(e.getMessage()).contains(reason.get());
            assertFreeOfSecrets(e);
            RecordInvoiceIssueFailed failed = EInvoiceOutcomes.failed(draft, e, ACTOR);
            assertThat(failed.invoiceId()).isEqualTo(draft.id());
            assertThat(failed.orderId()).isEqualTo(draft.orderId());
            assertThat(failed.reason()).contains(reason.get());
        }

        @Test
        @DisplayName("an issued answer maps to the RecordInvoiceIssued of its draft")
        void issued_mapsToRecordInvoiceIssued() {
            requires(EInvoiceProvider.ISSUE);
            Invoice draft = original(newInvoiceId());
            IssuedInvoice issued = provider.issue(draft);

            RecordInvoiceIssued record = EInvoiceOutcomes.issued(draft, issued, ACTOR);

            assertThat(record.tenant()).isEqualTo(draft.tenant());
            assertThat(record.orderId()).isEqualTo(draft.orderId());
            assertThat(record.invoiceId()).isEqualTo(draft.id());
            assertThat(record.number()).isEqualTo(issued.number());
            assertThat(record.symbol()).isEqualTo(issued.symbol());
            assertThat(record.authorityCode()).isEqualTo(issued.authorityCode());
            assertThat(record.issuedAt()).isEqualTo(issued.issuedAt());
            assertThat(record.idempotencyKey()).isPresent();
            assertThatThrownBy(() -> EInvoiceOutcomes.issued(original(newInvoiceId()), issued, ACTOR))
                    .hasMessageContaining(draft.id());
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Set<Capability> all() {
        return Set.of(
                EInvoiceProvider.ISSUE,
                EInvoiceProvider.ADJUST,
                EInvoiceProvider.REPLACE,
                EInvoiceProvider.CANCEL,
                EInvoiceProvider.STATUS);
    }

    private void exercise(EInvoiceProvider p, Capability c) {
        if (c.equals(EInvoiceProvider.STATUS)) {
            assertThat(p.status(newInvoiceId()).state()).isEqualTo(ProviderInvoiceState.UNKNOWN);
            return;
        }
        Assumptions.assumeTrue(p.can(EInvoiceProvider.ISSUE), "ISSUE is needed to exercise " + c);
        Invoice a = original(newInvoiceId());
        IssuedInvoice issued = p.issue(a);
        if (c.equals(EInvoiceProvider.ADJUST)) {
            assertThat(p.adjust(adjustment(newInvoiceId(), a), issued).number()).isNotEqualTo(issued.number());
        } else if (c.equals(EInvoiceProvider.REPLACE)) {
            assertThat(p.replace(replacement(newInvoiceId(), a), issued).number())
                    .isNotEqualTo(issued.number());
        } else if (c.equals(EInvoiceProvider.CANCEL)) {
            assertThat(p.cancel(new InvoiceCancellation(issued, "tck")).state())
                    .isEqualTo(ProviderInvoiceState.CANCELLED);
        }
    }

    private void exerciseUndeclared(EInvoiceProvider p, Capability c) {
        Invoice a = original(newInvoiceId());
        IssuedInvoice made = new IssuedInvoice(a.id(), "00000001", "1C26TAA", "CQT-TCK", T0);
        if (c.equals(EInvoiceProvider.ISSUE)) {
            p.issue(a);
        } else if (c.equals(EInvoiceProvider.ADJUST)) {
            p.adjust(adjustment(newInvoiceId(), a), made);
        } else if (c.equals(EInvoiceProvider.REPLACE)) {
            p.replace(replacement(newInvoiceId(), a), made);
        } else if (c.equals(EInvoiceProvider.CANCEL)) {
            p.cancel(new InvoiceCancellation(made, "tck"));
        } else {
            p.status(a.id());
        }
    }

    private void requires(Capability c) {
        Assumptions.assumeTrue(provider.can(c), "the connector does not declare " + c);
    }

    private void assertKind(ThrowingCallable call, FailureKind kind) {
        ConnectorException e = failure(call);
        assertThat(e.kind()).isEqualTo(kind);
        assertFreeOfSecrets(e);
    }

    private void assertFreeOfSecrets(ConnectorException e) {
        for (String secret : secrets()) {
            assertThat(e.getMessage()).as("failure message").doesNotContain(secret);
            assertThat(e.toString()).doesNotContain(secret);
        }
    }

    private static ConnectorException failure(ThrowingCallable call) {
        return ConnectorFailures.failure(call);
    }

    private static InvoiceLine goods(int position, String line, String sku, int quantity, long unitPrice) {
        Money net = vnd(unitPrice * quantity);
        Money vat = vnd(unitPrice * quantity / 10);
        return InvoiceLine.builder()
                .position(position)
                .kind(InvoiceLineKind.GOODS)
                .lineId(LineId.of(line))
                .sku(Sku.of(sku))
                .name(sku)
                .unit("unit")
                .quantity(quantity)
                .unitPrice(vnd(unitPrice))
                .discount(vnd(0))
                .vatRate(VatRate.percent(10))
                .net(net)
                .vat(vat)
                .total(net.plus(vat))
                .build();
    }

    private static Money vnd(long amount) {
        return Money.of(java.math.BigDecimal.valueOf(amount), VND);
    }
}
