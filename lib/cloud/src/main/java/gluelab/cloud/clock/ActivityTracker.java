package gluelab.cloud.clock;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

    private final Object lock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, String> active = new ConcurrentHashMap<>();

    public Activity begin(String description) {
        long id = ids.incrementAndGet();
        active.put(id, description);
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
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!active.isEmpty()) {
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
