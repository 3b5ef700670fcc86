/** The tax engine SPI: VAT rates per line from an external engine. */
package dev.omskit.connectors.tax;
