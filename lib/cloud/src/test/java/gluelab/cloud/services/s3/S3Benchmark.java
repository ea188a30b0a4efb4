package gluelab.cloud.services.s3;

import gluelab.cloud.testing.RunningLabCloud;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 throughput through the real SDK, in memory and with a state directory (every write forced to
 * disk). A measurement, not a test: it asserts nothing and runs only when asked,
 * {@code mvn -o -q -pl cloud test -Dtest=S3Benchmark -Dlab.bench=true}; it prints its numbers.
 */
@EnabledIfSystemProperty(named = "lab.bench", matches = "true")
class S3Benchmark {

    static final Path STATE = tempDir();

    @RegisterExtension
    static RunningLabCloud inMemory = RunningLabCloud.inMemory();

    @RegisterExtension
    static RunningLabCloud persistent = RunningLabCloud.inMemory().persistentIn(STATE);

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("s3-bench-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> S3KeySafetyTest.deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void measure() throws Exception {
        Path big = Files.createTempFile("s3-bench-", ".bin");
        byte[] block = new byte[1024 * 1024];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
        }
        try {
            // The first pass only warms the JIT up, on both servers and the client.
            report("warm-up (discarded)", inMemory, big);
            report("in memory", inMemory, big);
            report("with a state dir", persistent, big);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static void report(String name, RunningLabCloud cloud, Path big) throws Exception {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals("bench"))) {
                s3.createBucket(b -> b.bucket("bench"));
            }
            byte[] small = new byte[4096];
            new Random(2).nextBytes(small);
            List<Double> rounds = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                int ops = 1000;
                long start = System.nanoTime();
                for (int i = 0; i < ops; i++) {
                    String key = "small/" + (i % 100);
                    s3.putObject(b -> b.bucket("bench").key(key), RequestBody.fromBytes(small));
                    s3.getObjectAsBytes(b -> b.bucket("bench").key(key));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round > 0) {
                    rounds.add(ops / seconds);
                }
            }
            Collections.sort(rounds);
            double median = rounds.get(rounds.size() / 2);
            List<Double> up = new ArrayList<>();
            List<Double> down = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                s3.putObject(b -> b.bucket("bench").key("big.bin"), RequestBody.fromFile(big));
                up.add(100 * 1.048576 / ((System.nanoTime() - start) / 1e9));
                Path target = Files.createTempFile("s3-bench-down-", ".bin");
                Files.delete(target);
                start = System.nanoTime();
                s3.getObject(b -> b.bucket("bench").key("big.bin"), ResponseTransformer.toFile(target));
                down.add(100 * 1.048576 / ((System.nanoTime() - start) / 1e9));
                Files.delete(target);
            }
            Collections.sort(up);
            Collections.sort(down);
            System.out.printf("S3 %s: 4 KiB PUT+GET pairs/s median %.0f (rounds %s); 100 MiB upload %.0f MB/s, "
                    + "download %.0f MB/s (medians of 3)%n", name, median, format(rounds), up.get(1), down.get(1));
        }
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }
}
