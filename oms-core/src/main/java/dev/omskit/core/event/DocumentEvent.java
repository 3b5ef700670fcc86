package dev.omskit.core.event;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to an order document: which trigger moved it from which state to which, who
 * did it and when, and the document as it is afterwards. Appended to the document's trail and to the
 * outbox in the same commit as the change. Replaying a document's trail ends at its stored state.
 *
 * <p>Personal data inside the document prints as {@code ***}; events carry no secrets.
 *
 * @param eventId {@code <kind>/<id>/<sequence>}, unique within the tenant
 * @param tenant the tenant
 * @param orderId the order the document belongs to
 * @param kind the document's kind
 * @param documentId the document's id
 * @param sequence the document's version after this event; 1 for its creation
 * @param occurredAt when
 * @param actor who
 * @param trigger what happened, e.g. {@code CREATE}, {@code DELIVER}, {@code ISSUE}
 * @param from the state before; empty for the creation
 * @param to the state after
 * @param document the document after the event
 * @param summary one line for people, e.g. {@code delivered to the buyer}
 * @param implied whether the step was not reported on its own but implied by a later one in the same
 *     change (a carrier reporting "delivered" for a parcel last seen handed over walks it through in
 *     transit and out for delivery); customers are not told about implied steps
 */
public record DocumentEvent(
        String eventId,
        TenantId tenant,
        OrderId orderId,
        DocumentKind<?> kind,
        String documentId,
        long sequence,
        Instant occurredAt,
        Actor actor,
        Trigger trigger,
        Optional<State> from,
        State to,
        OrderDocument document,
        String summary,
        boolean implied)
        implements OmsEvent {
    public DocumentEvent {
        Checks.id("event id", eventId);
        Checks.notNull("tenant", tenant);
        Checks.notNull("orderId", orderId);
        Checks.notNull("kind", kind);
        Checks.id("document id", documentId);
        Checks.notNull("occurredAt", occurredAt);
        Checks.notNull("actor", actor);
        Checks.notNull("trigger", trigger);
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        Checks.notNull("document", document);
        Checks.notNull("summary", summary);
        if (sequence < 1) {
            throw new InvalidArgumentException("event sequence must be at least 1; was " + sequence);
        }
        if (sequence != document.version()
                || !document.id().equals(documentId)
                || !document.tenant().equals(tenant)
                || !document.orderId().equals(orderId)
                || !document.kind().equals(kind)
                || !document.state().equals(to)) {
            throw new InvalidArgumentException("event " + eventId + " does not describe " + document.kind() + " "
                    + document.id() + " at version " + document.version() + " in state " + document.state());
        }
    }

    /**
     * The event that takes {@code before} (null for a new document) to {@code after}: its sequence is
     * {@code after.version()}, which must be one more than {@code before}'s.
     */
    public static DocumentEvent of(
            OrderDocument before, OrderDocument after, Trigger trigger, Actor actor, Instant at, String summary) {
        return of(before, after, trigger, actor, at, summary, false);
    }

    /** As {@link #of(OrderDocument, OrderDocument, Trigger, Actor, Instant, String)}, marked implied or not. */
    public static DocumentEvent of(
            OrderDocument before,
            OrderDocument after,
            Trigger trigger,
            Actor actor,
            Instant at,
            String summary,
            boolean implied) {
        Checks.notNull("after", after);
        long expected = before == null ? 1 : before.version() + 1;
        if (after.version() != expected) {
            throw new InvalidArgumentException(after.kind() + " " + after.id() + " has version " + after.version()
                    + "; the event after version " + (expected - 1) + " needs " + expected);
        }
        return new DocumentEvent(
                after.kind().name() + "/" + after.id() + "/" + after.version(),
                after.tenant(),
                after.orderId(),
                after.kind(),
                after.id(),
                after.version(),
                at,
                actor,
                trigger,
                before == null ? Optional.empty() : Optional.of(before.state()),
                after.state(),
                after,
                summary,
                implied);
    }

    @Override
    public String describe() {
        return kind + " " + documentId + " " + trigger + " "
                + from.map(s -> s + "->").orElse("") + to + ": " + summary;
    }
}
