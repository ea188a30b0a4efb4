package gluelab.lab.glue;

import gluelab.lab.CrawlFailedException;
import gluelab.lab.Durations;
import gluelab.lab.wait.StateWaiter;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/** Waiting for a Glue crawler's crawl to end. */
public final class Crawlers {

    private Crawlers() {
    }

    /**
     * Polls {@code GetCrawler} until the crawler is {@code READY} again after the crawl just started, printing each
     * state once ({@code Crawler lab15-sales: RUNNING → STOPPING → READY — crawl SUCCEEDED after 2.1 s}), and returns
     * the crawl's {@code LastCrawl}. A crawl that ended FAILED throws {@link CrawlFailedException} with its error
     * message and where its log is.
     */
    public static LastCrawlInfo waitFor(GlueClient glue, StateWaiter waiter, String crawlerName, Duration timeout) {
        return waitFor(() -> glue.getCrawler(r -> r.name(crawlerName)).crawler(), waiter, crawlerName, timeout);
    }

    /** As {@link #waitFor(GlueClient, StateWaiter, String, Duration)}, with one {@code GetCrawler} call given. */
    public static LastCrawlInfo waitFor(Supplier<Crawler> getCrawler, StateWaiter waiter, String crawlerName, Duration timeout) {
        // Once StartCrawler has returned the crawler is RUNNING until the crawl ends, so READY means this crawl
        // is over, even when it was too quick to be seen running (Lab Cloud crawls small folders in well under a second).
        Crawler crawler = waiter.await("Crawler " + crawlerName, getCrawler, Crawler::stateAsString,
                c -> c.state() == CrawlerState.READY,
                (c, waited) -> c.lastCrawl() == null ? "" : "— crawl " + c.lastCrawl().statusAsString() + " after "
                        + Durations.describe(waited),
                timeout,
                "A crawl stops on its own; glue.stopCrawler(r -> r.name(\"" + crawlerName + "\")) ends it early, and its "
                        + "log is in /aws-glue/crawlers, stream " + crawlerName);
        LastCrawlInfo last = crawler.lastCrawl();
        if (last == null) {
            throw new CrawlFailedException("Crawler " + crawlerName + " is READY but has never crawled: start it first with "
                    + "glue.startCrawler(r -> r.name(\"" + crawlerName + "\"))");
        }
        if (last.status() == LastCrawlStatus.FAILED) {
            throw new CrawlFailedException("The crawl of " + crawlerName + " FAILED: " + last.errorMessage()
                    + " (its log: group " + orDefault(last.logGroup(), "/aws-glue/crawlers") + ", stream "
                    + orDefault(last.logStream(), crawlerName) + ")");
        }
        return last;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
