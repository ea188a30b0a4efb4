package gluelab.labs.lab49;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The "export now" button of the operator's tool: starts one execution of the export state machine (named by the
 * function's {@code STATE_MACHINE_ARN} environment variable), waits for it to end by polling
 * {@code DescribeExecution} with an exponential backoff, and answers with how it ended:
 * {@code {"executionArn", "status", "polls", "waited_ms", "output"}}.
 */
public class RunExportAndWait implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The wait before the second poll; each next wait is twice the one before, up to {@link #MAX_DELAY_MS}. */
    static final long FIRST_DELAY_MS = 250;
    static final long MAX_DELAY_MS = 4000;

    /** Made once per execution environment and reused by its later invocations, as AWS recommends. */
    private static final SfnClient SFN = SfnClient.create();

    /** What polling found: the last status DescribeExecution reported, the output, and how many calls it took. */
    record Polled(String status, String output, int polls, long waitedMs) {
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> request, Context context) {
        String executionArn = SFN.startExecution(r -> r.stateMachineArn(System.getenv("STATE_MACHINE_ARN"))
                .name("export-" + context.getAwsRequestId())
                .input("{\"requested_by\": \"" + context.getFunctionName() + "\"}")).executionArn();
        System.out.println("Started " + executionArn);
        Polled polled;
        try {
            polled = pollUntilDone(SFN, executionArn, context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + executionArn, e);
        }
        System.out.println(executionArn + " is " + polled.status() + " after " + polled.polls() + " polls");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("executionArn", executionArn);
        answer.put("status", polled.status());
        answer.put("polls", polled.polls());
        answer.put("waited_ms", polled.waitedMs());
        answer.put("output", polled.output());
        return answer;
    }

    /**
     * Calls {@code DescribeExecution} until the execution is no longer RUNNING, waiting {@link #FIRST_DELAY_MS}
     * before the second call and twice as long before each next one, at most {@link #MAX_DELAY_MS}. Logs each poll
     * as {@code poll <n> at <ms since the first> ms: <status>}. Gives up (answering RUNNING) when the function's
     * remaining time would not cover the next wait and a second to answer.
     */
    static Polled pollUntilDone(SfnClient sfn, String executionArn, Context context) throws InterruptedException {
        // BEGIN SOLUTION
        // Loop: DescribeExecution, count the poll, log it; stop when not RUNNING (or out of time); else sleep and
        // double the delay (capped).
        long start = System.nanoTime();
        long delay = FIRST_DELAY_MS;
        int polls = 0;
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
            polls++;
            long at = (System.nanoTime() - start) / 1_000_000;
            System.out.println("poll " + polls + " at " + at + " ms: " + execution.statusAsString());
            if (execution.status() != ExecutionStatus.RUNNING || context.getRemainingTimeInMillis() < delay + 1000) {
                return new Polled(execution.statusAsString(), execution.output(), polls, at);
            }
            Thread.sleep(delay);
            delay = Math.min(delay * 2, MAX_DELAY_MS);
        }
        // END SOLUTION
    }
}
