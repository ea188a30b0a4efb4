package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.CloudWatchLogsWriter;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueRoles;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Writes driver output to CloudWatch Logs as the Glue service does: one stream per run, named by its JobRunId, in
 * the stream's group. A run never fails because of its logs: lines that cannot be written are dropped.
 */
final class CloudWatchJobRunLogs implements JobRunLogs {

    private final CloudWatchLogsWriter logs;

    CloudWatchJobRunLogs(CloudWatchLogsWriter logs) {
        this.logs = logs;
    }

    @Override
    public void append(Scope scope, String runId, Stream stream, Instant time, String message) {
        logs.appendOrDrop(scope, GlueRoles.SERVICE_PRINCIPAL, stream.logGroup(), runId,
                List.of(InputLogEvent.builder().timestamp(time.toEpochMilli()).message(message).build()));
    }
}
