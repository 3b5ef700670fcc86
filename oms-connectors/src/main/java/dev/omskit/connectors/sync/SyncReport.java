package dev.omskit.connectors.sync;

import java.util.List;

/**
 * What one round of the sync engine did.
 *
 * @param polled feeds pulled (order polls of channels, COD remittance polls of carriers)
 * @param done work items finished
 * @param later work items that failed in a way that may pass and wait for another attempt
 * @param parked work items parked for a person
 * @param pollFailures the polls that failed this round, one line each (the cursor did not move)
 */
public record SyncReport(int polled, int done, int later, int parked, List<String> pollFailures) {
    public SyncReport {
        pollFailures = List.copyOf(pollFailures);
    }

    /** Whether the round found no work at all. */
    public boolean idle() {
        return done + later + parked == 0;
    }
}
