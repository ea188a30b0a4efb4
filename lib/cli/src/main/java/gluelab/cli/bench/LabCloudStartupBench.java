package gluelab.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start: a new JVM running {@code gluelab.cloud.LabCloud} (as {@code ./lab cloud} does), from process
 * start until {@code GET /_lab/health} answers 200. The Glue worker warms up in the background after that.
 */
final class LabCloudStartupBench implements Benchmark {

    private static final Pattern READY = Pattern.compile("ready on (http://\\S+)");

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "Lab Cloud cold start to healthy, in a new JVM (goal: 2 s)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        List<String> command = command(home);
        startOnce(command);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seconds.add(startOnce(command));
        }
        report.add(Measurement.of("Lab Cloud cold start to healthy (new JVM)", "s", seconds));
    }

    private static List<String> command(Path home) throws Exception {
        Path classes = home.resolve("lib/cloud/target/classes");
        String dependencies = Files.readString(home.resolve("lib/cloud/target/classpath.txt")).trim();
        String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(javaExecutable, "-Dgluelab.home=" + home, "-cp", classes + java.io.File.pathSeparator + dependencies,
                "gluelab.cloud.LabCloud", "--port", "0", "--glue-worker", "off");
    }

    private static double startOnce(List<String> command) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            URI endpoint = null;
            while (endpoint == null && (line = lines.readLine()) != null) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    endpoint = URI.create(ready.group(1));
                }
            }
            if (endpoint == null) {
                throw new IllegalStateException("Lab Cloud did not start: " + command);
            }
            HttpClient http = HttpClient.newHttpClient();
            while (true) {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(endpoint.resolve("/_lab/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
                Thread.sleep(10);
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
