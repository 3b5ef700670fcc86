package dev.omskit.jdbc.json;

/** A top-level class whose nested record has the same tag as {@link TagClash.Twin.Leaf} under {@link TagClash}. */
final class Twin {
    private Twin() {}

    /** Tagged {@code Twin.Leaf} under {@link TagClash}. */
    record Leaf() implements TagClash {}
}
