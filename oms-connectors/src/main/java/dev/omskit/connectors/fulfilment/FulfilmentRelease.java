package dev.omskit.connectors.fulfilment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A core fulfilment request as the location needs it: what to pick, where to send it, how.
 *
 * @param requestId our fulfilment request id (e.g. {@code ful-1}): the idempotency key of the release
 * @param orderId the order, echoed back on every confirmation
 * @param location the location (warehouse, 3PL site, vendor) that fulfils it
 * @param lines units per order line, each line once, at least one
 * @param shipTo where the parcels go; personal data, printed as {@code ***}
 * @param instructions work instructions for the location (gift wrap, insert a leaflet ...)
 */
public record FulfilmentRelease(
        String requestId,
        OrderId orderId,
        LocationId location,
        List<Line> lines,
        Address shipTo,
        Optional<String> instructions) {
    /**
     * One line to fulfil.
     *
     * @param line the order line (confirmations report picks per order line)
     * @param sku what to pick
     * @param units how many, positive
     */
    public record Line(LineId line, Sku sku, int units) {
        public Line {
            Checks.notNull("line", line);
            Checks.notNull("sku", sku);
            if (units <= 0) {
                throw InvalidArgumentException.of(
                        "units",
                        "NOT_POSITIVE",
                        "line '" + line + "' must release a positive number of units; was " + units);
            }
        }
    }

    public FulfilmentRelease {
        Checks.id("fulfilment request id", requestId);
        Checks.notNull("orderId", orderId);
        Checks.notNull("location", location);
        lines = List.copyOf(Checks.notNull("lines", lines));
        Checks.notNull("shipTo", shipTo);
        Checks.notNull("instructions", instructions);
        if (lines.isEmpty()) {
            throw InvalidArgumentException.of("lines", "EMPTY", "request '" + requestId + "' releases no lines");
        }
        Set<LineId> seen = new HashSet<>();
        for (Line l : lines) {
            if (!seen.add(l.line())) {
                throw InvalidArgumentException.of(
                        "lines", "DUPLICATE", "request '" + requestId + "' names line '" + l.line() + "' twice");
            }
        }
    }

    /** The units of {@code line}, 0 if it is not released here. */
    public int units(LineId line) {
        return lines.stream()
                .filter(l -> l.line().equals(line))
                .mapToInt(Line::units)
                .sum();
    }
}
