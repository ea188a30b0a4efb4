package gluelab.cloud.services.states.asl;

import java.time.Instant;
import java.util.concurrent.Executor;

/** What an execution needs from Lab Cloud: the lab clock, timers on it, and threads for branches. */
public interface ExecutionHost {

    Instant now();

    /** Runs {@code action} when the lab clock reaches {@code when}; the returned handle cancels it. */
    Runnable at(Instant when, Runnable action);

    /** Threads for Parallel branches and Map iterations: as many as asked for, none shared with requests. */
    Executor threads();

    /** Where tasks that wait for a callback register their tokens. */
    TaskTokens tokens();

    /** S3 and child executions, for Distributed Map states. */
    MapRunHost mapRuns();
}
