package gluelab.cloud.services.glue.worker;

import gluelab.glue.protocol.RunCommand;

/**
 * What executes runs: the Glue worker process, or nothing when the worker is off. It reports back
 * through {@link WorkerEvents}; the run state machine decides what the reports mean.
 */
public interface JobRunExecutor extends AutoCloseable {

    /** Hands a run over; the executor reports {@code running}, then {@code finished} or {@code lost}. */
    void submit(RunCommand command);

    /** Asks a run to stop; the executor reports how it ended. Unknown runs are ignored. */
    void stop(String runId);

    /** For {@code /_lab/health}: lazy, starting, ready, down or off. */
    String status();

    @Override
    void close();
}
