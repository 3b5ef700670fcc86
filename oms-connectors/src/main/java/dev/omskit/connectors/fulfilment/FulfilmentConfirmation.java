package dev.omskit.connectors.fulfilment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a location reports about a released request, one event each: {@link Accepted}, {@link Rejected},
 * {@link Picked} (with short picks), {@link Packed}, {@link Shipped}. Each maps to the core command that
 * applies it, with an idempotency key derived from the connector and the provider's {@link #eventId()},
 * so a confirmation applied twice (polled and pushed, resent) has one effect.
 */
public sealed interface FulfilmentConfirmation {
    /** The provider's id of this event, unique per connector. */
    String eventId();

    /** Our fulfilment request id. */
    String requestId();

    /** The order of the request. */
    OrderId orderId();

    /** When the location did it. */
    Instant at();

    /** The idempotency key of the core command this confirmation maps to: {@code <connector>:<event id>}. */
    default IdempotencyKey idempotencyKey(String connector) {
        return IdempotencyKey.of(connector + ":" + eventId());
    }

    /**
     * The location took the request: {@code Fulfilment.accept} with {@link #toCommand}.
     *
     * @param eventId the provider's event id
     * @param requestId our request id
     * @param orderId the order
     * @param at when
     */
    record Accepted(String eventId, String requestId, OrderId orderId, Instant at) implements FulfilmentConfirmation {
        public Accepted {
            checkCommon(eventId, requestId, orderId, at);
        }

        /** The command of {@code Fulfilment.accept}. */
        public ChangeFulfilment toCommand(TenantId tenant, Actor actor, String connector) {
            return change(this, tenant, actor, connector, Optional.empty());
        }
    }

    /**
     * The location refused the request after taking it: {@code Fulfilment.reject} with {@link #toCommand}.
     *
     * @param eventId the provider's event id
     * @param requestId our request id
     * @param orderId the order
     * @param at when
     * @param reason why, not blank
     */
    record Rejected(String eventId, String requestId, OrderId orderId, Instant at, String reason)
            implements FulfilmentConfirmation {
        public Rejected {
            checkCommon(eventId, requestId, orderId, at);
            requireText("reason", reason, requestId);
        }

        /** The command of {@code Fulfilment.reject}. */
        public ChangeFulfilment toCommand(TenantId tenant, Actor actor, String connector) {
            return change(this, tenant, actor, connector, Optional.of(reason));
        }
    }

    /**
     * The location picked: units per line of the request; a line with fewer units than released (or
     * missing) is a short pick, with {@link #shortReason()}. Apply with {@code Fulfilment.confirmPick}.
     *
     * @param eventId the provider's event id
     * @param requestId our request id
     * @param orderId the order
     * @param at when
     * @param picked units picked per line, none negative
     * @param shortReason why units are missing (required by the core for a short pick)
     */
    record Picked(
            String eventId,
            String requestId,
            OrderId orderId,
            Instant at,
            Map<LineId, Integer> picked,
            Optional<String> shortReason)
            implements FulfilmentConfirmation {
        public Picked {
            checkCommon(eventId, requestId, orderId, at);
            picked = Map.copyOf(new LinkedHashMap<>(Checks.notNull("picked", picked)));
            Checks.notNull("shortReason", shortReason);
            picked.forEach((line, units) -> {
                if (units < 0) {
                    throw InvalidArgumentException.of(
                            "picked",
                            "NOT_POSITIVE",
                            "request '" + requestId + "' line '" + line + "' picked " + units);
                }
            });
        }

        /** The command of {@code Fulfilment.confirmPick}. */
        public ConfirmPick toCommand(TenantId tenant, Actor actor, String connector) {
            return ConfirmPick.builder()
                    .tenant(tenant)
                    .orderId(orderId)
                    .actor(actor)
                    .requestId(requestId)
                    .picked(picked)
                    .reason(shortReason)
                    .idempotencyKey(idempotencyKey(connector))
                    .build();
        }
    }

    /**
     * The location packed the picked units into parcels: {@code Fulfilment.confirmPack} with {@link
     * #toCommand}.
     *
     * @param eventId the provider's event id
     * @param requestId our request id
     * @param orderId the order
     * @param at when
     * @param parcels the parcels, at least one
     */
    record Packed(String eventId, String requestId, OrderId orderId, Instant at, List<Parcel> parcels)
            implements FulfilmentConfirmation {
        public Packed {
            checkCommon(eventId, requestId, orderId, at);
            parcels = List.copyOf(Checks.notNull("parcels", parcels));
            if (parcels.isEmpty()) {
                throw InvalidArgumentException.of("parcels", "EMPTY", "request '" + requestId + "' packed no parcel");
            }
        }

        /** The command of {@code Fulfilment.confirmPack}. */
        public ChangeFulfilment toCommand(TenantId tenant, Actor actor, String connector) {
            return change(this, tenant, actor, connector, Optional.empty());
        }
    }

