package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Crawlers: StartCrawler to READY over 1,000 small CSV files in 20 {@code year=/month=} partitions, the
 * first crawl (tables and partitions created) and re-crawls with nothing new (everything read again).
 */
final class CrawlerBench implements Benchmark {

    private static final int PARTITIONS = 20;
    private static final int FILES_PER_PARTITION = 50;

    @Override
    public String name() {
        return "crawler";
    }

    @Override
    public String description() {
        return "StartCrawler to READY over 1,000 CSV files in 20 partitions: first crawl and re-crawls";
    }

    @Override
    public void run(Path home, BenchReport report) {
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             S3Client s3 = BenchClouds.client(cloud, S3Client.builder());
             GlueClient glue = BenchClouds.client(cloud, GlueClient.builder())) {
            s3.createBucket(r -> r.bucket("bench-crawl"));
            for (int p = 0; p < PARTITIONS; p++) {
                String folder = "sales/year=" + (2024 + p / 12) + "/month=" + String.format("%02d", p % 12 + 1) + "/";
                for (int f = 0; f < FILES_PER_PARTITION; f++) {
                    String key = folder + "part-" + f + ".csv";
                    s3.putObject(r -> r.bucket("bench-crawl").key(key), RequestBody.fromString(SalesCsv.rows(p * 1000 + f * 20 + 1, 20)));
                }
            }
            glue.createDatabase(r -> r.databaseInput(d -> d.name("bench")));
            glue.createCrawler(r -> r.name("bench-crawler").role("arn:aws:iam::000000000000:role/bench")
                    .databaseName("bench").targets(t -> t.s3Targets(s -> s.path("s3://bench-crawl/sales/"))));
            List<Double> first = List.of(crawl(glue));
            report.add(Measurement.of("Crawler first crawl, 1,000 CSV files / 20 partitions", "s", first));
            List<Double> again = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                again.add(crawl(glue));
            }
            report.add(Measurement.of("Crawler re-crawl, nothing new", "s", again));
        }
    }

    private static double crawl(GlueClient glue) {
        long began = System.nanoTime();
        glue.startCrawler(r -> r.name("bench-crawler"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var crawler = glue.getCrawler(r -> r.name("bench-crawler")).crawler();
            if (crawler.state() == CrawlerState.READY && crawler.lastCrawl() != null
                    && crawler.lastCrawl().startTime() != null) {
                if (!"SUCCEEDED".equals(crawler.lastCrawl().statusAsString())) {
                    throw new IllegalStateException("crawl " + crawler.lastCrawl().statusAsString() + ": "
                            + crawler.lastCrawl().errorMessage());
                }
                return (System.nanoTime() - began) / 1e9;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("crawler not READY after 2 minutes");
    }
}
