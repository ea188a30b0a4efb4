package gluelab.labs.lab26;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Lab 26: starts the ingest job for each file that lands under {@code incoming/}, unless the kill file is in the
 * bucket. The rule sends S3's "Object Created" events (the EventBridge event, as a map) for keys under
 * {@code incoming/} and for the kill file itself; when the kill file arrives, the function stops the job's runs that
 * are still going, with {@code BatchStopJobRun}.
 * <p>
 * Environment: {@code JOB_NAME} (the Glue job to start) and {@code KILL_FILE_KEY} (e.g. {@code control/STOP}).
 */
public class GuardedStarter implements RequestHandler<Map<String, Object>, String> {

    private static final List<JobRunState> GOING = List.of(JobRunState.STARTING, JobRunState.RUNNING,
            JobRunState.WAITING);

    // Clients are made once per execution environment and reused by its invocations, as Lambda recommends.
    private final GlueClient glue = GlueClient.create();
    private final S3Client s3 = S3Client.create();

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String bucket = (String) ((Map<String, Object>) detail.get("bucket")).get("name");
        String key = (String) ((Map<String, Object>) detail.get("object")).get("key");
        String job = System.getenv("JOB_NAME");
        String killFile = System.getenv("KILL_FILE_KEY");

        if (key.equals(killFile)) {
            return stopGoingRuns(job);
        }
        // BEGIN SOLUTION
        // The guard: when the kill file is in the bucket, say so in the log and start nothing
        if (killFilePresent(bucket, killFile)) {
            System.out.println("SKIPPED " + key + ": the kill file s3://" + bucket + "/" + killFile
                    + " is present, so " + job + " was not started");
            return "SKIPPED";
        }
        // END SOLUTION
        String runId = glue.startJobRun(r -> r.jobName(job).arguments(Map.of("--input_key", key))).jobRunId();
        System.out.println("STARTED " + job + " run " + runId + " for " + key);
        return runId;
    }

    /** Whether {@code s3://bucket/key} exists: HeadObject answers 404 when it does not. */
    boolean killFilePresent(String bucket, String key) {
        // BEGIN SOLUTION
        // HeadObject the kill file: found means present, a 404 means absent (anything else is a real error)
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
        // END SOLUTION
    }

    /** Stops the job's runs that have not ended yet, and says how many there were. */
    private String stopGoingRuns(String job) {
        List<String> going = glue.getJobRuns(r -> r.jobName(job)).jobRuns().stream()
                .filter(run -> GOING.contains(run.jobRunState())).map(JobRun::id).toList();
        if (going.isEmpty()) {
            System.out.println("KILL FILE arrived: no run of " + job + " is going, nothing to stop");
            return "NOTHING TO STOP";
        }
        var stopped = glue.batchStopJobRun(r -> r.jobName(job).jobRunIds(going));
        System.out.println("KILL FILE arrived: stopping " + stopped.successfulSubmissions().size() + " run(s) of " + job
                + ": " + going + (stopped.errors().isEmpty() ? "" : ", errors: " + stopped.errors()));
        return "STOPPED " + going.size();
    }
}
