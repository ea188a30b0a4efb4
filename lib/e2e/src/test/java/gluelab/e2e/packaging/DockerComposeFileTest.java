package gluelab.e2e.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gluelab.lab.LabHome;
import gluelab.lab.targets.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, validated as far as a machine without a Docker engine allows: Compose itself parses
 * and normalizes it (Debian's docker-compose; .ci/run installs it), and the normalized file has what the
 * README promises.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");
    private static final Path HOME = LabHome.locate();

    @Test
    void composeAcceptsTheFileWithoutATokenSoTheDefaultLabServiceStartsAsIs() throws Exception {
        assumeTrue(Files.isExecutable(COMPOSE), "needs docker-compose (Debian package docker-compose)");
        String normalized = config(List.of(), Map.of());
        assertThat(normalized).contains("  lab:").contains("127.0.0.1:8888:8888")
                .contains("./lab up").contains("LAB_TARGET: embedded");
    }

    @Test
    void theLocalStackProfileUsesTheTokenAndTheSamePinnedImageAsTheLabLibrary() throws Exception {
        assumeTrue(Files.isExecutable(COMPOSE), "needs docker-compose (Debian package docker-compose)");
        String normalized = config(List.of("--profile", "localstack"), Map.of("LOCALSTACK_AUTH_TOKEN", "ls-token-123"));
        assertThat(normalized).contains("  localstack:").contains("LOCALSTACK_AUTH_TOKEN: ls-token-123")
                .contains("image: " + TargetConfig.DEFAULT_LOCALSTACK_IMAGE)
                .contains("127.0.0.1:4567:4566").doesNotContain(":latest");
    }

    private static String config(List<String> options, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(COMPOSE.toString(), "-f", HOME.resolve("docker-compose.yml").toString()));
        command.addAll(options);
        command.add("config");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LOCALSTACK_AUTH_TOKEN");
        builder.environment().remove("LAB_TARGET");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker-compose config:%n%s", output).isZero();
        return output;
    }
}
