package dev.omskit.core.support;

import dev.omskit.core.error.InvalidArgumentException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: generated classes are package-private and hidden behind the
 * abstract type ({@code Order}, never {@code ImmutableOrder}), collections are plain JDK ones, and a
 * missing required attribute or a null is an {@link InvalidArgumentException} rather than an untyped
 * runtime exception. Redacted attributes print as {@code ***}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        redactedMask = "***",
        throwForInvalidImmutableState = InvalidArgumentException.class,
        throwForNullPointer = InvalidArgumentException.class)
public @interface OmsStyle {}
