/**
 * Views for self-service and service agents: an order's tracking as its customer may see it.
 */
package dev.omskit.core.selfservice;
