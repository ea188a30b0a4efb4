package gluelab.cloud.services.states.asl;

import gluelab.cloud.clock.ActivityTracker;

/**
 * Whether an execution is making progress: how many of its branches are running rather than waiting (on a Wait
 * state's timer, a Glue run, a child execution, another branch). While one runs, the execution is work in flight
 * that a clock advance waits for; while all wait, it is not, so advancing the clock past a Wait state's end moves
 * it on. A wake-up counts the waiter as running before the waker stops, so the count never dips to zero between.
 */
public final class Progress {

    private final ActivityTracker tracker;
    private final String description;
    private int running;
    private ActivityTracker.Activity activity;

    public Progress(ActivityTracker tracker, String description) {
        this.tracker = tracker;
        this.description = description;
    }

    /** A branch starts running, or is woken: a delivery (it ends on its own within real seconds) is in flight. */
    public synchronized void running() {
        if (running++ == 0) {
            activity = tracker.begin(description);
        }
    }

    /** A branch waits, or ends. */
    public synchronized void stopped() {
        if (--running == 0 && activity != null) {
            activity.close();
            activity = null;
        }
    }
}
