package dev.omskit.routing;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One line to route: a SKU and the units wanted, with free-form attributes that rules may read (for example
 * {@code personalisation} for an engraved item).
 */
@Value.Immutable
@OmsStyle
public abstract class RoutingLine {
    /** The attribute that marks a personalised line; its value is the personalisation (text to engrave, ...). */
    public static final String PERSONALISATION = "personalisation";

    /** The line's reference, unique within the request (an order line id for orders). */
    public abstract String ref();

    public abstract Sku sku();

    /** Units wanted, positive. */
    public abstract int quantity();

    public abstract Map<String, String> attributes();

    /** A line of {@code quantity} units of {@code sku}. */
    public static RoutingLine of(String ref, Sku sku, int quantity) {
        return builder().ref(ref).sku(sku).quantity(quantity).build();
    }

    @Value.Check
    void check() {
        if (ref().isBlank()) {
            throw InvalidArgumentException.of("lines.ref", "BLANK", "a routing line needs a non-blank ref");
        }
        if (quantity() <= 0) {
            throw InvalidArgumentException.of(
                    "lines[" + ref() + "].quantity",
                    "NOT_POSITIVE",
                    "line '" + ref() + "' must want at least 1 unit; was " + quantity());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoutingLine}. */
    public static class Builder extends ImmutableRoutingLine.Builder {}
}
