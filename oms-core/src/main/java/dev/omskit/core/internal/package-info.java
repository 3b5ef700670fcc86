/**
 * Implementation details of oms-core: the decider and evolver, validators, the outbox relay, canonical
 * fingerprints, metrics. Nothing here is API; it may change in any release.
 */
package dev.omskit.core.internal;
