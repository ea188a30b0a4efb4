package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 through the real SDK: small-object round trips per second, and 100 MiB transfer throughput. */
final class S3Bench implements Benchmark {

    private static final int SMALL_OPS = 1000;
    private static final int MIB = 1024 * 1024;

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String description() {
        return "S3 PUT+GET of 4 KiB objects per second, 100 MiB upload and download, in memory and with a state dir";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        Path big = home.resolve("build/bench/100MiB.bin");
        Files.createDirectories(big.getParent());
        byte[] block = new byte[MIB];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
        }
        try {
            measure(home, null, "in memory", big, report);
            measure(home, BenchClouds.stateDirectory(home, "s3-state"), "state dir", big, report);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private void measure(Path home, Path stateDir, String label, Path big, BenchReport report) throws Exception {
        try (LabCloud cloud = BenchClouds.start(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
             S3Client s3 = BenchClouds.client(cloud, S3Client.builder())) {
            s3.createBucket(b -> b.bucket("bench"));
            byte[] small = new byte[4096];
            new Random(2).nextBytes(small);
            smallRound(s3, small);
            List<Double> pairs = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                pairs.add(smallRound(s3, small));
            }
            report.add(Measurement.of("S3 4 KiB PUT+GET pairs, " + label, "pairs/s", pairs));
            List<Double> up = new ArrayList<>();
            List<Double> down = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                s3.putObject(b -> b.bucket("bench").key("big.bin"), RequestBody.fromFile(big));
                up.add(100 * MIB / 1e6 / ((System.nanoTime() - start) / 1e9));
                Path target = big.resolveSibling("download.bin");
                Files.deleteIfExists(target);
                start = System.nanoTime();
                s3.getObject(b -> b.bucket("bench").key("big.bin"), ResponseTransformer.toFile(target));
                down.add(100 * MIB / 1e6 / ((System.nanoTime() - start) / 1e9));
                Files.delete(target);
            }
            report.add(Measurement.of("S3 100 MiB upload, " + label, "MB/s", up));
            report.add(Measurement.of("S3 100 MiB download, " + label, "MB/s", down));
        } finally {
            if (stateDir != null) {
                BenchClouds.deleteTree(stateDir);
            }
        }
    }

    private static double smallRound(S3Client s3, byte[] small) {
        long start = System.nanoTime();
        for (int i = 0; i < SMALL_OPS; i++) {
            String key = "small/" + (i % 100);
            s3.putObject(b -> b.bucket("bench").key(key), RequestBody.fromBytes(small));
            s3.getObjectAsBytes(b -> b.bucket("bench").key(key));
        }
        return SMALL_OPS / ((System.nanoTime() - start) / 1e9);
    }
}
