package dev.omskit.core.lifecycle;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** The {@link Guard} made by {@link Guard#of}: a named predicate plus a function for the reason. */
final class FunctionGuard<C> implements Guard<C> {
    private final String name;
    private final Predicate<? super C> allows;
    private final Function<? super C, String> reasonWhenRefused;

    FunctionGuard(String name, Predicate<? super C> allows, Function<? super C, String> reasonWhenRefused) {
        this.name = LifecycleChecks.notBlank("Guard name", name);
        this.allows = LifecycleChecks.notNull("Guard predicate", allows);
        this.reasonWhenRefused = LifecycleChecks.notNull("Guard reason function", reasonWhenRefused);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> check(C context) {
        if (allows.test(context)) {
            return Optional.empty();
        }
        String reason = reasonWhenRefused.apply(context);
        return Optional.of(reason == null || reason.isBlank() ? "refused by guard '" + name + "'" : reason);
    }

    @Override
    public String toString() {
        return "Guard[" + name + "]";
    }
}
