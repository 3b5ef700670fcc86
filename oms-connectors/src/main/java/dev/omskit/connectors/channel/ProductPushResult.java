package dev.omskit.connectors.channel;

import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What a channel did with a batch of product pushes: the products it now lists as pushed (with their new
 * channel versions) and the conflicts it refused, because the product moved on in the channel since we
 * read it (or exists already where we meant to create it).
 *
 * @param accepted the products as the channel lists them after the push
 * @param conflicts the pushes refused; nothing of them was applied
 */
public record ProductPushResult(List<ChannelProduct> accepted, List<Conflict> conflicts) {
    public ProductPushResult {
        accepted = List.copyOf(Checks.notNull("accepted", accepted));
        conflicts = List.copyOf(Checks.notNull("conflicts", conflicts));
    }

    /**
     * A push refused because the channel's version is not the one it was based on. The engine reads the
     * channel's product again and decides (merge, keep theirs, ask a person); pushing the same request again
     * fails again.
     *
     * @param sku the SKU
     * @param expectedVersion the version the push was based on (empty: it meant to create the product)
     * @param currentVersion the version the channel holds (empty: the channel does not list it)
     * @param message what conflicted, naming the SKU and both versions
     */
    public record Conflict(Sku sku, Optional<String> expectedVersion, Optional<String> currentVersion, String message) {
        public Conflict {
            Checks.notNull("sku", sku);
            Checks.notNull("expectedVersion", expectedVersion);
            Checks.notNull("currentVersion", currentVersion);
            Checks.notNull("message", message);
        }

        /** The conflict of {@code push} with the channel's {@code current} version (empty when not listed). */
        public static Conflict of(ProductPush push, Optional<String> current) {
            return new Conflict(
                    push.sku(),
                    push.expectedVersion(),
                    current,
                    "conflict: product " + push.sku() + " is at channel version "
                            + current.map(v -> "'" + v + "'").orElse("(not listed)") + ", the push was based on "
                            + push.expectedVersion().map(v -> "'" + v + "'").orElse("(new product)"));
        }
    }
}
