/** The notification SPI: customer notifications sent by e-mail, SMS or chat, once each. */
package dev.omskit.connectors.notify;
