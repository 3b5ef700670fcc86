package dev.omskit.core.lifecycle;

/**
 * A state of a {@link Lifecycle}, such as {@code CREATED} or {@code SHIPPED}. States are plain names:
 * two states with the same name are equal, whichever lifecycle declared them. Immutable and thread-safe.
 *
 * @param name the name, UPPER_SNAKE_CASE: a letter {@code A-Z} followed by up to 63 characters among
 *     {@code A-Z}, {@code 0-9} and {@code _}
 */
public record State(String name) {
    /** Validates the name; throws {@code InvalidArgumentException} naming the bad value. */
    public State {
        LifecycleChecks.upperSnake("State", name);
    }

    /** The state called {@code name}; throws {@code InvalidArgumentException} if the name is not valid. */
    public static State of(String name) {
        return new State(name);
    }

    /** The name, as it appears in messages and diagrams. */
    @Override
    public String toString() {
        return name;
    }
}
