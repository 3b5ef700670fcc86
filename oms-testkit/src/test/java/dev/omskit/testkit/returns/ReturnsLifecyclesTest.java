package dev.omskit.testkit.returns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.returns.ClaimLifecycle;
import dev.omskit.core.returns.RefundLifecycle;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.StoreCreditLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The returns lifecycles and their guide")
class ReturnsLifecyclesTest {
    static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/guides/returns.md");

    static List<String> table(Lifecycle<?> lifecycle) {
        return lifecycle.transitions().stream()
                .map(t -> t.from() + " " + t.trigger() + " " + t.to())
                .toList();
    }

    @Test
    void the_return_lifecycle_has_exactly_these_transitions() {
        assertThat(table(ReturnLifecycle.get()))
                .containsExactly(
                        "REQUESTED APPROVE APPROVED",
                        "REQUESTED REJECT REJECTED",
                        "REQUESTED CANCEL CANCELLED",
                        "APPROVED CANCEL CANCELLED",
                        "APPROVED RECEIVE RECEIVED",
                        "RECEIVED INSPECT INSPECTED",
                        "INSPECTED REFUND REFUNDED",
                        "INSPECTED CREDIT CREDITED",
                        "INSPECTED EXCHANGE EXCHANGED",
                        "REFUNDED CLOSE CLOSED",
                        "CREDITED CLOSE CLOSED",
                        "EXCHANGED CLOSE CLOSED");
        assertThat(ReturnLifecycle.get().initialStates()).containsExactly(ReturnLifecycle.REQUESTED);
        assertThat(ReturnLifecycle.get().finalStates())
                .containsExactlyInAnyOrder(ReturnLifecycle.REJECTED, ReturnLifecycle.CANCELLED, ReturnLifecycle.CLOSED);
    }

    @Test
    void the_refund_lifecycle_has_exactly_these_transitions() {
        assertThat(table(RefundLifecycle.get()))
                .containsExactly("PENDING SUCCEED SUCCEEDED", "PENDING FAIL FAILED", "FAILED RETRY PENDING");
    }

    @Test
    void the_store_credit_lifecycle_has_exactly_these_transitions() {
        assertThat(table(StoreCreditLifecycle.get()))
                .containsExactly("ACTIVE REDEEM ACTIVE", "ACTIVE REDEEM_ALL REDEEMED", "ACTIVE EXPIRE EXPIRED");
    }

    @Test
    void the_claim_lifecycle_has_exactly_these_transitions() {
        assertThat(table(ClaimLifecycle.get()))
                .containsExactly(
                        "OPEN APPROVE APPROVED",
                        "OPEN REJECT REJECTED",
                        "APPROVED RESOLVE RESOLVED",
                        "RESOLVED CLOSE CLOSED");
    }

    @Test
    void the_guide_shows_every_lifecycle_as_it_is() throws IOException {
        String guide = Files.readString(GUIDE);
        for (Lifecycle<?> lifecycle : List.of(
                ReturnLifecycle.get(), RefundLifecycle.get(), StoreCreditLifecycle.get(), ClaimLifecycle.get())) {
            assertThat(guide).contains("```mermaid\n" + lifecycle.toMermaid());
        }
    }
}
