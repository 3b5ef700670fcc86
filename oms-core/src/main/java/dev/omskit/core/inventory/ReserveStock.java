package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Reserve stock for every line or for none. With {@link #holdFor()} the reservation is a hold that lapses
 * after that long unless confirmed; without it, an allocation right away.
 */
@Value.Immutable
@OmsStyle
public abstract class ReserveStock {
    public abstract TenantId tenant();

    /** Who holds the stock, e.g. {@code order:o-42} or {@code cart:c-7}. */
    public abstract String reference();

    public abstract Optional<ChannelId> channel();

    public abstract List<StockLine> lines();

    /** How long a hold lasts; empty reserves as a confirmed allocation. */
    public abstract Optional<Duration> holdFor();

    /** The id to use; empty lets the facade generate one. Reserving again with the same id replays. */
    public abstract Optional<ReservationId> id();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReserveStock}. */
    public static class Builder extends ImmutableReserveStock.Builder {}
}
