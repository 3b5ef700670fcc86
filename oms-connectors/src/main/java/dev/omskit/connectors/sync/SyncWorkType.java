package dev.omskit.connectors.sync;

/** The types of work the sync engine keeps ({@link SyncWork#type()}), as they show in the parked-work list. */
public final class SyncWorkType {
    /** Capture a channel order (from a webhook or a poll). */
    public static final String INGEST_ORDER = "INGEST_ORDER";

    /** Allocate an order captured from a channel. */
    public static final String ALLOCATE_ORDER = "ALLOCATE_ORDER";

    /** Cancel in omskit an order the buyer or the channel cancelled in the channel. */
    public static final String CANCEL_FROM_CHANNEL = "CANCEL_FROM_CHANNEL";

    /** Tell a channel its orders were taken. */
    public static final String ACKNOWLEDGE_ORDER = "ACKNOWLEDGE_ORDER";

    /** An order or one of its documents changed: work out what remote systems must now hear. */
    public static final String ORDER_CHANGED = "ORDER_CHANGED";

    /** Push the ATP of one SKU to one channel. */
    public static final String PUSH_STOCK = "PUSH_STOCK";

    /** Push a shipment and its tracking number to the order's channel. */
    public static final String PUSH_SHIPMENT = "PUSH_SHIPMENT";

    /** Push the units of one order line cancelled in omskit to the order's channel. */
    public static final String PUSH_CANCELLATION = "PUSH_CANCELLATION";

    /** Book a shipment at its carrier and record the tracking number and label. */
    public static final String BOOK_SHIPMENT = "BOOK_SHIPMENT";

    /** Pull the tracking of one open shipment, repeatedly, until it is final. */
    public static final String TRACK_SHIPMENT = "TRACK_SHIPMENT";

    /** Apply one tracking event from a carrier. */
    public static final String APPLY_TRACKING = "APPLY_TRACKING";

    /** Record one COD remittance line from a carrier. */
    public static final String RECORD_REMITTANCE = "RECORD_REMITTANCE";

    /** Issue a drafted invoice at the e-invoice provider. */
    public static final String ISSUE_INVOICE = "ISSUE_INVOICE";

    /** Push one product's content to one channel. */
    public static final String PUSH_PRODUCT = "PUSH_PRODUCT";

    private SyncWorkType() {}
}
