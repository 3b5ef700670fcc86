/**
 * Small building blocks every package of oms-core uses and that depend on nothing else of omskit but the
 * error types: identifier checks and the project-wide Immutables style. Not API: may change in any
 * release.
 */
package dev.omskit.core.support;
