package dev.omskit.core.invoice;

/** The kind of e-invoice, as Vietnamese rules name them (Decree 123/2020, Circular 78/2021). */
public enum InvoiceType {
    /** Hóa đơn giá trị gia tăng: issued by a VAT-registered seller using the credit method; template 1. */
    VAT_INVOICE("1"),
    /** Hóa đơn bán hàng: issued by a seller on the direct method (or to non-tariff zones); template 2. */
    SALES_INVOICE("2");

    private final String template;

    InvoiceType(String template) {
        this.template = template;
    }

    /** The template number (ký hiệu mẫu số) that starts the printed invoice symbol, e.g. {@code 1}. */
    public String template() {
        return template;
    }
}
