package gluelab.glue.protocol;

import java.util.List;

/**
 * The {@code run} command: everything the worker needs to execute one job run. Lab Cloud keeps the run's
 * state; the worker only executes.
 *
 * @param jobName       the job's name; the runId when absent
 * @param jars          the job jar first, then {@code --extra-jars}: {@code s3://}, {@code file:} or absolute paths
 * @param userJarsFirst Glue's {@code --user-jars-first}: the run's jars win over the worker's own classes
 * @param args          the job's {@code String[] args}, Glue's arguments included
 * @param aws           where the run's AWS calls go and as whom
 * @param bookmark      the bookmark option and the committed bookmark's text
 * @param connections   the names in the job's {@code Connections}: the only connections the run may use
 */
public record RunCommand(String runId, String jobName, int attempt, String className, List<String> jars,
                         boolean userJarsFirst, List<String> args, AwsSettings aws, Bookmark bookmark,
                         List<String> connections)
        implements GlueCommand {

    public static final String BOOKMARK_OPTION_ARGUMENT = "--job-bookmark-option";
    public static final String BOOKMARK_DISABLE = "job-bookmark-disable";
    public static final String DEFAULT_REGION = "us-east-1";
    /** The package of the runs the worker has built in (a Data Quality evaluation run): they need no jars. */
    public static final String BUILT_IN_PACKAGE = "gluelab.glue.builtin.";

    /**
     * Where the run's AWS calls go and as whom: Lab Cloud's edge, with credentials minted for the job's role.
     *
     * @param endpoint null means the SDK's default (real AWS)
     * @param region   us-east-1 when absent
     */
    public record AwsSettings(String endpoint, String region, String accessKeyId, String secretAccessKey,
                              String sessionToken) {

        public AwsSettings {
            region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        }
    }

    /**
     * @param option {@code job-bookmark-enable|pause|disable}; absent, {@code --job-bookmark-option} in the args
     * @param state  the committed {@code JobBookmark} text, or null
     */
    public record Bookmark(String option, String state) {
    }

    public RunCommand {
        jobName = jobName == null ? runId : jobName;
        jars = jars == null ? List.of() : List.copyOf(jars);
        args = args == null ? List.of() : List.copyOf(args);
        aws = aws == null ? new AwsSettings(null, null, null, null, null) : aws;
        bookmark = bookmark == null ? new Bookmark(null, null) : bookmark;
        connections = connections == null ? List.of() : List.copyOf(connections);
    }

    /** A run of a job without connections. */
    public RunCommand(String runId, String jobName, int attempt, String className, List<String> jars,
                      boolean userJarsFirst, List<String> args, AwsSettings aws, Bookmark bookmark) {
        this(runId, jobName, attempt, className, jars, userJarsFirst, args, aws, bookmark, List.of());
    }

    /** The bookmark option in force: {@code bookmark.option}, else {@code --job-bookmark-option}, else disable. */
    public String bookmarkOption() {
        if (bookmark.option() != null) {
            return bookmark.option();
        }
        int at = args.indexOf(BOOKMARK_OPTION_ARGUMENT);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : BOOKMARK_DISABLE;
    }

    /** Throws {@link IllegalArgumentException}, saying what is missing, unless the worker can try the run. */
    public void requireRunnable() {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("run command without \"runId\"");
        }
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("run command without \"className\"");
        }
        if (jars.isEmpty() && !className.startsWith(BUILT_IN_PACKAGE)) {
            throw new IllegalArgumentException("run " + runId + ": \"jars\" is empty (the job jar comes first)");
        }
    }
}
