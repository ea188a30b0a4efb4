package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * The jobs area's resources in one account and region: job definitions, their runs and bookmarks, and
 * triggers. Every collection is durable. Compound changes (check a limit, then write) hold this object's
 * monitor, so two requests in one scope cannot both take the last run slot.
 */
final class JobsState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Job> jobs;
    final DurableMap<StoredRun> runs;
    final DurableMap<BookmarkRecord> bookmarks;
    final DurableMap<BookmarkHistory> bookmarkHistory;
    final DurableMap<Trigger> triggers;
    final DurableMap<TriggerProgress> triggerProgress;
    final DurableMap<ResourceTags> tags;
    private final AtomicLong runSequence;

    JobsState(Scope scope, StateStore store) {
        this.scope = scope;
        // The catalog area shares the "glue" service name; "jobs/" keeps these collections apart from its own.
        this.jobs = store.map(scope.mapName(SERVICE, "jobs/definitions"), ShapeCodec.of(Job.class));
        this.runs = store.map(scope.mapName(SERVICE, "jobs/runs"), StoredRun.CODEC);
        this.bookmarks = store.map(scope.mapName(SERVICE, "jobs/bookmarks"), Codec.of(BookmarkRecord.class));
        this.bookmarkHistory = store.map(scope.mapName(SERVICE, "jobs/bookmark-history"), Codec.of(BookmarkHistory.class));
        this.triggers = store.map(scope.mapName(SERVICE, "jobs/triggers"), ShapeCodec.of(Trigger.class));
        this.triggerProgress = store.map(scope.mapName(SERVICE, "jobs/trigger-progress"), Codec.of(TriggerProgress.class));
        this.tags = store.map(scope.mapName(SERVICE, "jobs/tags"), Codec.of(ResourceTags.class));
        this.runSequence = new AtomicLong(runs.values().stream().mapToLong(StoredRun::sequence).max().orElse(0));
    }

    long nextRunSequence() {
        return runSequence.incrementAndGet();
    }

    String jobArn(String jobName) {
        return Arn.in(scope, SERVICE, "job/" + jobName).toString();
    }

    String triggerArn(String triggerName) {
        return Arn.in(scope, SERVICE, "trigger/" + triggerName).toString();
    }

    Job requireJob(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw GlueErrors.jobNotFound(jobName);
        }
        return job;
    }

    Trigger requireTrigger(String triggerName) {
        Trigger trigger = triggers.get(triggerName);
        if (trigger == null) {
            throw GlueErrors.triggerNotFound(triggerName);
        }
        return trigger;
    }
}
