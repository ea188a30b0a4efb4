package gluelab.e2e.glue;

import gluelab.cloud.testing.TestRoles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.LabClients;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.URI;
import software.amazon.awssdk.regions.Region;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the end-to-end tests do with Glue, S3 and CloudWatch Logs, through real SDK clients, as a notebook
 * does it: create jobs, start runs and poll until they end, read a run's driver output and metric lines.
 */
public final class GlueJobRuns implements AutoCloseable {

    static final String ROLE = TestRoles.JOB_ROLE;
    static final String OUTPUT_GROUP = "/aws-glue/jobs/output";
    static final String ERROR_GROUP = "/aws-glue/jobs/error";
    static final Set<JobRunState> ENDED = Set.of(JobRunState.SUCCEEDED, JobRunState.FAILED,
            JobRunState.TIMEOUT, JobRunState.STOPPED);
    private static final ObjectMapper JSON = new ObjectMapper();

    final GlueClient glue;
    final S3Client s3;
    final CloudWatchLogsClient logs;

    GlueJobRuns(RunningLabCloud cloud) {
        this(cloud.endpoint());
    }

    /** For a Lab Cloud a test started itself, with {@link TestRoles}' roles. */
    public GlueJobRuns(URI endpoint) {
        this.glue = LabClients.aimedAt(GlueClient.builder(), endpoint, RunningLabCloud.TEST_CREDENTIALS, Region.US_EAST_1);
        this.s3 = LabClients.aimedAt(S3Client.builder(), endpoint, RunningLabCloud.TEST_CREDENTIALS, Region.US_EAST_1);
        this.logs = LabClients.aimedAt(CloudWatchLogsClient.builder(), endpoint, RunningLabCloud.TEST_CREDENTIALS,
                Region.US_EAST_1);
    }

    /** Uploads a job jar to {@code s3://<jobsBucket>/jars/lab-jobs.jar} and returns that address. */
    public String uploadJobJar(String jobsBucket, byte[] jar) {
        s3.putObject(r -> r.bucket(jobsBucket).key("jars/lab-jobs.jar"), RequestBody.fromBytes(jar));
        return "s3://" + jobsBucket + "/jars/lab-jobs.jar";
    }

    public void createBuckets(String... buckets) {
        for (String bucket : buckets) {
            s3.createBucket(r -> r.bucket(bucket));
        }
    }

    /** A Glue 5.0 Spark job whose jar is its ScriptLocation and whose main class is {@code --class}. */
    public void createJob(String name, String jar, String className, Map<String, String> arguments) {
        Map<String, String> defaults = new HashMap<>(arguments);
        defaults.put("--class", className);
        glue.createJob(r -> r.name(name).role(ROLE).glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation(jar))
                .defaultArguments(defaults));
    }

    void put(String bucket, String key, String text) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(text));
    }

    /** Every object under {@code prefix}, key to ETag. */
    Map<String, String> objects(String bucket, String prefix) {
        Map<String, String> objects = new java.util.TreeMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()
                .forEach(o -> objects.put(o.key(), o.eTag()));
        return objects;
    }

    List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    String start(String jobName, Map<String, String> arguments) {
        return glue.startJobRun(r -> r.jobName(jobName).arguments(arguments)).jobRunId();
    }

    JobRun runToEnd(String jobName, Map<String, String> arguments) {
        return awaitEnd(jobName, start(jobName, arguments));
    }

    /** Runs the job and insists that the run SUCCEEDED, showing its error message otherwise. */
    public JobRun succeed(String jobName, Map<String, String> arguments) {
        JobRun run = runToEnd(jobName, arguments);
        assertThat(run.jobRunState()).as("%s: %s", jobName, run.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        return run;
    }

    JobRun awaitEnd(String jobName, String runId) {
        return awaitState(jobName, runId, ENDED);
    }

    JobRun awaitState(String jobName, String runId, Set<JobRunState> wanted) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JobRun run = glue.getJobRun(r -> r.jobName(jobName).runId(runId)).jobRun();
            if (wanted.contains(run.jobRunState())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Run " + runId + " of " + jobName + " is still " + run.jobRunState());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The lines of a run's driver output, {@code /aws-glue/jobs/output}, stream = run id. */
    public List<String> output(String runId) {
        return lines(OUTPUT_GROUP, runId);
    }

    /** The lines of a run's error stream, {@code /aws-glue/jobs/error}: its System.err and its log lines. */
    public List<String> errors(String runId) {
        return lines(ERROR_GROUP, runId);
    }

    private List<String> lines(String group, String runId) {
        return logs.getLogEventsPaginator(r -> r.logGroupName(group).logStreamName(runId).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }

    /** The runtime's metric lines of one kind ({@code source}, {@code sink}, {@code run}), found as a notebook finds them. */
    List<JsonNode> metrics(String runId, String kind) {
        List<FilteredLogEvent> events = logs.filterLogEvents(r -> r.logGroupName(OUTPUT_GROUP)
                .logStreamNames(runId).filterPattern("{ $.glue_lab_metric = \"" + kind + "\" }")).events();
        return events.stream().map(e -> {
            try {
                return JSON.readTree(e.message());
            } catch (Exception notJson) {
                throw new AssertionError("Not a metric line: " + e.message(), notJson);
            }
        }).toList();
    }

    JsonNode runMetric(String runId) {
        List<JsonNode> lines = metrics(runId, "run");
        assertThat(lines).as("the run metric of " + runId).hasSize(1);
        return lines.get(0);
    }

    int filesRead(JobRun run) {
        assertThat(run.jobRunState()).as(run.errorMessage()).isEqualTo(JobRunState.SUCCEEDED);
        return runMetric(run.id()).path("filesRead").asInt();
    }

    @Override
    public void close() {
        glue.close();
        s3.close();
        logs.close();
    }
}
