package gluelab.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * ElasticMQ, the SQS emulator most teams know, in a JVM of its own, for the SQS bench to run beside Lab Cloud. It is
 * never a dependency of the lab: its class path is resolved by Maven into {@code build/bench/elasticmq} when the bench
 * first runs (so the first run needs Maven Central), and a two-line launcher is compiled against it.
 */
final class ElasticMqJvm implements AutoCloseable {

    static final String VERSION = "1.6.11";
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>gluelab.bench</groupId><artifactId>elasticmq-for-the-bench</artifactId><version>1</version>
              <dependencies>
                <dependency>
                  <groupId>org.elasticmq</groupId><artifactId>elasticmq-rest-sqs_2.13</artifactId>
                  <version>%s</version>
                </dependency>
              </dependencies>
            </project>
            """.formatted(VERSION);
    private static final String LAUNCHER = """
            public class ElasticMqLauncher {
                public static void main(String[] args) throws Exception {
                    org.elasticmq.rest.sqs.SQSRestServerBuilder.withInterface("127.0.0.1")
                            .withPort(Integer.parseInt(args[0])).start().waitUntilStarted();
                    System.out.println("ready");
                    Thread.currentThread().join();
                }
            }
            """;

    private final Process process;
    private final URI endpoint;

    private ElasticMqJvm(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** ElasticMQ listening on 127.0.0.1, or an exception saying why it could not start. */
    static ElasticMqJvm start(Path home) throws IOException, InterruptedException {
        Path work = Files.createDirectories(home.resolve("build/bench/elasticmq"));
        Path classpathFile = work.resolve("classpath.txt");
        if (!Files.exists(classpathFile)) {
            Files.writeString(work.resolve("pom.xml"), POM);
            Process maven = new ProcessBuilder("mvn", "-B", "-q", "dependency:build-classpath",
                    "-Dmdep.outputFile=" + classpathFile).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("maven.log").toFile()).start();
            if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(classpathFile)) {
                throw new IOException("Maven could not resolve ElasticMQ " + VERSION + ": see "
                        + work.resolve("maven.log"));
            }
        }
        String classpath = Files.readString(classpathFile).strip();
        Path launcher = work.resolve("ElasticMqLauncher.java");
        Files.writeString(launcher, LAUNCHER);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, "-cp", classpath, "-d", work.toString(),
                launcher.toString()) != 0) {
            throw new IOException("The ElasticMQ launcher did not compile against " + classpathFile);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", work + ":" + classpath, "ElasticMqLauncher", Integer.toString(port)))
                .redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("ready")) {
                        return true;
                    }
                }
            } catch (IOException ended) {
                // the process ended before it was ready
            }
            return false;
        });
        try {
            if (!ready.get(60, TimeUnit.SECONDS)) {
                throw new IOException("ElasticMQ ended before it was ready");
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("ElasticMQ did not start: " + e.getMessage(), e);
        }
        return new ElasticMqJvm(process, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
