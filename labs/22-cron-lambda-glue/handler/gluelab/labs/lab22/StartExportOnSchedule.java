package gluelab.labs.lab22;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The target of an EventBridge scheduled rule: each {@code Scheduled Event} starts one run of the job named in the
 * function's environment ({@code JOB_NAME}), with the event's time as {@code --scheduled_time}, so the run knows which
 * fire time it is for even when it starts late.
 */
public class StartExportOnSchedule implements RequestHandler<ScheduledEvent, String> {

    /** Made once per execution environment and reused by its invocations, as Lambda's best practices advise. */
    private static final GlueClient GLUE = GlueClient.create();

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String job = System.getenv("JOB_NAME");
        String scheduledTime = Instant.ofEpochMilli(event.getTime().getMillis()).toString();
        System.out.println("Scheduled event " + event.getId() + " of " + event.getResources() + " for " + scheduledTime);

        // BEGIN SOLUTION
        // Start the job with StartJobRun, passing the event's time as the argument --scheduled_time; log and return the run id.
        String runId = GLUE.startJobRun(r -> r.jobName(job).arguments(Map.of("--scheduled_time", scheduledTime))).jobRunId();
        System.out.println("Started " + runId + " of " + job + " for " + scheduledTime);
        return runId;
        // END SOLUTION
    }
}
