package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * What versioning costs: PUTs that overwrite keys, and ListObjectsV2 of the bucket, in a bucket with versioning
 * enabled against one that never had it, in one Lab Cloud with a state dir, rounds alternating between the two so
 * the shared machine's noise falls on both. The versioned bucket's older versions pile up as the rounds go on, as
 * they would in use.
 */
final class S3VersioningBench implements Benchmark {

    private static final int KEYS = 200;
    private static final int PUTS_PER_ROUND = 1000;
    private static final int LISTS_PER_ROUND = 50;
    private static final int ROUNDS = 5;

    @Override
    public String name() {
        return "s3-versioning";
    }

    @Override
    public String description() {
        return "S3 1 KiB overwriting PUTs and ListObjectsV2 of 200 keys, versioned bucket vs unversioned, state dir";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        Path stateDir = BenchClouds.stateDirectory(home, "s3-versioning-state");
        try (LabCloud cloud = BenchClouds.start(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
             S3Client s3 = BenchClouds.client(cloud, S3Client.builder())) {
            s3.createBucket(b -> b.bucket("unversioned"));
            s3.createBucket(b -> b.bucket("versioned"));
            s3.putBucketVersioning(b -> b.bucket("versioned").versioningConfiguration(v -> v.status("Enabled")));
            byte[] body = new byte[1024];
            new Random(3).nextBytes(body);
            puts(s3, "unversioned", body);
            puts(s3, "versioned", body);
            List<Double> plainPuts = new ArrayList<>();
            List<Double> versionedPuts = new ArrayList<>();
            List<Double> plainLists = new ArrayList<>();
            List<Double> versionedLists = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                plainPuts.add(puts(s3, "unversioned", body));
                versionedPuts.add(puts(s3, "versioned", body));
                plainLists.add(lists(s3, "unversioned"));
                versionedLists.add(lists(s3, "versioned"));
            }
            report.add(Measurement.of("S3 1 KiB overwriting PUTs, unversioned bucket", "PUT/s", plainPuts));
            report.add(Measurement.of("S3 1 KiB overwriting PUTs, versioned bucket", "PUT/s", versionedPuts));
            report.add(Measurement.of("S3 ListObjectsV2 of " + KEYS + " keys, unversioned bucket", "lists/s",
                    plainLists));
            report.add(Measurement.of("S3 ListObjectsV2 of " + KEYS + " keys, versioned bucket", "lists/s",
                    versionedLists).withNote("up to " + (ROUNDS + 1) * PUTS_PER_ROUND / KEYS + " versions a key"));
            List<Double> versionLists = new ArrayList<>();
            int versions = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                versions = 0;
                for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket("versioned"))) {
                    versions += page.versions().size();
                }
                versionLists.add(versions / ((System.nanoTime() - start) / 1e9));
            }
            report.add(Measurement.of("S3 ListObjectVersions of " + versions + " versions", "versions/s",
                    versionLists));
        } finally {
            BenchClouds.deleteTree(stateDir);
        }
    }

    private static double puts(S3Client s3, String bucket, byte[] body) {
        long start = System.nanoTime();
        for (int i = 0; i < PUTS_PER_ROUND; i++) {
            String key = "data/part-" + (i % KEYS);
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
        }
        return PUTS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
    }

    private static double lists(S3Client s3, String bucket) {
        long start = System.nanoTime();
        for (int i = 0; i < LISTS_PER_ROUND; i++) {
            s3.listObjectsV2(b -> b.bucket(bucket));
        }
        return LISTS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
    }
}
