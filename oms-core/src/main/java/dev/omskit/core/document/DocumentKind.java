package dev.omskit.core.document;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;

/**
 * A kind of order document, such as {@code shipment} or {@code invoice}, with the Java type its documents
 * have. Stores key documents by tenant, kind name and id; the type makes reads typed.
 *
 * @param name lower-case letters, digits and dashes, e.g. {@code return-request}
 * @param type the document type
 * @param <D> the document type
 */
public record DocumentKind<D extends OrderDocument>(String name, Class<D> type) {
    public DocumentKind {
        Checks.notNull("name", name);
        Checks.notNull("type", type);
        if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw InvalidArgumentException.of(
                    "name",
                    "MALFORMED",
                    "a document kind is 1-40 lower-case letters, digits or dashes, starting with a letter; was '" + name
                            + "'");
        }
    }

    /** A kind named {@code name} whose documents are {@code type}. */
    public static <D extends OrderDocument> DocumentKind<D> of(String name, Class<D> type) {
        return new DocumentKind<>(name, type);
    }

    /** The document as this kind's type; an {@code IllegalArgumentException} when it is another kind. */
    public D cast(OrderDocument document) {
        if (!document.kind().name().equals(name)) {
            throw new IllegalArgumentException(
                    "document " + document.id() + " is a " + document.kind().name() + ", not a " + name);
        }
        return type.cast(document);
    }

    @Override
    public String toString() {
        return name;
    }
}
