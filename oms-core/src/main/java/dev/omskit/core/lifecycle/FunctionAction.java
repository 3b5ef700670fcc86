package dev.omskit.core.lifecycle;

import java.util.function.Consumer;

/** The {@link Action} made by {@link Action#of}: a named consumer. */
final class FunctionAction<C> implements Action<C> {
    private final String name;
    private final Consumer<? super C> body;

    FunctionAction(String name, Consumer<? super C> body) {
        this.name = LifecycleChecks.notBlank("Action name", name);
        this.body = LifecycleChecks.notNull("Action body", body);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(C context) {
        body.accept(context);
    }

    @Override
    public String toString() {
        return "Action[" + name + "]";
    }
}
