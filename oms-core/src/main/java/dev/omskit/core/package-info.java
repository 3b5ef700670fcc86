/**
 * The facade of omskit: {@link dev.omskit.core.Oms}, built with {@code Oms.builder()}, is what a host
 * application calls to capture orders and move them through their lifecycle.
 */
package dev.omskit.core;
