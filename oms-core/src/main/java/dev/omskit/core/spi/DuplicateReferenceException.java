package dev.omskit.core.spi;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.error.ConflictException;

/**
 * A document's reference (a tracking number, an invoice number, an RMA number) is already held by
 * another document of the same tenant and kind.
 */
public class DuplicateReferenceException extends ConflictException {
    private final String reference;
    private final String holder;

    public DuplicateReferenceException(DocumentKind<?> kind, String reference, String holder) {
        super(kind + " reference '" + reference + "' is already used by " + kind + " '" + holder + "'");
        this.reference = reference;
        this.holder = holder;
    }

    /** The reference. */
    public String reference() {
        return reference;
    }

    /** The id of the document that holds it. */
    public String holder() {
        return holder;
    }
}
