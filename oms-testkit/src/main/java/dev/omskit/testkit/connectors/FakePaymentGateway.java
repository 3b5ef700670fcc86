package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.payment.AuthorizeRequest;
import dev.omskit.connectors.payment.CaptureRequest;
import dev.omskit.connectors.payment.PaymentGateway;
import dev.omskit.connectors.payment.PaymentResult;
import dev.omskit.connectors.payment.PaymentStatus;
import dev.omskit.connectors.payment.RefundRequest;
import dev.omskit.connectors.payment.VoidRequest;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.support.Checks;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An in-memory payment gateway that keeps the {@link PaymentGateway} contract: per payment it books what
 * was authorised, captured and refunded, refuses a capture beyond the authorisation, a refund beyond the
 * capture and a void after a capture ({@code NOT_RETRYABLE}, naming the amounts), and answers a repeated
 * idempotency key with the first result without moving money again (a different request under a used key
 * is {@code NOT_RETRYABLE}).
 *
 * <p>Scripting: the token {@link #DECLINED_TOKEN} and {@link #declineNext} decline authorisations; {@link
 * #dropNextAnswers} makes an operation take effect but lose its answer (the caller sees {@code
 * RETRYABLE} and repeats with the same key); {@link #script()} fails, rate-limits or delays the next calls
 * and records them. References are deterministic, numbered in one sequence: {@code pay-000001}, then
 * e.g. {@code cap-000002}, {@code ref-000003}, {@code void-000004}.
 *
 * <p>It is given an API key only to prove that the key never shows: not in messages, not in {@code
 * toString}. Thread-safe.
 */
public final class FakePaymentGateway implements PaymentGateway {
    /** A payment method token the fake always declines ({@code insufficient funds}). */
    public static final String DECLINED_TOKEN = "tok_declined";

    /**
     * One payment as the fake gateway books it.
     *
     * @param reference its provider reference
     * @param order the order it pays
     * @param authorized what was authorised (the amount asked, for a declined one)
     * @param captured the captured total
     * @param refunded the refunded total
     * @param status where it stands
     */
    public record FakePayment(
            String reference, OrderId order, Money authorized, Money captured, Money refunded, PaymentStatus status) {
        /** What may still be captured: authorised minus captured (none once voided or declined). */
        public Money capturable() {
            return status == PaymentStatus.VOIDED || status == PaymentStatus.DECLINED
                    ? Money.zero(authorized.currency())
                    : authorized.minus(captured);
        }

        /** What may still be refunded: captured minus refunded. */
        public Money refundable() {
            return captured.minus(refunded);
        }
    }

    private record Keyed(Object request, PaymentResult result) {}

    private final String id;
    private final Set<Capability> capabilities;
    private final String apiKey;
    private final FakeScript script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<IdempotencyKey, Keyed> byKey = new HashMap<>();
    private final Map<String, FakePayment> payments = new LinkedHashMap<>();
    private final Deque<String> declines = new ArrayDeque<>();
    private int dropAnswers;
    private int sequence;

    private FakePaymentGateway(String id, String apiKey, Set<Capability> capabilities) {
        this.id = Checks.id("gateway id", id);
        this.apiKey = Checks.notNull("apiKey", apiKey);
        this.capabilities = Set.copyOf(capabilities);
        this.script = new FakeScript(id);
        if (!PaymentGateway.ALL.containsAll(this.capabilities)) {
            throw new IllegalArgumentException("not payment gateway capabilities: " + this.capabilities);
        }
    }

    /** A fake gateway with every capability. */
    public static FakePaymentGateway of(String id, String apiKey) {
        return new FakePaymentGateway(id, apiKey, PaymentGateway.ALL);
    }

    /** A fake gateway declaring only {@code capabilities}. */
    public static FakePaymentGateway of(String id, String apiKey, Set<Capability> capabilities) {
        return new FakePaymentGateway(id, apiKey, capabilities);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** What the next calls do, and the calls so far. */
    public FakeScript script() {
        return script;
    }

    /** Whether {@code key} is the API key this fake was given (what a real provider checks). */
    public boolean acceptsApiKey(String key) {
        return apiKey.equals(key);
    }

    /** The next authorisation (not a repeated key) is declined with {@code reason}. */
    public FakePaymentGateway declineNext(String reason) {
        Checks.notNull("reason", reason);
        lock.lock();
        try {
            declines.addLast(reason);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * The next {@code times} operations take effect but their answer is lost: the caller gets a {@code
     * RETRYABLE} failure; repeating with the same key returns the result.
     */
    public FakePaymentGateway dropNextAnswers(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        lock.lock();
        try {
            dropAnswers += times;
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    public PaymentResult authorize(AuthorizeRequest request) {
        script.enter("authorize", request);
        require(AUTHORIZE, "authorize");
        return keyed("authorize", request.idempotencyKey(), request, () -> {
            String reference = next("pay");
            Optional<String> decline = request.paymentMethod().value().equals(DECLINED_TOKEN)
                    ? Optional.of("insufficient funds")
                    : Optional.ofNullable(declines.pollFirst());
            Money zero = Money.zero(request.amount().currency());
            PaymentStatus status = decline.isPresent() ? PaymentStatus.DECLINED : PaymentStatus.AUTHORIZED;
            payments.put(reference, new FakePayment(reference, request.order(), request.amount(), zero, zero, status));
            return new PaymentResult(reference, reference, status, request.amount(), decline);
        });
    }

    @Override
    public PaymentResult capture(CaptureRequest request) {
        script.enter("capture", request);
        require(CAPTURE, "capture");
        return keyed("capture", request.idempotencyKey(), request, () -> {
            FakePayment p = payment("capture", request.paymentReference(), request.amount());
            if (p.status() == PaymentStatus.VOIDED || p.status() == PaymentStatus.DECLINED) {
                throw refused("capture", "payment '" + p.reference() + "' is " + p.status() + "; nothing to capture");
            }
            if (request.amount().compareTo(p.capturable()) > 0) {
                throw refused(
                        "capture",
                        "capture of " + request.amount() + " exceeds what payment '" + p.reference()
                                + "' has authorised and not captured: " + p.capturable() + " (authorised "
                                + p.authorized() + ", captured " + p.captured() + ")");
            }
            payments.put(
                    p.reference(),
                    new FakePayment(
                            p.reference(),
                            p.order(),
                            p.authorized(),
                            p.captured().plus(request.amount()),
                            p.refunded(),
                            PaymentStatus.CAPTURED));
            return new PaymentResult(
                    next("cap"), p.reference(), PaymentStatus.CAPTURED, request.amount(), Optional.empty());
        });
    }

    @Override
    public PaymentResult refund(RefundRequest request) {
        script.enter("refund", request);
        require(REFUND, "refund");
        return keyed("refund", request.idempotencyKey(), request, () -> {
            FakePayment p = payment("refund", request.paymentReference(), request.amount());
            if (request.amount().compareTo(p.refundable()) > 0) {
                throw refused(
                        "refund",
                        "refund of " + request.amount() + " exceeds what payment '" + p.reference()
                                + "' has captured and not refunded: " + p.refundable() + " (captured "
                                + p.captured() + ", refunded " + p.refunded() + ")");
            }
            Money refunded = p.refunded().plus(request.amount());
            PaymentStatus status =
                    refunded.equals(p.captured()) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
            payments.put(
                    p.reference(),
                    new FakePayment(p.reference(), p.order(), p.authorized(), p.captured(), refunded, status));
            return new PaymentResult(next("ref"), p.reference(), status, request.amount(), Optional.empty());
        });
    }

    @Override
    public PaymentResult voidAuthorization(VoidRequest request) {
        script.enter("voidAuthorization", request);
        require(VOID, "voidAuthorization");
        return keyed("voidAuthorization", request.idempotencyKey(), request, () -> {
            FakePayment p = payment("voidAuthorization", request.paymentReference(), null);
            if (p.status() != PaymentStatus.AUTHORIZED) {
                throw refused(
                        "voidAuthorization",
                        "payment '" + p.reference() + "' is " + p.status() + " (captured " + p.captured()
                                + "); only an authorisation nothing was captured of can be voided");
            }
            payments.put(
                    p.reference(),
                    new FakePayment(
                            p.reference(),
                            p.order(),
                            p.authorized(),
                            p.captured(),
                            p.refunded(),
                            PaymentStatus.VOIDED));
            return new PaymentResult(
                    next("void"), p.reference(), PaymentStatus.VOIDED, p.authorized(), Optional.empty());
        });
    }

    /** The payment with this provider reference, as the gateway books it. */
    public Optional<FakePayment> payment(String reference) {
        lock.lock();
        try {
            return Optional.ofNullable(payments.get(reference));
        } finally {
            lock.unlock();
        }
    }

    /** Every payment, in authorisation order. */
    public List<FakePayment> payments() {
        lock.lock();
        try {
            return List.copyOf(payments.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "FakePaymentGateway[" + id + ", " + payments().size() + " payments]";
    }

    private PaymentResult keyed(String operation, IdempotencyKey key, Object request, Supplier<PaymentResult> effect) {
        lock.lock();
        try {
            Keyed known = byKey.get(key);
            if (known != null) {
                if (!known.request().equals(request)) {
                    throw refused(
                            operation,
                            "idempotency key '" + key + "' was used for another request ("
                                    + known.result().status() + " "
                                    + known.result().providerReference() + ")");
                }
                return known.result();
            }
            PaymentResult result = effect.get();
            byKey.put(key, new Keyed(request, result));
            if (dropAnswers > 0) {
                dropAnswers--;
                throw ConnectorException.retryable(id, operation, "the answer was lost (scripted)");
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private FakePayment payment(String operation, String reference, Money amount) {
        FakePayment p = payments.get(reference);
        if (p == null) {
            throw refused(operation, "unknown payment '" + reference + "'");
        }
        if (amount != null && !amount.sameCurrencyAs(p.authorized())) {
            throw refused(
                    operation,
                    "amount " + amount + " is not in the currency of payment '" + reference + "' ("
                            + p.authorized().currency().getCurrencyCode() + ")");
        }
        return p;
    }

    private ConnectorException refused(String operation, String message) {
        return ConnectorException.notRetryable(id, operation, message);
    }

    private String next(String prefix) {
        return prefix + "-" + String.format(Locale.ROOT, "%06d", ++sequence);
    }
}
