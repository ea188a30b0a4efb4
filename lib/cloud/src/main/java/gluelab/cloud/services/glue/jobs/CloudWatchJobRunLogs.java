package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.service.InternalCalls;
import gluelab.cloud.service.Scope;
import gluelab.cloud.services.glue.GlueCloudWatchLogs;
import java.time.Instant;

/** Writes driver output to CloudWatch Logs: one stream per run, named by its JobRunId, in the stream's group. */
final class CloudWatchJobRunLogs implements JobRunLogs {

    private final GlueCloudWatchLogs logs;

    CloudWatchJobRunLogs(InternalCalls internal) {
        this.logs = new GlueCloudWatchLogs(internal);
    }

    @Override
    public void append(Scope scope, String runId, Stream stream, Instant time, String message) {
        logs.append(scope, stream.logGroup(), runId, time, message);
    }
}
