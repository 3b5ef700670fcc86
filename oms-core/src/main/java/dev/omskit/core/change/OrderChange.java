package dev.omskit.core.change;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.Checks;

/**
 * A change to an order after placement, as one value that can be previewed and applied. Each
 * variant wraps the command that carries it; setting the command's {@code expectedVersion} to a
 * preview's {@link ChangePreview#baseVersion()} applies exactly what was previewed or fails with a
 * version conflict.
 */
public sealed interface OrderChange permits OrderChange.Edit, OrderChange.Cancel {
    /** The command carrying the change. */
    ExistingOrderCommand command();

    /** Edit buyer details, address, lines or quantities before release. */
    record Edit(EditOrder command) implements OrderChange {
        public Edit {
            Checks.notNull("command", command);
        }
    }

    /** Cancel the order or some units. */
    record Cancel(CancelOrder command) implements OrderChange {
        public Cancel {
            Checks.notNull("command", command);
        }
    }

    /** An edit. */
    static OrderChange edit(EditOrder command) {
        return new Edit(command);
    }

    /** A cancellation. */
    static OrderChange cancel(CancelOrder command) {
        return new Cancel(command);
    }
}
