package gluelab.cloud.services.glue.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One worker, several kinds of run: job runs, and the runs other parts of Glue start on the same warm Spark (Data
 * Quality evaluation runs). Events of a run routed with {@link #route} go to its owner until it ends; the others go
 * to the job runs. Data Quality results of a job run go to {@link #dataQualityResultsOfJobRunsTo}.
 */
public final class WorkerEventRoutes implements WorkerEvents {

    private static final WorkerEvents NOWHERE = new WorkerEvents() {
        @Override
        public void running(String runId) {
        }

        @Override
        public void log(String runId, String stream, String message) {
        }

        @Override
        public void bookmark(String runId, String state) {
        }

        @Override
        public void finished(String runId, String state, String errorMessage) {
        }

        @Override
        public void lost(String runId, String message) {
        }
    };

    private final Map<String, WorkerEvents> owners = new ConcurrentHashMap<>();
    private volatile WorkerEvents jobRuns = NOWHERE;
    private volatile BiConsumer<String, String> jobRunResults = (runId, resultJson) -> { };

    public void jobRunsTo(WorkerEvents jobRuns) {
        this.jobRuns = jobRuns;
    }

    /** @param results told the job run's id and the result's JSON text */
    public void dataQualityResultsOfJobRunsTo(BiConsumer<String, String> results) {
        this.jobRunResults = results;
    }

    /** Sends the run's events to {@code owner} until its {@code finished} or {@code lost}. */
    public void route(String runId, WorkerEvents owner) {
        owners.put(runId, owner);
    }

    private WorkerEvents ownerOf(String runId) {
        WorkerEvents owner = runId == null ? null : owners.get(runId);
        return owner == null ? jobRuns : owner;
    }

    @Override
    public void running(String runId) {
        ownerOf(runId).running(runId);
    }

    @Override
    public void log(String runId, String stream, String message) {
        ownerOf(runId).log(runId, stream, message);
    }

    @Override
    public void bookmark(String runId, String state) {
        ownerOf(runId).bookmark(runId, state);
    }

    @Override
    public void dataQualityResult(String runId, String resultJson) {
        WorkerEvents owner = runId == null ? null : owners.get(runId);
        if (owner == null) {
            jobRunResults.accept(runId, resultJson);
        } else {
            owner.dataQualityResult(runId, resultJson);
        }
    }

    @Override
    public void finished(String runId, String state, String errorMessage) {
        WorkerEvents owner = runId == null ? null : owners.remove(runId);
        (owner == null ? jobRuns : owner).finished(runId, state, errorMessage);
    }

    @Override
    public void lost(String runId, String message) {
        WorkerEvents owner = runId == null ? null : owners.remove(runId);
        (owner == null ? jobRuns : owner).lost(runId, message);
    }
}
