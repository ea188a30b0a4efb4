package gluelab.cloud.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs conformance scripts, independent real clients, against a running Lab Cloud: a {@code *.sh} under bash with
 * AWS CLI v2 ({@code $AWS}), a {@code *.py} under Debian's Python with boto3. A script passes by exiting 0. The
 * environment it gets is described in {@code cloud/src/test/conformance/README.md}.
 */
public final class ConformanceScripts {

    private ConformanceScripts() {
    }

    /** How a script ended, with everything it printed (stdout and stderr together). */
    public record Result(String script, boolean finished, int exitValue, String output) {

        public boolean passed() {
            return finished && exitValue == 0;
        }

        /** For an assertion message: the script, how it ended and its output. */
        public String describe() {
            return script + " failed (exit " + (finished ? String.valueOf(exitValue) : "timeout") + "):"
                    + System.lineSeparator() + output;
        }
    }

    /** The names of the scripts in {@code directory}, sorted. */
    public static Stream<String> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sh") || n.endsWith(".py"))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code script} against the Lab Cloud at {@code endpoint}, in a scratch directory of its own, with
     * {@code extraEnvironment} added to the standard environment, and waits up to {@code timeout}.
     */
    public static Result run(Path script, URI endpoint, Map<String, String> extraEnvironment, Duration timeout) {
        try {
            Path work = Files.createTempDirectory("conformance-");
            // Debian's AWS CLI (2.9) predates AWS_ENDPOINT_URL, so $AWS is a wrapper that passes the endpoint.
            Path aws = work.resolve("aws");
            Files.writeString(aws, "#!/bin/sh\nexec /usr/bin/aws --endpoint-url \"$AWS_ENDPOINT_URL\" \"$@\"\n");
            aws.toFile().setExecutable(true);
            String name = script.getFileName().toString();
            List<String> command = new ArrayList<>();
            command.add(name.endsWith(".py") ? "/usr/bin/python3" : "/bin/bash");
            command.add(script.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("AWS", aws.toString());
            env.put("AWS_ENDPOINT_URL", endpoint.toString());
            env.put("LAB_ENDPOINT", endpoint.toString());
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_PAGER", "");
            env.put("AWS_CONFIG_FILE", work.resolve("aws-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
            env.put("WORK_DIR", work.toString());
            env.remove("AWS_PROFILE");
            env.putAll(extraEnvironment);
            Process process = builder.start();
            // Read while it runs, so a chatty script never blocks on a full pipe.
            ByteCollector output = new ByteCollector(process);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(name, finished, finished ? process.exitValue() : -1, output.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A process's output, read on a thread of its own. */
    private static final class ByteCollector {
        private final Thread reader;
        private volatile byte[] bytes = new byte[0];

        ByteCollector(Process process) {
            reader = new Thread(() -> {
                try {
                    bytes = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    bytes = ("(output unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
                }
            }, "conformance-script-output");
            reader.setDaemon(true);
            reader.start();
        }

        String text() throws InterruptedException {
            reader.join(10_000);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
