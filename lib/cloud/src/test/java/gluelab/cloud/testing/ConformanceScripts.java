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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs conformance scripts, independent real clients, against a running Lab Cloud: a {@code *.sh} under bash with
 * AWS CLI v2 ({@code $AWS}), a {@code *.py} under Debian's Python with its boto3 1.26, and a
 * {@code boto3-current-*.py} under the {@code python3} on the PATH with a current boto3, where one is installed. A
 * script passes by exiting 0. The environment it gets is described in {@code cloud/src/test/conformance/README.md}.
 */
public final class ConformanceScripts {

    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    private static final String CURRENT_BOTO3_PREFIX = "boto3-current-";

    private ConformanceScripts() {
    }

    /** The Python that runs {@code boto3-current-*.py} scripts, or why there is none; found once. */
    private static final class CurrentBoto3 {
        static final Interpreter FOUND = find();

        private static Interpreter find() {
            try {
                Process probe = new ProcessBuilder("python3", "-c",
                        "import sys, boto3; print(sys.executable); print(boto3.__version__)")
                        .redirectErrorStream(true).start();
                String[] lines = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
                        .split("\\R");
                if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0 || lines.length < 2) {
                    return Interpreter.missing("the python3 on the PATH has no boto3 (pip install boto3 to run it)");
                }
                Path executable = Path.of(lines[lines.length - 2]);
                if (Files.isSameFile(executable, DEBIAN_PYTHON)) {
                    return Interpreter.missing("the python3 on the PATH is Debian's, whose boto3 "
                            + lines[lines.length - 1] + " the other boto3 scripts already use; a current boto3 is not "
                            + "installed");
                }
                return new Interpreter(executable, null);
            } catch (IOException e) {
                return Interpreter.missing("there is no python3 on the PATH (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Interpreter.missing("interrupted while looking for python3");
            }
        }
    }

    /** The program that runs a script, or, when it is not installed, why the script cannot run here. */
    private record Interpreter(Path program, String missing) {
        static Interpreter missing(String why) {
            return new Interpreter(null, why);
        }
    }

    private static Interpreter interpreterFor(String name) {
        if (name.startsWith(CURRENT_BOTO3_PREFIX) && name.endsWith(".py")) {
            return CurrentBoto3.FOUND;
        }
        return new Interpreter(name.endsWith(".py") ? DEBIAN_PYTHON : Path.of("/bin/bash"), null);
    }

    /**
     * Why {@code script} cannot run on this machine (a {@code boto3-current-*.py} without a current boto3), for a
     * test to skip it with; empty when it can run.
     */
    public static Optional<String> unavailable(Path script) {
        String name = script.getFileName().toString();
        Interpreter interpreter = interpreterFor(name);
        return interpreter.missing() == null ? Optional.empty()
                : Optional.of(name + " needs a current boto3, and " + interpreter.missing());
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
            Interpreter interpreter = interpreterFor(name);
            if (interpreter.missing() != null) {
                throw new IllegalStateException(unavailable(script).orElseThrow());
            }
            List<String> command = new ArrayList<>();
            command.add(interpreter.program().toString());
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
