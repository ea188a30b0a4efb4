package gluelab.cloud.services.glue.worker;

/**
 * What the worker reports about runs (the events of the worker protocol), plus {@link #lost} for a run
 * the worker can no longer report on: it died, could not start, or refused the command.
 */
public interface WorkerEvents {

    void running(String runId);

    void log(String runId, String stream, String message);

    void bookmark(String runId, String state);

    /** A Data Quality result the run published: the JSON text of Glue's {@code DataQualityResult} shape. */
    default void dataQualityResult(String runId, String resultJson) {
    }

    /** @param state SUCCEEDED, FAILED or STOPPED, as the worker saw the run end */
    void finished(String runId, String state, String errorMessage);

    void lost(String runId, String message);
}
