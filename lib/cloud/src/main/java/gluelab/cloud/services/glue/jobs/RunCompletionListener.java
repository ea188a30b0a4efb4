package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.Scope;
import software.amazon.awssdk.services.glue.model.JobRun;

/** Told when a run reaches a terminal state (conditional triggers watch this; workflows will too). */
interface RunCompletionListener {

    void completed(Scope scope, JobRun run);
}
