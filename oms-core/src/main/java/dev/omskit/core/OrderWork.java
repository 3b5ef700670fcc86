package dev.omskit.core;

import dev.omskit.core.change.PaymentDifference;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.EventHeader;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.internal.Decision;
import dev.omskit.core.internal.OrderDecider;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.spi.DocumentStore;
import dev.omskit.core.spi.DocumentWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt of a command over an order and its documents: the facades decide on it (move units, record
 * payments, create and change documents), and the facade then commits everything it gathered in one
 * atomic write, or nothing. Decisions read the order as it is after the changes made so far, so steps
 * compose. Not thread-safe; one per attempt.
 */
final class OrderWork {
    private final OrderDecider decider;
    private final DocumentStore documents;
    private final Actor actor;
    private final Instant now;
    private final Order original;
    private Order current;
    private final List<OrderEvent> orderEvents = new ArrayList<>();
    /** Per document key: the stored version and the new state with its events. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private PaymentDifference difference;

    private static final class Pending {
        final long storedVersion;
        OrderDocument document;
        final List<DocumentEvent> events = new ArrayList<>();

        Pending(long storedVersion, OrderDocument document) {
            this.storedVersion = storedVersion;
            this.document = document;
        }
    }

    OrderWork(OrderDecider decider, DocumentStore documents, Order order, Actor actor, Instant now) {
        this.decider = decider;
        this.documents = documents;
        this.original = order;
        this.current = order;
        this.actor = actor;
        this.now = now;
        this.difference = PaymentDifference.none(order.currency());
    }

    /**
     * Notes money this change leaves to settle with the buyer: positive when the buyer pays more,
     * negative for a refund. Part of the change's result and of its preview.
     */
    void settle(Money signedAmount, String reason) {
        difference = difference.plus(signedAmount, reason);
    }

    /** The money to settle noted so far. */
    PaymentDifference paymentDifference() {
        return difference;
    }

    /** The order as it is after the changes decided so far. */
    Order order() {
        return current;
    }

    /** The order as it was read. */
    Order original() {
        return original;
    }

    Actor actor() {
        return actor;
    }

    Instant now() {
        return now;
    }

    OrderLifecycle lifecycle() {
        return decider.lifecycle();
    }

    /** Moves units by a lifecycle trigger; an empty map moves every unit that can take it. */
    Order transition(Trigger trigger, Map<LineId, Integer> lines, String reason) {
        TransitionOrder command = TransitionOrder.builder()
                .tenant(current.tenant())
                .orderId(current.id())
                .actor(actor)
                .trigger(trigger)
                .lines(lines)
                .reason(Optional.ofNullable(reason))
                .build();
        return apply(decider.transition(current, command, now));
    }

    /**
     * Moves units of the lines that are in {@code from} by a lifecycle trigger (for triggers with several
     * sources, when a document knows which units it holds: a fulfilment request's RELEASED units).
     */
    Order transitionFrom(
            dev.omskit.core.lifecycle.State from, Trigger trigger, Map<LineId, Integer> lines, String reason) {
        TransitionOrder command = TransitionOrder.builder()
                .tenant(current.tenant())
                .orderId(current.id())
                .actor(actor)
                .trigger(trigger)
                .lines(lines)
                .reason(Optional.ofNullable(reason))
                .build();
        return apply(decider.transitionFrom(current, command, from, now));
    }

    /** Records a payment event (the amount resolved and checked as {@link Oms#recordPayment} does). */
    Order payment(Trigger trigger, Optional<Money> amount, Optional<String> reference) {
        RecordPayment command = RecordPayment.builder()
                .tenant(current.tenant())
                .orderId(current.id())
                .actor(actor)
                .trigger(trigger)
                .amount(amount)
                .reference(reference)
                .build();
        return apply(decider.recordPayment(current, command, now));
    }

    /** Edits the order (before release). */
    Order edit(EditOrder command) {
        return apply(decider.edit(current, command, now));
    }

    /** Cancels units of the order. */
    Order cancel(CancelOrder command) {
        return apply(decider.cancel(current, command, now));
    }

