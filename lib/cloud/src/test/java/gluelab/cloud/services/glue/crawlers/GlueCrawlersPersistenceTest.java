package gluelab.cloud.services.glue.crawlers;

import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.s3Crawler;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerHistoryState;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.ScheduleState;

/** Crawler definitions, schedules and crawl history survive a restart; a crawl in flight ends FAILED, saying why. */
class GlueCrawlersPersistenceTest {

    @TempDir
    Path stateDir;

    @Test
    void crawlersSurviveARestartAndACrawlInFlightEndsFailed() {
        String lostCrawl;
        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            glue.createCrawler(s3Crawler("durable", "lake", "s3://lake/sales/").tablePrefix("raw_")
                    .schedule("cron(0 3 * * ? *)").tags(Map.of("team", "data")).build());
            glue.updateCrawler(r -> r.name("durable").description("kept"));
            glue.startCrawler(r -> r.name("durable"));
            lostCrawl = glue.listCrawls(r -> r.crawlerName("durable")).crawls().get(0).crawlId();
        }

        try (LabCloud cloud = start(); GlueClient glue = GlueLabSupport.client(cloud)) {
            Crawler crawler = glue.getCrawler(r -> r.name("durable")).crawler();
            assertThat(crawler.description()).isEqualTo("kept");
            assertThat(crawler.version()).isEqualTo(2L);
            assertThat(crawler.tablePrefix()).isEqualTo("raw_");
            assertThat(crawler.schedule().state()).isEqualTo(ScheduleState.SCHEDULED);
            assertThat(crawler.state()).isEqualTo(CrawlerState.READY);
            assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
            assertThat(crawler.lastCrawl().errorMessage()).contains("Lab Cloud stopped while this crawl was RUNNING");
            assertThat(glue.listCrawls(r -> r.crawlerName("durable")).crawls()).singleElement().satisfies(c -> {
                assertThat(c.crawlId()).isEqualTo(lostCrawl);
                assertThat(c.state()).isEqualTo(CrawlerHistoryState.FAILED);
            });
            assertThat(glue.listCrawlers(r -> r.tags(Map.of("team", "data"))).crawlerNames()).containsExactly("durable");
        }
    }

    private LabCloud start() {
        return GlueLabSupport.startPersistent(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
    }
}
