package dev.omskit.core.inventory;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;
import java.util.List;

/**
 * The stock as it is refused a well-formed inventory command: not enough units, a hold that expired, a
 * reservation already released, a transfer already received, a count below what is reserved. Nothing was
 * stored; {@link #code()} says why in a stable form.
 */
public class StockRejectedException extends OmsException {
    public static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";
    public static final String HOLD_EXPIRED = "HOLD_EXPIRED";
    public static final String NOT_OPEN = "NOT_OPEN";
    public static final String ALREADY_RECEIVED = "ALREADY_RECEIVED";
    public static final String BELOW_RESERVED = "BELOW_RESERVED";
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";
    public static final String PURCHASE_ORDER_CLOSED = "PURCHASE_ORDER_CLOSED";
    public static final String STOCK_OF_RECORD_ELSEWHERE = "STOCK_OF_RECORD_ELSEWHERE";

    private final String code;
    private final transient List<Shortfall> shortfalls;

    public StockRejectedException(String code, String message) {
        this(code, message, List.of());
    }

    public StockRejectedException(String code, String message, List<Shortfall> shortfalls) {
        super(ErrorCategory.FAILED_PRECONDITION, message);
        this.code = code;
        this.shortfalls = List.copyOf(shortfalls);
    }

    /** A stable code, one of the constants of this class. */
    public String code() {
        return code;
    }

    /** The cells that were short, for {@link #INSUFFICIENT_STOCK}. */
    public List<Shortfall> shortfalls() {
        return shortfalls;
    }
}
