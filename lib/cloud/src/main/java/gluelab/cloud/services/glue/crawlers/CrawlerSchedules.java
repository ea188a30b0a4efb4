package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.schedule.CronExpression;
import java.time.Instant;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.ScheduleState;

/**
 * The timers of crawlers whose Schedule is SCHEDULED, on the lab clock (the same cron expressions and timers
 * as scheduled triggers): each due fire time starts a crawl, whether real time passes or the clock is
 * advanced. A fire time that finds the crawler still crawling is skipped, as on AWS. After a restart the
 * timers are registered again from now.
 */
public final class CrawlerSchedules implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CrawlerSchedules.class.getName());

    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;
    private final RecurringTimers timers;

    public CrawlerSchedules(Platform platform, AccountRegionStore<CrawlersState> states, CrawlStateMachine crawls) {
        this.states = states;
        this.crawls = crawls;
        this.timers = new RecurringTimers(platform, "glue", "ScheduledCrawler");
    }

    public void restoreAll() {
        states.all().forEach((scope, state) -> state.crawlers.values().forEach(crawler -> sync(scope, crawler)));
    }

    /** Makes the timer match the crawler: running if its schedule is SCHEDULED, else none. */
    void sync(Scope scope, Crawler crawler) {
        if (crawler.schedule() == null || crawler.schedule().state() != ScheduleState.SCHEDULED) {
            timers.cancel(scope, crawler.name());
            return;
        }
        String name = crawler.name();
        timers.set(scope, name, CronExpression.parse(crawler.schedule().scheduleExpression()), at -> fire(scope, name, at));
    }

    void cancel(Scope scope, String crawlerName) {
        timers.cancel(scope, crawlerName);
    }

    private void fire(Scope scope, String name, Instant at) {
        Crawler crawler = states.get(scope).crawlers.get(name);
        if (crawler == null || crawler.schedule() == null || crawler.schedule().state() != ScheduleState.SCHEDULED) {
            return;
        }
        try {
            crawls.start(scope, name, at);
        } catch (AwsServiceException e) {
            LOG.info("Scheduled crawl of " + name + " at " + at + " skipped: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timers.close();
    }
}
