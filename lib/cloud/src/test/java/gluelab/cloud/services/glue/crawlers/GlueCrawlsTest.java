package gluelab.cloud.services.glue.crawlers;

import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.awaitState;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.crawl;
import static gluelab.cloud.services.glue.crawlers.CrawlerLabSupport.s3Crawler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.services.glue.jobs.GlueLabSupport;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerHistoryState;
import software.amazon.awssdk.services.glue.model.CrawlerNotRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CrawlerStoppingException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.FieldName;
import software.amazon.awssdk.services.glue.model.FilterOperator;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/**
 * The crawl state machine, whatever the data: READY → RUNNING → (STOPPING →) READY, the errors of each state,
 * crawls that fail (a missing database, a missing connection), ListCrawls, events and log lines, and schedules.
 */
class GlueCrawlsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().withGlueRoles();
    static GlueClient glue;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void clients() {
        glue = cloud.client(GlueClient.builder());
        logs = cloud.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        glue.close();
        logs.close();
    }

    @Test
    void aRunningCrawlerRefusesASecondStartAnUpdateAndADelete() {
        glue.createCrawler(s3Crawler("busy", "nowhere", "s3://lake/busy/").build());

        glue.startCrawler(r -> r.name("busy"));

        Crawler running = glue.getCrawler(r -> r.name("busy")).crawler();
        assertThat(running.state()).isEqualTo(CrawlerState.RUNNING);
        assertThat(running.crawlElapsedTime()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThatThrownBy(() -> glue.startCrawler(r -> r.name("busy"))).isInstanceOf(CrawlerRunningException.class)
                .hasMessageContaining("busy");
        assertThatThrownBy(() -> glue.updateCrawler(r -> r.name("busy").description("x")))
                .isInstanceOf(CrawlerRunningException.class);
        assertThatThrownBy(() -> glue.deleteCrawler(r -> r.name("busy"))).isInstanceOf(CrawlerRunningException.class);
        CrawlerLabSupport.awaitReady(glue, "busy");
    }

    @Test
    void aCrawlThatEndsByItselfGoesRunningThenStoppingThenReadyAsOnAws() throws InterruptedException {
        glue.createCrawler(s3Crawler("winding-down", "missing_db", "s3://lake/x/").build());
        glue.startCrawler(r -> r.name("winding-down"));

        List<CrawlerState> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.isEmpty() || seen.get(seen.size() - 1) != CrawlerState.READY) {
            assertThat(System.nanoTime()).as("the crawl ends within 30 s").isLessThan(deadline);
            CrawlerState state = glue.getCrawler(r -> r.name("winding-down")).crawler().state();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != state) {
                seen.add(state);
            }
            Thread.sleep(20);
        }

        assertThat(seen).containsExactly(CrawlerState.RUNNING, CrawlerState.STOPPING, CrawlerState.READY);
    }

    @Test
    void aCrawlIntoADatabaseThatDoesNotExistFailsSayingSoAndTheCrawlerIsReadyAgain() {
        glue.createCrawler(s3Crawler("no-database", "missing_db", "s3://lake/x/").build());

        Crawler crawler = crawl(glue, "no-database");

        assertThat(crawler.state()).isEqualTo(CrawlerState.READY);
        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler.lastCrawl().errorMessage()).contains("Database missing_db does not exist");
        assertThat(crawler.lastCrawl().logGroup()).isEqualTo("/aws-glue/crawlers");
        assertThat(crawler.lastCrawl().logStream()).isEqualTo("no-database");
        assertThat(crawler.lastCrawl().messagePrefix()).isNotBlank();
        assertThat(crawler.crawlElapsedTime()).isNull();
        assertThatThrownBy(() -> glue.getDatabase(r -> r.name("missing_db")))
                .as("Glue does not create the crawler's database").isInstanceOf(EntityNotFoundException.class);

        List<JsonNode> events = CrawlerLabSupport.stateChanges(cloud, "no-database");
        assertThat(events).extracting(e -> e.path("detail").path("state").asText()).containsExactly("Started", "Failed");
        JsonNode failed = events.get(1).path("detail");
        assertThat(failed.path("message").asText()).isEqualTo("Crawler Failed");
        assertThat(failed.path("errorMessage").asText()).contains("missing_db");
        assertThat(failed.path("accountId").asText()).isEqualTo("000000000000");
        assertThat(failed.path("cloudWatchLogLink").asText()).contains("group=/aws-glue/crawlers;stream=no-database");

        assertThat(CrawlerLabSupport.logLines(logs, "no-database"))
                .allSatisfy(line -> assertThat(line).startsWith("[" + crawler.lastCrawl().messagePrefix() + "] "))
                .anySatisfy(line -> assertThat(line).contains("BENCHMARK : Running Start Crawl for Crawler no-database"))
                .anySatisfy(line -> assertThat(line).contains("ERROR : Database missing_db does not exist"))
                .anySatisfy(line -> assertThat(line).endsWith("BENCHMARK : Crawler has finished running and is in state READY"));
    }

    @Test
    void aCrawlOfAJdbcTargetWhoseConnectionDoesNotExistFailsNamingTheConnection() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("jdbc_out")));
        glue.createCrawler(r -> r.name("jdbc").role(CrawlerLabSupport.ROLE).databaseName("jdbc_out")
                .targets(t -> t.jdbcTargets(j -> j.connectionName("postgres").path("shop/public/%"))));
        assertThat(glue.getCrawler(r -> r.name("jdbc")).crawler().targets().jdbcTargets())
                .singleElement().satisfies(j -> assertThat(j.path()).isEqualTo("shop/public/%"));

        Crawler crawler = crawl(glue, "jdbc");

        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.FAILED);
        assertThat(crawler.lastCrawl().errorMessage()).contains("Connection postgres does not exist");
    }

    @Test
    void stopCrawlerStopsARunningCrawlWhichEndsCancelled() {
        glue.createCrawler(s3Crawler("stopped", "nowhere", "s3://lake/x/").build());
        assertThatThrownBy(() -> glue.stopCrawler(r -> r.name("stopped"))).isInstanceOf(CrawlerNotRunningException.class);
        glue.startCrawler(r -> r.name("stopped"));

        glue.stopCrawler(r -> r.name("stopped"));

        assertThat(glue.getCrawler(r -> r.name("stopped")).crawler().state()).isIn(CrawlerState.STOPPING, CrawlerState.READY);
        if (glue.getCrawler(r -> r.name("stopped")).crawler().state() == CrawlerState.STOPPING) {
            assertThatThrownBy(() -> glue.stopCrawler(r -> r.name("stopped"))).isInstanceOf(CrawlerStoppingException.class);
        }
        Crawler crawler = CrawlerLabSupport.awaitReady(glue, "stopped");
        assertThat(crawler.lastCrawl().status()).isEqualTo(LastCrawlStatus.CANCELLED);
        assertThat(glue.listCrawls(r -> r.crawlerName("stopped")).crawls()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(CrawlerHistoryState.STOPPED));
        assertThat(CrawlerLabSupport.stateChanges(cloud, "stopped")).extracting(e -> e.path("detail").path("state").asText())
                .as("a cancelled crawl sends no end event").containsExactly("Started");
    }

    @Test
    void listCrawlsShowsEachCrawlNewestFirstAndFiltersByState() {
        glue.createCrawler(s3Crawler("history", "nowhere", "s3://lake/x/").build());
        crawl(glue, "history");
        glue.startCrawler(r -> r.name("history"));
        glue.stopCrawler(r -> r.name("history"));
        Crawler last = CrawlerLabSupport.awaitReady(glue, "history");
        awaitState(glue, "history", Set.of(CrawlerState.READY), true);

        List<CrawlerHistory> crawls = glue.listCrawls(r -> r.crawlerName("history")).crawls();

        assertThat(crawls).extracting(CrawlerHistory::state)
                .containsExactly(CrawlerHistoryState.STOPPED, CrawlerHistoryState.FAILED);
        assertThat(crawls.get(0).crawlId()).isEqualTo(last.lastCrawl().messagePrefix());
        assertThat(crawls).allSatisfy(c -> {
            assertThat(c.logGroup()).isEqualTo("/aws-glue/crawlers");
            assertThat(c.logStream()).isEqualTo("history");
            assertThat(c.endTime()).isAfterOrEqualTo(c.startTime());
            assertThat(c.dpuHour()).isPositive();
        });
        assertThat(glue.listCrawls(r -> r.crawlerName("history").filters(f -> f.fieldName(FieldName.STATE)
                .filterOperator(FilterOperator.EQ).fieldValue("FAILED"))).crawls())
                .singleElement().satisfies(c -> assertThat(c.errorMessage()).contains("nowhere"));
        var page = glue.listCrawls(r -> r.crawlerName("history").maxResults(1));
        assertThat(page.crawls()).hasSize(1);
        assertThat(glue.listCrawls(r -> r.crawlerName("history").maxResults(1).nextToken(page.nextToken())).crawls())
                .extracting(CrawlerHistory::state).containsExactly(CrawlerHistoryState.FAILED);
    }

    @Test
    void aScheduledCrawlerCrawlsAtEachFireTimeWhenTheClockIsAdvancedUntilItsScheduleIsStopped() {
        glue.createCrawler(s3Crawler("hourly", "nowhere", "s3://lake/x/").schedule("cron(0 * * * ? *)").build());

        GlueLabSupport.advanceClock(cloud, Duration.ofMinutes(150));
        CrawlerLabSupport.awaitReady(glue, "hourly");

        List<CrawlerHistory> crawls = glue.listCrawls(r -> r.crawlerName("hourly")).crawls();
        assertThat(crawls).hasSizeBetween(2, 3);
        assertThat(crawls).allSatisfy(c -> assertThat(c.startTime().getEpochSecond() % 3600).isZero());

        glue.stopCrawlerSchedule(r -> r.crawlerName("hourly"));
        GlueLabSupport.advanceClock(cloud, Duration.ofMinutes(120));
        assertThat(glue.listCrawls(r -> r.crawlerName("hourly")).crawls()).hasSameSizeAs(crawls);
    }

    @Test
    void aResetByPrefixRemovesMatchingCrawlersAndStopsTheirCrawls() {
        glue.createCrawler(s3Crawler("reset-me", "nowhere", "s3://lake/x/").build());
        glue.createCrawler(s3Crawler("keep-me", "nowhere", "s3://lake/x/").build());
        glue.startCrawler(r -> r.name("reset-me"));

        cloud.http(cloud.request("/_lab/reset?prefix=reset-").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThatThrownBy(() -> glue.getCrawler(r -> r.name("reset-me"))).isInstanceOf(EntityNotFoundException.class);
        assertThat(glue.getCrawler(r -> r.name("keep-me")).crawler().state()).isEqualTo(CrawlerState.READY);
        glue.createCrawler(s3Crawler("reset-me", "nowhere", "s3://lake/x/").build());
        assertThat(glue.listCrawls(r -> r.crawlerName("reset-me")).crawls()).as("the old crawls are gone").isEmpty();
    }
}
