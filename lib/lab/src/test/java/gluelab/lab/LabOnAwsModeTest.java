package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.targets.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * The lab on a Lab Cloud in AWS mode: as on AWS, it makes AWS calls only, and what needs the lab clock says so;
 * aimed at it as Lab Cloud, it says to use {@code LAB_TARGET=aws}.
 */
class LabOnAwsModeTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults().withPort(0)
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF).withAwsMode(true));

    private Map<String, String> asOnAws() {
        return Map.of("LAB_TARGET", "aws", "LAB_ENDPOINT", cloud.endpoint().toString(), "LAB_PREFIX", "me",
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
    }

    @Test
    void theEmbeddedTargetAimedAtItSaysToUseTheAwsTarget() {
        assertThatThrownBy(() -> Lab.connect("01", Map.of("LAB_ENDPOINT", cloud.endpoint().toString())))
                .isInstanceOf(LabSetupException.class).hasMessageContaining("runs in AWS mode")
                .hasMessageContaining("LAB_TARGET=aws");
    }

    @Test
    void onTheAwsTargetResetAndTheClockUseAwsApisAndAFailingCheckSaysItNeedsTheLabClock() {
        // The SDK's default credential chain reads the keys from system properties; the environment is the test's.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (Lab lab = Lab.connect("14", asOnAws())) {
            lab.s3().createBucket(r -> r.bucket(lab.name("raw")));

            ResetReport reset = lab.reset();
            ClockAdvance advance = lab.advanceClock(Duration.ofHours(1));

            assertThat(lab.target()).isEqualTo(Target.AWS);
            assertThat(lab.hasLabClock()).isFalse();
            assertThat(reset.removed().values().stream().mapToInt(Integer::intValue).sum()).as("the bucket, by S3 calls")
                    .isEqualTo(1);
            assertThat(lab.s3().listBuckets().buckets()).noneMatch(b -> b.name().startsWith("me-lab14-"));
            assertThat(advance.advanced()).isFalse();
            assertThat(lab.events()).isEmpty();
            assertThatThrownBy(() -> Check.equal("runs in the hour", 3, 0)).isInstanceOf(CheckFailed.class)
                    .hasMessageContaining(Check.NEEDS_LAB_CLOCK).hasMessageContaining("1 h");
        } finally {
            System.setOut(original);
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            Check.clearResults();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cannot be moved").contains("Wait until");
    }

    @Test
    void afterARefusedAdvanceTheWaitsForWhatTheClockBringsGiveUpPromptlySayingWhatTheyWaitedForAndHowLongToWait() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        try (Lab lab = Lab.connect("36", asOnAws())) {
            lab.reset();
            String job = lab.name("nightly");
            lab.glue().createJob(r -> r.name(job).role("arn:aws:iam::000000000000:role/" + lab.name("glue"))
                    .command(c -> c.name("glueetl").scriptLocation("s3://" + lab.name("scripts") + "/launcher.scala")));
            lab.advanceClock(Duration.ofHours(1));
            Instant secondAdvanced = Instant.now();
            lab.advanceClock(Duration.ofDays(1));

            java.util.regex.Matcher waits = java.util.regex.Pattern.compile("Wait until (\\S+) \\(UTC\\)")
                    .matcher(out.toString(StandardCharsets.UTF_8));
            Instant lastWait = null;
            while (waits.find()) {
                lastWait = Instant.parse(waits.group(1));
            }
            assertThat(lastWait).as("the second advance adds to the first, as on the lab clock: 1 d 1 h after the first")
                    .isBetween(secondAdvanced.plus(Duration.ofHours(25)).minusSeconds(30), secondAdvanced.plus(Duration.ofHours(25)));
            // A schedule would invoke the function and start the job once in the day the clock did not move.
            DataTable invocations = lab.waitForInvocations(lab.name("nightly-start"), 1);
            List<JobRun> runs = lab.waitForJobRuns(job, 1);

            assertThat(invocations.rowCount()).isZero();
            assertThat(runs).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("both waits, each 10 or 30 min at most otherwise")
                    .isLessThan(Duration.ofMinutes(1));
        } finally {
            System.setOut(original);
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            Check.clearResults();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Invocations of me-lab36-nightly-start: 0 invocations … gave up after")
                .contains("1 run of me-lab36-nightly: 0 runs … gave up after")
                .contains("this wait " + Check.NEEDS_LAB_CLOCK + ". AWS through " + cloud.endpoint() + " runs on real time, so"
                        + " lab.advanceClock did not move it 1 h 0 min (until ");
    }
}
