package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import software.amazon.awssdk.services.glue.model.GetJobBookmarkRequest;
import software.amazon.awssdk.services.glue.model.GetJobBookmarkResponse;
import software.amazon.awssdk.services.glue.model.ResetJobBookmarkRequest;
import software.amazon.awssdk.services.glue.model.ResetJobBookmarkResponse;

/**
 * Job bookmarks: GetJobBookmark and ResetJobBookmark. A bookmark is committed by a run that SUCCEEDED with
 * {@code --job-bookmark-option job-bookmark-enable} (see {@link JobRunStateMachine}).
 *
 * <p>With a RunId, GetJobBookmark shows the bookmark that run committed, and ResetJobBookmark rewinds the
 * job to it, so the next run reprocesses what came after that run ("rewind" on the AWS console). Without
 * one, ResetJobBookmark clears the bookmark and the next run processes everything.
 */
public final class JobBookmarkOperations {

    private final AccountRegionStore<JobsState> states;

    public JobBookmarkOperations(AccountRegionStore<JobsState> states) {
        this.states = states;
    }

    public GetJobBookmarkResponse getJobBookmark(RequestContext ctx, GetJobBookmarkRequest request) {
        String jobName = GlueErrors.name(request.jobName(), "jobName");
        JobsState state = states.get(ctx);
        state.requireJob(jobName);
        BookmarkRecord bookmark = request.runId() == null
                ? state.bookmarks.get(jobName)
                : committedBy(state, jobName, request.runId());
        if (bookmark == null) {
            throw continuationNotFound(jobName);
        }
        return GetJobBookmarkResponse.builder().jobBookmarkEntry(bookmark.toEntry()).build();
    }

    public ResetJobBookmarkResponse resetJobBookmark(RequestContext ctx, ResetJobBookmarkRequest request) {
        String jobName = GlueErrors.name(request.jobName(), "jobName");
        JobsState state = states.get(ctx);
        BookmarkRecord reset;
        synchronized (state) {
            state.requireJob(jobName);
            BookmarkRecord current = state.bookmarks.get(jobName);
            if (current == null) {
                throw continuationNotFound(jobName);
            }
            String toState = request.runId() == null ? null : committedBy(state, jobName, request.runId()).jobBookmark();
            reset = new BookmarkRecord(jobName, current.version() + 1, current.run(), current.attempt(),
                    current.previousRunId(), current.runId(), toState);
            state.bookmarks.put(jobName, reset);
        }
        return ResetJobBookmarkResponse.builder().jobBookmarkEntry(reset.toEntry()).build();
    }

    private static BookmarkRecord committedBy(JobsState state, String jobName, String runId) {
        return state.bookmarkHistory.find(jobName).flatMap(h -> h.committedBy(runId))
                .orElseThrow(() -> GlueErrors.entityNotFound("No job bookmark was committed by run " + runId
                        + " of job " + jobName + "."));
    }

    private static RuntimeException continuationNotFound(String jobName) {
        return GlueErrors.entityNotFound("Continuation for job " + jobName + " not found");
    }
}
