package gluelab.lab.wait;

import gluelab.lab.Durations;
import gluelab.lab.LabTimeoutException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls something that moves through states (a job run, a crawler, an execution) until it is done, and
 * shows its progress on one line as it goes: {@code Run jr_3f2a… of lab01-convert: STARTING → RUNNING →
 * SUCCEEDED in 1.4 s}. Each state is printed once, when it is first seen. Polls get slower up to a limit,
 * so long AWS runs cost few calls. Plain text on stdout only.
 */
public final class StateWaiter {

    /** How to pause between polls; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final PrintStream out;
    private final Duration firstInterval;
    private final Duration maxInterval;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    public StateWaiter(PrintStream out, Duration firstInterval, Duration maxInterval, Sleeper sleeper, LongSupplier nanoTime) {
        this.out = out;
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    public static StateWaiter onStdout(Duration firstInterval, Duration maxInterval) {
        return new StateWaiter(System.out, firstInterval, maxInterval, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    /**
     * Polls until {@code done} holds and returns the last answer.
     *
     * @param what        what is being waited for, starting the progress line
     * @param poll        one poll (an API call)
     * @param stateOf     the state to show for an answer
     * @param done        whether an answer is final
     * @param summary     the end of the line for the final answer, e.g. {@code "in 1.4 s"}, given the time waited
     * @param timeout     how long to wait at most
     * @param timeoutHint what to tell the reader when it times out
     */
    public <T> T await(String what, Supplier<T> poll, Function<T, String> stateOf, Predicate<T> done,
                       BiFunction<T, Duration, String> summary, Duration timeout, String timeoutHint) {
        long started = nanoTime.getAsLong();
        out.print(what + ": ");
        out.flush();
        String shown = null;
        Duration interval = firstInterval;
        while (true) {
            T answer = poll.get();
            String state = stateOf.apply(answer);
            if (!Objects.equals(state, shown)) {
                out.print((shown == null ? "" : " → ") + state);
                out.flush();
                shown = state;
            }
            Duration waited = Duration.ofNanos(nanoTime.getAsLong() - started);
            if (done.test(answer)) {
                String end = summary.apply(answer, waited);
                out.println(end == null || end.isEmpty() ? "" : " " + end);
                return answer;
            }
            if (waited.compareTo(timeout) >= 0) {
                out.println(" … still " + state + " after " + Durations.describe(waited) + ", giving up.");
                throw new LabTimeoutException(what + " is still " + state + " after " + Durations.describe(waited)
                        + (timeoutHint == null ? "" : ". " + timeoutHint));
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println(" … interrupted.");
                throw new LabTimeoutException(what + " was still " + state + " when the wait was interrupted");
            }
            long next = Math.min(maxInterval.toMillis(), (long) (interval.toMillis() * 1.5));
            interval = Duration.ofMillis(Math.max(next, firstInterval.toMillis()));
        }
    }
}
