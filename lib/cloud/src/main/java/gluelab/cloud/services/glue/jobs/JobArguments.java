package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.provider.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.glue.model.Job;

/**
 * A run's arguments as Glue assembles them: the job's DefaultArguments, replaced by the run's own
 * Arguments, replaced by the job's NonOverridableArguments; then the argument list the job's
 * {@code main} receives, led by the ones Glue itself adds ({@code --JOB_ID}, {@code --JOB_RUN_ID},
 * {@code --JOB_NAME}, {@code --job-bookmark-option}, {@code --TempDir}).
 */
final class JobArguments {

    static final String BOOKMARK_OPTION = "--job-bookmark-option";
    static final String BOOKMARK_ENABLE = "job-bookmark-enable";
    static final String BOOKMARK_DISABLE = "job-bookmark-disable";
    static final String TEMP_DIR = "--TempDir";
    static final String CLASS = "--class";
    static final String EXTRA_JARS = "--extra-jars";
    static final String USER_JARS_FIRST = "--user-jars-first";

    private static final Set<String> SET_BY_GLUE = Set.of("--JOB_ID", "--JOB_RUN_ID", "--JOB_NAME", BOOKMARK_OPTION, TEMP_DIR);

    private JobArguments() {
    }

    /**
     * The arguments in force for a run. Lab Cloud lets a NonOverridableArguments key win silently when a run
     * also names it; AWS documents that such arguments "are not overridden", not how a conflict is answered.
     */
    static Map<String, String> effective(Job job, Map<String, String> runArguments) {
        Map<String, String> merged = new TreeMap<>();
        if (job.hasDefaultArguments()) {
            merged.putAll(job.defaultArguments());
        }
        if (runArguments != null) {
            merged.putAll(runArguments);
        }
        if (job.hasNonOverridableArguments()) {
            merged.putAll(job.nonOverridableArguments());
        }
        return merged;
    }

    static String bookmarkOption(Map<String, String> effective) {
        String option = effective.get(BOOKMARK_OPTION);
        return option == null || option.isBlank() ? BOOKMARK_DISABLE : option;
    }

    /** Glue's default temporary directory, in the account's Glue assets bucket as the console creates it. */
    static String defaultTempDir(Scope scope) {
        return "s3://aws-glue-assets-" + scope.account() + "-" + scope.region() + "/temporary/";
    }

    /** The job's id as Glue passes it in {@code --JOB_ID}: stable for a job name in an account and region. */
    static String jobId(Scope scope, String jobName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((scope.account() + "/" + scope.region() + "/" + jobName).getBytes(StandardCharsets.UTF_8));
            return "j_" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code String[] args} of the job's main class: Glue's own arguments first, then the job's, by name. */
    static List<String> argv(Scope scope, String jobName, String runId, Map<String, String> effective) {
        List<String> argv = new ArrayList<>();
        add(argv, "--JOB_ID", jobId(scope, jobName));
        add(argv, "--JOB_RUN_ID", runId);
        add(argv, "--JOB_NAME", jobName);
        add(argv, BOOKMARK_OPTION, bookmarkOption(effective));
        String tempDir = effective.get(TEMP_DIR);
        add(argv, TEMP_DIR, tempDir == null || tempDir.isBlank() ? defaultTempDir(scope) : tempDir);
        effective.forEach((key, value) -> {
            if (!SET_BY_GLUE.contains(key)) {
                add(argv, key, value);
            }
        });
        return argv;
    }

    private static void add(List<String> argv, String key, String value) {
        argv.add(key);
        argv.add(value == null ? "" : value);
    }
}
