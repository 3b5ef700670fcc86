/**
 * The sales-channel SPI: marketplaces, web stores and social shops an OMS takes orders from and pushes
 * stock, shipments, cancellations and products to ({@link dev.omskit.connectors.channel.SalesChannel}),
 * with its typed requests and results and the mapping of a channel order to core's capture command.
 */
package dev.omskit.connectors.channel;
