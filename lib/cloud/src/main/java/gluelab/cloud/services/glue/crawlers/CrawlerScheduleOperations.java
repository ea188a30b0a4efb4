package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.Schedule;
import software.amazon.awssdk.services.glue.model.ScheduleState;
import software.amazon.awssdk.services.glue.model.StartCrawlerScheduleRequest;
import software.amazon.awssdk.services.glue.model.StartCrawlerScheduleResponse;
import software.amazon.awssdk.services.glue.model.StopCrawlerScheduleRequest;
import software.amazon.awssdk.services.glue.model.StopCrawlerScheduleResponse;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerScheduleRequest;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerScheduleResponse;

/**
 * A crawler's schedule, Glue's "crawler scheduler API": UpdateCrawlerSchedule, StartCrawlerSchedule,
 * StopCrawlerSchedule. The schedule is part of the crawler (GetCrawler shows it); {@link CrawlerSchedules} keeps
 * its timer in step.
 */
public final class CrawlerScheduleOperations {

    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;
    private final CrawlerSchedules schedules;

    public CrawlerScheduleOperations(AccountRegionStore<CrawlersState> states, CrawlStateMachine crawls,
                                     CrawlerSchedules schedules) {
        this.states = states;
        this.crawls = crawls;
        this.schedules = schedules;
    }

    public UpdateCrawlerScheduleResponse updateCrawlerSchedule(RequestContext ctx, UpdateCrawlerScheduleRequest request) {
        String name = GlueErrors.name(request.crawlerName(), "crawlerName");
        Schedule schedule = CrawlerDefinitions.schedule(request.schedule());
        Crawler updated = changeSchedule(ctx, name, existing -> schedule);
        schedules.sync(states.get(ctx).scope, updated);
        return UpdateCrawlerScheduleResponse.builder().build();
    }

    public StartCrawlerScheduleResponse startCrawlerSchedule(RequestContext ctx, StartCrawlerScheduleRequest request) {
        String name = GlueErrors.name(request.crawlerName(), "crawlerName");
        Crawler updated = changeSchedule(ctx, name, existing -> {
            if (existing == null) {
                throw GlueErrors.noSchedule(name);
            }
            if (existing.state() == ScheduleState.SCHEDULED) {
                throw GlueErrors.schedulerRunning(name);
            }
            return existing.toBuilder().state(ScheduleState.SCHEDULED).build();
        });
        schedules.sync(states.get(ctx).scope, updated);
        return StartCrawlerScheduleResponse.builder().build();
    }

    public StopCrawlerScheduleResponse stopCrawlerSchedule(RequestContext ctx, StopCrawlerScheduleRequest request) {
        String name = GlueErrors.name(request.crawlerName(), "crawlerName");
        Crawler updated = changeSchedule(ctx, name, existing -> {
            if (existing == null || existing.state() != ScheduleState.SCHEDULED) {
                throw GlueErrors.schedulerNotRunning(name);
            }
            return existing.toBuilder().state(ScheduleState.NOT_SCHEDULED).build();
        });
        schedules.sync(states.get(ctx).scope, updated);
        return StopCrawlerScheduleResponse.builder().build();
    }

    private Crawler changeSchedule(RequestContext ctx, String name, UnaryOperator<Schedule> change) {
        CrawlersState state = states.get(ctx);
        synchronized (state) {
            Crawler existing = state.requireCrawler(name);
            Crawler updated = existing.toBuilder().schedule(change.apply(existing.schedule())).lastUpdated(crawls.now()).build();
            state.crawlers.put(name, updated);
            return updated;
        }
    }
}
