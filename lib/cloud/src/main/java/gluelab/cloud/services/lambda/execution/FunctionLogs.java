package gluelab.cloud.services.lambda.execution;

import gluelab.cloud.provider.CloudWatchLogsWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * An invocation's log as Lambda writes it to {@code /aws/lambda/<name>}: {@code START}, the handler's lines,
 * {@code END} and {@code REPORT} (Duration, Billed Duration, Memory Size, Max Memory Used, and Init Duration for an
 * environment's first invocation), written as the function's execution role, so a role that may not write logs
 * leaves none, as on AWS. It also gives the last 4 KB for {@code LogType=Tail}.
 */
final class FunctionLogs {

    static final int TAIL_BYTES = 4096;

    private final CloudWatchLogsWriter writer;
    private final Clock clock;

    FunctionLogs(CloudWatchLogsWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** The stream of a new environment: {@code YYYY/MM/DD/[$LATEST]<32 hex digits>}. */
    String newStreamName(String version, String id) {
        Instant now = clock.instant();
        return String.format(Locale.ROOT, "%tY/%<tm/%<td/[%s]%s", java.util.Date.from(now), version, id);
    }

    /**
     * The invocation's lines, START to REPORT.
     *
     * @param extra lines Lambda itself adds before END (e.g. "Task timed out after 3.00 seconds")
     */
    List<String> lines(Environment environment, Invocation invocation, long durationNanos, List<String> initLines,
                       List<String> extra, long maxMemoryMb) {
        List<String> out = new ArrayList<>(initLines);
        String id = invocation.requestId;
        out.add("START RequestId: " + id + " Version: " + invocation.setup.version());
        synchronized (invocation.lines) {
            out.addAll(invocation.lines);
        }
        out.addAll(extra);
        out.add("END RequestId: " + id);
        double millis = durationNanos / 1_000_000.0;
        int memory = invocation.setup.function().memorySize();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB",
                id, millis, (long) Math.ceil(millis), memory, maxMemoryMb));
        if (environment.initDurationMillis != null && !environment.initReported) {
            environment.initReported = true;
            report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", environment.initDurationMillis));
        }
        out.add(report.toString());
        return out;
    }

    /**
     * Writes the lines as the environment's execution role; what the role may not write is dropped. They carry the
     * time the invocation ran on the lab clock, as Lambda stamps each line when it is emitted: START and the handler's
     * lines the invocation's start, END and REPORT its end. They are written a little later, and the clock may have
     * been moved meanwhile (a retry due a minute later fires while the last attempt's lines are on their way).
     *
     * @param startedMillis the invocation's start on the lab clock, or 0 if it never started
     */
    void write(Environment environment, List<String> lines, long startedMillis, long durationNanos) {
        long start = startedMillis > 0 ? startedMillis : clock.millis();
        long end = start + durationNanos / 1_000_000;
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean endOrReport = i >= lines.size() - 2;
            events.add(InputLogEvent.builder().timestamp(endOrReport ? end : start).message(lines.get(i)).build());
        }
        writer.appendOrDrop(environment.setup.scope(), environment.session.assumedRoleArn().toString(),
                "/aws/lambda/" + environment.setup.function().functionName(), environment.logStream, events);
    }

    /** The last 4 KB of the lines, base64, as Invoke's X-Amz-Log-Result carries it. */
    static String tail(List<String> lines) {
        byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - TAIL_BYTES);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
