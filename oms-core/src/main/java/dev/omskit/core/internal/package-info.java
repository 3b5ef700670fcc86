/**
 * Implementation details of oms-core: validators, the command pipeline, canonical fingerprints. Nothing
 * here is API; it may change in any release. Other omskit modules may use {@link
 * dev.omskit.core.internal.OmsStyle}.
 */
package dev.omskit.core.internal;
