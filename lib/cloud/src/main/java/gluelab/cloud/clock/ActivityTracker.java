package gluelab.cloud.clock;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Counts work in flight across services (job runs, event deliveries, invocations), so that advancing
 * the lab clock can let the work one fire time started settle before stepping to the next.
 */
public final class ActivityTracker {

    /** One piece of work; closing it marks it done. */
    public interface Activity extends AutoCloseable {
        @Override
        void close();
    }

    /** How long a piece of work may last, which decides whether the clock may move while it is in flight. */
    public enum Kind {
        /** Ends on its own within real seconds: an event delivered, a function invoked, a queue batch handled. */
        DELIVERY,
        /**
         * May last lab-minutes or hours, and the clock may move past it: a Glue job run or a crawl, whose own timeout
         * is a timer that an advance must be able to reach while the run is still going.
         */
        RUN
    }

    private final Object lock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Work> active = new ConcurrentHashMap<>();

    /** The description says what is in flight when someone looks (a debugger, a dump of this map). */
    private record Work(Kind kind, String description) {
    }

    /** Begins a {@link Kind#DELIVERY}. */
    public Activity begin(String description) {
        return begin(new Work(Kind.DELIVERY, description));
    }

    /** Begins a {@link Kind#RUN}. */
    public Activity beginRun(String description) {
        return begin(new Work(Kind.RUN, description));
    }

    private Activity begin(Work work) {
        long id = ids.incrementAndGet();
        active.put(id, work);
        return () -> {
            if (active.remove(id) != null) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        };
    }

    public int activeCount() {
        return active.size();
    }

    /** Waits until nothing is in flight or the timeout passes; returns whether everything settled. */
    public boolean awaitIdle(Duration timeout) {
        return awaitNoneActive(kind -> true, timeout);
    }

    /** Waits until no {@link Kind#DELIVERY} is in flight, whatever runs go on, or the timeout passes. */
    public boolean awaitDeliveries(Duration timeout) {
        return awaitNoneActive(kind -> kind == Kind.DELIVERY, timeout);
    }

    private boolean awaitNoneActive(Predicate<Kind> counted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (active.values().stream().map(Work::kind).anyMatch(counted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
