package gluelab.cloud.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting, in tests, for what Lab Cloud does just after it answers (deliver an event, record a call). */
public final class Await {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Await() {
    }

    /** Reads {@code value} until {@code done} holds of it, and returns it; fails saying {@code what} after 10 s. */
    public static <T> T until(Supplier<T> value, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T current = value.get();
            if (done.test(current)) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; last saw " + current);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
