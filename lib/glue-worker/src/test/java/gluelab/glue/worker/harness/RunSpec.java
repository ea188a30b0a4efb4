package gluelab.glue.worker.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A {@code run} command, built the way Lab Cloud's StartJobRun fills it in. */
public final class RunSpec {

    private final String runId = "jr_" + UUID.randomUUID().toString().replace("-", "");
    private final String className;
    private String jobName = "test-job";
    private final List<String> jars = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private boolean userJarsFirst;
    private String bookmarkOption = "job-bookmark-disable";
    private String bookmarkState;
    private Map<String, Object> aws = new LinkedHashMap<>(Map.of("region", "us-east-1",
            "accessKeyId", "AKIAIOSFODNN7EXAMPLE", "secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    private RunSpec(String className, String jobJar) {
        this.className = className;
        this.jars.add(jobJar);
    }

    public static RunSpec of(String className, Path jobJar) {
        return new RunSpec(className, jobJar.toUri().toString());
    }

    /** A job jar given as a URI, e.g. {@code s3://bucket/key}. */
    public static RunSpec of(String className, String jobJarUri) {
        return new RunSpec(className, jobJarUri);
    }

    public RunSpec jobName(String name) {
        this.jobName = name;
        return this;
    }

    public RunSpec extraJar(Path jar) {
        jars.add(jar.toUri().toString());
        return this;
    }

    /** {@code --KEY value} job arguments, in pairs. */
    public RunSpec args(String... keysAndValues) {
        args.addAll(Arrays.asList(keysAndValues));
        return this;
    }

    public RunSpec userJarsFirst(boolean value) {
        this.userJarsFirst = value;
        return this;
    }

    public RunSpec bookmark(String option, String state) {
        this.bookmarkOption = option;
        this.bookmarkState = state;
        return this;
    }

    public RunSpec aws(String endpoint, String accessKeyId, String secretAccessKey) {
        aws = new LinkedHashMap<>();
        aws.put("endpoint", endpoint);
        aws.put("region", "us-east-1");
        aws.put("accessKeyId", accessKeyId);
        aws.put("secretAccessKey", secretAccessKey);
        return this;
    }

    public String runId() {
        return runId;
    }

    Map<String, Object> toCommand() {
        List<String> all = new ArrayList<>(List.of("--JOB_NAME", jobName, "--JOB_RUN_ID", runId,
                "--job-bookmark-option", bookmarkOption));
        all.addAll(args);
        Map<String, Object> bookmark = new LinkedHashMap<>();
        bookmark.put("option", bookmarkOption);
        bookmark.put("state", bookmarkState);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", "run");
        command.put("runId", runId);
        command.put("jobName", jobName);
        command.put("attempt", 0);
        command.put("className", className);
        command.put("jars", jars);
        command.put("userJarsFirst", userJarsFirst);
        command.put("args", all);
        command.put("aws", aws);
        command.put("bookmark", bookmark);
        return command;
    }
}
