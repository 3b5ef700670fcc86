package dev.omskit.core.lifecycle;

/**
 * What moves a {@link Lifecycle} from one state to another, such as {@code ALLOCATE} or {@code SHIP}:
 * usually the name of a command or of an external event. Triggers are plain names: two triggers with
 * the same name are equal. Immutable and thread-safe.
 *
 * @param name the name, UPPER_SNAKE_CASE: a letter {@code A-Z} followed by up to 63 characters among
 *     {@code A-Z}, {@code 0-9} and {@code _}
 */
public record Trigger(String name) {
    /** Validates the name; throws {@code InvalidArgumentException} naming the bad value. */
    public Trigger {
        LifecycleChecks.upperSnake("Trigger", name);
    }

    /** The trigger called {@code name}; throws {@code InvalidArgumentException} if the name is not valid. */
    public static Trigger of(String name) {
        return new Trigger(name);
    }

    /** The name, as it appears in messages and diagrams. */
    @Override
    public String toString() {
        return name;
    }
}
