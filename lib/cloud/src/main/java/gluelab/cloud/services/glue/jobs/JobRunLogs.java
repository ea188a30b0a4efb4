package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.Scope;
import java.time.Instant;

/**
 * Where a run's driver output goes: on AWS, CloudWatch Logs groups {@code /aws-glue/jobs/output} (stdout)
 * and {@code /aws-glue/jobs/error} (stderr), one log stream per run named by its JobRunId.
 */
interface JobRunLogs {

    String OUTPUT_GROUP = "/aws-glue/jobs/output";
    String ERROR_GROUP = "/aws-glue/jobs/error";
    /** The run's LogGroupName, as GetJobRun shows it: the common prefix of both groups. */
    String RUN_LOG_GROUP = "/aws-glue/jobs";

    /** Which of the driver's streams a line came from, as the worker's {@code log} event names it. */
    enum Stream {
        OUTPUT, ERROR;

        static Stream of(String name) {
            return "error".equalsIgnoreCase(name) ? ERROR : OUTPUT;
        }

        String logGroup() {
            return this == ERROR ? ERROR_GROUP : OUTPUT_GROUP;
        }
    }

    void append(Scope scope, String runId, Stream stream, Instant time, String message);
}
