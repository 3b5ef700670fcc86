/**
 * Customer notifications: which events a customer hears about, the notification values a notifier
 * connector turns into e-mail, SMS or chat, and the notifier SPI.
 */
package dev.omskit.core.notify;
