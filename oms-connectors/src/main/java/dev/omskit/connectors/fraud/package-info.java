/** The fraud screening SPI: a verdict and a score per order before it is sourced. */
package dev.omskit.connectors.fraud;
