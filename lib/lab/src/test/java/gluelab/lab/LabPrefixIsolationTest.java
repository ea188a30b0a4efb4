package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * Two learners graded at once on one Lab Cloud, each with a {@code LAB_PREFIX} of their own: their names never meet,
 * and one's reset or clean-up leaves the other's buckets, jobs and catalog databases alone.
 */
class LabPrefixIsolationTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private PrintStream originalOut;

    @BeforeEach
    void quiet() {
        originalOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    private static Lab learner(String prefix) {
        return Lab.connect("05", Map.of("LAB_ENDPOINT", cloud.endpoint().toString(), "LAB_PREFIX", prefix));
    }

    private static void provision(Lab lab) {
        lab.s3().createBucket(r -> r.bucket(lab.name("raw")));
        lab.glue().createDatabase(r -> r.databaseInput(d -> d.name(lab.name("sales").replace('-', '_'))));
        lab.glue().createJob(r -> r.name(lab.name("ingest")).role(lab.glueRole())
                .command(c -> c.name("glueetl").scriptLocation("s3://" + lab.name("raw") + "/script.scala")));
    }

    @Test
    void aLabPrefixOnLabCloudStartsEveryNameOfThatLab() {
        try (Lab ann = learner("Ann")) {
            assertThat(ann.prefix()).isEqualTo("ann-lab05-");
            assertThat(ann.name("raw")).isEqualTo("ann-lab05-raw");
        }
    }

    @Test
    void oneLearnersResetAndCleanUpLeaveAnotherLearnersResourcesAlone() {
        try (Lab ann = learner("ann"); Lab annB = learner("ann-b"); Lab bob = learner("bob")) {
            provision(ann);
            provision(annB);
            provision(bob);

            ann.reset();
            bob.cleanUp();

            S3Client s3 = annB.s3();
            GlueClient glue = annB.glue();
            assertThat(s3.listBuckets().buckets()).extracting(Bucket::name)
                    .contains("ann-b-lab05-raw")
                    .doesNotContain("ann-lab05-raw", "bob-lab05-raw");
            assertThat(glue.getJobs(r -> { }).jobs()).extracting(job -> job.name())
                    .contains("ann-b-lab05-ingest")
                    .doesNotContain("ann-lab05-ingest", "bob-lab05-ingest");
            assertThat(glue.getDatabases(r -> { }).databaseList()).extracting(database -> database.name())
                    .contains("ann_b_lab05_sales")
                    .doesNotContain("ann_lab05_sales", "bob_lab05_sales");
            annB.cleanUp();
            assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain("ann-b-lab05-raw");
        }
    }
}
