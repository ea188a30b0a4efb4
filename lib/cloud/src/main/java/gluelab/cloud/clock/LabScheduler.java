package gluelab.cloud.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Timers on the lab clock. They fire as real time passes and when the clock is advanced, in fire-time order, with
 * the clock set to each fire time as it fires. Glue's scheduled triggers, EventBridge schedules, run timeouts and
 * Lambda's queued events all register here. As time passes, a background ticker sleeps until the earliest timer falls
 * due (a tick at most, to follow the clock when it is moved); a timer added for earlier wakes it, so that work queued
 * for now (an event for a function) starts at once rather than at the next tick.
 */
public final class LabScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LabScheduler.class.getName());
    private static final long TICK_MILLIS = 200;

    /** A scheduled timer; cancel it to stop it firing. */
    public interface Registration {
        void cancel();

        Optional<Instant> nextFireTime();
    }

    private final class Timer implements Registration, Comparable<Timer> {
        final long seq = sequence.incrementAndGet();
        final TimerOwner owner;
        final Function<Instant, Optional<Instant>> nextAfter;
        final Consumer<Instant> action;
        volatile Instant due;
        volatile boolean cancelled;

        Timer(TimerOwner owner, Instant due, Function<Instant, Optional<Instant>> nextAfter, Consumer<Instant> action) {
            this.owner = owner;
            this.due = due;
            this.nextAfter = nextAfter;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (queue) {
                queue.remove(this);
            }
        }

        @Override
        public Optional<Instant> nextFireTime() {
            return cancelled ? Optional.empty() : Optional.ofNullable(due);
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private final LabClock clock;
    private final ActivityTracker activity;
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object firing = new Object();
    private final Thread ticker;
    private volatile boolean running = true;

    public LabScheduler(LabClock clock, ActivityTracker activity) {
        this.clock = clock;
        this.activity = activity;
        this.ticker = new Thread(this::tick, "lab-clock-ticker");
        this.ticker.setDaemon(true);
    }

    public void start() {
        ticker.start();
    }

    /** Fires once at {@code due}. */
    public Registration scheduleOnce(TimerOwner owner, Instant due, Consumer<Instant> action) {
        return add(new Timer(owner, due, t -> Optional.empty(), action));
    }

    /** Fires at every time {@code nextAfter} yields, starting with the first one after {@code from}. */
    public Registration scheduleRecurring(TimerOwner owner, Instant from,
                                          Function<Instant, Optional<Instant>> nextAfter, Consumer<Instant> action) {
        Optional<Instant> first = nextAfter.apply(from);
        Timer timer = new Timer(owner, first.orElse(null), nextAfter, action);
        if (first.isEmpty()) {
            timer.cancelled = true;
            return timer;
        }
        return add(timer);
    }

    private Timer add(Timer timer) {
        synchronized (queue) {
            queue.add(timer);
            if (queue.peek() == timer) {
                queue.notifyAll(); // the ticker may be sleeping until a later timer
            }
        }
        return timer;
    }

    /**
     * Moves the clock to {@code target}, firing every timer due on the way in order. After each firing it
     * waits (up to {@code settle} of real time) for the work that firing started, so that a run started at
     * 10:00 finishes before the 10:05 firing, as it would have in real time.
     *
     * <p>Before the clock moves at all, deliveries already in flight at the current instant finish there (up to
     * {@code settle}): an event the ticker fired a moment ago fails or succeeds now, and schedules its retry from now,
     * as it would have in real time. Runs in flight (a Glue job, a crawl) are not waited for: the clock may overtake
     * them, and their own timeout is a timer this advance must reach.
     */
    public List<FiredTimer> advanceTo(Instant target, Duration settle) {
        List<FiredTimer> fired = new ArrayList<>();
        synchronized (firing) {
            activity.awaitDeliveries(settle);
            while (true) {
                Timer next;
                synchronized (queue) {
                    next = queue.peek();
                    if (next == null || next.due.isAfter(target)) {
                        break;
                    }
                    queue.poll();
                }
                clock.advanceTo(next.due);
                fire(next, fired);
                activity.awaitIdle(settle);
            }
            clock.advanceTo(target);
        }
        return fired;
    }

    private void fireDue() {
        List<FiredTimer> fired = new ArrayList<>();
        synchronized (firing) {
            while (true) {
                Timer next;
                synchronized (queue) {
                    next = queue.peek();
                    if (next == null || next.due.isAfter(clock.instant())) {
                        return;
                    }
                    queue.poll();
                }
                fire(next, fired);
            }
        }
    }

    private void fire(Timer timer, List<FiredTimer> fired) {
        if (timer.cancelled) {
            return;
        }
        Instant at = timer.due;
        fired.add(new FiredTimer(at, timer.owner));
        try {
            timer.action.accept(at);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Timer " + timer.owner + " failed at " + at, e);
        }
        Optional<Instant> next = timer.nextAfter.apply(at);
        if (next.isPresent() && !timer.cancelled) {
            timer.due = next.get();
            add(timer);
        } else {
            timer.due = null;
        }
    }

    private void tick() {
        while (running) {
            try {
                awaitNextDue();
                fireDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Clock tick failed", e);
            }
        }
    }

    /** Sleeps until the earliest timer falls due on the lab clock, at most a tick, or until an earlier one is added. */
    private void awaitNextDue() throws InterruptedException {
        synchronized (queue) {
            Timer head = queue.peek();
            long millis = TICK_MILLIS;
            if (head != null) {
                long nanos = Duration.between(clock.instant(), head.due).toNanos();
                millis = nanos <= 0 ? 0 : Math.min(TICK_MILLIS, (nanos + 999_999) / 1_000_000);
            }
            if (millis > 0) {
                queue.wait(millis);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
    }
}
