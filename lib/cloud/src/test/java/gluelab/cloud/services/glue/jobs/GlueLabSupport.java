package gluelab.cloud.services.glue.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CreateJobRequest;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/** What the Glue job tests share: a typical job, waiting for runs, and the admin API (clock, events). */
public final class GlueLabSupport {

    public static final String ROLE = TestRoles.JOB_ROLE;
    public static final Set<JobRunState> TERMINAL = Set.of(JobRunState.SUCCEEDED, JobRunState.FAILED, JobRunState.TIMEOUT,
            JobRunState.STOPPED);

    private GlueLabSupport() {
    }

    /** A Spark job whose main class is {@code className}, in a jar on S3, as the notebooks create them. */
    public static CreateJobRequest.Builder sparkJob(String name, String className) {
        return CreateJobRequest.builder()
                .name(name)
                .role(ROLE)
                .glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation("s3://lab-jobs/" + name + ".jar"))
                .defaultArguments(Map.of("--class", className));
    }

    /** A Lab Cloud keeping its state in {@code stateDir}, with the Glue roles; started again, it finds what it kept. */
    public static LabCloud startPersistent(Path stateDir, LabCloudConfig.GlueWorkerMode worker) {
        LabCloud cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0).withStateDir(stateDir).withGlueWorker(worker));
        TestRoles.createGlueRoles(cloud.endpoint());
        return cloud;
    }

    /** A Glue client for a Lab Cloud a test started itself. */
    public static GlueClient client(LabCloud cloud) {
        return GlueClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningLabCloud.TEST_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static JobRun awaitEnd(GlueClient glue, String jobName, String runId) {
        return awaitState(glue, jobName, runId, TERMINAL);
    }

    public static JobRun awaitState(GlueClient glue, String jobName, String runId, Set<JobRunState> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JobRun run = glue.getJobRun(r -> r.jobName(jobName).runId(runId)).jobRun();
            if (wanted.contains(run.jobRunState())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Run " + runId + " is still " + run.jobRunState() + ", not one of " + wanted);
            }
            sleep(25);
        }
    }

    public static List<JobRun> awaitRuns(GlueClient glue, String jobName, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<JobRun> runs = glue.getJobRuns(r -> r.jobName(jobName)).jobRuns();
            if (runs.size() >= count && runs.stream().allMatch(r -> TERMINAL.contains(r.jobRunState()))) {
                return runs;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + jobName + " has runs " + runs.stream().map(JobRun::jobRunState).toList()
                        + ", not " + count + " ended ones");
            }
            sleep(25);
        }
    }

    /** Waits until the job has {@code count} runs, in any state; returns them newest first. */
    public static List<JobRun> awaitStarted(GlueClient glue, String jobName, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<JobRun> runs = glue.getJobRuns(r -> r.jobName(jobName)).jobRuns();
            if (runs.size() >= count) {
                return runs;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + jobName + " has " + runs.size() + " runs, not " + count);
            }
            sleep(25);
        }
    }

    /** {@code POST /_lab/clock/advance}; returns the answer (from, to, fired). */
    public static JsonNode advanceClock(RunningLabCloud cloud, Duration by) {
        return LabAdmin.advanceClock(cloud, by);
    }

    public static JsonNode get(RunningLabCloud cloud, String pathAndQuery) {
        return LabAdmin.get(cloud, pathAndQuery);
    }

    /** The internal events Glue published, oldest first. */
    public static List<JsonNode> glueEvents(RunningLabCloud cloud) {
        return LabAdmin.events(cloud, "glue", null);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return LabAdmin.json(response);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
