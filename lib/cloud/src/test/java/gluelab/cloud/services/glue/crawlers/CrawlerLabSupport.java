package gluelab.cloud.services.glue.crawlers;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.s3.S3Client;

/** What the crawler tests share: a typical crawler, data put into S3, waiting for crawls, events and log lines. */
final class CrawlerLabSupport {

    static final String ROLE = TestRoles.CRAWLER_ROLE;

    private CrawlerLabSupport() {
    }

    /** A crawler of {@code s3://bucket/prefix} into {@code database}, as the notebooks create them. */
    static CreateCrawlerRequest.Builder s3Crawler(String name, String database, String path) {
        return CreateCrawlerRequest.builder()
                .name(name)
                .role(ROLE)
                .databaseName(database)
                .targets(t -> t.s3Targets(s -> s.path(path)));
    }

    /** Waits for the crawler to be READY again after a crawl (LastCrawl set); returns it. */
    static Crawler awaitReady(GlueClient glue, String name) {
        return awaitState(glue, name, Set.of(CrawlerState.READY), true);
    }

    static Crawler awaitState(GlueClient glue, String name, Set<CrawlerState> wanted, boolean crawled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Crawler crawler = glue.getCrawler(r -> r.name(name)).crawler();
            if (wanted.contains(crawler.state()) && (!crawled || crawler.lastCrawl() != null)) {
                return crawler;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Crawler " + name + " is still " + crawler.state() + ", not one of " + wanted);
            }
            GlueLabSupport.sleep(25);
        }
    }

    /** Starts a crawl and waits for its end: the crawler, READY with the new LastCrawl. */
    static Crawler crawl(GlueClient glue, String name) {
        String previous = lastCrawlId(glue, name);
        glue.startCrawler(r -> r.name(name));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Crawler crawler = glue.getCrawler(r -> r.name(name)).crawler();
            if (crawler.state() == CrawlerState.READY && crawler.lastCrawl() != null
                    && !crawler.lastCrawl().messagePrefix().equals(previous)) {
                return crawler;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Crawler " + name + " did not finish a crawl; it is " + crawler.state());
            }
            GlueLabSupport.sleep(25);
        }
    }

    private static String lastCrawlId(GlueClient glue, String name) {
        Crawler crawler = glue.getCrawler(r -> r.name(name)).crawler();
        return crawler.lastCrawl() == null ? "" : crawler.lastCrawl().messagePrefix();
    }

    static void put(S3Client s3, String bucket, String key, String content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    static void put(S3Client s3, String bucket, String key, byte[] content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** The "Glue Crawler State Change" events of one crawler, oldest first. */
    static List<JsonNode> stateChanges(RunningLabCloud cloud, String crawlerName) {
        return GlueLabSupport.glueEvents(cloud).stream()
                .filter(e -> "Glue Crawler State Change".equals(e.path("name").asText()))
                .filter(e -> crawlerName.equals(e.path("detail").path("crawlerName").asText()))
                .toList();
    }

    /** The messages of the crawler's log stream in {@code /aws-glue/crawlers}. */
    static List<String> logLines(CloudWatchLogsClient logs, String crawlerName) {
        return logs.getLogEvents(r -> r.logGroupName("/aws-glue/crawlers").logStreamName(crawlerName).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }
}
