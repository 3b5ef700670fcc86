package dev.omskit.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.order.Order;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.StoreCredit;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.spi.IdempotencyRecord;
import dev.omskit.core.spi.OutboxEntry;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every value the stores hold after real flows on an in-memory omskit ({@link StoredValues}) is written and
 * read back equal, as its own class and as its declared supertypes, in both the self-describing form of
 * {@link Codec#write(Object)} and the compact form of {@link Codec#write(Object, Type)}.
 */
@DisplayName("Codec round trips of stored values from real flows")
class StoredValuesRoundTripTest {
    static StoredValues stored;
    static final Codec codec = Codec.create();

    @SuppressWarnings("unused")
    private static List<OrderEvent> listOfOrderEvents;

    @SuppressWarnings("unused")
    private static Map<String, List<OrderDocument>> documentsById;

    @BeforeAll
    static void runFlows() {
        stored = StoredValues.run();
    }

    /**
     * Writes {@code value} and reads it back as its exact class and as each supertype, in the
     * self-describing form and in the compact form of each declared type; all equal the value, and writing
     * twice gives the same text.
     */
    static void assertRoundTrips(Object value, Class<?> exact, Class<?>... supertypes) {
        assertThat(value).isInstanceOf(exact);
        String text = codec.write(value);
        assertThat(codec.write(value)).as("the same value writes the same text").isEqualTo(text);
        assertThat(codec.read(text, exact))
                .as("%s read as itself", exact.getSimpleName())
                .isEqualTo(value);
        String compact = codec.write(value, exact);
        assertThat(codec.read(compact, exact))
                .as("%s compact, read as itself", exact.getSimpleName())
                .isEqualTo(value);
        for (Class<?> supertype : supertypes) {
            assertThat(codec.read(text, supertype))
                    .as("%s read as %s", exact.getSimpleName(), supertype.getSimpleName())
                    .isEqualTo(value);
            String asDeclared = codec.write(value, supertype);
            assertThat(codec.read(asDeclared, supertype))
                    .as("%s written and read as %s", exact.getSimpleName(), supertype.getSimpleName())
                    .isEqualTo(value);
        }
    }

    @Test
    void orders_roundTrip() {
        assertThat(stored.orders).hasSizeGreaterThanOrEqualTo(7);
        for (Order order : stored.orders) {
            assertRoundTrips(order, Order.class, Object.class);
        }
    }

    @Test
    void orderEvents_roundTrip_asTheirClassAsOrderEventAndAsOmsEvent() {
        assertThat(stored.orderEvents).isNotEmpty();
        for (OrderEvent event : stored.orderEvents) {
            assertRoundTrips(event, event.getClass(), OrderEvent.class, OmsEvent.class, Object.class);
        }
    }

    @Test
    void orderEvents_coverEveryPermittedSubclassAndEveryKindOfChange() {
        Set<Class<?>> seen = stored.orderEvents.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(seen).containsExactlyInAnyOrder(OrderEvent.class.getPermittedSubclasses());
        Set<Class<?>> changes = new HashSet<>();
        stored.orderEvents.stream()
                .filter(OrderEvent.OrderEdited.class::isInstance)
                .flatMap(e -> ((OrderEvent.OrderEdited) e).changes().stream())
                .forEach(c -> changes.add(c.getClass()));
        assertThat(changes).containsExactlyInAnyOrder(OrderEvent.Change.class.getPermittedSubclasses());
    }

    @Test
    void documents_roundTrip_asTheirClassAndAsOrderDocument() {
        assertThat(stored.documents).isNotEmpty();
        for (OrderDocument document : stored.documents) {
            assertRoundTrips(document, document.kind().type(), OrderDocument.class, Object.class);
        }
    }

    @Test
    void documents_coverEveryKind_andAnAdjustmentInvoice() {
        Set<DocumentKind<?>> kinds =
                stored.documents.stream().map(OrderDocument::kind).collect(Collectors.toSet());
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        FulfilmentRequest.KIND,
                        Shipment.KIND,
                        Invoice.KIND,
                        ReturnRequest.KIND,
                        Refund.KIND,
                        StoreCredit.KIND,
                        Claim.KIND);
        assertThat(stored.documents)
                .filteredOn(d -> d instanceof Invoice i && i.purpose() == InvoicePurpose.ADJUSTMENT)
                .isNotEmpty();
        assertThat(stored.documents)
                .filteredOn(d -> d instanceof Invoice i && i.number().isPresent())
                .as("an issued invoice")
                .isNotEmpty();
        assertThat(stored.documents)
                .filteredOn(d -> d instanceof Shipment s && !s.remittances().isEmpty())
                .as("a shipment with a COD remittance")
                .isNotEmpty();
    }

    @Test
    void documentEvents_roundTrip_asDocumentEventAndAsOmsEvent() {
        assertThat(stored.documentEvents).hasSizeGreaterThan(stored.documents.size());
        for (DocumentEvent event : stored.documentEvents) {
            assertRoundTrips(event, DocumentEvent.class, OmsEvent.class, Object.class);
        }
    }

    @Test
    void outboxEntries_roundTrip_withTheirEventsAsOmsEvent() {
        assertThat(stored.outbox).isNotEmpty();
        assertThat(stored.outbox).extracting(OutboxEntry::event).hasAtLeastOneElementOfType(OrderEvent.class);
        assertThat(stored.outbox).extracting(OutboxEntry::event).hasAtLeastOneElementOfType(DocumentEvent.class);
        for (OutboxEntry entry : stored.outbox) {
            assertRoundTrips(entry, OutboxEntry.class);
            assertRoundTrips(entry.event(), entry.event().getClass(), OmsEvent.class);
        }
    }

    @Test
    void idempotencyRecords_roundTrip_someWithDocuments() {
        assertThat(stored.idempotencyRecords).hasSizeGreaterThanOrEqualTo(10);
        assertThat(stored.idempotencyRecords)
                .filteredOn(r -> !r.documents().isEmpty())
                .isNotEmpty();
        for (IdempotencyRecord record : stored.idempotencyRecords) {
            assertRoundTrips(record, IdempotencyRecord.class);
        }
    }

    @Test
    void inventoryRecords_roundTrip() {
        assertThat(stored.reservations).isNotEmpty();
        assertThat(stored.transfers).isNotEmpty();
        assertThat(stored.purchaseOrders).isNotEmpty();
        assertThat(stored.backorders).isNotEmpty();
        assertThat(stored.ledger).isNotEmpty();
        assertThat(stored.locations).hasSize(3);
        assertThat(stored.products).hasSize(StoredValues.SKUS.size());
        assertThat(stored.levels).isNotEmpty();
        stored.reservations.forEach(r -> assertRoundTrips(r, Reservation.class));
        stored.transfers.forEach(t -> assertRoundTrips(t, Transfer.class));
        stored.purchaseOrders.forEach(p -> assertRoundTrips(p, PurchaseOrder.class));
        stored.backorders.forEach(b -> assertRoundTrips(b, Backorder.class));
        stored.ledger.forEach(e -> assertRoundTrips(e, LedgerEntry.class));
        stored.locations.forEach(l -> assertRoundTrips(l, Location.class));
        stored.products.forEach(p -> assertRoundTrips(p, Product.class));
        stored.levels.forEach(l -> assertRoundTrips(l, StockLevel.class));
    }

    @Test
    void genericTypes_roundTrip_aListOfEventsAndAMapOfDocumentLists() throws Exception {
        Type events = StoredValuesRoundTripTest.class
                .getDeclaredField("listOfOrderEvents")
                .getGenericType();
        String text = codec.write(stored.orderEvents, events);
        assertThat(codec.read(text, events)).isEqualTo(stored.orderEvents);
        String selfDescribing = codec.write(List.copyOf(stored.orderEvents));
        assertThat(codec.read(selfDescribing, events)).isEqualTo(stored.orderEvents);
        assertThat(codec.read(selfDescribing, List.class)).isEqualTo(stored.orderEvents);

        Type byOrder = StoredValuesRoundTripTest.class
                .getDeclaredField("documentsById")
                .getGenericType();
        Map<String, List<OrderDocument>> grouped = stored.documents.stream()
                .collect(Collectors.groupingBy(
                        d -> d.orderId().value(), java.util.LinkedHashMap::new, Collectors.toList()));
        assertThat(codec.read(codec.write(grouped, byOrder), byOrder)).isEqualTo(grouped);
    }

    @Test
    void everyStoredCoreType_isCovered() {
        for (Type root : Codec.STORED) {
            assertThat(codec.uncovered(root)).as("types reached from %s", root).isEmpty();
        }
        assertThat(Arrays.stream(OrderEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrderElementsOf(((Tagged.Sealed) codec.converter(OrderEvent.class))
                        .tags()
                        .keySet());
    }
}
