package gluelab.lab.wait;

import gluelab.lab.Check;
import gluelab.lab.Durations;
import gluelab.lab.LabTimeoutException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls something that moves through states (a job run, a crawler, an execution) until it is done, and
 * shows its progress on one line as it goes: {@code Run jr_3f2a… of lab01-convert: STARTING → RUNNING →
 * SUCCEEDED in 1.4 s}. Each state is shown once, when it is first seen; in a notebook the line is redrawn in place
 * with the time waited so far ({@link ProgressLine}). Polls get slower up to a limit, so long AWS runs cost few calls.
 * An interrupt (Jupyter's interrupt button) ends the wait at once with a clear message.
 * <p>
 * Some waits count on the lab clock: an invocation or a run that a schedule, a retry or a rotation brings when
 * {@code lab.advanceClock} moves the clock. Where the clock runs on real time (AWS, LocalStack, Lab Cloud in AWS mode)
 * the advance is refused. Once one was (see {@link #withLabClock}), a wait that is waiting only for the clock (nothing it
 * waits for is underway) waits for real time to bring it when that fits in its timeout (Lambda's retries a minute
 * and two apart, say), and otherwise (a nightly schedule) only for a short grace; then it gives up, saying what it
 * waited for, that it needs the lab clock and how long to wait on real time, and returns what it saw, so the notebook's
 * next cells still run and its checks say they need the lab clock.
 */
public final class StateWaiter {

    /** How to pause between polls; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Supplier<ProgressLine> progress;
    private final Duration firstInterval;
    private final Duration maxInterval;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Supplier<Optional<UnmovedClock>> unmovedClock;
    private final Duration clockGrace;

    public StateWaiter(PrintStream out, Duration firstInterval, Duration maxInterval, Sleeper sleeper, LongSupplier nanoTime) {
        this(() -> ProgressLine.printing(out), firstInterval, maxInterval, sleeper, nanoTime);
    }

    /** Shows each wait on a progress line {@code progress} makes. */
    public StateWaiter(Supplier<ProgressLine> progress, Duration firstInterval, Duration maxInterval,
                       Sleeper sleeper, LongSupplier nanoTime) {
        this(progress, firstInterval, maxInterval, sleeper, nanoTime, Optional::empty, Duration.ZERO);
    }

    private StateWaiter(Supplier<ProgressLine> progress, Duration firstInterval, Duration maxInterval, Sleeper sleeper,
                        LongSupplier nanoTime, Supplier<Optional<UnmovedClock>> unmovedClock, Duration clockGrace) {
        this.progress = progress;
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.unmovedClock = unmovedClock;
        this.clockGrace = clockGrace;
    }

    /**
     * This waiter, for waits that may count on the lab clock: {@code unmovedClock} says what advance of the clock was
     * refused, once one was, and from then on a wait that waits only for the clock gives up {@code grace} after real
     * time reached what the advance would have, or after {@code grace} if real time would not reach it within the
     * wait's timeout. The grace lets what is already underway (an asynchronous invocation's log lines, say) arrive.
     */
    public StateWaiter withLabClock(Supplier<Optional<UnmovedClock>> unmovedClock, Duration grace) {
        return new StateWaiter(progress, firstInterval, maxInterval, sleeper, nanoTime, unmovedClock, grace);
    }

    /** Waits with real pauses, showing progress in place in a notebook and as printed text elsewhere. */
    public static StateWaiter onStdout(Duration firstInterval, Duration maxInterval) {
        return new StateWaiter(ProgressLine::forThisProcess, firstInterval, maxInterval, d -> Thread.sleep(d.toMillis()),
                System::nanoTime);
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
        return await(what, poll, stateOf, done, summary, timeout, timeoutHint, answer -> false);
    }

    /**
     * As {@link #await(String, Supplier, Function, Predicate, BiFunction, Duration, String)}, for a wait that counts on
     * the lab clock: {@code waitingForTheClock} tells an answer that shows nothing underway, only something still to
     * come when the clock moves (no invocation going and fewer ended than wanted, say). Once an advance of the clock
     * was refused, such answers for the grace (see {@link #withLabClock}) end the wait: it says so and returns the last
     * answer instead of waiting out {@code timeout}.
     */
    public <T> T await(String what, Supplier<T> poll, Function<T, String> stateOf, Predicate<T> done,
                       BiFunction<T, Duration, String> summary, Duration timeout, String timeoutHint,
                       Predicate<T> waitingForTheClock) {
        long started = nanoTime.getAsLong();
        ProgressLine line = progress.get();
        StringBuilder settled = new StringBuilder(what).append(": ");
        // Shown before the first call, so a call that fails (no such run) is seen to come from this wait.
        line.waiting(settled.toString(), "");
        String shown = null;
        Duration interval = firstInterval;
        Long givingUpOnTheClockAt = null;
        while (true) {
            T answer;
            try {
                answer = poll.get();
            } catch (RuntimeException e) {
                if (!isInterruption(e)) {
                    throw e;
                }
                throw interrupted(line, settled, what, shown);
            }
            String state = stateOf.apply(answer);
            if (!Objects.equals(state, shown)) {
                settled.append(shown == null ? "" : " → ").append(state);
                shown = state;
            }
            Duration waited = Duration.ofNanos(nanoTime.getAsLong() - started);
            if (done.test(answer)) {
                String end = summary.apply(answer, waited);
                line.ended(settled + (end == null || end.isEmpty() ? "" : " " + end));
                return answer;
            }
            Optional<UnmovedClock> unmoved = waitingForTheClock.test(answer) ? unmovedClock.get() : Optional.empty();
            if (unmoved.isEmpty()) {
                givingUpOnTheClockAt = null;
            } else if (givingUpOnTheClockAt == null) {
                Duration realTime = unmoved.get().realTimeLeft().plus(clockGrace);
                Duration patience = realTime.compareTo(timeout.minus(waited)) <= 0 ? realTime : clockGrace;
                givingUpOnTheClockAt = nanoTime.getAsLong() + patience.toNanos();
            } else if (nanoTime.getAsLong() >= givingUpOnTheClockAt) {
                line.ended(settled + " … gave up after " + Durations.describe(waited) + ": this wait "
                        + Check.NEEDS_LAB_CLOCK + ". " + unmoved.get().said() + "; wait that long, then run this cell again.");
                return answer;
            }
            if (waited.compareTo(timeout) >= 0) {
                line.ended(settled + " … still " + state + " after " + Durations.describe(waited) + ", giving up.");
                throw new LabTimeoutException(what + " is still " + state + " after " + Durations.describe(waited)
                        + (timeoutHint == null ? "" : ". " + timeoutHint));
            }
            // Whole seconds: the line changes when there is news, not on every poll.
            line.waiting(settled.toString(), waited.toSeconds() == 0 ? "" : " … " + waited.toSeconds() + " s");
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                throw interrupted(line, settled, what, state);
            }
            long next = Math.min(maxInterval.toMillis(), (long) (interval.toMillis() * 1.5));
            interval = Duration.ofMillis(Math.max(next, firstInterval.toMillis()));
        }
    }

    /**
     * Jupyter's interrupt button (or a time limit) interrupts the cell's thread: the wait ends at once, saying so on its
     * line and in its exception, and leaves the thread's interrupt status set for whoever runs the cell.
     */
    private static LabTimeoutException interrupted(ProgressLine line, StringBuilder settled, String what, String state) {
        Thread.currentThread().interrupt();
        line.ended(settled + " … interrupted.");
        return new LabTimeoutException(what + (state == null ? " was interrupted before its first answer"
                : " was still " + state + " when the wait was interrupted"));
    }

    /** An SDK call cut short by an interrupt: the SDK says so with its AbortedException or an interrupted I/O. */
    static boolean isInterruption(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException
                    || cause instanceof java.nio.channels.ClosedByInterruptException
                    || cause.getClass().getSimpleName().equals("AbortedException")) {
                return true;
            }
        }
        return false;
    }
}
