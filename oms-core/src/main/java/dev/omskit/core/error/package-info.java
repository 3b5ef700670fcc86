/**
 * The one exception hierarchy of omskit: {@link dev.omskit.core.error.OmsException} at the root, with an
 * {@link dev.omskit.core.error.ErrorCategory} a host maps to HTTP or gRPC codes. Expected business
 * outcomes are values ({@code Rejection}) inside the domain; the facade surfaces them as {@code
 * FAILED_PRECONDITION} exceptions that carry the value.
 */
package dev.omskit.core.error;
