package gluelab.cloud.services.states.asl;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Waiting for a set of branches (a Parallel state's, a Map state's iterations): the last to finish wakes the
 * waiting state; the first error is the one the state fails with, and it cancels the others.
 */
final class Join {

    private final AtomicInteger remaining;
    private final Resumption<Void> done;
    final Cancellation group = new Cancellation();
    private final AtomicLong lastEvent = new AtomicLong();
    private volatile StatesError firstError;

    Join(int branches, Progress progress) {
        this.remaining = new AtomicInteger(branches);
        this.done = new Resumption<>(progress);
        if (branches == 0) {
            done.resume(null);
        }
    }

    void failed(StatesError error) {
        synchronized (this) {
            if (firstError == null) {
                firstError = error;
            }
        }
        group.cancel(error);
    }

    /**
     * One branch ended, its last event being {@code lastEventId}; call before the branch stops counting as
     * running.
     */
    void finished(long lastEventId) {
        lastEvent.accumulateAndGet(lastEventId, Math::max);
        if (remaining.decrementAndGet() == 0) {
            done.resume(null);
        }
    }

    /**
     * Waits for every branch, then records {@code <stateType>StateSucceeded} after the last of their events, or
     * {@code <stateType>StateFailed} and throws the first error one of them failed with.
     */
    void await(Branch waiter, String stateType) {
        try {
            waiter.await(done);
            if (firstError != null) {
                throw firstError;
            }
        } catch (StatesError error) {
            waiter.follow(lastEvent.get());
            waiter.checkStopped();
            waiter.record(stateType + "StateFailed", null, null);
            throw error;
        }
        waiter.follow(lastEvent.get());
        waiter.record(stateType + "StateSucceeded", null, null);
    }

    StatesError firstError() {
        return firstError;
    }
}
