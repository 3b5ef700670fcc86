package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.fail;

import dev.omskit.connectors.ConnectorException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the connector conformance kits share: catching the one error model of connectors. */
final class ConnectorFailures {
    private ConnectorFailures() {}

    /** The {@link ConnectorException} {@code call} throws; fails the test if it throws nothing or something else. */
    static ConnectorException failure(ThrowingCallable call) {
        try {
            call.call();
        } catch (ConnectorException e) {
            return e;
        } catch (Throwable t) {
            return fail("expected a ConnectorException but got " + t, t);
        }
        return fail("expected a ConnectorException but the call succeeded");
    }
}
