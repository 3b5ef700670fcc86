package dev.omskit.core.invoice;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.LineAmounts;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.spi.TaxCodeValidators;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure functions that draft invoices: the buyer validated from what was typed (or from the order), and an
 * original invoice drawn from an order. No I/O; the facade commits the result.
 *
 * <p><b>What is invoiced.</b> Every order line's <em>kept</em> units: units charged (not cancelled) and not
 * returned, whatever their stage (an invoice may be drafted before shipping). Amounts are computed by
 * {@link OrderLine#amounts} itself on the line restricted to those units, so the discount is prorated over
 * the units exactly as the order prorates it and each line agrees with the order to the unit. The
 * shipping fee, when the buyer pays one, is a line of its own: the order adds the fee to its total as
 * paid, so the invoice treats it as VAT-inclusive at {@link InvoicingConfig#shippingVatRate()} and the
 * invoice total equals the order total.
 */
public final class InvoiceDrafts {
    /** The rejection code of an order without a unit to invoice. */
    public static final String NOTHING_TO_INVOICE = "NOTHING_TO_INVOICE";

    private InvoiceDrafts() {}

    /**
     * The buyer of an invoice of {@code type}: from {@code details} when given, else from the order's
     * buyer; the address from the details, else the order's billing address, else its shipping address.
     * A company needs a tax code on a VAT invoice; an individual needs a name; any tax code given must be
     * valid. Every problem is listed in one {@link InvalidArgumentException}: a bad tax code with code
     * {@code INVALID_TAX_CODE} on field {@code buyer.taxCode}, a missing one or a missing name with {@code
     * REQUIRED}.
     */
    public static InvoiceBuyer buyer(
            Optional<BuyerDetails> details, Order order, InvoiceType type, TaxCodeValidators validators) {
        Buyer orderBuyer = order.buyer();
        Address fallbackAddress = order.billingAddress().orElse(order.shippingAddress());
        Optional<String> company;
        Optional<String> rawTaxCode;
        Optional<String> name;
        Optional<String> email;
        String country;
        Address address;
        if (details.isPresent()) {
            BuyerDetails d = details.get();
            company = nonBlank(d.companyName());
            rawTaxCode = nonBlank(d.taxCode());
            name = nonBlank(d.name());
            email = nonBlank(d.email());
            country = d.taxCountry();
            address = d.address().orElse(fallbackAddress);
        } else {
            company = nonBlank(orderBuyer.companyName());
            rawTaxCode = nonBlank(orderBuyer.taxCode());
            name = nonBlank(Optional.of(orderBuyer.name()));
            email = nonBlank(orderBuyer.email());
            address = fallbackAddress;
            country = address.countryCode().isBlank() ? "VN" : address.countryCode();
        }
        List<Violation> problems = new ArrayList<>();
        Optional<TaxCode> taxCode = Optional.empty();
        if (rawTaxCode.isPresent()) {
            try {
                taxCode = Optional.of(validators.parse(country, rawTaxCode.get()));
            } catch (InvalidArgumentException e) {
                String detail = e.violations().get(0).code();
                problems.add(Violation.of(
                        "buyer.taxCode",
                        "INVALID_TAX_CODE",
                        "the buyer's tax code is not valid (" + detail + "): "
                                + e.violations().get(0).message()));
            }
        } else if (company.isPresent() && type == InvoiceType.VAT_INVOICE) {
            problems.add(Violation.of(
                    "buyer.taxCode",
                    "REQUIRED",
                    "a VAT invoice to company '" + company.get() + "' needs the company's tax code"));
        }
        if (company.isEmpty() && name.isEmpty()) {
            problems.add(Violation.of("buyer.name", "REQUIRED", "an invoice to an individual needs the buyer's name"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidArgumentException(problems);
        }
        return InvoiceBuyer.builder()
                .companyName(company)
                .taxCode(taxCode)
                .name(name)
                .email(email)
                .address(address)
                .build();
    }

    /**
     * The original invoice of {@code order}: a goods line per order line with kept units (see the class
     * comment), then the shipping line when the order charges a fee. {@code sequence} is the invoice's
     * place among the order's invoices. Refused with {@code InvalidArgumentException} {@code
     * SELLER_NOT_CONFIGURED} when the configuration has no seller, and with an {@link
     * OrderRejectedException} {@value #NOTHING_TO_INVOICE} when no unit is kept (the order is fully
     * cancelled or returned).
     */
    public static Invoice original(
            Order order,
            InvoiceType type,
            InvoiceBuyer buyer,
            InvoicingConfig config,
            String id,
            int sequence,
            Optional<String> note,
            Instant now) {
        InvoiceSeller seller = seller(config);
        List<InvoiceLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            int kept = keptUnits(line);
            if (kept == 0) {
                continue;
            }
            LineAmounts a = amounts(line, order.taxMode(), line.unitPrice(), kept);
            lines.add(InvoiceLine.builder()
                    .position(lines.size() + 1)
                    .kind(InvoiceLineKind.GOODS)
                    .lineId(line.id())
                    .sku(line.sku())
                    .name(line.title()
                            .filter(t -> !t.isBlank())
                            .orElse(line.sku().toString()))
                    .unit(Optional.ofNullable(line.attributes().get("unit"))
                            .filter(u -> !u.isBlank())
                            .orElse(config.defaultUnit()))
                    .quantity(kept)
                    .unitPrice(line.unitPrice())
                    .discount(a.discount())
                    .vatRate(line.vatRate())
                    .net(a.net())
                    .vat(a.tax())
                    .total(a.total())
                    .build());
        }
        if (lines.isEmpty()) {
            throw new OrderRejectedException(Rejection.of(
                    NOTHING_TO_INVOICE,
                    "order '" + order.id() + "' has no unit left to invoice: every unit is cancelled or returned"));
        }
        if (order.shippingFee().isPositive()) {
            lines.add(shippingLine(
                    lines.size() + 1,
                    order.shippingFee(),
                    config.shippingVatRate(),
                    config.shippingLineName(),
                    config.defaultUnit()));
        }
        return Invoice.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .id(id)
                .version(1)
                .state(InvoiceLifecycle.DRAFT)
                .sequence(sequence)
                .type(type)
                .purpose(InvoicePurpose.ORIGINAL)
                .note(note)
                .seller(seller)
                .buyer(buyer)
                .symbol(config.symbol())
                .currency(order.currency())
                .taxMode(order.taxMode())
                .paymentMethod(order.paymentMethod())
                .lines(lines)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    /**
     * A replacement draft for {@code replaced}: the same lines, seller, payment and currency, with the
     * corrected buyer and type, linked to the invoice it replaces, and the reason printed.
     */
    public static Invoice replacement(
            Invoice replaced,
            InvoiceType type,
            InvoiceBuyer buyer,
            Optional<String> symbol,
            String reason,
            String id,
            int sequence,
            Instant now) {
        return Invoice.builder()
                .tenant(replaced.tenant())
                .orderId(replaced.orderId())
                .id(id)
                .version(1)
                .state(InvoiceLifecycle.DRAFT)
                .sequence(sequence)
                .type(type)
                .purpose(InvoicePurpose.REPLACEMENT)
                .relatesTo(replaced.id())
                .reason(reason)
                .note(replaced.note())
                .seller(replaced.seller())
                .buyer(buyer)
                .symbol(symbol.isPresent() ? symbol : replaced.symbol())
                .currency(replaced.currency())
                .taxMode(replaced.taxMode())
                .paymentMethod(replaced.paymentMethod())
                .lines(replaced.lines())
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    /** The units of {@code line} an invoice states: charged (not cancelled) and not returned. */
    public static int keptUnits(OrderLine line) {
        return line.charged() - line.quantity(OrderStages.RETURNED);
    }

    /**
     * The money of {@code units} units of {@code line} at {@code unitPrice}, computed by {@link
     * OrderLine#amounts} on a copy of the line with those units charged and the rest cancelled: the line's
     * discount is prorated over {@code units} of its ordered units half-even, VAT rounded half-up.
     */
    public static LineAmounts amounts(OrderLine line, TaxMode taxMode, Money unitPrice, int units) {
        int ordered = line.ordered();
        if (units < 0 || units > ordered) {
            throw InvalidArgumentException.of(
                    "units",
                    "OUT_OF_RANGE",
                    "line " + line.id() + " has " + ordered + " units ordered; cannot price " + units);
        }
        Map<dev.omskit.core.lifecycle.State, Integer> stages = new LinkedHashMap<>();
        stages.put(OrderStages.DELIVERED, units);
        stages.put(OrderStages.CANCELLED, ordered - units);
        return OrderLine.builder()
                .from(line)
                .unitPrice(unitPrice)
                .quantities(new LineQuantities(stages))
                .build()
                .amounts(taxMode);
    }

    /** A shipping line of a VAT-inclusive {@code fee}: VAT extracted as fee x rate / (1 + rate), half-up. */
    static InvoiceLine shippingLine(int position, Money fee, VatRate rate, String name, String unit) {
        Money vat = vatInside(fee, rate);
        return InvoiceLine.builder()
                .position(position)
                .kind(InvoiceLineKind.SHIPPING)
                .name(name)
                .unit(unit)
                .quantity(1)
                .unitPrice(fee)
                .discount(Money.zero(fee.currency()))
                .vatRate(rate)
                .net(fee.minus(vat))
                .vat(vat)
                .total(fee)
                .build();
    }

    /** The VAT inside a gross amount, rounded half-up to the currency (as the order extracts it). */
    static Money vatInside(Money gross, VatRate rate) {
        BigDecimal r = rate.fraction();
        BigDecimal amount = gross.amount();
        return Money.of(
                amount.multiply(r).divide(BigDecimal.ONE.add(r), amount.scale(), RoundingMode.HALF_UP),
                gross.currency());
    }

    static InvoiceSeller seller(InvoicingConfig config) {
        return config.seller()
                .orElseThrow(() -> InvalidArgumentException.of(
                        "config.seller",
                        "SELLER_NOT_CONFIGURED",
                        "invoicing has no seller: pass InvoicingConfig.builder().seller(...) to"
                                + " oms.invoicing().with(config)"));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
