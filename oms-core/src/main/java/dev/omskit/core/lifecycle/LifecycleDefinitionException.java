package dev.omskit.core.lifecycle;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;
import java.util.List;

/**
 * A {@link Lifecycle} definition is inconsistent: thrown by {@link Lifecycle.Builder#build()} with every
 * problem found, not just the first, so that a definition can be fixed in one go. Category {@link
 * ErrorCategory#INVALID_ARGUMENT}.
 */
public class LifecycleDefinitionException extends OmsException {
    private final String lifecycleName;
    private final List<String> problems;

    /**
     * An error for the lifecycle called {@code lifecycleName} with the given problems, each a sentence
     * naming the states and triggers involved.
     */
    public LifecycleDefinitionException(String lifecycleName, List<String> problems) {
        super(ErrorCategory.INVALID_ARGUMENT, describe(lifecycleName, problems));
        this.lifecycleName = lifecycleName;
        this.problems = List.copyOf(problems);
    }

    /** The name of the lifecycle that failed to build. */
    public String lifecycleName() {
        return lifecycleName;
    }

    /** Every problem found, in a deterministic order; never empty, unmodifiable. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String lifecycleName, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a LifecycleDefinitionException needs at least one problem");
        }
        return "Lifecycle '" + lifecycleName + "' is invalid: " + String.join("; ", problems);
    }
}
