package gluelab.lab.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.CrawlFailedException;
import gluelab.lab.LabTimeoutException;
import gluelab.lab.wait.StateWaiter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

class CrawlersTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long fakeNanos;

    private StateWaiter waiter() {
        return new StateWaiter(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(200),
                Duration.ofSeconds(1), d -> fakeNanos += d.toNanos(), () -> fakeNanos);
    }

    private static Crawler crawler(CrawlerState state, LastCrawlInfo last) {
        return Crawler.builder().name("lab15-sales").state(state).lastCrawl(last).build();
    }

    private static LastCrawlInfo crawl(LastCrawlStatus status, String error) {
        return LastCrawlInfo.builder().status(status).errorMessage(error).startTime(Instant.parse("2026-01-01T00:00:00Z"))
                .logGroup("/aws-glue/crawlers").logStream("lab15-sales").build();
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void waitsUntilTheCrawlerIsReadyAgainAndReturnsTheCrawlShowingEachStateOnce() {
        LastCrawlInfo done = crawl(LastCrawlStatus.SUCCEEDED, null);
        Iterator<Crawler> answers = List.of(crawler(CrawlerState.RUNNING, null), crawler(CrawlerState.RUNNING, null),
                crawler(CrawlerState.STOPPING, null), crawler(CrawlerState.READY, done)).iterator();

        LastCrawlInfo last = Crawlers.waitFor(answers::next, waiter(), "lab15-sales", Duration.ofMinutes(1));

        assertThat(last).isEqualTo(done);
        assertThat(printed()).isEqualTo("Crawler lab15-sales: RUNNING → STOPPING → READY — crawl SUCCEEDED after 950 ms"
                + System.lineSeparator());
    }

    @Test
    void aCrawlOverBeforeTheFirstPollIsReturnedAtOnce() {
        LastCrawlInfo done = crawl(LastCrawlStatus.SUCCEEDED, null);

        LastCrawlInfo last = Crawlers.waitFor(() -> crawler(CrawlerState.READY, done), waiter(), "lab15-sales",
                Duration.ofMinutes(1));

        assertThat(last).isEqualTo(done);
        assertThat(printed()).startsWith("Crawler lab15-sales: READY — crawl SUCCEEDED");
    }

    @Test
    void aFailedCrawlThrowsWithItsErrorAndWhereItsLogIs() {
        Iterator<Crawler> answers = List.of(crawler(CrawlerState.RUNNING, null),
                crawler(CrawlerState.READY, crawl(LastCrawlStatus.FAILED, "Access Denied on s3://lab15-raw/"))).iterator();

        assertThatThrownBy(() -> Crawlers.waitFor(answers::next, waiter(), "lab15-sales", Duration.ofMinutes(1)))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessage("The crawl of lab15-sales FAILED: Access Denied on s3://lab15-raw/ (its log: group "
                        + "/aws-glue/crawlers, stream lab15-sales)");
    }

    @Test
    void aCrawlerThatNeverCrawledSaysToStartItFirst() {
        assertThatThrownBy(() -> Crawlers.waitFor(() -> crawler(CrawlerState.READY, null), waiter(), "lab15-sales",
                Duration.ofMinutes(1)))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessageContaining("has never crawled")
                .hasMessageContaining("glue.startCrawler(r -> r.name(\"lab15-sales\"))");
    }

    @Test
    void givingUpSaysTheCrawlerIsStillRunningAndHowToStopIt() {
        assertThatThrownBy(() -> Crawlers.waitFor(() -> crawler(CrawlerState.RUNNING, null), waiter(), "lab15-sales",
                Duration.ofSeconds(3)))
                .isInstanceOf(LabTimeoutException.class)
                .hasMessageStartingWith("Crawler lab15-sales is still RUNNING after")
                .hasMessageContaining("glue.stopCrawler(r -> r.name(\"lab15-sales\"))");
    }
}
