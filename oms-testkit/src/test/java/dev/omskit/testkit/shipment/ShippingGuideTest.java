package dev.omskit.testkit.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.fulfilment.FulfilmentRequestLifecycle;
import dev.omskit.core.shipment.ShipmentLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipping guide shows the lifecycles as they are. */
class ShippingGuideTest {
    static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/guides/shipping.md");

    @Test
    void guide_containsTheFulfilmentRequestDiagram() throws Exception {
        assertThat(Files.readString(GUIDE))
                .contains("```mermaid\n" + FulfilmentRequestLifecycle.get().toMermaid());
    }

    @Test
    void guide_containsTheShipmentDiagram() throws Exception {
        assertThat(Files.readString(GUIDE))
                .contains("```mermaid\n" + ShipmentLifecycle.get().toMermaid());
    }
}
