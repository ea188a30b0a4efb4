package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.clock.TimerOwner;
import gluelab.cloud.protocol.AwsServiceException;
import gluelab.cloud.schedule.CronExpression;
import gluelab.cloud.service.AccountRegionStore;
import gluelab.cloud.service.Platform;
import gluelab.cloud.service.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.ScheduleState;

/**
 * The timers of crawlers whose Schedule is SCHEDULED, on the lab clock (the same cron expressions and timers
 * as scheduled triggers): each due fire time starts a crawl, whether real time passes or the clock is
 * advanced. A fire time that finds the crawler still crawling is skipped, as on AWS. After a restart the
 * timers are registered again from now.
 */
final class CrawlerSchedules implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CrawlerSchedules.class.getName());

    private final Platform platform;
    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;
    private final Map<String, LabScheduler.Registration> timers = new ConcurrentHashMap<>();

    CrawlerSchedules(Platform platform, AccountRegionStore<CrawlersState> states, CrawlStateMachine crawls) {
        this.platform = platform;
        this.states = states;
        this.crawls = crawls;
    }

    void restoreAll() {
        states.all().forEach((scope, state) -> state.crawlers.values().forEach(crawler -> sync(scope, crawler)));
    }

    /** Makes the timer match the crawler: running if its schedule is SCHEDULED, else none. */
    void sync(Scope scope, Crawler crawler) {
        cancel(scope, crawler.name());
        if (crawler.schedule() == null || crawler.schedule().state() != ScheduleState.SCHEDULED) {
            return;
        }
        CronExpression cron = CronExpression.parse(crawler.schedule().scheduleExpression());
        String name = crawler.name();
        LabScheduler.Registration timer = platform.scheduler().scheduleRecurring(
                new TimerOwner("glue", "ScheduledCrawler", name, scope.account(), scope.region()),
                platform.clock().instant(), cron::nextAfter, at -> fire(scope, name, at));
        timers.put(key(scope, name), timer);
    }

    void cancel(Scope scope, String crawlerName) {
        LabScheduler.Registration timer = timers.remove(key(scope, crawlerName));
        if (timer != null) {
            timer.cancel();
        }
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

    private static String key(Scope scope, String crawlerName) {
        return scope.account() + "/" + scope.region() + "/" + crawlerName;
    }

    @Override
    public void close() {
        timers.values().forEach(LabScheduler.Registration::cancel);
        timers.clear();
    }
}
