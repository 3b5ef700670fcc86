package dev.omskit.connectors.fulfilment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * What the location answered to a release.
 *
 * @param requestId our request id
 * @param accepted whether it took the request
 * @param providerReference the location's own id of the job, when it took it
 * @param reason why it refused (unknown SKU, no stock, address it does not serve ...), when it did
 */
public record ReleaseAnswer(
        String requestId, boolean accepted, Optional<String> providerReference, Optional<String> reason) {
    public ReleaseAnswer {
        Checks.id("fulfilment request id", requestId);
        Checks.notNull("providerReference", providerReference);
        Checks.notNull("reason", reason);
        if (accepted == reason.isPresent()) {
            throw InvalidArgumentException.of(
                    "reason",
                    "INCONSISTENT",
                    "a release answer has a reason exactly when it is refused; request '" + requestId + "'");
        }
    }

    /** The location took the request under its own {@code providerReference}. */
    public static ReleaseAnswer accepted(String requestId, String providerReference) {
        return new ReleaseAnswer(requestId, true, Optional.of(providerReference), Optional.empty());
    }

    /** The location refused the request for {@code reason}. */
    public static ReleaseAnswer rejected(String requestId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidArgumentException.of("reason", "BLANK", "a refused release needs a reason");
        }
        return new ReleaseAnswer(requestId, false, Optional.empty(), Optional.of(reason));
    }

    /**
     * For a refused release: the command of {@code Fulfilment.reject} giving the request's units back with
     * the location's reason, keyed {@code <connector>:release-rejected:<request id>}. Throws for an
     * accepted answer (an acceptance is applied from its {@link FulfilmentConfirmation.Accepted}).
     */
    public ChangeFulfilment toRejectCommand(FulfilmentRelease release, TenantId tenant, Actor actor, String connector) {
        Checks.notNull("release", release);
        if (accepted || !release.requestId().equals(requestId)) {
            throw InvalidArgumentException.of(
                    "answer",
                    "NOT_A_REJECTION",
                    "the answer for request '" + requestId + "' is " + (accepted ? "an acceptance" : "a rejection")
                            + " and the release is '" + release.requestId() + "'");
        }
        return ChangeFulfilment.builder()
                .tenant(tenant)
                .orderId(release.orderId())
                .actor(actor)
                .requestId(requestId)
                .reason(reason)
                .idempotencyKey(IdempotencyKey.of(connector + ":release-rejected:" + requestId))
                .build();
    }
}
