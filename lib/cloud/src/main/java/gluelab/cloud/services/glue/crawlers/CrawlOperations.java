package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.GetCrawlerMetricsRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlerMetricsResponse;
import software.amazon.awssdk.services.glue.model.ListCrawlsRequest;
import software.amazon.awssdk.services.glue.model.ListCrawlsResponse;
import software.amazon.awssdk.services.glue.model.StartCrawlerRequest;
import software.amazon.awssdk.services.glue.model.StartCrawlerResponse;
import software.amazon.awssdk.services.glue.model.StopCrawlerRequest;
import software.amazon.awssdk.services.glue.model.StopCrawlerResponse;

/** Crawls: StartCrawler, StopCrawler, GetCrawlerMetrics, ListCrawls. */
public final class CrawlOperations {

    private static final Pages.Limits CRAWL_PAGES = new Pages.Limits("maxResults", 20, 1000);

    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;

    public CrawlOperations(AccountRegionStore<CrawlersState> states, CrawlStateMachine crawls) {
        this.states = states;
        this.crawls = crawls;
    }

    public StartCrawlerResponse startCrawler(RequestContext ctx, StartCrawlerRequest request) {
        crawls.start(ctx.scope(), GlueErrors.name(request.name(), "name"), crawls.now());
        return StartCrawlerResponse.builder().build();
    }

    public StopCrawlerResponse stopCrawler(RequestContext ctx, StopCrawlerRequest request) {
        crawls.stop(ctx.scope(), GlueErrors.name(request.name(), "name"));
        return StopCrawlerResponse.builder().build();
    }

    /** The metrics of the named crawlers (all of them when none are named), by name; unknown names are left out. */
    public GetCrawlerMetricsResponse getCrawlerMetrics(RequestContext ctx, GetCrawlerMetricsRequest request) {
        CrawlersState state = states.get(ctx);
        List<Crawler> crawlers = (request.hasCrawlerNameList()
                ? request.crawlerNameList().stream().distinct().map(state.crawlers::get).filter(c -> c != null)
                : state.crawlers.values().stream())
                .sorted(Comparator.comparing(Crawler::name)).toList();
        Pages.Page<Crawler> page = GluePages.PAGES.page(crawlers, Crawler::name, request.nextToken(), request.maxResults(),
                CRAWL_PAGES);
        return GetCrawlerMetricsResponse.builder()
                .crawlerMetricsList(page.items().stream().map(c -> metrics(state, c)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * The counts of the last finished crawl, its runtime and the median of all finished ones; while a crawl runs,
     * the time it is expected to take still (the median less what has passed), "still estimating" before any
     * crawl has finished.
     */
    private CrawlerMetrics metrics(CrawlersState state, Crawler crawler) {
        List<CrawlRecord> finished = state.crawls.values().stream()
                .filter(c -> c.crawlerName().equals(crawler.name()) && !c.running())
                .sorted(Comparator.comparingLong(CrawlRecord::sequence)).toList();
        Optional<CrawlRecord> last = finished.isEmpty() ? Optional.empty() : Optional.of(finished.get(finished.size() - 1));
        CrawlSummary summary = last.map(CrawlRecord::summary).orElse(CrawlSummary.NONE);
        double median = median(finished.stream().mapToDouble(CrawlOperations::seconds).sorted().toArray());
        Optional<CrawlRecord> running = crawls.runningCrawl(state, crawler.name());
        double timeLeft = running.map(c -> Math.max(0, median - Duration.between(c.startTime(), crawls.now()).toMillis() / 1000.0))
                .orElse(0.0);
        return CrawlerMetrics.builder()
                .crawlerName(crawler.name())
                .timeLeftSeconds(timeLeft)
                .stillEstimating(running.isPresent() && finished.isEmpty())
                .lastRuntimeSeconds(last.map(CrawlOperations::seconds).orElse(0.0))
                .medianRuntimeSeconds(median)
                .tablesCreated(summary.tablesCreated())
                .tablesUpdated(summary.tablesUpdated())
                .tablesDeleted(summary.tablesDeleted())
                .build();
    }

    private static double seconds(CrawlRecord crawl) {
        return Duration.between(crawl.startTime(), crawl.endTime()).toMillis() / 1000.0;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The crawls of one crawler, newest first, that pass every filter. */
    public ListCrawlsResponse listCrawls(RequestContext ctx, ListCrawlsRequest request) {
        CrawlersState state = states.get(ctx);
        String name = GlueErrors.name(request.crawlerName(), "crawlerName");
        state.requireCrawler(name);
        List<CrawlsFilterMatch> filters = request.hasFilters()
                ? request.filters().stream().map(CrawlsFilterMatch::of).toList() : List.of();
        List<CrawlRecord> matching = state.crawls.values().stream()
                .filter(c -> c.crawlerName().equals(name))
                .filter(c -> filters.stream().allMatch(f -> f.test(c.history())))
                .sorted(Comparator.comparingLong(CrawlRecord::sequence).reversed())
                .toList();
        Pages.Page<CrawlRecord> page = GluePages.PAGES.page(matching,
                c -> String.format("%019d", Long.MAX_VALUE - c.sequence()), request.nextToken(), request.maxResults(),
                CRAWL_PAGES);
        List<CrawlerHistory> crawlHistory = page.items().stream().map(CrawlRecord::history).toList();
        return ListCrawlsResponse.builder().crawls(crawlHistory).nextToken(page.nextToken()).build();
    }
}
