package dev.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingDayDemoTest {
    @Test
    void run_printsOrdersAndTrails_andWritesDiagrams(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TradingDayDemo.Summary summary =
                new TradingDayDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir).run();
        String out = bytes.toString(StandardCharsets.UTF_8);

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
        assertThat(summary.files()).hasSize(6).allSatisfy(f -> assertThat(f).exists());
        assertThat(Files.readString(dir.resolve("order-lifecycle.mmd")))
                .startsWith("---")
                .contains("stateDiagram-v2")
                .contains("ALLOCATED --> RELEASED : RELEASE [notOnHold, paidOrCod]");
        assertThat(Files.readString(dir.resolve("hanoi-tea-lifecycle.dot")))
                .contains("\"FRAUD_REVIEW\" -> \"CREATED\"");
    }
}
