package gluelab.lab.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.LabHome;
import gluelab.lab.LabSetupException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real, detached Lab Cloud from the built lib/cloud, on a free port of its own, and stops it again. */
class LabCloudLauncherTest {

    private static final Path CHECKOUT = LabHome.locate(null, null, Path.of("").toAbsolutePath()).orElseThrow();

    @Test
    void startsLabCloudWhenNothingAnswersAndReusesItAfterwards(@TempDir Path runDir) throws Exception {
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        LabCloudLauncher launcher = new LabCloudLauncher(CHECKOUT, runDir, List.of("--glue-worker", "off"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Process process = launcher.ensureRunning(endpoint, new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(process).isNotNull();
            assertThat(new LabCloudAdmin(endpoint).probe()).isEqualTo(LabCloudAdmin.Probe.LAB_CLOUD);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("Starting Lab Cloud on port " + port + " (log: " + runDir.resolve("lab-cloud.log") + ") ")
                    .containsPattern(" ready in [0-9.]+ (ms|s)\\R$");
            assertThat(Files.readString(runDir.resolve("lab-cloud.log"))).contains("ready on http://127.0.0.1:" + port);
            assertThat(runDir.resolve("state")).isDirectory();

            assertThat(launcher.ensureRunning(endpoint, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStartedLabCloudIsReportedAndStoppedByItsRecordedPidGracefullyKeepingItsState(@TempDir Path runDir) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + freePort());
        LabCloudLauncher launcher = new LabCloudLauncher(CHECKOUT, runDir, List.of("--glue-worker", "off"));
        LabCloudProcess recorded = new LabCloudProcess(runDir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        Process process = launcher.ensureRunning(endpoint, print);
        try {
            try (S3Client s3 = s3(endpoint)) {
                s3.createBucket(r -> r.bucket("kept-across-stop"));
            }
            assertThat(recorded.status(print)).isEqualTo(LabCloudProcess.State.RUNNING);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("is running", "pid:         " + process.pid(),
                    "endpoint:    " + endpoint, "./lab stop");

            assertThat(recorded.stop(print)).isTrue();

            assertThat(process.isAlive()).isFalse();
            assertThat(process.exitValue()).as("ended by SIGTERM through its shutdown hook, not killed").isNotEqualTo(137);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped in").doesNotContain("was killed");
            assertThat(runDir.resolve(LabCloudProcess.PID_FILE)).doesNotExist();
            assertThat(recorded.status(print)).isEqualTo(LabCloudProcess.State.STOPPED);
            assertThat(recorded.stop(print)).as("nothing left to stop").isFalse();

            process = launcher.ensureRunning(endpoint, print);
            try (S3Client s3 = s3(endpoint)) {
                assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("kept-across-stop");
            }
            assertThat(recorded.stop(print)).isTrue();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void stopNeverTouchesAProcessThatMerelyReusedTheRecordedPid(@TempDir Path runDir) throws Exception {
        LabCloudProcess recorded = new LabCloudProcess(runDir);
        long someoneElse = ProcessHandle.current().pid();
        Files.writeString(runDir.resolve(LabCloudProcess.PID_FILE), someoneElse + "\nhttp://127.0.0.1:1\n2001-01-01T00:00:00Z\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        boolean stopped = recorded.stop(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(stopped).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing to stop");
        assertThat(runDir.resolve(LabCloudProcess.PID_FILE)).as("the stale record is forgotten").doesNotExist();
    }

    @Test
    void theCommandRunsTheBuiltCloudClassesWithTheirDependencies(@TempDir Path runDir) {
        List<String> command = new LabCloudLauncher(CHECKOUT, runDir, List.of()).command(4566);

        assertThat(command.get(0)).endsWith("java");
        assertThat(command.get(1)).isEqualTo("-Dgluelab.home=" + CHECKOUT);
        assertThat(command.get(3)).startsWith(CHECKOUT.resolve("lib/cloud/target/classes").toString()).contains("jetty-server");
        assertThat(command.subList(4, command.size())).containsExactly("gluelab.cloud.LabCloud", "--port", "4566",
                "--state-dir", runDir.resolve("state").toString());
    }

    @Test
    void anUnbuiltCheckoutSaysHowToBuildIt(@TempDir Path emptyCheckout) {
        assertThatThrownBy(() -> new LabCloudLauncher(emptyCheckout, emptyCheckout.resolve("run"), List.of()).command(4566))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("Lab Cloud is not built yet").hasMessageContaining("./lab");
    }

    @Test
    void theProcessGetsASessionOfItsOwn() {
        List<String> wrapped = DetachedProcess.detached(List.of("java", "-version"));

        assertThat(wrapped).endsWith("java", "-version");
        assertThat(wrapped.get(0)).isIn("setsid", "perl", "/bin/sh", "java");
    }

    private static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
