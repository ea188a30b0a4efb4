package gluelab.cloud.services.glue.jobs;

import java.util.Map;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.NotificationProperty;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;

/**
 * Everything that starts a run of a job: a StartJobRun call, a trigger's action, or a retry after a failed
 * attempt. Values left null come from the job definition.
 *
 * @param firstAttemptId the id of attempt 0 when this is a retry (attempt n is {@code <id>_attempt_n}), else null
 */
record RunRequest(String jobName, Map<String, String> arguments, Integer timeout, Integer allocatedCapacity,
                  Double maxCapacity, String workerType, Integer numberOfWorkers, String securityConfiguration,
                  NotificationProperty notificationProperty, String executionClass, String triggerName,
                  String previousRunId, int attempt, String firstAttemptId) {

    static RunRequest of(StartJobRunRequest request, Map<String, String> arguments) {
        return new RunRequest(request.jobName(), arguments, request.timeout(), request.allocatedCapacity(),
                request.maxCapacity(), request.workerTypeAsString(), request.numberOfWorkers(),
                request.securityConfiguration(), request.notificationProperty(), request.executionClassAsString(),
                null, request.jobRunId(), 0, null);
    }

    static RunRequest of(Action action, String triggerName) {
        return new RunRequest(action.jobName(), action.hasArguments() ? action.arguments() : null, action.timeout(),
                null, null, null, null, action.securityConfiguration(), action.notificationProperty(), null,
                triggerName, null, 0, null);
    }

    /** The next attempt of a failed run, as Glue starts it when the job has MaxRetries left. */
    static RunRequest retryOf(JobRun failed) {
        int attempt = (failed.attempt() == null ? 0 : failed.attempt()) + 1;
        String firstId = failed.id().replaceFirst("_attempt_\\d+$", "");
        boolean byWorkers = failed.workerType() != null;
        return new RunRequest(failed.jobName(), failed.hasArguments() ? failed.arguments() : null, failed.timeout(),
                null, byWorkers ? null : failed.maxCapacity(), byWorkers ? failed.workerTypeAsString() : null,
                byWorkers ? failed.numberOfWorkers() : null, failed.securityConfiguration(),
                failed.notificationProperty(), failed.executionClassAsString(), failed.triggerName(), failed.id(),
                attempt, firstId);
    }

    boolean requestsCapacity() {
        return JobCapacity.isRequested(allocatedCapacity, maxCapacity, workerType, numberOfWorkers);
    }
}
