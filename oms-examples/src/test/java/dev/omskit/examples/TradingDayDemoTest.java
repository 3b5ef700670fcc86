package dev.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.ShipmentLifecycle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradingDayDemoTest {
    private static Money vnd(long amount) {
        return Money.of(String.valueOf(amount), "VND");
    }

    /** The same demo and the same assertions on both storages the demo offers. */
    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"postgres", "memory"})
    void run_printsOrdersAndTrails_andWritesDiagrams(String storage, @TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TradingDayDemo.Summary summary;
        try (DemoStorage stores = storage.equals("memory") ? DemoStorage.inMemory() : DemoStorage.embeddedPostgres()) {
            summary = new TradingDayDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir, stores).run();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .startsWith("omskit trading day: 11.11 morning, two merchants, one Oms ("
                        + (storage.equals("memory") ? "in-memory storage)" : "PostgreSQL "));
        if (storage.equals("postgres")) {
            assertThat(out.lines().findFirst().orElseThrow()).contains(", embedded, synchronous_commit on, fsync on)");
        }
        assertThat(summary.orders()).isEqualTo(4);
        assertThat(summary.pendingEvents()).isZero();
        assertThat(summary.notifications()).isEqualTo(20);
        assertThat(out)
                .contains("recognised as a replay")
                .contains("ALLOCATE refused, as it should be: GUARD_REFUSED")
                .contains("ALLOCATE refused, as it should be: ILLEGAL_TRANSITION")
                .contains("refused with 5 problems")
                .contains("orders stored before and after: 3 and 3")
                .contains("status DELIVERED")
                .contains("on APPROVE: fraud-screening")
                .doesNotContain("(wrong!)")
                // personal data never printed: only the redaction mask
                .doesNotContain("mai@example.vn");
        assertThat(summary.stock().flashUnitsSold()).isEqualTo(InventoryDemo.FLASH_STOCK);
        assertThat(summary.stock().oversold()).isZero();
        assertThat(summary.stock().flashRefused()).isPositive();
        assertThat(summary.stock().shrinkage()).isEqualTo(3);
        assertThat(summary.stock().clean()).isTrue();
        assertThat(summary.stock().backorderedBefore()).isEqualTo(3);
        assertThat(summary.stock().backorderedAfter()).isZero();
        assertThat(out)
                .contains("9. Stock across three warehouses and two stores")
                .contains("available to sell SNK-RUN-41 on shopee-vn")
                .contains("oversold 0")
                .contains("Stock count at WH-HAN")
                .contains("suggested purchase order to SUP-BITIS")
                .contains("1 allocated, 1 backordered (PARTIALLY_ALLOCATED)")
                .contains("counters agree with the ledger and the reservations: yes");
        RoutingDemo.Result routing = summary.routing();
        assertThat(routing.webOrderFrom()).isEqualTo(RoutingDemo.WH_HCM);
        assertThat(routing.hanoiOrderShipments()).isEqualTo(2);
        assertThat(routing.engravedFrom()).isEqualTo(RoutingDemo.WORKSHOP);
        assertThat(routing.engraveInstructions()).isEqualTo("Engrave 'Minh Anh'");
        assertThat(routing.reroutedTo()).isEqualTo(RoutingDemo.ST_Q1);
        assertThat(routing.promiseOptions()).isGreaterThanOrEqualTo(2);
        assertThat(routing.whatIfOrders()).isEqualTo(4);
        assertThat(routing.explanation())
                .contains("profile 'web'")
                .contains("WH-HN [chosen]")
                .contains("WH-DN [chosen]")
                .contains("sku-restrictions: SHOE-CLEAN-SPRAY is HAZARDOUS, not allowed at a STORE")
                .contains("Why split:");
        assertThat(out)
                .contains("13. Orders route through the profiles of routing/profiles.yaml")
                .contains("the explanation names the rejection: WH-HCM excluded: rejected: conveyor down")
                .contains("GHN Express from")
                .contains("What-if over 4 order(s): 'web' vs 'stores-first'");
        ChannelSyncDemo.Result channels = summary.channels();
        assertThat(channels.captured()).isEqualTo(channels.placed());
        assertThat(channels.captured())
                .containsEntry("web", 3)
                .containsEntry("shopee-vn", 4)
                .containsEntry("lazada-vn", 3);
        assertThat(channels.failedCalls()).as("Shopee failed some calls").isPositive();
        assertThat(channels.parked()).containsOnlyKeys("ingest/lazada-vn/LZD-77999");
        assertThat(channels.parked().get("ingest/lazada-vn/LZD-77999"))
                .contains("malformed order 'LZD-77999'")
                .contains("lines[0].quantity NOT_POSITIVE");
        assertThat(channels.stockInStep()).isTrue();
        // Shopee keeps a 2-unit buffer, Lazada is capped at 20
        assertThat(channels.shown())
                .containsEntry("shopee-vn/SNK-RUN-42", channels.shown().get("web/SNK-RUN-42") - 2)
                .containsEntry("lazada-vn/SNK-RUN-42", 20L);
        assertThat(channels.booked()).containsExactly("GHN000001", "GHN000002");
        assertThat(channels.delivered()).isEqualTo(2);
        assertThat(channels.shipmentsPushed()).isEqualTo(2);
        assertThat(out)
                .contains("22. Orders from two marketplaces and the web store; Shopee fails one call in three")
                .contains("23. Stock pushed back to every channel from its ATP")
                .contains("24. Shipments booked with the carrier; its tracking flows back to omskit and the channels")
                .contains("every channel shows exactly its ATP: true")
                .doesNotContain("Pham Thu Ha")
                .doesNotContain("+84912345678");
        AfterSaleDemo.Result afterSale = summary.afterSale();
        assertThat(afterSale.codDue()).isEqualTo(vnd(1_548_000));
        assertThat(afterSale.codRemitted()).isEqualTo(afterSale.codDue());
        assertThat(afterSale.codOutstanding().isZero()).isTrue();
        assertThat(afterSale.codComplete()).isTrue();
        assertThat(afterSale.codPaymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
        assertThat(afterSale.duplicateIgnored()).isTrue();
        assertThat(afterSale.retriedShipmentState()).isEqualTo(ShipmentLifecycle.DELIVERED);
        assertThat(afterSale.failedAttempts()).isEqualTo(1);
        assertThat(afterSale.failureReason()).isEqualTo("customer not home");
        assertThat(afterSale.invoiceNumber()).isEqualTo("00000042");
        assertThat(afterSale.invoiceState()).isEqualTo(InvoiceLifecycle.ISSUED);
        assertThat(afterSale.invalidTaxCodeRefused()).isTrue();
        // 2 x 250,000 + 10% VAT = 550,000, less the policy's 10% restocking fee
        assertThat(afterSale.refundAmount()).isEqualTo(vnd(495_000));
        assertThat(afterSale.restockingFee()).isEqualTo(vnd(55_000));
        assertThat(afterSale.refundedOrderPayment()).isEqualTo(PaymentStates.PARTIALLY_REFUNDED);
        assertThat(afterSale.adjustmentState()).isEqualTo(InvoiceLifecycle.DRAFT);
        assertThat(afterSale.adjustmentTotal()).isEqualTo(vnd(-550_000));
        assertThat(afterSale.adjustmentTotal().amount().signum()).isNegative();
        assertThat(afterSale.strangerDenied()).isTrue();
        assertThat(afterSale.replacementChannelOrderId()).isEqualTo("W-3004-X-o-4-r1");
        assertThat(afterSale.replacementTotal().isZero()).isTrue();
        assertThat(afterSale.exchangeDifference().isZero()).isTrue();
        assertThat(afterSale.notifications())
                .containsEntry("ORDER_CONFIRMED", 5)
                .containsEntry("ORDER_SHIPPED", 4)
                // only scans the carrier reported: a DELIVERED scan walking a parcel through "out for
                // delivery" tells the customer once, that it was delivered
                .containsEntry("OUT_FOR_DELIVERY", 2)
                .containsEntry("ORDER_DELIVERED", 4)
                .containsEntry("DELIVERY_FAILED", 1)
                .containsEntry("DELIVERY_REATTEMPTED", 1)
                .containsEntry("INVOICE_ISSUED", 1)
                .containsEntry("RETURN_REQUESTED", 2)
                .containsEntry("RETURN_APPROVED", 2)
                .containsEntry("RETURN_RECEIVED", 2)
                .containsEntry("REFUND_SENT", 1)
                .containsEntry("EXCHANGE_ORDER_CREATED", 1);
        assertThat(out)
                .contains("17. A cash-on-delivery order is shipped, tracked, delivered and reconciled")
                .contains("18. A failed delivery is attempted again the next day")
                .contains("19. A business order with a VAT e-invoice, then a partial return in a store")
                .contains("20. An exchange for another size")
                .contains("21. What the customers were told")
                .contains("-> DUPLICATE shipment DELIVERED")
                .contains("codStatus: due 1548000 VND, remitted 1548000 VND, outstanding 0 VND")
                .contains("isComplete: true")
                .contains("FAIL_DELIVERY OUT_FOR_DELIVERY -> DELIVERY_FAILED")
                .contains("REATTEMPT     DELIVERY_FAILED -> OUT_FOR_DELIVERY")
                .contains("tax code 0100109107 refused: buyer.taxCode INVALID_TAX_CODE")
                .contains("invoices of o-3 before and after: 0 and 0")
                .contains("TEE-LOGO-M at ST-Q1 before: on hand 0, quarantined 0")
                .contains("TEE-LOGO-M at ST-Q1 after:  on hand 1, quarantined 1")
                .contains("payment difference -495000 VND")
                .contains("ADJUSTMENT DRAFT of inv-2, total -550000 VND")
                .contains("replacement order o-5 'W-3004-X-o-4-r1'")
                .contains("26 notifications by type:")
                // the company's e-mail on the invoice is personal data, never printed
                .doesNotContain("ketoan@minhphat.vn");
        assertThat(summary.files()).hasSize(6).allSatisfy(f -> assertThat(f).exists());
        assertThat(Files.readString(dir.resolve("order-lifecycle.mmd")))
                .startsWith("---")
                .contains("stateDiagram-v2")
                .contains("ALLOCATED --> RELEASED : RELEASE [notOnHold, paidOrCod]");
        assertThat(Files.readString(dir.resolve("hanoi-tea-lifecycle.dot")))
                .contains("\"FRAUD_REVIEW\" -> \"CREATED\"");
    }
}
