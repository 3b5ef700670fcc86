package dev.omskit.core.order;

import dev.omskit.core.model.Money;

/**
 * The money of a whole order, always derived from its lines and shipping fee, never typed in.
 *
 * @param gross sum of the lines' gross amounts
 * @param discount sum of the lines' discounts
 * @param net sum of the lines' net amounts (without VAT)
 * @param tax sum of the lines' VAT
 * @param shipping the shipping fee the buyer pays
 * @param total what the buyer pays: lines' totals plus shipping
 * @param cashOnDelivery what the carrier collects at the door: the total for a COD order, else zero
 */
public record OrderTotals(
        Money gross, Money discount, Money net, Money tax, Money shipping, Money total, Money cashOnDelivery) {}
