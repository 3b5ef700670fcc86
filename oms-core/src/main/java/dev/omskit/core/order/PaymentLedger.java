package dev.omskit.core.order;

import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import java.util.Currency;

/**
 * The money an order's payment events moved, beside the payment state: what was authorised, captured
 * (including cash on delivery remitted by the carrier) and refunded. Kept by the facade from the amounts
 * of {@code PaymentRecorded} events; a refund can never exceed {@link #refundable()}.
 *
 * @param authorized amounts authorised so far
 * @param captured amounts captured or collected so far, cash on delivery included
 * @param codRemitted the part of {@code captured} remitted by carriers for cash on delivery
 * @param refunded amounts refunded so far
 */
public record PaymentLedger(Money authorized, Money captured, Money codRemitted, Money refunded) {
    public PaymentLedger {
        Checks.notNull("authorized", authorized);
        Checks.notNull("captured", captured);
        Checks.notNull("codRemitted", codRemitted);
        Checks.notNull("refunded", refunded);
        Currency currency = authorized.currency();
        for (Money m : new Money[] {captured, codRemitted, refunded}) {
            if (!m.currency().equals(currency)) {
                throw new dev.omskit.core.error.InvalidArgumentException(
                        "a payment ledger is in one currency; has " + currency + " and " + m.currency());
            }
        }
    }

    /** Nothing moved yet. */
    public static PaymentLedger zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new PaymentLedger(zero, zero, zero, zero);
    }

    /** What was paid and not given back: captured minus refunded. */
    public Money refundable() {
        return captured.minus(refunded);
    }

    /** With {@code amount} more authorised. */
    public PaymentLedger authorize(Money amount) {
        return new PaymentLedger(authorized.plus(amount), captured, codRemitted, refunded);
    }

    /** With {@code amount} more captured. */
    public PaymentLedger capture(Money amount) {
        return new PaymentLedger(authorized, captured.plus(amount), codRemitted, refunded);
    }

    /** With {@code amount} more remitted for cash on delivery (and so captured). */
    public PaymentLedger remitCod(Money amount) {
        return new PaymentLedger(authorized, captured.plus(amount), codRemitted.plus(amount), refunded);
    }

    /** With {@code amount} more refunded. */
    public PaymentLedger refund(Money amount) {
        return new PaymentLedger(authorized, captured, codRemitted, refunded.plus(amount));
    }
}
