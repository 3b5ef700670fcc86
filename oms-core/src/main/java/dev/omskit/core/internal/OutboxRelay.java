package dev.omskit.core.internal;

import dev.omskit.core.event.OmsEventListener;
import dev.omskit.core.spi.EventStore;
import dev.omskit.core.spi.OutboxEntry;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers outbox entries to listeners in commit order and acknowledges what every listener took. A
 * listener that throws stops the round: that entry and the ones after it stay pending and are delivered
 * again next round (at least once, never out of order). One round at a time per relay.
 */
public final class OutboxRelay {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 256;

    private final EventStore events;
    private final List<OmsEventListener> listeners;
    private final ReentrantLock lock = new ReentrantLock();

    public OutboxRelay(EventStore events, List<OmsEventListener> listeners) {
        this.events = events;
        this.listeners = List.copyOf(listeners);
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Delivers pending entries until none are left or a listener fails; returns how many were delivered. */
    public int deliver() {
        if (listeners.isEmpty()) {
            return 0;
        }
        lock.lock();
        try {
            int delivered = 0;
            while (true) {
                List<OutboxEntry> batch = events.pending(BATCH);
                if (batch.isEmpty()) {
                    return delivered;
                }
                List<Long> done = new ArrayList<>(batch.size());
                boolean failed = false;
                for (OutboxEntry entry : batch) {
                    try {
                        for (OmsEventListener listener : listeners) {
                            listener.on(entry.event());
                        }
                    } catch (VirtualMachineError e) {
                        throw e;
                    } catch (Exception | Error e) {
                        LOG.log(
                                Level.WARNING,
                                "listener failed on event "
                                        + entry.event().eventId()
                                        + "; it stays in the outbox for the next round",
                                e);
                        failed = true;
                        break;
                    }
                    done.add(entry.position());
                }
                events.acknowledge(done);
                delivered += done.size();
                if (failed || batch.size() < BATCH) {
                    return delivered;
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