    /**
     * The location handed the parcels to a carrier. Applied in three core steps: {@code Shipping.create}
     * ({@link #toCreateShipment}), {@code Shipping.label} ({@link #toLabel}) and {@code Shipping.handOver}
     * ({@link #toHandOver}), each with its own idempotency key.
     *
     * @param eventId the provider's event id
     * @param requestId our request id
     * @param orderId the order
     * @param at when
     * @param lines units shipped per line
     * @param parcels the parcels, at least one
     * @param carrier the carrier's code, e.g. {@code GHN}
     * @param trackingNumber the carrier's tracking number
     */
    record Shipped(
            String eventId,
            String requestId,
            OrderId orderId,
            Instant at,
            Map<LineId, Integer> lines,
            List<Parcel> parcels,
            String carrier,
            String trackingNumber)
            implements FulfilmentConfirmation {
        public Shipped {
            checkCommon(eventId, requestId, orderId, at);
            lines = Map.copyOf(new LinkedHashMap<>(Checks.notNull("lines", lines)));
            parcels = List.copyOf(Checks.notNull("parcels", parcels));
            Checks.id("carrier", carrier);
            Checks.id("tracking number", trackingNumber);
            if (lines.isEmpty() || lines.values().stream().anyMatch(u -> u <= 0)) {
                throw InvalidArgumentException.of(
                        "lines", "NOT_POSITIVE", "request '" + requestId + "' shipped " + lines);
            }
            if (parcels.isEmpty()) {
                throw InvalidArgumentException.of("parcels", "EMPTY", "request '" + requestId + "' shipped no parcel");
            }
        }

        /** The command of {@code Shipping.create} for the shipment leaving {@code origin} (the request's location). */
        public CreateShipment toCreateShipment(TenantId tenant, Actor actor, String connector, LocationId origin) {
            return CreateShipment.builder()
                    .tenant(tenant)
                    .orderId(orderId)
                    .actor(actor)
                    .origin(origin)
                    .fulfilmentRequest(requestId)
                    .lines(lines)
                    .parcels(parcels)
                    .carrier(carrier)
                    .idempotencyKey(key(connector, "create"))
                    .build();
        }

        /** The command of {@code Shipping.label} for the shipment {@link #toCreateShipment} created. */
        public LabelShipment toLabel(TenantId tenant, Actor actor, String connector, String shipmentId) {
            return LabelShipment.builder()
                    .tenant(tenant)
                    .orderId(orderId)
                    .actor(actor)
                    .shipmentId(shipmentId)
                    .trackingNumber(trackingNumber)
                    .idempotencyKey(key(connector, "label"))
                    .build();
        }

        /** The command of {@code Shipping.handOver} for that shipment. */
        public ChangeShipment toHandOver(TenantId tenant, Actor actor, String connector, String shipmentId) {
            return ChangeShipment.builder()
                    .tenant(tenant)
                    .orderId(orderId)
                    .actor(actor)
                    .shipmentId(shipmentId)
                    .idempotencyKey(key(connector, "handover"))
                    .build();
        }

        private IdempotencyKey key(String connector, String step) {
            return IdempotencyKey.of(connector + ":" + eventId + ":" + step);
        }
    }

    private static ChangeFulfilment change(
            FulfilmentConfirmation c, TenantId tenant, Actor actor, String connector, Optional<String> reason) {
        return ChangeFulfilment.builder()
                .tenant(tenant)
                .orderId(c.orderId())
                .actor(actor)
                .requestId(c.requestId())
                .reason(reason)
                .idempotencyKey(c.idempotencyKey(connector))
                .build();
    }

    private static void checkCommon(String eventId, String requestId, OrderId orderId, Instant at) {
        Checks.id("event id", eventId);
        Checks.id("fulfilment request id", requestId);
        Checks.notNull("orderId", orderId);
        Checks.notNull("at", at);
    }

    private static void requireText(String field, String value, String requestId) {
        if (value == null || value.isBlank()) {
            throw InvalidArgumentException.of(field, "BLANK", "request '" + requestId + "': " + field + " is blank");
        }
    }
}
