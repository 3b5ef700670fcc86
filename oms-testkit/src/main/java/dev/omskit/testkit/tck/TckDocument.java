package dev.omskit.testkit.tck;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The plain document {@link DocumentStoreCompatibilityKit} writes: every field a store must keep, and a
 * free-text note that changes with each version. A durable store must round-trip it exactly (it is a
 * record of plain values, so a JSON mapper handles it).
 *
 * @param tenant the tenant
 * @param orderId the order it belongs to
 * @param id unique within tenant and kind
 * @param version 1 after creation
 * @param state {@code OPEN} or {@code DONE} in the kit
 * @param references unique keys
 * @param note changes with each version
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record TckDocument(
        TenantId tenant,
        OrderId orderId,
        String id,
        long version,
        State state,
        Set<String> references,
        String note,
        Instant createdAt,
        Instant updatedAt)
        implements OrderDocument {
    /** The kind of the kit's documents. */
    public static final DocumentKind<TckDocument> KIND = DocumentKind.of("tck-note", TckDocument.class);
    /** A second kind with the same type, to show that kinds are separate key spaces. */
    public static final DocumentKind<TckDocument> OTHER_KIND = DocumentKind.of("tck-other", TckDocument.class);

    public TckDocument {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        references = Set.copyOf(references);
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public DocumentKind<TckDocument> kind() {
        return id.startsWith("other-") ? OTHER_KIND : KIND;
    }

    /** The next version with another state, references and note. */
    public TckDocument next(State nextState, Set<String> nextReferences, String nextNote, Instant at) {
        return new TckDocument(tenant, orderId, id, version + 1, nextState, nextReferences, nextNote, createdAt, at);
    }
}
