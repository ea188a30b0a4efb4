package gluelab.labs.lab34;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * The rule's target: receives a "Glue Job State Change" event (an EventBridge event, as a map) for a run of job A
 * and starts job B, named by the function's {@code NEXT_JOB} variable, with A's run id as {@code --upstream_run_id}.
 * EventBridge delivers at least once, so a second delivery of the same event finds B's run for that id and starts
 * nothing.
 */
public class StartNextJob implements RequestHandler<Map<String, Object>, String> {

    private final GlueClient glue = GlueClient.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String upstreamJob = (String) detail.get("jobName");
        String upstreamRun = (String) detail.get("jobRunId");
        String nextJob = System.getenv("NEXT_JOB");
        System.out.println("event " + event.get("id") + ": " + upstreamJob + " " + upstreamRun + " " + detail.get("state"));

        Optional<JobRun> earlier = glue.getJobRunsPaginator(r -> r.jobName(nextJob)).jobRuns().stream()
                .filter(run -> upstreamRun.equals(run.arguments().get("--upstream_run_id")))
                .findFirst();
        if (earlier.isPresent()) {
            System.out.println("skipped: " + nextJob + " already has run " + earlier.get().id() + " for " + upstreamRun
                    + " (a repeated delivery of the same event)");
            return earlier.get().id();
        }

        // BEGIN SOLUTION
        // StartJobRun of the next job, with A's run id as --upstream_run_id; log the new run's id and return it.
        String runId = glue.startJobRun(r -> r.jobName(nextJob).arguments(Map.of("--upstream_run_id", upstreamRun)))
                .jobRunId();
        System.out.println("started " + nextJob + " run " + runId + " after " + upstreamJob + " run " + upstreamRun);
        return runId;
        // END SOLUTION
    }
}
