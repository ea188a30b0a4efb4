package gluelab.labs.lab23;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * The target of an EventBridge rule on S3's "Object Created" events, for a job that ingests everything waiting
 * under a prefix: it starts the job (named by {@code JOB_NAME}) only when no run of it is STARTING or RUNNING,
 * because that run will read the new file too. Every invocation logs what it did, and why it skipped.
 */
public class StartUnlessRunning implements RequestHandler<Map<String, Object>, String> {

    private static final GlueClient GLUE = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");
        // What a handler prints goes to its log group, /aws/lambda/<function>, one line per log event.
        System.out.println("Object Created: " + key);
        String outcome = startUnlessRunning(GLUE, System.getenv("JOB_NAME"), key);
        System.out.println(outcome);
        return outcome;
    }

    /**
     * Starts a run of {@code jobName} with {@code --triggered_by key}, unless a run is STARTING or RUNNING.
     * Returns what happened: "Started run … of … for …", or "Skipped …: " and the reason.
     */
    static String startUnlessRunning(GlueClient glue, String jobName, String key) {
        // BEGIN SOLUTION
        // GetJobRuns: skip if a run is STARTING or RUNNING; else StartJobRun, and a ConcurrentRunsExceededException is a skip too
        // GetJobRuns lists the newest runs first, so a run still in progress is on the first page.
        Optional<JobRun> inProgress = glue.getJobRuns(r -> r.jobName(jobName).maxResults(10)).jobRuns().stream()
                .filter(run -> run.jobRunState() == JobRunState.STARTING || run.jobRunState() == JobRunState.RUNNING)
                .findFirst();
        if (inProgress.isPresent()) {
            return "Skipped " + key + ": run " + inProgress.get().id() + " of " + jobName + " is "
                    + inProgress.get().jobRunState() + " and will read it";
        }
        try {
            String runId = glue.startJobRun(r -> r.jobName(jobName).arguments(Map.of("--triggered_by", key))).jobRunId();
            return "Started run " + runId + " of " + jobName + " for " + key;
        } catch (ConcurrentRunsExceededException busy) {
            // Another invocation started a run between our GetJobRuns and StartJobRun: MaxConcurrentRuns=1 closed the race.
            return "Skipped " + key + ": StartJobRun answered " + busy.awsErrorDetails().errorCode()
                    + ", a run started a moment ago will read it";
        }
        // END SOLUTION
    }
}
