package dev.omskit.jdbc.json;

/** A sealed type two of whose subclasses get the same tag, {@code Twin.Leaf}: the codec refuses it. */
sealed interface TagClash permits TagClash.Twin.Leaf, dev.omskit.jdbc.json.Twin.Leaf {
    /** Nested, shadowing the top-level {@code Twin}. */
    final class Twin {
        private Twin() {}

        /** Tagged {@code Twin.Leaf} under {@link TagClash}. */
        record Leaf() implements TagClash {}
    }
}
