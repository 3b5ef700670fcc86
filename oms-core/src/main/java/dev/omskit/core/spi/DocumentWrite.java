package dev.omskit.core.spi;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * One document's part of an {@link OrderCommit}: its new state, the version it must have in the store
 * now (0: must not exist), and the events that led to it.
 *
 * <p>Checked on construction: at least one event; the events' sequences run from {@code expectedVersion
 * + 1} to {@code document.version()}, all about this document.
 *
 * @param document the document after the events
 * @param expectedVersion its stored version now; 0 for a new document
 * @param events the new events, in sequence
 */
public record DocumentWrite(OrderDocument document, long expectedVersion, List<DocumentEvent> events) {
    public DocumentWrite {
        Checks.notNull("document", document);
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new InternalException("write of " + document.kind() + " " + document.id() + " has no events");
        }
        long expected = expectedVersion + 1;
        for (DocumentEvent e : events) {
            if (e.sequence() != expected
                    || !e.documentId().equals(document.id())
                    || !e.kind().equals(document.kind())
                    || !e.tenant().equals(document.tenant())) {
                throw new InternalException("write of " + document.kind() + " " + document.id() + " has event "
                        + e.eventId() + " out of sequence; expected sequence " + expected);
            }
            expected++;
        }
        if (document.version() != expected - 1) {
            throw new InternalException(document.kind() + " " + document.id() + " has version " + document.version()
                    + " but its events end at " + (expected - 1));
        }
    }

    /** Whether this write creates the document. */
    public boolean isNew() {
        return expectedVersion == 0;
    }
}
