package gluelab.cloud.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Independent real clients against a running Lab Cloud: every {@code *.sh} in {@code src/test/conformance}
 * runs under bash with AWS CLI v2 ({@code $AWS}), every {@code *.py} under Debian's Python with boto3.
 * A script passes by exiting 0; its output is shown when it fails.
 */
class ConformanceScriptsTest {

    private static final Path SCRIPTS = Path.of("src/test/conformance");

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sh") || n.endsWith(".py"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptAgreesWithLabCloud(String script) throws Exception {
        Path work = Files.createTempDirectory("conformance-");
        // Debian's AWS CLI (2.9) predates AWS_ENDPOINT_URL, so $AWS is a wrapper that passes the endpoint.
        Path aws = work.resolve("aws");
        Files.writeString(aws, "#!/bin/sh\nexec /usr/bin/aws --endpoint-url \"$AWS_ENDPOINT_URL\" \"$@\"\n");
        aws.toFile().setExecutable(true);
        List<String> command = new ArrayList<>();
        command.add(script.endsWith(".py") ? "/usr/bin/python3" : "/bin/bash");
        command.add(SCRIPTS.resolve(script).toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS", aws.toString());
        env.put("AWS_ENDPOINT_URL", cloud.endpoint().toString());
        env.put("LAB_ENDPOINT", cloud.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", work.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
        env.put("WORK_DIR", work.toString());
        env.remove("AWS_PROFILE");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = new String(output, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0)
                .as("%s failed (exit %s):%n%s", script, finished ? process.exitValue() : "timeout", log)
                .isTrue();
    }
}
