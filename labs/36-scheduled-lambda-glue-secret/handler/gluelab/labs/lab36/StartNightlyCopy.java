package gluelab.labs.lab36;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The target of an EventBridge Scheduler schedule: each fire starts one run of the job named in the function's
 * environment ({@code JOB_NAME}), for the fire time the schedule put in the event ({@code scheduledTime}). The run
 * writes its snapshot under {@code OUTPUT_PREFIX} in a folder of that night, and carries the fire time as
 * {@code --scheduled_time}. The function never sees the database's password: the job reads the secret itself, so
 * this function's role needs {@code glue:StartJobRun} and nothing in Secrets Manager.
 */
public class StartNightlyCopy implements RequestHandler<Map<String, Object>, String> {

    /** Made once per execution environment and reused by its invocations. */
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String job = System.getenv("JOB_NAME");
        Instant scheduledTime = Instant.parse(String.valueOf(event.get("scheduledTime")));
        String outputPath = System.getenv("OUTPUT_PREFIX") + "night=" + scheduledTime.atZone(ZoneOffset.UTC).toLocalDate() + "/";
        System.out.println("Schedule fired for " + scheduledTime);

        // BEGIN SOLUTION
        // StartJobRun of JOB_NAME with the arguments --output_path and --scheduled_time; log and return the run id.
        String runId = GLUE.startJobRun(r -> r.jobName(job)
                .arguments(Map.of("--output_path", outputPath, "--scheduled_time", scheduledTime.toString()))).jobRunId();
        System.out.println("Started " + runId + " of " + job + " for " + scheduledTime + ", writing " + outputPath);
        return runId;
        // END SOLUTION
    }
}
