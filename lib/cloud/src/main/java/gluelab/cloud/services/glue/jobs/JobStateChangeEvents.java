package gluelab.cloud.services.glue.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.events.DefaultBusEntry;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Json;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Glue's "Glue Job State Change" events (source aws.glue) for the states AWS emits them for: SUCCEEDED,
 * FAILED, TIMEOUT and STOPPED, with the detail EventBridge rules match on:
 * {@code {jobName, severity, state, jobRunId, message}}. AWS puts every one on the account's default bus, with no
 * resources.
 */
final class JobStateChangeEvents {

    static final String DETAIL_TYPE = "Glue Job State Change";
    private static final DefaultBusEntry ON_DEFAULT_BUS = DefaultBusEntry.of("aws.glue");

    private final EventBus bus;

    JobStateChangeEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(Scope scope, JobRun run) {
        String severity;
        String message;
        switch (run.jobRunState()) {
            case SUCCEEDED -> {
                severity = "INFO";
                message = "Job run succeeded";
            }
            case STOPPED -> {
                severity = "INFO";
                message = "Job run stopped";
            }
            case TIMEOUT -> {
                severity = "WARN";
                message = "Job run timed out";
            }
            case FAILED -> {
                severity = "ERROR";
                message = run.errorMessage() == null ? "Job run failed" : run.errorMessage();
            }
            default -> {
                return;
            }
        }
        ObjectNode detail = Json.object();
        detail.put("jobName", run.jobName());
        detail.put("severity", severity);
        detail.put("state", run.jobRunStateAsString());
        detail.put("jobRunId", run.id());
        detail.put("message", message);
        bus.publish(scope.account(), scope.region(), "glue", DETAIL_TYPE, run.jobName(), detail, ON_DEFAULT_BUS);
    }
}
