package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A claim after delivery: units missing, wrong or damaged, with a description and evidence. Claimed
 * units per line are at most those delivered (or returned) and not in other claims.
 */
@Value.Immutable
@OmsStyle
public abstract class OpenClaim implements ExistingOrderCommand {
    public abstract List<ClaimLine> lines();

    /** What happened (prints as {@code ***}). */
    @Value.Redacted
    public abstract String description();

    /** References to photos, videos, carrier reports. */
    public abstract List<String> evidence();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link OpenClaim}. */
    public static class Builder extends ImmutableOpenClaim.Builder {}
}
