package dev.omskit.core.order;

import dev.omskit.core.model.Money;

/**
 * The money of one line, derived from unit price, discount, VAT rate and the units not cancelled.
 *
 * @param gross unit price times units charged
 * @param discount the line discount for the units charged (prorated when units were cancelled)
 * @param net amount without VAT, after discount
 * @param tax the VAT amount
 * @param total what the buyer pays for the line: net plus tax
 */
public record LineAmounts(Money gross, Money discount, Money net, Money tax, Money total) {}
