package dev.omskit.core.internal;

import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.error.Violation;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates requests and turns raw line inputs into lines, collecting every violation rather than
 * stopping at the first.
 */
public final class RequestValidator {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{5,24}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,11}");
    private static final int MAX_TEXT = 512;

    private final OmsConfig config;
    private final OrderLifecycle lifecycle;

    public RequestValidator(OmsConfig config, OrderLifecycle lifecycle) {
        this.config = config;
        this.lifecycle = lifecycle;
    }

    /** Every problem of a capture; the lines are built into {@code lines} when they are valid. */
    public List<Violation> capture(CaptureOrder c, List<OrderLine> lines) {
        List<Violation> out = new ArrayList<>();
        Checks.idProblem("channel order id", c.channelOrderId())
                .ifPresent(p -> out.add(Violation.of("channelOrderId", "INVALID_ID", p)));
        buyer("buyer", c.buyer(), out);
        address("shippingAddress", c.shippingAddress(), out);
        c.billingAddress().ifPresent(a -> address("billingAddress", a, out));
        if (c.lines().isEmpty()) {
            out.add(Violation.of("lines", "EMPTY", "an order needs at least one line"));
        }
        if (c.lines().size() > config.maxLinesPerOrder()) {
            out.add(Violation.of(
                    "lines",
                    "TOO_MANY_LINES",
                    "an order may have at most " + config.maxLinesPerOrder() + " lines; has "
                            + c.lines().size()));
        }
        lines.addAll(lines("lines", c.lines(), c.currency(), List.of(), out));
        c.shippingFee().ifPresent(fee -> money("shippingFee", fee, c.currency(), out));
        State payment = c.paymentStatus().orElse(OrderLifecycle.defaultInitialPayment(c.paymentMethod()));
        if (!lifecycle.isValidInitialPayment(c.paymentMethod(), payment)) {
            out.add(Violation.of(
                    "paymentStatus",
                    "INVALID_PAYMENT_STATUS",
                    "an order paid " + c.paymentMethod() + " cannot start in payment status " + payment
                            + "; allowed: "
                            + lifecycle.payment().initialStates().stream()
                                    .filter(s -> lifecycle.isValidInitialPayment(c.paymentMethod(), s))
                                    .toList()));
        }
        c.expectedTotal().ifPresent(total -> {
            if (!total.currency().equals(c.currency())) {
                out.add(Violation.of(
                        "expectedTotal",
                        "CURRENCY_MISMATCH",
                        "expected total " + total + " is not in the order currency " + c.currency()));
            }
        });
        return out;
    }

    /** Checks a buyer. */
    public void buyer(String field, Buyer buyer, List<Violation> out) {
        if (buyer.name().isBlank()) {
            out.add(Violation.of(field + ".name", "MISSING", "buyer name must not be blank"));
        }
    }

    /** Checks an address: recipient, street, city and country are required; phone and postal code well formed. */
    public void address(String field, Address a, List<Violation> out) {
        required(field + ".recipient", a.recipient(), out);
        required(field + ".line1", a.line1(), out);
        required(field + ".city", a.city(), out);
        if (a.countryCode().isBlank()) {
            out.add(Violation.of(field + ".countryCode", "MISSING", "country code must not be blank"));
        } else if (!COUNTRIES.contains(a.countryCode())) {
            out.add(Violation.of(
                    field + ".countryCode",
                    "MALFORMED",
                    "country code must be an ISO 3166-1 alpha-2 code such as VN; was '" + a.countryCode() + "'"));
        }
        if (!a.phone().isBlank() && !PHONE.matcher(a.phone()).matches()) {
            out.add(Violation.of(
                    field + ".phone", "MALFORMED", "phone must be 6 to 25 digits, spaces or ()-. with an optional +"));
        }
        a.postalCode()
                .filter(p -> !POSTAL_CODE.matcher(p).matches())
                .ifPresent(p -> out.add(Violation.of(
                        field + ".postalCode",
                        "MALFORMED",
                        "postal code '" + p + "' is not 2 to 12 letters or digits")));
        for (String text : List.of(a.recipient(), a.line1(), a.city())) {
            if (text.length() > MAX_TEXT) {
                out.add(Violation.of(field, "TOO_LONG", "address fields must be at most " + MAX_TEXT + " characters"));
                break;
            }
        }
    }

    private static void required(String field, String value, List<Violation> out) {
        if (value.isBlank()) {
            out.add(Violation.of(field, "MISSING", field.substring(field.indexOf('.') + 1) + " must not be blank"));
        }
    }

    private static void money(String field, Money money, Currency currency, List<Violation> out) {
        if (!money.currency().equals(currency)) {
            out.add(Violation.of(
                    field, "CURRENCY_MISMATCH", money + " is not in the order currency " + currency.getCurrencyCode()));
        }
        if (money.isNegative()) {
            out.add(Violation.of(field, "NEGATIVE", "must not be negative; was " + money));
        }
    }

    /**
     * Builds lines from inputs, adding violations for each bad one; {@code existing} are the lines the
     * order already has (for id uniqueness and numbering).
     */
    public List<OrderLine> lines(
            String field, List<LineInput> inputs, Currency currency, List<OrderLine> existing, List<Violation> out) {
        List<OrderLine> built = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        existing.forEach(l -> ids.add(l.id().value()));
        int next = existing.size() + 1;
        for (int i = 0; i < inputs.size(); i++) {
            LineInput in = inputs.get(i);
            String at = field + "[" + i + "]";
            int before = out.size();
            String id;
            if (in.lineId().isPresent()) {
                id = in.lineId().get();
                Optional<String> problem = Checks.idProblem("line id", id);
                problem.ifPresent(p -> out.add(Violation.of(at + ".lineId", "INVALID_ID", p)));
            } else {
                do {
                    id = "L" + next++;
                } while (ids.contains(id));
            }
            if (!ids.add(id)) {
                out.add(Violation.of(at + ".lineId", "DUPLICATE_LINE_ID", "line id '" + id + "' is used twice"));
            }
            Checks.idProblem("SKU", in.sku()).ifPresent(p -> out.add(Violation.of(at + ".sku", "INVALID_SKU", p)));
            quantity(at + ".quantity", in.quantity(), out);
            money(at + ".unitPrice", in.unitPrice(), currency, out);
            in.discount().ifPresent(d -> {
                money(at + ".discount", d, currency, out);
                if (d.sameCurrencyAs(in.unitPrice())
                        && in.quantity() > 0
                        && in.quantity() <= config.maxUnitsPerLine()
                        && d.compareTo(in.unitPrice().times(in.quantity())) > 0) {
                    out.add(Violation.of(
                            at + ".discount",
                            "DISCOUNT_EXCEEDS_PRICE",
                            "discount " + d + " exceeds the line's price "
                                    + in.unitPrice().times(in.quantity())));
                }
            });
            if (out.size() == before) {
                built.add(OrderLine.builder()
                        .id(LineId.of(id))
                        .sku(Sku.of(in.sku()))
                        .title(in.title())
                        .unitPrice(in.unitPrice())
                        .discount(in.discount().orElse(Money.zero(currency)))
                        .vatRate(in.vatRate())
                        .quantities(LineQuantities.of(lifecycle.initialStage(), (int) in.quantity()))
                        .attributes(in.attributes())
                        .build());
            }
        }
        return built;
    }

    /** Checks a unit count against 1 and the configured maximum. */
    public void quantity(String field, long quantity, List<Violation> out) {
        if (quantity <= 0) {
            out.add(Violation.of(field, "NOT_POSITIVE", "quantity must be positive; was " + quantity));
        } else if (quantity > config.maxUnitsPerLine()) {
            out.add(Violation.of(
                    field, "TOO_LARGE", "quantity must be at most " + config.maxUnitsPerLine() + "; was " + quantity));
        }
    }
}
