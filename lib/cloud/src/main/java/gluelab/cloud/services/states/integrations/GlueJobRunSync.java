package gluelab.cloud.services.states.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.states.asl.ExecutionRun;
import gluelab.cloud.services.states.asl.Resumption;
import gluelab.cloud.services.states.asl.StatesError;
import gluelab.cloud.services.states.asl.TaskCall;
import gluelab.cloud.services.states.asl.TaskIntegration;
import gluelab.cloud.services.states.asl.TaskResource;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.BatchStopJobRunRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunRequest;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * {@code arn:aws:states:::glue:startJobRun.sync}: starts the job run (TaskSubmitted shows StartJobRun's answer),
 * then waits for it to end, not counted as running, and reads the real run with GetJobRun as the machine's role.
 * The result is the JobRun; a run that ends in any other state than SUCCEEDED (FAILED, TIMEOUT, ERROR, STOPPED, or
 * one this SDK does not know) fails the task with {@code States.TaskFailed} and the JobRun as the cause: only the
 * states a run passes through keep the task waiting. A stopped or timed-out task stops its run, as Step Functions
 * does.
 */
public final class GlueJobRunSync implements TaskIntegration {

    /** The states a run passes through; every other one ends it. */
    private static final Set<String> IN_FLIGHT = Set.of("STARTING", "RUNNING", "STOPPING", "WAITING");

    /** What a run in {@code state} means for the task waiting on it. */
    enum Outcome { WAIT, SUCCEED, FAIL }

    static Outcome outcome(String state) {
        if (state.equals("SUCCEEDED")) {
            return Outcome.SUCCEED;
        }
        return IN_FLIGHT.contains(state) ? Outcome.WAIT : Outcome.FAIL;
    }

    private final ServiceCalls calls;
    private final TerminalEvents events;

    public GlueJobRunSync(ServiceCalls calls, TerminalEvents events) {
        this.calls = calls;
        this.events = events;
    }

    @Override
    public boolean runs(TaskResource resource) {
        return resource.service().equals("glue") && resource.action().equals("startJobRun")
                && resource.pattern().equals(".sync");
    }

    @Override
    public JsonNode run(TaskCall call) {
        ExecutionRun execution = call.execution();
        JsonNode started = calls.callBySdkName("glue", "startJobRun", execution, call.parameters(), "glue");
        String jobName = call.parameters().path("JobName").asText();
        String runId = started.path("JobRunId").asText();
        call.submitted(started);
        String key = TerminalEvents.glueRun(execution.account(), execution.region(), runId);
        try {
            while (true) {
                Resumption<Void> woken = new Resumption<>(call.progress());
                events.watch(key, woken);
                try {
                    JobRun run = jobRun(execution, jobName, runId);
                    Outcome outcome = outcome(run.jobRunStateAsString());
                    if (outcome == Outcome.SUCCEED) {
                        woken.abandon();
                        return ServiceCalls.byMemberNames(run);
                    }
                    if (outcome == Outcome.FAIL) {
                        woken.abandon();
                        throw StatesError.fromTask(StatesError.TASK_FAILED, ServiceCalls.byMemberNames(run).toString());
                    }
                    call.await(woken);
                } finally {
                    events.unwatch(key, woken);
                }
            }
        } catch (StatesError error) {
            if (!error.error().equals(StatesError.TASK_FAILED)) {
                stop(execution, jobName, runId);
            }
            throw error;
        }
    }

    private JobRun jobRun(ExecutionRun execution, String jobName, String runId) {
        return calls.<software.amazon.awssdk.services.glue.model.GetJobRunResponse>call("glue", execution,
                GetJobRunRequest.builder().jobName(jobName).runId(runId).build(), "glue").jobRun();
    }

    private void stop(ExecutionRun execution, String jobName, String runId) {
        try {
            calls.call("glue", execution, BatchStopJobRunRequest.builder().jobName(jobName).jobRunIds(runId).build(),
                    "glue");
        } catch (StatesError ignored) {
            // Best effort, as on AWS: the run may have ended meanwhile.
        }
    }
}
