package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.Scope;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Told when a run reaches a terminal state: how the parts of Glue that wait for runs (conditional triggers now,
 * workflows later) hear of it, without the jobs area knowing them.
 */
public interface RunCompletionListener {

    void completed(Scope scope, JobRun run);
}
