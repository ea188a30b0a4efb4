package gluelab.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cli.spark.LocalSparkCluster;
import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.TestRoles;
import gluelab.e2e.glue.GlueJobRuns;
import gluelab.e2e.glue.LabJobs;
import gluelab.e2e.glue.TaskOutputRuns;
import gluelab.kernel.run.NotebookRun;
import gluelab.kernel.run.NotebookRunner;
import gluelab.lab.LabHome;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./lab cloud --spark-master spark://…}: Glue job runs go to a real Spark standalone cluster (a Master and two
 * one-core Workers, each in its own JVM) instead of the worker's local Spark. Notebook 01 (CSV to Parquet) runs
 * headless against it and passes the same checks as in local mode: output rows, columns and types, the run
 * SUCCEEDED, its driver log stream. Then notebook 05 (bookmarks) on the same Lab Cloud and cluster: each run reads
 * only the files its predecessors have not, so runs of different jobs follow each other on the same executors.
 * Their tasks ran on the cluster's executors, which had none of the Lab's classes until Lab Cloud shipped them.
 * What those tasks print and log is in their run's streams, as in local mode.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlueJobsOnASparkClusterTest {

    private static final Path HOME = LabHome.locate();

    static LocalSparkCluster cluster;
    static LabCloud cloud;

    @BeforeAll
    static void startTheClusterThenALabCloudThatUsesIt() throws Exception {
        cluster = LocalSparkCluster.start(2);
        cloud = LabCloud.start(LabCloudConfig.defaults().withPort(0)
                .withGlueWorker(LabCloudConfig.GlueWorkerMode.EAGER).withSparkMaster(cluster.masterUrl()));
        System.setProperty("LAB_ENDPOINT", cloud.endpoint().toString());
        System.setProperty("LAB_TARGET", "embedded");
    }

    @AfterAll
    static void stopThemAll() {
        System.clearProperty("LAB_ENDPOINT");
        System.clearProperty("LAB_TARGET");
        try {
            if (cloud != null) {
                cloud.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void notebook01sCsvToParquetJobPassesItsChecksOnTheCluster() throws Exception {
        assertPassesEveryCheck(HOME.resolve("notebooks/01-csv-to-parquet.ipynb"));
    }

    @Test
    @Order(2)
    void notebook05sBookmarkedJobPassesItsChecksOnTheCluster() throws Exception {
        assertPassesEveryCheck(HOME.resolve("notebooks/05-job-bookmarks.ipynb"));
    }

    @Test
    @Order(3)
    void whatTasksOnTheExecutorsPrintAndLogGoesToTheRunsStreamsAsInLocalMode() {
        TestRoles.createGlueRoles(cloud.endpoint());
        try (GlueJobRuns glue = new GlueJobRuns(cloud.endpoint())) {
            glue.createBuckets("cluster-jobs");
            TaskOutputRuns.runAndCheckTheRunsStreams(glue, glue.uploadJobJar("cluster-jobs", LabJobs.jar()), "cluster-task-output");
        }
    }

    @Test
    @Order(4)
    void theRunsTasksRanOnTheClustersExecutorsWithTheJarsLabCloudShipped() throws Exception {
        JsonNode application = StreamSupport.stream(cluster.masterState().path("activeapps").spliterator(), false)
                .filter(app -> app.path("name").asText().equals("glue-lab-worker"))
                .findFirst().orElseThrow(() -> new AssertionError("the Glue worker is not an application of the master"));
        assertThat(application.path("cores").asInt()).as("one executor on each one-core worker").isEqualTo(2);

        List<String> executorLogs = cluster.executorLogs(application.path("id").asText());

        assertThat(executorLogs).as("an executor log of each worker").hasSize(2);
        String all = String.join("\n", executorLogs);
        assertThat(all).as("the runs' job jars, fetched from the driver").containsPattern("Fetching spark://\\S+/jars/run-\\S+\\.jar");
        assertThat(all).as("the Glue runtime, fetched from the driver").containsPattern("Fetching spark://\\S+glue-runtime\\S*\\.jar");
        assertThat(all).as("S3A is the cluster's own, never a run's: Hadoop caches its file systems across runs")
                .doesNotContainPattern("Fetching spark://\\S+/(hadoop-aws|s3)-\\S+\\.jar");
        assertThat(executorLogs).as("both executors worked (tasks finished)")
                .allSatisfy(log -> assertThat(log).contains("Finished task"));
    }

    private static void assertPassesEveryCheck(Path notebook) throws java.io.IOException {
        NotebookRun run = new NotebookRunner().run(notebook);
        String report = run.reportLines().stream().collect(Collectors.joining("\n"));
        assertThat(run.failedCell()).as("a cell that is not a check failed:%n%s", report).isEmpty();
        assertThat(run.checks()).as("the notebook has graded checks").isNotEmpty();
        assertThat(run.failedCount()).as("failed checks:%n%s", report).isZero();
    }
}
