package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.BatchLookup;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.GluePages;
import gluelab.cloud.services.glue.GlueRoles;
import gluelab.cloud.services.glue.PrefixReset;
import gluelab.cloud.services.glue.tags.ResourceTags;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import java.util.List;
import software.amazon.awssdk.services.glue.model.BatchGetCrawlersRequest;
import software.amazon.awssdk.services.glue.model.BatchGetCrawlersResponse;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.CreateCrawlerResponse;
import software.amazon.awssdk.services.glue.model.DeleteCrawlerRequest;
import software.amazon.awssdk.services.glue.model.DeleteCrawlerResponse;
import software.amazon.awssdk.services.glue.model.GetCrawlerRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlerResponse;
import software.amazon.awssdk.services.glue.model.GetCrawlersRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlersResponse;
import software.amazon.awssdk.services.glue.model.ListCrawlersRequest;
import software.amazon.awssdk.services.glue.model.ListCrawlersResponse;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerResponse;

/**
 * Crawler definitions: CreateCrawler, GetCrawler, GetCrawlers, ListCrawlers, BatchGetCrawlers, UpdateCrawler,
 * DeleteCrawler. Their schedules have their own operations ({@link CrawlerScheduleOperations}), their crawls too
 * ({@link CrawlOperations}).
 */
public final class CrawlerOperations {

    private static final Pages.Limits LIST_CRAWLERS = new Pages.Limits("maxResults", 100, 1000);

    private final AccountRegionStore<CrawlersState> states;
    private final CrawlStateMachine crawls;
    private final CrawlerSchedules schedules;
    private final Tagging tagging;

    public CrawlerOperations(AccountRegionStore<CrawlersState> states, CrawlStateMachine crawls, CrawlerSchedules schedules,
                             Tagging tagging) {
        this.states = states;
        this.crawls = crawls;
        this.schedules = schedules;
        this.tagging = tagging;
    }

    public CreateCrawlerResponse createCrawler(RequestContext ctx, CreateCrawlerRequest request) {
        CrawlersState state = states.get(ctx);
        Crawler crawler = CrawlerDefinitions.create(request, crawls.now());
        requireAssumable(ctx, crawler.role());
        ResourceTags tags = Tagging.checked("tags", request.hasTags() ? request.tags() : null);
        synchronized (state) {
            if (state.crawlers.containsKey(crawler.name())) {
                throw GlueErrors.alreadyExists(crawler.name() + " already exists");
            }
            state.crawlers.put(crawler.name(), crawler);
            tagging.tagNew(state.scope, TaggedType.CRAWLER, crawler.name(), tags);
        }
        schedules.sync(state.scope, crawler);
        return CreateCrawlerResponse.builder().build();
    }

    public GetCrawlerResponse getCrawler(RequestContext ctx, GetCrawlerRequest request) {
        CrawlersState state = states.get(ctx);
        Crawler crawler = state.requireCrawler(GlueErrors.name(request.name(), "name"));
        return GetCrawlerResponse.builder().crawler(crawls.withElapsedTime(state, crawler)).build();
    }

    public GetCrawlersResponse getCrawlers(RequestContext ctx, GetCrawlersRequest request) {
        CrawlersState state = states.get(ctx);
        Pages.Page<Crawler> page = GluePages.PAGES.page(List.copyOf(state.crawlers.values()), Crawler::name,
                request.nextToken(), request.maxResults(), LIST_CRAWLERS);
        return GetCrawlersResponse.builder()
                .crawlers(page.items().stream().map(c -> crawls.withElapsedTime(state, c)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    public ListCrawlersResponse listCrawlers(RequestContext ctx, ListCrawlersRequest request) {
        CrawlersState state = states.get(ctx);
        List<String> names = state.crawlers.keys().stream()
                .filter(name -> tagging.matches(state.scope, TaggedType.CRAWLER, name, request.hasTags() ? request.tags() : null))
                .toList();
        Pages.Page<String> page = GluePages.PAGES.page(names, name -> name, request.nextToken(), request.maxResults(),
                LIST_CRAWLERS);
        return ListCrawlersResponse.builder().crawlerNames(page.items()).nextToken(page.nextToken()).build();
    }

    public BatchGetCrawlersResponse batchGetCrawlers(RequestContext ctx, BatchGetCrawlersRequest request) {
        CrawlersState state = states.get(ctx);
        List<String> names = GlueErrors.required(request.hasCrawlerNames() ? request.crawlerNames() : null, "crawlerNames");
        BatchLookup<Crawler> lookup = BatchLookup.of(names, state.crawlers::get);
        return BatchGetCrawlersResponse.builder()
                .crawlers(lookup.found().stream().map(c -> crawls.withElapsedTime(state, c)).toList())
                .crawlersNotFound(lookup.notFound())
                .build();
    }

    /** Changes the members the request carries; a crawler that is crawling cannot be changed. */
    public UpdateCrawlerResponse updateCrawler(RequestContext ctx, UpdateCrawlerRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        CrawlersState state = states.get(ctx);
        Crawler updated;
        synchronized (state) {
            Crawler existing = state.requireCrawler(name);
            requireReady(existing);
            updated = CrawlerDefinitions.update(existing, request, crawls.now());
            if (request.role() != null) {
                requireAssumable(ctx, updated.role());
            }
            state.crawlers.put(name, updated);
        }
        schedules.sync(state.scope, updated);
        return UpdateCrawlerResponse.builder().build();
    }

    /** AWS checks when a crawler is defined that Glue can act as its role, and refuses it in these words. */
    private static void requireAssumable(RequestContext ctx, String role) {
        if (!ctx.platform().roles().admitsService(GlueRoles.SERVICE_PRINCIPAL, GlueRoles.arnOf(role, ctx.accountId()))) {
            throw GlueErrors.invalidInput("Service is unable to assume provided role. Please verify role's TrustPolicy");
        }
    }

    /** Deletes a crawler that is not crawling, with its crawl history; the tables it made stay, as on AWS. */
    public DeleteCrawlerResponse deleteCrawler(RequestContext ctx, DeleteCrawlerRequest request) {
        String name = GlueErrors.name(request.name(), "name");
        CrawlersState state = states.get(ctx);
        synchronized (state) {
            requireReady(state.requireCrawler(name));
        }
        delete(state, name);
        return DeleteCrawlerResponse.builder().build();
    }

    /** Removes crawlers whose name starts with {@code prefix}, or all; their crawls in flight are stopped. */
    public int reset(String prefix) {
        return PrefixReset.remove(states, state -> state.crawlers.keys(), prefix, this::delete);
    }

    /** Removes the crawler whatever its state (DeleteCrawler once it is READY, a reset at any time). */
    private void delete(CrawlersState state, String name) {
        schedules.cancel(state.scope, name);
        synchronized (state) {
            state.crawlers.remove(name);
            state.seenFolders.remove(name);
            tagging.forget(state.scope, TaggedType.CRAWLER, name);
        }
        crawls.discard(state.scope, name);
    }

    private static void requireReady(Crawler crawler) {
        if (crawler.state() != CrawlerState.READY) {
            throw GlueErrors.crawlerBusyForChange(crawler.name());
        }
    }
}
