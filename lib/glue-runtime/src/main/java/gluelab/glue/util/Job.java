package gluelab.glue.util;

import java.util.Map;
import java.util.Optional;

import gluelab.glue.GlueContext;
import gluelab.glue.aws.AwsGlue;
import gluelab.glue.GlueRun;
import gluelab.glue.spi.BookmarkOption;

/**
 * Glue's job lifecycle: {@code Job.init(jobName, glueContext, args)} at the start of {@code main},
 * {@code Job.commit()} at the end. Commit is what advances the job bookmark; a job that fails
 * before it (or a run that does not end SUCCEEDED) leaves the bookmark where it was. On AWS Glue both are
 * Glue's own {@code com.amazonaws.services.glue.util.Job.init}/{@code commit} ({@link AwsGlue}), so the bookmark
 * is the one Glue keeps for the job.
 */
public final class Job {

    private Job() {
    }

    public static void init(String jobName, GlueContext glueContext, Map<String, String> args) {
        Optional<AwsGlue> awsGlue = AwsGlue.detect();
        if (awsGlue.isPresent()) {
            awsGlue.get().initJob(jobName, glueContext.awsGlueContext().orElseThrow(), args == null ? Map.of() : args);
            return;
        }
        BookmarkOption option = BookmarkOption.parse(args == null ? null : args.get("job-bookmark-option"));
        GlueRun.current().initBookmarks(option);
    }

    public static void init(String jobName, GlueContext glueContext) {
        init(jobName, glueContext, Map.of());
    }

    /** Commits the job bookmark (when the run's option is {@code job-bookmark-enable}). */
    public static void commit() {
        GlueRun run = GlueRun.current();
        Optional<AwsGlue> awsGlue = AwsGlue.detect();
        if (awsGlue.isPresent()) {
            awsGlue.get().commitJob();
            run.finish(System.out);
            return;
        }
        String state = run.bookmarks().stateToCommit();
        if (state != null) {
            run.environment().commitBookmark(state);
        }
        if (!run.environment().persistsBookmarks()) {
            run.finish(System.out); // no worker will end this run: print its metrics now
        }
    }
}
