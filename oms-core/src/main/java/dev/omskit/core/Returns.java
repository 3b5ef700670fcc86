package dev.omskit.core;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ActorKind;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.ClaimLifecycle;
import dev.omskit.core.returns.ClaimLine;
import dev.omskit.core.returns.ClaimResolution;
import dev.omskit.core.returns.ConfirmRefund;
import dev.omskit.core.returns.DocumentAction;
import dev.omskit.core.returns.ExchangeItem;
import dev.omskit.core.returns.ExchangePricing;
import dev.omskit.core.returns.FailRefund;
import dev.omskit.core.returns.GoodwillRefund;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.OpenClaim;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.RedeemStoreCredit;
import dev.omskit.core.returns.Redemption;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.RefundCalculator;
import dev.omskit.core.returns.RefundItem;
import dev.omskit.core.returns.RefundLifecycle;
import dev.omskit.core.returns.RefundQuote;
import dev.omskit.core.returns.RequestReturn;
import dev.omskit.core.returns.ResolveClaim;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnLine;
import dev.omskit.core.returns.ReturnPolicy;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.returns.ReturnRules;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.core.returns.StoreCredit;
import dev.omskit.core.returns.StoreCreditLifecycle;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Returns (RMA), refunds, exchanges, store credit and delivery claims of orders (R-60, R-61, R-62,
 * Every command runs through the order engine: the return, refund, credit or claim is written in
 * the same atomic commit as its order (received units move {@code DELIVERED -> RETURNED}, a confirmed
 * refund records the order's payment), with access checks, idempotent replay and optimistic retry.
 *
 * <p>Who may do what: the buyer (a customer actor, on their own order) may request and cancel returns,
 * open claims and redeem their store credit; every other step (approve, reject, receive, inspect,
 * resolve, refund, close) needs a non-customer actor, else {@link AccessDeniedException}.
 *
 * <p>Ids are per order and deterministic: the n-th return of order {@code o} is {@code o-r<n>} (RMA number
 * {@code RMA-O-R<n>}), its refunds {@code o-f<n>}, store credits {@code o-s<n>} (code {@code SC-O-S<n>}),
 * claims {@code o-c<n>}. Two concurrent requests on one order compute the same id, so one commit fails on
 * the document version and is decided again on fresh data: returns never exceed what was delivered.
 *
 * <p>Without an inventory: locations are not checked, inspection moves no stock, and only the SKU lists of
 * the policy apply (unless {@link ReturnsConfig#catalog()} gives product data).
 *
 * <p>Thread-safe; get it from {@code Oms#returns()} and configure it with {@link #withConfig}.
 */
public final class Returns {
    private final Oms oms;
    private final ReturnsConfig config;
    private final ReturnInvoicing invoicing;

    /** The facade over {@code oms} with {@code config}, and the given invoicing hook. */
    Returns(Oms oms, ReturnsConfig config, ReturnInvoicing invoicing) {
        this.oms = Checks.notNull("oms", oms);
        this.config = Checks.notNull("config", config);
        this.invoicing = Checks.notNull("invoicing", invoicing);
    }

    /** The facade over {@code oms} with {@code config} and no invoicing hook. */
    Returns(Oms oms, ReturnsConfig config) {
        this(oms, config, ReturnInvoicing.NONE);
    }

    /** This facade with another configuration (policies, catalogue); the invoicing hook stays. */
    public Returns withConfig(ReturnsConfig config) {
        return new Returns(oms, config, invoicing);
    }

    /** The configuration. */
    public ReturnsConfig config() {
        return config;
    }

    /** The return policy that applies to {@code order}. */
    public ReturnPolicy policy(Order order) {
        return config.policy(order.tenant(), order.channel().id());
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** A return by id. */
    public Optional<ReturnRequest> findReturn(TenantId tenant, String id) {
        return oms.storage().documents().find(tenant, ReturnRequest.KIND, id);
    }

    /** A return by RMA number. */
    public Optional<ReturnRequest> findByRmaNumber(TenantId tenant, String rmaNumber) {
        return oms.storage().documents().findByReference(tenant, ReturnRequest.KIND, rmaNumber);
    }

    /** The returns of an order, oldest first. */
    public List<ReturnRequest> returnsOf(TenantId tenant, OrderId order) {
        return oms.storage().documents().ofOrder(tenant, order, ReturnRequest.KIND);
    }

    /** A refund by id. */
    public Optional<Refund> findRefund(TenantId tenant, String id) {
        return oms.storage().documents().find(tenant, Refund.KIND, id);
    }

    /** The refunds of an order, oldest first. */
    public List<Refund> refundsOf(TenantId tenant, OrderId order) {
        return oms.storage().documents().ofOrder(tenant, order, Refund.KIND);
    }

    /** A store credit by its code. */
    public Optional<StoreCredit> findStoreCredit(TenantId tenant, String code) {
        return oms.storage().documents().findByReference(tenant, StoreCredit.KIND, code);
    }

    /** A claim by id. */
    public Optional<Claim> findClaim(TenantId tenant, String id) {
        return oms.storage().documents().find(tenant, Claim.KIND, id);
    }

    /** The claims of an order, oldest first. */
    public List<Claim> claimsOf(TenantId tenant, OrderId order) {
        return oms.storage().documents().ofOrder(tenant, order, Claim.KIND);
    }

    // -------------------------------------------------------------------------------------------- returns

    /**
     * Requests a return. Errors (nothing stored): {@code UNKNOWN_LINE}, {@code NOT_POSITIVE}, {@code
     * EXCEEDS_DELIVERED}, {@code RETURN_WINDOW_CLOSED}, {@code NOT_RETURNABLE}, {@code
     * LOCATION_NOT_ACCEPTING_RETURNS}, exchange items missing ({@code MISSING}) or given without an exchange
     * ({@code NOT_ALLOWED}), in another currency ({@code CURRENCY_MISMATCH}).
     */
    public ReturnRequest requestReturn(RequestReturn command) {
        return oms.work(command, "RequestReturn", w -> request(w, command), first(ReturnRequest.KIND));
    }

    /** What {@link #requestReturn} would do, stored nowhere. */
    public ChangePreview<ReturnRequest> previewRequestReturn(RequestReturn command) {
        return oms.preview(command, "RequestReturn", w -> request(w, command));
    }

    /** Approves a requested return. */
    public ReturnRequest approveReturn(DocumentAction command) {
        return returnStep(command, "ApproveReturn", ReturnLifecycle.APPROVE, true, false);
    }

    /** Rejects a requested return; the reason is required. */
    public ReturnRequest rejectReturn(DocumentAction command) {
        return returnStep(command, "RejectReturn", ReturnLifecycle.REJECT, true, true);
    }

    /** Cancels a requested or approved return (the buyer may). */
    public ReturnRequest cancelReturn(DocumentAction command) {
        return returnStep(command, "CancelReturn", ReturnLifecycle.CANCEL, false, false);
    }

    /** Closes a resolved return. */
    public ReturnRequest closeReturn(DocumentAction command) {
        return returnStep(command, "CloseReturn", ReturnLifecycle.CLOSE, true, false);
    }

    /**
     * Records the units of an approved return received at its location (fewer than requested is allowed)
     * and moves them {@code DELIVERED -> RETURNED} in the same commit. Errors: {@code UNKNOWN_LINE} (not in
     * the return), {@code EXCEEDS_REQUESTED}, {@code NOT_POSITIVE}, {@code LOCATION_NOT_ACCEPTING_RETURNS} for
     * another receiving location that does not accept returns.
     */
    public ReturnRequest receiveReturn(ReceiveReturn command) {
        return oms.work(
                command, "ReceiveReturn", w -> receive(w, command), byId(ReturnRequest.KIND, command.returnId()));
    }

    /**
     * Records the inspection of a received return. Good units go back on hand and damaged ones into
     * quarantine at the restock location through the inventory, with the idempotency key {@code
     * rma-<id>-inspect}, before the return is committed {@code INSPECTED}; inspecting an inspected return
     * again changes nothing. So a retry, or a crash between the two, never counts stock twice. Errors:
     * {@code UNKNOWN_LINE}, {@code INSPECTION_MISMATCH} (good + damaged must equal the received units), a
     * damage reason {@code MISSING}, an unknown restock location.
     */
    public ReturnRequest inspectReturn(InspectReturn command) {
        String type = "InspectReturn";
        ChangePreview<ReturnRequest> decided = oms.preview(command, type, w -> inspect(w, command));
        if (!decided.changesAnything()) {
            return decided.result();
        }
        ReturnRequest inspected = decided.result();
        Optional<Inventory> inventory = oms.inventory();
        if (inventory.isPresent() && !inventory.get().stockOfRecordElsewhere()) {
            inventory
                    .get()
                    .receive(ReceiveGoods.builder()
                            .tenant(command.tenant())
                            .location(inspected.restockLocation().orElse(inspected.location()))
                            .lines(receipt(decided.before(), inspected))
                            .cause("return:" + inspected.rmaNumber())
                            .idempotencyKey(IdempotencyKey.of("rma-" + inspected.id() + "-inspect"))
                            .actor(command.actor())
                            .build());
        }
        return oms.work(command, type, w -> inspect(w, command), byId(ReturnRequest.KIND, command.returnId()));
    }

    /**
     * Settles an inspected return as it asked. {@code REFUND}: a {@link Refund} of the returned units
     * (see {@link RefundCalculator}), noted as a negative payment difference, never above what was paid
     * and not already refunded or owed ({@code REFUND_EXCEEDS_PAID}; a cash-on-delivery order whose cash
     * was not remitted yet has nothing to refund: resolve it with store credit, or record the COD
     * collection first). {@code STORE_CREDIT}: a {@link StoreCredit} of the same amount. {@code EXCHANGE}:
     * a replacement order captured with channel order id {@code <channelOrderId>-X-<returnId>} (capture is
     * idempotent, so a retry never makes two) with the returned value as discounts, then the return is
     * committed {@code EXCHANGED} with its id; a dearer replacement leaves its total for the buyer to pay,
     * a cheaper one refunds the difference.
     */
    public ReturnRequest resolveReturn(ResolveReturn command) {
        String type = "ResolveReturn";
        ChangePreview<ReturnRequest> decided = oms.preview(command, type, w -> resolve(w, command, Optional.empty()));
        ReturnRequest rma = decided.result();
        if (!decided.changesAnything() || rma.resolution() != ReturnResolution.EXCHANGE) {
            return oms.work(
                    command,
                    type,
                    w -> resolve(w, command, Optional.empty()),
                    byId(ReturnRequest.KIND, command.returnId()));
        }
        Order replacement = captureReplacement(
                decided.before(),
                command.actor(),
                "-X-" + rma.id(),
                rma.exchangeItems(),
                exchangeCredit(decided.before(), rma),
                "return",
                rma.id());
        return oms.work(
                command,
                type,
                w -> resolve(w, command, Optional.of(replacement)),
                byId(ReturnRequest.KIND, command.returnId()));
    }

    /** What {@link #resolveReturn} would do (refund, credit or exchange with its price difference), stored nowhere. */
    public ChangePreview<ReturnRequest> previewResolveReturn(ResolveReturn command) {
        return oms.preview(command, "ResolveReturn", w -> resolve(w, command, Optional.empty()));
    }

    // -------------------------------------------------------------------------------------------- refunds

    /**
     * Refunds an amount without a return (goodwill, a price adjustment), by an agent. Errors: {@code
     * NOT_POSITIVE}, {@code CURRENCY_MISMATCH}, a reason {@code MISSING}, {@code REFUND_EXCEEDS_PAID}.
     */
    public Refund goodwillRefund(GoodwillRefund command) {
        return oms.work(command, "GoodwillRefund", w -> goodwill(w, command), first(Refund.KIND));
    }

    /** What {@link #goodwillRefund} would do, stored nowhere. */
    public ChangePreview<Refund> previewGoodwillRefund(GoodwillRefund command) {
        return oms.preview(command, "GoodwillRefund", w -> goodwill(w, command));
    }

    /**
     * Confirms a pending refund executed by the payment provider: {@code SUCCEEDED} with the provider's
     * reference, and the order's payment records {@code REFUND} when it empties the refundable amount,
     * else {@code REFUND_PARTIAL}, with the amount, in the same commit. Confirming it again with the same
     * reference changes nothing.
     */
    public Refund confirmRefund(ConfirmRefund command) {
        return oms.work(command, "ConfirmRefund", w -> confirm(w, command), byId(Refund.KIND, command.refundId()));
    }

    /** Records that the provider could not execute a pending refund ({@code FAILED}). */
    public Refund failRefund(FailRefund command) {
        return oms.work(
                command,
                "FailRefund",
                w -> {
                    staffOnly(w, "record a failed refund");
                    Refund refund = refund(w, command.refundId());
                    Checks.id("failure", command.failure());
                    Refund next = builderOf(refund, RefundLifecycle.FAIL, w)
                            .failure(command.failure())
                            .build();
                    return w.write(refund, next, RefundLifecycle.FAIL, "refund failed: " + command.failure());
                },
                byId(Refund.KIND, command.refundId()));
    }

    /** Puts a failed refund back to {@code PENDING} for the connector to try again. */
    public Refund retryRefund(DocumentAction command) {
        return oms.work(
                command,
                "RetryRefund",
                w -> {
                    staffOnly(w, "retry a refund");
                    Refund refund = refund(w, command.documentId());
                    Refund next = builderOf(refund, RefundLifecycle.RETRY, w)
                            .failure(Optional.empty())
                            .build();
                    return w.write(refund, next, RefundLifecycle.RETRY, "refund retried");
                },
                byId(Refund.KIND, command.documentId()));
    }

    // --------------------------------------------------------------------------------------- store credit

    /**
     * Redeems part or all of a store credit. Errors: {@code NOT_POSITIVE}, {@code CURRENCY_MISMATCH},
     * {@code CREDIT_EXCEEDS_BALANCE}, {@code CREDIT_EXPIRED}; an unknown code is a {@link NotFoundException}.
     */
    public StoreCredit redeemStoreCredit(RedeemStoreCredit command) {
        return oms.work(command, "RedeemStoreCredit", w -> redeem(w, command), first(StoreCredit.KIND));
    }

    /** Redeems a store credit found by its code (the command's order is the credit's). */
    public StoreCredit redeemStoreCredit(TenantId tenant, String code, Money amount, String against, Actor actor) {
        StoreCredit credit = findStoreCredit(tenant, code)
                .orElseThrow(() -> new NotFoundException("no store credit '" + code + "' in tenant '" + tenant + "'"));
        return redeemStoreCredit(RedeemStoreCredit.builder()
                .tenant(tenant)
                .orderId(credit.orderId())
                .actor(actor)
                .code(code)
                .amount(amount)
                .against(against)
                .build());
    }

    /** Marks an active store credit past its expiry {@code EXPIRED}; before its expiry: {@code NOT_EXPIRED}. */
    public StoreCredit expireStoreCredit(DocumentAction command) {
        return oms.work(
                command,
                "ExpireStoreCredit",
                w -> {
                    staffOnly(w, "expire store credit");
                    StoreCredit credit = w.find(StoreCredit.KIND, command.documentId())
                            .orElseThrow(() -> notFound("store credit", command.documentId()));
                    if (!credit.expiredAt(w.now())) {
                        throw InvalidArgumentException.of(
                                "documentId",
                                "NOT_EXPIRED",
                                "store credit " + credit.code() + " has not expired"
                                        + credit.expiresAt()
                                                .map(e -> "; it expires " + e)
                                                .orElse("; it never expires"));
                    }
                    State to = move(
                            StoreCreditLifecycle.get(),
                            "store credit",
                            credit.id(),
                            credit.state(),
                            StoreCreditLifecycle.EXPIRE);
                    StoreCredit next = StoreCredit.builder()
                            .from(credit)
                            .state(to)
                            .version(credit.version() + 1)
                            .updatedAt(w.now())
                            .build();
                    return w.write(credit, next, StoreCreditLifecycle.EXPIRE, "store credit expired");
                },
                byId(StoreCredit.KIND, command.documentId()));
    }

    // --------------------------------------------------------------------------------------------- claims

    /**
     * Opens a claim after delivery. Errors: {@code EMPTY}, {@code UNKNOWN_LINE}, {@code EXCEEDS_DELIVERED}
     * (claimed units per line at most those delivered or returned, minus units of other claims not
     * rejected), a description {@code MISSING}.
     */
    public Claim openClaim(OpenClaim command) {
        return oms.work(command, "OpenClaim", w -> open(w, command), first(Claim.KIND));
    }

    /** Approves an open claim. */
    public Claim approveClaim(DocumentAction command) {
        return claimStep(command, "ApproveClaim", ClaimLifecycle.APPROVE, false);
    }

    /** Rejects an open claim; the reason is required. */
    public Claim rejectClaim(DocumentAction command) {
        return claimStep(command, "RejectClaim", ClaimLifecycle.REJECT, true);
    }

    /** Closes a resolved claim. */
    public Claim closeClaim(DocumentAction command) {
        return claimStep(command, "CloseClaim", ClaimLifecycle.CLOSE, false);
    }

    /**
     * Resolves an approved claim: by a refund of the claimed units (prorated as for returns, no
     * restocking fee, no shipping; {@code REFUND_EXCEEDS_PAID} above what was paid), or by a replacement
     * order of the claimed units at zero price, captured with channel order id {@code
     * <channelOrderId>-C-<claimId>} before the claim is committed (retry-safe as for exchanges).
     */
    public Claim resolveClaim(ResolveClaim command) {
        String type = "ResolveClaim";
        ChangePreview<Claim> decided = oms.preview(command, type, w -> resolveClaim(w, command, Optional.empty()));
        if (!decided.changesAnything() || command.resolution() != ClaimResolution.REPLACEMENT) {
            return oms.work(
                    command,
                    type,
                    w -> resolveClaim(w, command, Optional.empty()),
                    byId(Claim.KIND, command.claimId()));
        }
        Order order = decided.before();
        Claim claim = decided.result();
        Order replacement = captureReplacement(
                order,
                command.actor(),
                "-C-" + claim.id(),
                claimItems(order, claim),
                Money.zero(order.currency()),
                "claim",
                claim.id());
        return oms.work(
                command,
                type,
                w -> resolveClaim(w, command, Optional.of(replacement)),
                byId(Claim.KIND, command.claimId()));
    }

    /** What {@link #resolveClaim} would do, stored nowhere. */
    public ChangePreview<Claim> previewResolveClaim(ResolveClaim command) {
        return oms.preview(command, "ResolveClaim", w -> resolveClaim(w, command, Optional.empty()));
    }

    // ------------------------------------------------------------------------------------------ decisions

    private ReturnRequest request(OrderWork w, RequestReturn c) {
        Order order = w.order();
        ReturnPolicy policy = policy(order);
        List<Violation> out = new ArrayList<>();
        checkReturnLocation(order.tenant(), "location", c.location(), out);
        Map<LineId, Instant> delivered = ReturnRules.deliveries(oms.events(order.tenant(), order.id()));
        List<ReturnRequest> existing = w.documents(ReturnRequest.KIND);
        Map<LineId, Integer> returnable = ReturnRules.returnable(order, existing);
        Function<Sku, Optional<Product>> products = sku -> product(order.tenant(), sku);
        out.addAll(ReturnRules.checkRequest(order, policy, c.lines(), delivered, returnable, products, w.now()));
        if (c.resolution() == ReturnResolution.EXCHANGE && c.exchangeItems().isEmpty()) {
            out.add(Violation.of("exchangeItems", "MISSING", "an exchange needs the replacement SKUs and prices"));
        }
        if (c.resolution() != ReturnResolution.EXCHANGE && !c.exchangeItems().isEmpty()) {
            out.add(Violation.of(
                    "exchangeItems",
                    "NOT_ALLOWED",
                    "exchange items are only for the EXCHANGE resolution; was " + c.resolution()));
        }
        for (int i = 0; i < c.exchangeItems().size(); i++) {
            ExchangeItem item = c.exchangeItems().get(i);
            if (!item.unitPrice().currency().equals(order.currency())) {
                out.add(Violation.of(
                        "exchangeItems[" + i + "].unitPrice",
                        "CURRENCY_MISMATCH",
                        "order " + order.id() + " is in " + order.currency() + "; the price is " + item.unitPrice()));
            }
        }
        c.note().ifPresent(n -> Checks.idProblem("note", n)
                .ifPresent(p -> out.add(Violation.of("note", "INVALID", p))));
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        String id = order.id() + "-r" + (existing.size() + 1);
        ReturnRequest rma = ReturnRequest.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .id(id)
                .version(1)
                .state(ReturnLifecycle.REQUESTED)
                .rmaNumber("RMA-" + id.toUpperCase(Locale.ROOT))
                .location(c.location())
                .resolution(c.resolution())
                .lines(c.lines().stream()
                        .map(i -> ReturnLine.requested(i.line(), i.units(), i.reason(), i.note()))
                        .toList())
                .exchangeItems(c.exchangeItems())
                .note(c.note())
                .requestedBy(w.actor())
                .createdAt(w.now())
                .updatedAt(w.now())
                .build();
        w.write(
                null,
                rma,
                ReturnLifecycle.CREATE,
                "return requested: " + describe(rma.requestedUnits()) + " to " + c.location() + " for "
                        + c.resolution());
        if (policy.autoApprove()) {
            ReturnRequest approved =
                    rma.next(move(ReturnLifecycle.get(), "return", id, rma.state(), ReturnLifecycle.APPROVE), w.now());
            return w.write(rma, approved, ReturnLifecycle.APPROVE, "approved by the return policy");
        }
        return rma;
    }

    private ReturnRequest returnStep(
            DocumentAction c, String type, Trigger trigger, boolean staff, boolean needsReason) {
        return oms.work(
                c,
                type,
                w -> {
                    if (staff) {
                        staffOnly(w, trigger.name().toLowerCase(Locale.ROOT) + " a return");
                    }
                    ReturnRequest rma = rma(w, c.documentId());
                    String reason = reason(c.reason(), needsReason);
                    State to = move(ReturnLifecycle.get(), "return", rma.id(), rma.state(), trigger);
                    ReturnRequest.Builder next = ReturnRequest.builder().from(rma.next(to, w.now()));
                    if (reason != null
                            && (trigger.equals(ReturnLifecycle.REJECT) || trigger.equals(ReturnLifecycle.CANCEL))) {
                        next.closingReason(reason);
                    }
                    return w.write(
                            rma, next.build(), trigger, pastTense(trigger) + (reason == null ? "" : ": " + reason));
                },
                byId(ReturnRequest.KIND, c.documentId()));
    }

    private ReturnRequest receive(OrderWork w, ReceiveReturn c) {
        staffOnly(w, "receive a return");
        ReturnRequest rma = rma(w, c.returnId());
        State to = move(ReturnLifecycle.get(), "return", rma.id(), rma.state(), ReturnLifecycle.RECEIVE);
        Map<LineId, Integer> requested = rma.requestedUnits();
        Map<LineId, Integer> units = c.units().isEmpty() ? requested : c.units();
        List<Violation> out = new ArrayList<>();
        int total = 0;
        for (Map.Entry<LineId, Integer> e : units.entrySet()) {
            String field = "units[" + e.getKey() + "]";
            Integer asked = requested.get(e.getKey());
            if (asked == null) {
                out.add(Violation.of(
                        field, ReturnRules.UNKNOWN_LINE, "return " + rma.id() + " has no line '" + e.getKey() + "'"));
            } else if (e.getValue() == null || e.getValue() < 0) {
                out.add(Violation.of(
                        field, "NOT_POSITIVE", "received units must not be negative; were " + e.getValue()));
            } else if (e.getValue() > asked) {
                out.add(Violation.of(
                        field,
                        "EXCEEDS_REQUESTED",
                        "line " + e.getKey() + ": " + e.getValue() + " units received but only " + asked
                                + " were requested in return " + rma.id()));
            } else {
                total += e.getValue();
            }
        }
        c.location().ifPresent(l -> checkReturnLocation(rma.tenant(), "location", l, out));
        if (out.isEmpty() && total == 0) {
            out.add(Violation.of("units", "NOT_POSITIVE", "at least one unit must be received"));
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        Map<LineId, Integer> left = new LinkedHashMap<>(units);
        List<ReturnLine> lines = new ArrayList<>();
        for (ReturnLine l : rma.lines()) {
            int take = Math.min(l.units(), left.getOrDefault(l.line(), 0));
            left.merge(l.line(), -take, Integer::sum);
            lines.add(l.withReceived(take));
        }
        ReturnRequest next = ReturnRequest.builder()
                .from(rma.next(to, w.now()))
                .lines(lines)
                .location(c.location().orElse(rma.location()))
                .build();
        Map<LineId, Integer> moved = next.receivedUnits();
        w.transition(OrderTriggers.RETURN, moved, "return " + rma.rmaNumber() + " received");
        return w.write(rma, next, ReturnLifecycle.RECEIVE, "received " + describe(moved) + " at " + next.location());
    }

    private ReturnRequest inspect(OrderWork w, InspectReturn c) {
        staffOnly(w, "inspect a return");
        ReturnRequest rma = rma(w, c.returnId());
        if (rma.restockLocation().isPresent()) {
            // inspected before: a repeat changes nothing (and moves no stock)
            return rma;
        }
        State to = move(ReturnLifecycle.get(), "return", rma.id(), rma.state(), ReturnLifecycle.INSPECT);
        List<Violation> out = new ArrayList<>();
        Map<LineId, InspectionLine> byLine = new LinkedHashMap<>();
        for (int i = 0; i < c.lines().size(); i++) {
            InspectionLine l = c.lines().get(i);
            String field = "lines[" + i + "]";
            if (rma.line(l.line()).isEmpty()) {
                out.add(Violation.of(
                        field + ".line",
                        ReturnRules.UNKNOWN_LINE,
                        "return " + rma.id() + " has no line '" + l.line() + "'"));
            } else if (byLine.put(l.line(), l) != null) {
                out.add(Violation.of(field + ".line", "DUPLICATE_LINE", "line " + l.line() + " is inspected twice"));
            }
            if (l.good() < 0 || l.damaged() < 0) {
                out.add(Violation.of(field, "NOT_POSITIVE", "good and damaged units must not be negative"));
            }
            if (l.damaged() > 0 && l.damageReason().map(String::isBlank).orElse(true)) {
                out.add(Violation.of(
                        field + ".damageReason", "MISSING", "damaged units need a reason (kept with the quarantine)"));
            }
        }
        for (ReturnLine l : rma.lines()) {
            InspectionLine found = byLine.get(l.line());
            int counted = found == null ? 0 : found.good() + found.damaged();
            if (counted != l.received()) {
                out.add(Violation.of(
                        "lines[" + l.line() + "]",
                        "INSPECTION_MISMATCH",
                        "line " + l.line() + ": " + l.received() + " units were received but " + counted
                                + " inspected"));
            }
        }
        LocationId restock = c.restockLocation().orElse(rma.location());
        if (oms.inventory().isPresent()
                && oms.inventory().get().location(rma.tenant(), restock).isEmpty()) {
            out.add(Violation.of("restockLocation", "UNKNOWN_LOCATION", "no location '" + restock + "'"));
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        List<ReturnLine> lines = new ArrayList<>();
        for (ReturnLine l : rma.lines()) {
            InspectionLine found = byLine.get(l.line());
            lines.add(
                    found == null
                            ? l
                            : l.withInspection(
                                    found.good(),
                                    found.damaged(),
                                    found.damaged() > 0 ? found.damageReason() : Optional.empty()));
        }
        ReturnRequest next = ReturnRequest.builder()
                .from(rma.next(to, w.now()))
                .lines(lines)
                .restockLocation(restock)
                .build();
        int good = lines.stream().mapToInt(ReturnLine::restocked).sum();
        int damaged = lines.stream().mapToInt(ReturnLine::quarantined).sum();
        return w.write(
                rma,
                next,
                ReturnLifecycle.INSPECT,
                "inspected: " + good + " unit(s) restocked, " + damaged + " quarantined at " + restock);
    }

    /** The goods receipt of an inspection, one line per SKU. */
    private static List<ReceiptLine> receipt(Order order, ReturnRequest inspected) {
        Map<Sku, int[]> units = new LinkedHashMap<>();
        Map<Sku, List<String>> reasons = new LinkedHashMap<>();
        for (ReturnLine l : inspected.lines()) {
            if (l.restocked() + l.quarantined() == 0) {
                continue;
            }
            Sku sku = order.line(l.line()).orElseThrow().sku();
            int[] u = units.computeIfAbsent(sku, s -> new int[2]);
            u[0] += l.restocked();
            u[1] += l.quarantined();
            l.damageReason().ifPresent(r -> reasons.computeIfAbsent(sku, s -> new ArrayList<>())
                    .add(r));
        }
        List<ReceiptLine> lines = new ArrayList<>();
        units.forEach((sku, u) -> lines.add(new ReceiptLine(
                sku,
                u[0],
                u[1],
                u[1] > 0 ? Optional.of(String.join("; ", reasons.getOrDefault(sku, List.of()))) : Optional.empty())));
        return lines;
    }

    private ReturnRequest resolve(OrderWork w, ResolveReturn c, Optional<Order> replacement) {
        staffOnly(w, "resolve a return");
        ReturnRequest rma = rma(w, c.returnId());
        Trigger trigger =
                switch (rma.resolution()) {
                    case REFUND -> ReturnLifecycle.REFUND;
                    case STORE_CREDIT -> ReturnLifecycle.CREDIT;
                    case EXCHANGE -> ReturnLifecycle.EXCHANGE;
                };
        State resolved = ReturnLifecycle.get()
                .require(ReturnLifecycle.INSPECTED, trigger)
                .to();
        if (rma.state().equals(resolved) || rma.state().equals(ReturnLifecycle.CLOSED)) {
            return rma;
        }
        State to = move(ReturnLifecycle.get(), "return", rma.id(), rma.state(), trigger);
        Order order = w.order();
        ReturnPolicy policy = policy(order);
        ReturnRequest.Builder next = ReturnRequest.builder().from(rma.next(to, w.now()));
        String summary;
        switch (rma.resolution()) {
            case REFUND -> {
                RefundQuote quote = quote(w, rma, policy);
                if (quote.total().isPositive()) {
                    String reason = "refund of return " + rma.id();
                    Refund refund = createRefund(w, quote, reason, Optional.of(rma.id()), Optional.empty());
                    invoicing.onRefundCreated(w, rma, quote.units(), quote.shippingRefunded(), reason);
                    next.refundId(refund.id());
                    summary = "refund " + refund.id() + " of " + quote.total() + " created";
                } else {
                    summary = "nothing to refund";
                }
            }
            case STORE_CREDIT -> {
                RefundQuote quote = quote(w, rma, policy);
                String id = order.id() + "-s" + (w.documents(StoreCredit.KIND).size() + 1);
                StoreCredit credit = StoreCredit.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .id(id)
                        .version(1)
                        .state(StoreCreditLifecycle.ACTIVE)
                        .code("SC-" + id.toUpperCase(Locale.ROOT))
                        .amount(quote.total())
                        .balance(quote.total())
                        .expiresAt(c.creditExpiresAt())
                        .returnId(rma.id())
                        .createdAt(w.now())
                        .updatedAt(w.now())
                        .build();
                w.write(
                        null,
                        credit,
                        ReturnLifecycle.CREATE,
                        "store credit " + credit.code() + " of " + quote.total() + " issued for return " + rma.id());
                next.storeCreditId(id);
                summary = "store credit " + credit.code() + " of " + quote.total() + " issued";
            }
            case EXCHANGE -> {
                Money credit = exchangeCredit(order, rma);
                List<LineInput> lines = ExchangePricing.replacementLines(
                        order.taxMode(), order.currency(), rma.exchangeItems(), credit);
                Money due = replacement
                        .map(r -> r.totals().total())
                        .orElse(ExchangePricing.total(order.taxMode(), order.currency(), lines));
                Money value = ExchangePricing.value(order.taxMode(), order.currency(), rma.exchangeItems());
                String where = replacement.map(r -> " order " + r.id()).orElse(" order");
                if (due.isPositive()) {
                    w.settle(due, "price difference of exchange " + rma.id() + ", paid on the replacement" + where);
                    summary = "exchanged; the buyer pays " + due + " on the replacement" + where;
                } else if (credit.compareTo(value) > 0) {
                    Money back = credit.minus(value);
                    checkRefundable(w, back);
                    String reason = "price difference of exchange " + rma.id();
                    Refund refund = createRefund(
                            w,
                            new RefundQuote(
                                    Map.of(),
                                    Map.of(),
                                    Money.zero(order.currency()),
                                    Money.zero(order.currency()),
                                    back),
                            reason,
                            Optional.of(rma.id()),
                            Optional.empty());
                    invoicing.onRefundCreated(w, rma, Map.of(), false, reason);
                    next.refundId(refund.id());
                    summary = "exchanged; " + back + " refunded (" + refund.id() + ")";
                } else {
                    summary = "exchanged at the same value";
                }
                replacement.ifPresent(r -> next.replacementOrderId(r.id()));
            }
            default -> throw new dev.omskit.core.error.InternalException("unknown resolution " + rma.resolution());
        }
        return w.write(rma, next.build(), trigger, summary);
    }

    /**
     * The value of a return's units credited towards its exchange: what they were charged (prorated as
     * for refunds), without shipping and without a restocking fee.
     */
    private Money exchangeCredit(Order order, ReturnRequest rma) {
        ReturnPolicy policy = policy(order);
        RefundQuote q = RefundCalculator.computeRefund(
                order, policy, ReturnRules.refundItems(rma, policy), Map.of(), true, false, false);
        return q.total();
    }

    /** The refund of a return's units; a refund (not a store credit) is checked against what can be refunded. */
    private RefundQuote quote(OrderWork w, ReturnRequest rma, ReturnPolicy policy) {
        Order order = w.order();
        RefundQuote quote = RefundCalculator.computeRefund(
                order,
                policy,
                ReturnRules.refundItems(rma, policy),
                settledUnits(w),
                shippingRefunded(w),
                ReturnRules.wholeOrderReturned(order),
                true);
        if (rma.resolution() == ReturnResolution.REFUND) {
            checkRefundable(w, quote.total());
        }
        return quote;
    }

    /**
     * Units of each line already settled: refunded (returns, claims) or given back as store credit or
     * exchange value.
     */
    private Map<LineId, Integer> settledUnits(OrderWork w) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        for (Refund r : w.documents(Refund.KIND)) {
            r.refundedUnits().forEach((line, n) -> units.merge(line, n, Integer::sum));
        }
        ReturnPolicy policy = policy(w.order());
        for (ReturnRequest rma : w.documents(ReturnRequest.KIND)) {
            boolean resolved = rma.state().equals(ReturnLifecycle.CREDITED)
                    || rma.state().equals(ReturnLifecycle.EXCHANGED)
                    || rma.state().equals(ReturnLifecycle.CLOSED);
            if (resolved && rma.resolution() != ReturnResolution.REFUND) {
                ReturnRules.refundItems(rma, policy).forEach(i -> units.merge(i.line(), i.units(), Integer::sum));
            }
        }
        return units;
    }

    private static boolean shippingRefunded(OrderWork w) {
        return w.documents(Refund.KIND).stream().anyMatch(Refund::shippingRefunded);
    }

    /** What may still be refunded: paid and not refunded, minus refunds created and not yet confirmed. */
    private static Money available(OrderWork w) {
        Money owed = Money.zero(w.order().currency());
        for (Refund r : w.documents(Refund.KIND)) {
            if (RefundLifecycle.outstanding(r.state())) {
                owed = owed.plus(r.amount());
            }
        }
        return w.order().payments().refundable().minus(owed);
    }

    private static void checkRefundable(OrderWork w, Money amount) {
        Money available = available(w);
        if (amount.compareTo(available) > 0) {
            Order order = w.order();
            String cod = order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY
                            && order.payments().captured().isZero()
                    ? "; the cash on delivery has not been remitted yet, so resolve with store credit or record the"
                            + " COD collection first"
                    : "";
            throw InvalidArgumentException.of(
                    "amount",
                    ReturnRules.REFUND_EXCEEDS_PAID,
                    "cannot refund " + amount + " on order '" + order.id() + "': "
                            + order.payments().captured()
                            + " was paid, " + order.payments().refunded() + " refunded and "
                            + order.payments().refundable().minus(available) + " owed by refunds not yet confirmed,"
                            + " so at most " + available + " can be refunded" + cod);
        }
    }

    private static Refund createRefund(
            OrderWork w, RefundQuote quote, String reason, Optional<String> returnId, Optional<String> claimId) {
        Order order = w.order();
        String id = order.id() + "-f" + (w.documents(Refund.KIND).size() + 1);
        Refund refund = Refund.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .id(id)
                .version(1)
                .state(RefundLifecycle.PENDING)
                .amount(quote.total())
                .reason(reason)
                .returnId(returnId)
                .claimId(claimId)
                .refundedUnits(quote.units())
                .shippingRefunded(quote.shippingRefunded())
                .restockingFee(quote.restockingFee())
                .createdAt(w.now())
                .updatedAt(w.now())
                .build();
        w.settle(quote.total().negate(), reason);
        return w.write(
                null,
                refund,
                ReturnLifecycle.CREATE,
                reason + ": " + quote.total()
                        + (quote.restockingFee().isPositive()
                                ? " after a restocking fee of " + quote.restockingFee()
                                : "")
                        + (quote.shippingRefunded() ? ", shipping included" : ""));
    }

    private Refund goodwill(OrderWork w, GoodwillRefund c) {
        staffOnly(w, "refund");
        Order order = w.order();
        List<Violation> out = new ArrayList<>();
        if (!c.amount().currency().equals(order.currency())) {
            out.add(Violation.of(
                    "amount",
                    "CURRENCY_MISMATCH",
                    "order " + order.id() + " is in " + order.currency() + "; the refund is " + c.amount()));
        } else if (!c.amount().isPositive()) {
            out.add(Violation.of("amount", "NOT_POSITIVE", "a refund must be positive; was " + c.amount()));
        }
        if (c.reason().isBlank()) {
            out.add(Violation.of("reason", "MISSING", "a goodwill refund needs a reason"));
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        checkRefundable(w, c.amount());
        Money zero = Money.zero(order.currency());
        return createRefund(
                w,
                new RefundQuote(Map.of(), Map.of(), zero, zero, c.amount()),
                "goodwill: " + c.reason(),
                Optional.empty(),
                Optional.empty());
    }

    private Refund confirm(OrderWork w, ConfirmRefund c) {
        staffOnly(w, "confirm a refund");
        Checks.id("providerReference", c.providerReference());
        Refund refund = refund(w, c.refundId());
        if (refund.state().equals(RefundLifecycle.SUCCEEDED)
                && refund.providerReference().equals(Optional.of(c.providerReference()))) {
            return refund;
        }
        Refund next = builderOf(refund, RefundLifecycle.SUCCEED, w)
                .providerReference(c.providerReference())
                .failure(Optional.empty())
                .build();
        Money refundable = w.order().payments().refundable();
        Trigger payment =
                refund.amount().compareTo(refundable) == 0 ? PaymentStates.REFUND : PaymentStates.REFUND_PARTIAL;
        w.payment(payment, Optional.of(refund.amount()), Optional.of(c.providerReference()));
        return w.write(
                refund,
                next,
                RefundLifecycle.SUCCEED,
                "refunded " + refund.amount() + " (" + c.providerReference() + ")");
    }

    private static Refund.Builder builderOf(Refund refund, Trigger trigger, OrderWork w) {
        State to = move(RefundLifecycle.get(), "refund", refund.id(), refund.state(), trigger);
        return Refund.builder().from(refund.next(to, w.now()));
    }

    private StoreCredit redeem(OrderWork w, RedeemStoreCredit c) {
        StoreCredit credit = w.documents(StoreCredit.KIND).stream()
                .filter(s -> s.code().equals(c.code()))
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("order '" + w.order().id() + "' has no store credit '" + c.code() + "'"));
        List<Violation> out = new ArrayList<>();
        if (!c.amount().currency().equals(credit.balance().currency())) {
            out.add(Violation.of(
                    "amount",
                    "CURRENCY_MISMATCH",
                    "store credit " + c.code() + " is in " + credit.balance().currency() + "; was " + c.amount()));
        } else if (!c.amount().isPositive()) {
            out.add(Violation.of("amount", "NOT_POSITIVE", "a redemption must be positive; was " + c.amount()));
        } else if (c.amount().compareTo(credit.balance()) > 0) {
            out.add(Violation.of(
                    "amount",
                    "CREDIT_EXCEEDS_BALANCE",
                    "store credit " + c.code() + " has " + credit.balance() + " left; cannot redeem " + c.amount()));
        }
        if (credit.expiredAt(w.now())) {
            out.add(Violation.of(
                    "code",
                    "CREDIT_EXPIRED",
                    "store credit " + c.code() + " expired at "
                            + credit.expiresAt().get()));
        }
        Checks.idProblem("against", c.against()).ifPresent(p -> out.add(Violation.of("against", "INVALID", p)));
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        Money balance = credit.balance().minus(c.amount());
        Trigger trigger = balance.isZero() ? StoreCreditLifecycle.REDEEM_ALL : StoreCreditLifecycle.REDEEM;
        State to = move(StoreCreditLifecycle.get(), "store credit", credit.id(), credit.state(), trigger);
        StoreCredit next = StoreCredit.builder()
                .from(credit)
                .state(to)
                .version(credit.version() + 1)
                .updatedAt(w.now())
                .balance(balance)
                .addRedemptions(new Redemption(c.amount(), c.against(), w.now()))
                .build();
        return w.write(
                credit, next, trigger, "redeemed " + c.amount() + " against " + c.against() + "; " + balance + " left");
    }

    private Claim open(OrderWork w, OpenClaim c) {
        Order order = w.order();
        List<Claim> existing = w.documents(Claim.KIND);
        Map<LineId, Integer> claimable = ReturnRules.claimable(order, existing);
        List<Violation> out = new ArrayList<>();
        if (c.lines().isEmpty()) {
            out.add(Violation.of("lines", "EMPTY", "a claim needs at least one line"));
        }
        Map<LineId, Integer> asked = new LinkedHashMap<>();
        for (int i = 0; i < c.lines().size(); i++) {
            ClaimLine l = c.lines().get(i);
            if (order.line(l.line()).isEmpty()) {
                out.add(Violation.of(
                        "lines[" + i + "].line",
                        ReturnRules.UNKNOWN_LINE,
                        "order " + order.id() + " has no line '" + l.line() + "'"));
                continue;
            }
            int total = asked.merge(l.line(), l.units(), Integer::sum);
            int may = Math.max(0, claimable.getOrDefault(l.line(), 0));
            if (total > may) {
                out.add(Violation.of(
                        "lines[" + i + "].units",
                        ReturnRules.EXCEEDS_DELIVERED,
                        "line " + l.line() + ": " + total + " units claimed but only " + may
                                + " delivered units are not in other claims"));
            }
        }
        if (c.description().isBlank()) {
            out.add(Violation.of("description", "MISSING", "a claim needs a description"));
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        Claim claim = Claim.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .id(order.id() + "-c" + (existing.size() + 1))
                .version(1)
                .state(ClaimLifecycle.OPEN)
                .lines(c.lines())
                .description(c.description())
                .evidence(c.evidence())
                .openedBy(w.actor())
                .createdAt(w.now())
                .updatedAt(w.now())
                .build();
        return w.write(
                null,
                claim,
                ReturnLifecycle.CREATE,
                "claim opened: "
                        + c.lines().stream()
                                .map(l -> l.units() + " x " + l.line() + " " + l.type())
                                .collect(Collectors.joining(", ")));
    }

    private Claim claimStep(DocumentAction c, String type, Trigger trigger, boolean needsReason) {
        return oms.work(
                c,
                type,
                w -> {
                    staffOnly(w, trigger.name().toLowerCase(Locale.ROOT) + " a claim");
                    Claim claim = claim(w, c.documentId());
                    String reason = reason(c.reason(), needsReason);
                    State to = move(ClaimLifecycle.get(), "claim", claim.id(), claim.state(), trigger);
                    Claim.Builder next = Claim.builder().from(claim.next(to, w.now()));
                    if (trigger.equals(ClaimLifecycle.REJECT)) {
                        next.rejectionReason(reason);
                    }
                    return w.write(
                            claim, next.build(), trigger, pastTense(trigger) + (reason == null ? "" : ": " + reason));
                },
                byId(Claim.KIND, c.documentId()));
    }

    private Claim resolveClaim(OrderWork w, ResolveClaim c, Optional<Order> replacement) {
        staffOnly(w, "resolve a claim");
        Claim claim = claim(w, c.claimId());
        if (claim.state().equals(ClaimLifecycle.RESOLVED) && claim.resolution().equals(Optional.of(c.resolution()))) {
            return claim;
        }
        State to = move(ClaimLifecycle.get(), "claim", claim.id(), claim.state(), ClaimLifecycle.RESOLVE);
        Order order = w.order();
        Claim.Builder next = Claim.builder().from(claim.next(to, w.now())).resolution(c.resolution());
        String summary;
        if (c.resolution() == ClaimResolution.REFUND) {
            List<RefundItem> items = claim.lines().stream()
                    .map(l -> new RefundItem(l.line(), l.units(), ReturnReason.NOT_AS_DESCRIBED))
                    .toList();
            RefundQuote quote =
                    RefundCalculator.computeRefund(order, policy(order), items, settledUnits(w), true, false, false);
            checkRefundable(w, quote.total());
            Refund refund =
                    createRefund(w, quote, "refund of claim " + claim.id(), Optional.empty(), Optional.of(claim.id()));
            next.refundId(refund.id());
            summary = "resolved by refund " + refund.id() + " of " + quote.total();
        } else {
            replacement.ifPresent(r -> next.replacementOrderId(r.id()));
            summary = "resolved by replacement"
                    + replacement.map(r -> " order " + r.id()).orElse("");
        }
        return w.write(claim, next.build(), ClaimLifecycle.RESOLVE, summary);
    }

    private static List<ExchangeItem> claimItems(Order order, Claim claim) {
        List<ExchangeItem> items = new ArrayList<>();
        for (ClaimLine l : claim.lines()) {
            OrderLine line = order.line(l.line()).orElseThrow();
            items.add(new ExchangeItem(line.sku(), l.units(), Money.zero(order.currency()), line.vatRate()));
        }
        return items;
    }

    /**
     * Captures (idempotently, by channel order id) the replacement order of an exchange or a claim: same
     * channel, customer, buyer and addresses, the items priced as new with {@code credit} as discounts, no
     * shipping fee; paid when it costs nothing.
     */
    private Order captureReplacement(
            Order original,
            Actor actor,
            String suffix,
            List<ExchangeItem> items,
            Money credit,
            String what,
            String id) {
        List<LineInput> lines =
                ExchangePricing.replacementLines(original.taxMode(), original.currency(), items, credit);
        Money total = ExchangePricing.total(original.taxMode(), original.currency(), lines);
        CaptureOrder.Builder capture = CaptureOrder.builder()
                .tenant(original.tenant())
                .channel(original.channel())
                .channelOrderId(original.channelOrderId() + suffix)
                .actor(actor)
                .customer(original.customer())
                .buyer(original.buyer())
                .shippingAddress(original.shippingAddress())
                .billingAddress(original.billingAddress())
                .currency(original.currency())
                .taxMode(original.taxMode())
                .lines(lines)
                .shippingFee(Money.zero(original.currency()))
                .paymentMethod(original.paymentMethod())
                .putAttributes("replacement-of-order", original.id().toString())
                .putAttributes("replacement-for-" + what, id);
        if (total.isZero() && original.paymentMethod() != PaymentMethod.CASH_ON_DELIVERY) {
            capture.paymentStatus(PaymentStates.PAID);
        }
        return oms.capture(capture.build()).order();
    }

    // ----------------------------------------------------------------------------------------------- help

    private void checkReturnLocation(TenantId tenant, String field, LocationId location, List<Violation> out) {
        Optional<Inventory> inventory = oms.inventory();
        if (inventory.isEmpty()) {
            return;
        }
        Optional<Location> found = inventory.get().location(tenant, location);
        if (found.isEmpty()) {
            out.add(Violation.of(field, ReturnRules.LOCATION_NOT_ACCEPTING_RETURNS, "no location '" + location + "'"));
        } else if (!found.get().can(LocationCapability.ACCEPTS_RETURNS)
                || !found.get().active()) {
            out.add(Violation.of(
                    field,
                    ReturnRules.LOCATION_NOT_ACCEPTING_RETURNS,
                    "location '" + location + "' does not accept returns; its capabilities are "
                            + found.get().capabilities()));
        }
    }

    private Optional<Product> product(TenantId tenant, Sku sku) {
        Optional<ProductCatalog> catalog = config.catalog();
        if (catalog.isPresent()) {
            return catalog.get().find(tenant, sku);
        }
        return oms.inventory().flatMap(i -> i.findProduct(tenant, sku));
    }

    private static void staffOnly(OrderWork w, String what) {
        if (w.actor().kind() == ActorKind.CUSTOMER) {
            throw new AccessDeniedException(
                    w.actor() + " may not " + what + "; only the merchant's staff or systems may");
        }
    }

    private static String reason(Optional<String> reason, boolean required) {
        if (reason.isPresent() && !reason.get().isBlank()) {
            return reason.get();
        }
        if (required) {
            throw InvalidArgumentException.of("reason", "MISSING", "a rejection needs a reason");
        }
        return null;
    }

    private static ReturnRequest rma(OrderWork w, String id) {
        return w.find(ReturnRequest.KIND, id).orElseThrow(() -> notFound("return", id));
    }

    private static Refund refund(OrderWork w, String id) {
        return w.find(Refund.KIND, id).orElseThrow(() -> notFound("refund", id));
    }

    private static Claim claim(OrderWork w, String id) {
        return w.find(Claim.KIND, id).orElseThrow(() -> notFound("claim", id));
    }

    private static NotFoundException notFound(String what, String id) {
        return new NotFoundException("no " + what + " '" + id + "' on this order");
    }

    /** The state {@code trigger} moves to from {@code from}, or {@code ILLEGAL_TRANSITION}. */
    private static <D> State move(Lifecycle<D> lifecycle, String what, String id, State from, Trigger trigger) {
        return lifecycle
                .transition(from, trigger)
                .map(Transition::to)
                .orElseThrow(() -> new OrderRejectedException(Rejection.of(
                        Rejection.ILLEGAL_TRANSITION,
                        what + " '" + id + "' is " + from + " and cannot take " + trigger + "; allowed from " + from
                                + ": "
                                + lifecycle.transitionsFrom(from).stream()
                                        .map(t -> t.trigger().name())
                                        .toList())));
    }

    private static String describe(Map<LineId, Integer> units) {
        return units.entrySet().stream()
                .map(e -> e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static <D extends OrderDocument> Oms.Replay<D> first(DocumentKind<D> kind) {
        return (order, documents) -> documents.stream()
                .filter(d -> d.kind().name().equals(kind.name()))
                .map(kind::cast)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new NotFoundException("the replayed command wrote no " + kind));
    }

    private <D extends OrderDocument> Oms.Replay<D> byId(DocumentKind<D> kind, String id) {
        return (order, documents) -> documents.stream()
                .filter(d -> d.kind().name().equals(kind.name()) && d.id().equals(id))
                .map(kind::cast)
                .findFirst()
                .or(() -> oms.storage().documents().find(order.tenant(), kind, id))
                .orElseThrow(() -> notFound(kind.name(), id));
    }

    /** For event summaries: {@code APPROVE} is "return approved", {@code CLOSE} "return closed". */
    private static String pastTense(Trigger trigger) {
        String verb = trigger.name().toLowerCase(Locale.ROOT);
        String done =
                switch (verb) {
                    case "cancel" -> "cancelled";
                    case "reject" -> "rejected";
                    default -> verb.endsWith("e") ? verb + "d" : verb + "ed";
                };
        return "return " + done;
    }
}
