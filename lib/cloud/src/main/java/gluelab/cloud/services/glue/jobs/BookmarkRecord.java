package gluelab.cloud.services.glue.jobs;

import software.amazon.awssdk.services.glue.model.JobBookmarkEntry;

/**
 * One committed job bookmark: the state a job's runs resume from. {@code version} counts every change
 * (commits and resets), {@code run} the commits; {@code jobBookmark} is the runtime's JSON text, or null
 * after a reset.
 */
record BookmarkRecord(String jobName, int version, int run, int attempt, String previousRunId, String runId,
                      String jobBookmark) {

    JobBookmarkEntry toEntry() {
        return JobBookmarkEntry.builder()
                .jobName(jobName)
                .version(version)
                .run(run)
                .attempt(attempt)
                .previousRunId(previousRunId)
                .runId(runId)
                .jobBookmark(jobBookmark)
                .build();
    }
}
