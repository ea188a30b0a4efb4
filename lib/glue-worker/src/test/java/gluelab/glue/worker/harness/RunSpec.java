package gluelab.glue.worker.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import gluelab.glue.protocol.RunCommand;

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
    private RunCommand.AwsSettings aws = new RunCommand.AwsSettings(null, "us-east-1", "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);

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

    /** The run's AWS calls go to {@code endpoint} (a Lab Cloud), signed with this key pair. */
    public RunSpec aws(URI endpoint, String accessKeyId, String secretAccessKey) {
        aws = new RunCommand.AwsSettings(endpoint.toString(), "us-east-1", accessKeyId, secretAccessKey, null);
        return this;
    }

    public String runId() {
        return runId;
    }

    RunCommand toCommand() {
        List<String> all = new ArrayList<>(List.of("--JOB_NAME", jobName, "--JOB_RUN_ID", runId,
                "--job-bookmark-option", bookmarkOption));
        all.addAll(args);
        return new RunCommand(runId, jobName, 0, className, jars, userJarsFirst, all, aws,
                new RunCommand.Bookmark(bookmarkOption, bookmarkState));
    }
}
