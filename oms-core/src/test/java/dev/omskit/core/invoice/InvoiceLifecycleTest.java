package dev.omskit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.lifecycle.Transition;
import org.junit.jupiter.api.Test;

class InvoiceLifecycleTest {
    @Test
    void table_isExactlyTheDocumentedTransitions() {
        assertThat(InvoiceLifecycle.get().transitions())
                .extracting(t -> t.from() + " -" + t.trigger() + "-> " + t.to())
                .containsExactly(
                        "DRAFT -ISSUE-> ISSUED",
                        "DRAFT -FAIL_ISSUE-> DRAFT",
                        "DRAFT -CANCEL-> CANCELLED",
                        "ISSUED -ADJUST-> ADJUSTED",
                        "ADJUSTED -ADJUST-> ADJUSTED",
                        "ISSUED -REPLACE-> REPLACED",
                        "ISSUED -CANCEL-> CANCELLED");
        assertThat(InvoiceLifecycle.get().initialStates()).containsExactly(InvoiceLifecycle.DRAFT);
        assertThat(InvoiceLifecycle.get().finalStates())
                .containsExactly(
                        InvoiceLifecycle.ISSUED,
                        InvoiceLifecycle.ADJUSTED,
                        InvoiceLifecycle.REPLACED,
                        InvoiceLifecycle.CANCELLED);
    }

    @Test
    void replacedAndCancelled_areTheEnd() {
        assertThat(InvoiceLifecycle.get().transitionsFrom(InvoiceLifecycle.REPLACED))
                .isEmpty();
        assertThat(InvoiceLifecycle.get().transitionsFrom(InvoiceLifecycle.CANCELLED))
                .isEmpty();
        assertThat(InvoiceLifecycle.get().transitionsFrom(InvoiceLifecycle.ADJUSTED))
                .extracting(Transition::trigger)
                .containsExactly(InvoiceLifecycle.ADJUST);
    }
}