    /** Applies a decision of the order lifecycle: its events, or its refusal as an exception. */
    Order apply(Decision d) {
        if (d.isRejected()) {
            throw new OrderRejectedException(d.rejection().get());
        }
        orderEvents.addAll(d.events());
        current = d.next().orElseThrow();
        return current;
    }

    /** The order's document of this kind and id, with the changes decided so far. */
    <D extends OrderDocument> Optional<D> find(DocumentKind<D> kind, String id) {
        Pending p = pending.get(key(kind, id));
        if (p != null) {
            return Optional.of(kind.cast(p.document));
        }
        return documents.find(current.tenant(), kind, id).filter(d -> d.orderId()
                .equals(current.id()));
    }

    /** The order's documents of this kind, oldest first, with the changes decided so far. */
    <D extends OrderDocument> List<D> documents(DocumentKind<D> kind) {
        List<D> result = new ArrayList<>();
        for (D stored : documents.ofOrder(current.tenant(), current.id(), kind)) {
            Pending p = pending.get(key(kind, stored.id()));
            result.add(p == null ? stored : kind.cast(p.document));
        }
        for (Pending p : pending.values()) {
            if (p.storedVersion == 0 && p.document.kind().name().equals(kind.name())) {
                result.add(kind.cast(p.document));
            }
        }
        return result;
    }

    /**
     * Records a new document version: {@code before} is the document as this attempt last saw it (null
     * for a new one), {@code after} the next version.
     */
    <D extends OrderDocument> D write(D before, D after, Trigger trigger, String summary) {
        return write(before, after, trigger, summary, false);
    }

    /**
     * As {@link #write(OrderDocument, OrderDocument, Trigger, String)}; {@code implied} marks a step not
     * reported on its own but walked through on the way to a later one (customers are not told of it).
     */
    <D extends OrderDocument> D write(D before, D after, Trigger trigger, String summary, boolean implied) {
        if (!after.orderId().equals(current.id()) || !after.tenant().equals(current.tenant())) {
            throw new InternalException(after.kind() + " " + after.id() + " does not belong to order " + current.id());
        }
        String key = key(after.kind(), after.id());
        Pending p = pending.get(key);
        if (p == null) {
            p = new Pending(before == null ? 0 : before.version(), after);
            pending.put(key, p);
        } else if (before == null || before.version() != p.document.version()) {
            throw new InternalException(after.kind() + " " + after.id() + " written from a stale version");
        }
        DocumentEvent event = DocumentEvent.of(before, after, trigger, actor, now, summary, implied);
        p.events.add(event);
        p.document = after;
        recordOnOrder(event);
        return after;
    }

    /** Appends the order event that puts a document change in the order's trail and moves its version. */
    private void recordOnOrder(DocumentEvent event) {
        OrderStatus status = current.status();
        EventHeader header = EventHeader.of(
                current.tenant(), current.id(), current.version() + 1, now, actor, Optional.of(status), status);
        OrderEvent changed = new OrderEvent.DocumentChanged(
                header,
                event.kind().name(),
                event.documentId(),
                event.trigger(),
                event.from(),
                event.to(),
                event.summary());
        current = decider.evolver().evolve(current, changed);
        orderEvents.add(changed);
    }

    /** Whether anything was decided. */
    boolean changed() {
        return !orderEvents.isEmpty() || !pending.isEmpty();
    }

    List<OrderEvent> orderEvents() {
        return List.copyOf(orderEvents);
    }

    List<DocumentWrite> writes() {
        List<DocumentWrite> writes = new ArrayList<>();
        for (Pending p : pending.values()) {
            writes.add(new DocumentWrite(p.document, p.storedVersion, p.events));
        }
        return writes;
    }

    /** The documents written, as they are after this attempt. */
    List<OrderDocument> written() {
        return pending.values().stream().map(p -> p.document).toList();
    }

    /** All document events of this attempt, in the order they were decided per document. */
    List<DocumentEvent> documentEvents() {
        List<DocumentEvent> events = new ArrayList<>();
        pending.values().forEach(p -> events.addAll(p.events));
        return events;
    }

    /** The order events as a decision, for the stock bookkeeping. */
    Decision asDecision() {
        return Decision.accepted(current, orderEvents);
    }

    private static String key(DocumentKind<?> kind, String id) {
        return kind.name() + "/" + id;
    }
}
