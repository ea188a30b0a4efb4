package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.ShapeCodec;
import gluelab.cloud.state.StateStore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.glue.model.Job;

/**
 * The jobs area's resources in one account and region: job definitions, their runs and bookmarks. Every
 * collection is durable. Compound changes (check a limit, then write) hold this object's monitor, so two
 * requests in one scope cannot both take the last run slot.
 */
public final class JobsState {

    private static final String SERVICE = "glue";

    final Scope scope;
    final DurableMap<Job> jobs;
    final DurableMap<StoredRun> runs;
    final DurableMap<BookmarkRecord> bookmarks;
    final DurableMap<BookmarkHistory> bookmarkHistory;
    private final AtomicLong runSequence;

    public JobsState(Scope scope, StateStore store) {
        this.scope = scope;
        // The other areas share the "glue" service name; "jobs/" keeps these collections apart from theirs.
        this.jobs = store.map(scope.mapName(SERVICE, "jobs/definitions"), ShapeCodec.of(Job.class));
        this.runs = store.map(scope.mapName(SERVICE, "jobs/runs"), StoredRun.CODEC);
        this.bookmarks = store.map(scope.mapName(SERVICE, "jobs/bookmarks"), Codec.of(BookmarkRecord.class));
        this.bookmarkHistory = store.map(scope.mapName(SERVICE, "jobs/bookmark-history"), Codec.of(BookmarkHistory.class));
        this.runSequence = new AtomicLong(runs.values().stream().mapToLong(StoredRun::sequence).max().orElse(0));
    }

    /** Whether a job of that name exists (the tagging operations ask). */
    public boolean hasJob(String jobName) {
        return jobs.containsKey(jobName);
    }

    long nextRunSequence() {
        return runSequence.incrementAndGet();
    }

    Job requireJob(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw GlueErrors.jobNotFound(jobName);
        }
        return job;
    }
}
