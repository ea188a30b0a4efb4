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

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
