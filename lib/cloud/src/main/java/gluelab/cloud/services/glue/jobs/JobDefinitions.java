package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.services.glue.GlueErrors;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.ExecutionClass;
import software.amazon.awssdk.services.glue.model.ExecutionProperty;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobCommand;
import software.amazon.awssdk.services.glue.model.JobMode;

/**
 * What makes a job definition valid, and the defaults AWS fills in: Timeout 2880 minutes (none for
 * streaming), MaxRetries 0, MaxConcurrentRuns 1, 10 DPUs for Spark and 0.0625 for Python shell,
 * JobMode SCRIPT. CreateJob and UpdateJob both go through here, since a JobUpdate replaces the whole
 * definition ("unspecified configuration is removed or reset to default values").
 */
final class JobDefinitions {

    static final int DEFAULT_TIMEOUT_MINUTES = 2880;
    static final int MAX_TIMEOUT_MINUTES = 10080;
    static final Set<String> COMMANDS = Set.of("glueetl", "gluestreaming", "pythonshell", "glueray");

    private JobDefinitions() {
    }

    /** A complete definition from what the caller sent (already copied into a {@code Job}). */
    static Job define(String name, Job requested, Instant createdOn, Instant now) {
        GlueErrors.name(name, "name");
        GlueErrors.required(requested.role(), "role");
        JobCommand command = GlueErrors.required(requested.command(), "command");
        String commandName = command.name() == null ? "glueetl" : command.name();
        if (!COMMANDS.contains(commandName)) {
            throw GlueErrors.invalidInput("Command name " + commandName + " is not supported; use one of "
                    + "glueetl, gluestreaming, pythonshell or glueray.");
        }
        Integer timeout = timeout(requested.timeout(), commandName);
        Integer maxRetries = requested.maxRetries() == null ? 0 : requested.maxRetries();
        if (maxRetries < 0) {
            throw GlueErrors.invalidInput("MaxRetries must not be negative.");
        }
        Integer maxConcurrentRuns = requested.executionProperty() == null
                || requested.executionProperty().maxConcurrentRuns() == null
                ? 1 : requested.executionProperty().maxConcurrentRuns();
        if (maxConcurrentRuns < 1) {
            throw GlueErrors.invalidInput("MaxConcurrentRuns must be at least 1.");
        }
        JobCapacity capacity = JobCapacity.resolve(commandName, requested.allocatedCapacity(), requested.maxCapacity(),
                requested.workerTypeAsString(), requested.numberOfWorkers());
        Job.Builder job = requested.toBuilder()
                .name(name)
                .command(command.toBuilder().name(commandName).build())
                .timeout(timeout)
                .maxRetries(maxRetries)
                .executionProperty(ExecutionProperty.builder().maxConcurrentRuns(maxConcurrentRuns).build())
                .maxCapacity(capacity.maxCapacity())
                .workerType(capacity.workerType())
                .numberOfWorkers(capacity.numberOfWorkers())
                .allocatedCapacity(capacity.allocatedCapacity())
                .createdOn(createdOn)
                .lastModifiedOn(now);
        if (requested.jobMode() == null) {
            job.jobMode(JobMode.SCRIPT);
        }
        if (requested.executionClass() == null && !"pythonshell".equals(commandName) && !"glueray".equals(commandName)) {
            job.executionClass(ExecutionClass.STANDARD);
        }
        return job.build();
    }

    /** A run's own Timeout, falling back to the job's. */
    static Integer timeout(Integer requested, String commandName) {
        if (requested == null) {
            return "gluestreaming".equals(commandName) ? null : DEFAULT_TIMEOUT_MINUTES;
        }
        if (requested < 1 || requested > MAX_TIMEOUT_MINUTES) {
            throw GlueErrors.invalidInput("Timeout must be between 1 and " + MAX_TIMEOUT_MINUTES
                    + " minutes (7 days); it was " + requested + ".");
        }
        return requested;
    }

    static String commandName(Job job) {
        return job.command() == null || job.command().name() == null ? "glueetl" : job.command().name();
    }
}
