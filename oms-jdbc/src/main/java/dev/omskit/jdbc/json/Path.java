package dev.omskit.jdbc.json;

/**
 * Where in a JSON document the codec is: {@code $} for the whole document, {@code .name} for a field,
 * {@code [i]} for an element of an array and {@code {i}} for the i-th entry of a map (0-based). Map
 * entries are named by position, never by key: keys are stored data too, and paths end up in exception
 * messages. Built as a linked chain, turned into text only for a message.
 */
final class Path {
    static final Path ROOT = new Path(null, null, -1, '$');

    private final Path parent;
    private final String name;
    private final int index;
    private final char kind;

    private Path(Path parent, String name, int index, char kind) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.kind = kind;
    }

    /** The field {@code name} of the object here. */
    Path field(String name) {
        return new Path(this, name, -1, '.');
    }

    /** The element {@code index} of the array here. */
    Path element(int index) {
        return new Path(this, null, index, '[');
    }

    /** The entry at {@code position} of the map here. */
    Path entry(int position) {
        return new Path(this, null, position, '{');
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent != null) {
            parent.append(sb);
        }
        switch (kind) {
            case '$' -> sb.append('$');
            case '.' -> sb.append('.').append(name);
            case '[' -> sb.append('[').append(index).append(']');
            default -> sb.append('{').append(index).append('}');
        }
    }
}
