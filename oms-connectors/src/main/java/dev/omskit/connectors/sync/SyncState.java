package dev.omskit.connectors.sync;

/** Where a piece of sync work is. */
public enum SyncState {
    /** To be done, at or after its {@code notBefore}. */
    PENDING,
    /** Done: the remote system has it. */
    DONE,
    /** Failed in a way that will not pass by itself; waits for a person to retry or discard it. */
    PARKED,
    /** Given up on by a person. */
    DISCARDED
}
