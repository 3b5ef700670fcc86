package dev.omskit.connectors.sync;

/**
 * How a person (or the host's rule) settles a product push that conflicted with an edit made in the
 * channel ({@link SyncEngine#resolveProductConflict}).
 */
public enum ConflictResolution {
    /**
     * Our content wins: the parked push is based again on the channel's current version and pushed, so it
     * replaces the channel's edit.
     */
    KEEP_OURS,

    /**
     * The channel's content wins: the parked push is dropped and the channel's version and content become
     * the known ones; the host adopts them. Nothing is sent to the channel.
     */
    TAKE_THEIRS
}
