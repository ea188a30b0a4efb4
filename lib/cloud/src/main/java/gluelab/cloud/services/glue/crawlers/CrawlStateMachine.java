package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.EndsBeingHeard;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.connections.ConnectionSecrets;
import gluelab.cloud.services.glue.connections.SecretsManagerSecrets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerHistoryState;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/**
 * The one place where crawlers change state. A crawler is READY, RUNNING while it crawls, STOPPING after
 * StopCrawler, and READY again when the crawl ends, with LastCrawl SUCCEEDED, FAILED or CANCELLED; its crawl
 * (ListCrawls) goes RUNNING → COMPLETED, FAILED or STOPPED. Every change is journaled before anyone can see it.
 * A crawl's start and end publish "Glue Crawler State Change" events and write the crawler's log stream.
 *
 * <p>The crawl runs on a background thread, holding an activity so that advancing the lab clock lets it settle.
 * On AWS a crawl takes about a minute (mostly provisioning); in Lab Cloud it takes a second of
 * {@link #PROVISIONING} plus the reading and writing, so callers see RUNNING, then READY, as on AWS, and
 * StopCrawler has a crawl to stop.
 */
public final class CrawlStateMachine implements AutoCloseable {

    static final Duration PROVISIONING = Duration.ofSeconds(1);
    /** How long a crawl that ends by itself stays STOPPING, as on AWS, where it writes its logs and metrics. */
    static final Duration WINDING_DOWN = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(CrawlStateMachine.class.getName());

    /** A crawl in flight: not durable; after a restart its crawl ends FAILED. */
    private static final class LiveCrawl {
        final Scope scope;
        final CrawlPlan plan;
        final ActivityTracker.Activity activity;
        final CountDownLatch stopRequested = new CountDownLatch(1);

        LiveCrawl(Scope scope, CrawlPlan plan, ActivityTracker.Activity activity) {
            this.scope = scope;
            this.plan = plan;
            this.activity = activity;
        }

        void checkpoint() {
            if (stopRequested.getCount() == 0) {
                throw new CrawlCancelled();
            }
        }
    }

    private final Platform platform;
    private final AccountRegionStore<CrawlersState> states;
    private final CrawlLogs logs;
    private final CrawlerStateChangeEvents events;
    private final ConnectionSecrets secrets;
    private final Map<String, LiveCrawl> live = new ConcurrentHashMap<>();
    private final List<CrawlLauncher.CompletionListener> listeners = new CopyOnWriteArrayList<>();
    /** Crawls already ended whose end the listeners have not all heard yet. */
    private final EndsBeingHeard ending = new EndsBeingHeard();
    private volatile boolean closed;
    private final ExecutorService crawlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "glue-crawl");
        thread.setDaemon(true);
        return thread;
    });

    public CrawlStateMachine(Platform platform, AccountRegionStore<CrawlersState> states) {
        this.platform = platform;
        this.states = states;
        this.logs = new CrawlLogs(platform.logs(), platform.clock());
        this.events = new CrawlerStateChangeEvents(platform.events());
        this.secrets = new SecretsManagerSecrets(platform.internal());
    }

    /** The lab clock, to the millisecond that Glue's timestamps carry. */
    Instant now() {
        return platform.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- starting ------------------------------------------------------------------------------

    /** StartCrawler: the crawler must be READY, else CrawlerRunningException. */
    CrawlRecord start(Scope scope, String crawlerName, Instant at) {
        return start(scope, crawlerName, at, null);
    }

    /** @param startedIn the workflow run a trigger starts the crawl in, or null */
    CrawlRecord start(Scope scope, String crawlerName, Instant at, CrawlLauncher.WorkflowRun startedIn) {
        CrawlersState state = states.get(scope);
        CrawlRecord crawl;
        LiveCrawl liveCrawl;
        synchronized (state) {
            Crawler crawler = state.requireCrawler(crawlerName);
            if (crawler.state() != CrawlerState.READY) {
                throw GlueErrors.crawlerRunning(crawlerName);
            }
            String crawlId = UUID.randomUUID().toString();
            crawl = new CrawlRecord(crawlId, crawlerName, state.nextCrawlSequence(),
                    CrawlerHistoryState.RUNNING.toString(), at, null, null, null, startedIn);
            state.crawls.put(crawlId, crawl);
            state.crawlers.put(crawlerName, crawler.toBuilder().state(CrawlerState.RUNNING).build());
            liveCrawl = new LiveCrawl(scope, CrawlPlan.of(crawlId, crawler),
                    platform.activity().beginRun("Glue crawl " + crawlerName + " " + crawlId));
            live.put(key(scope, crawlerName), liveCrawl);
        }
        events.started(scope, crawl);
        logs.of(scope, crawlerName, crawl.crawlId()).benchmark("Running Start Crawl for Crawler " + crawlerName);
        crawlers.execute(() -> crawl(liveCrawl));
        return crawl;
    }

    /** On a crawl thread: provisions, crawls, and ends the crawl as it went. */
    private void crawl(LiveCrawl liveCrawl) {
        Scope scope = liveCrawl.scope;
        CrawlPlan plan = liveCrawl.plan;
        CrawlLogs.Crawl log = logs.of(scope, plan.crawler().name(), plan.crawlId());
        try {
            if (liveCrawl.stopRequested.await(PROVISIONING.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CrawlCancelled();
            }
            SeenFolders seen = states.get(scope).seenFolders.find(plan.crawler().name()).orElse(new SeenFolders(null));
            TargetsCrawl.Outcome outcome = new TargetsCrawl(platform.internal(), scope, plan, seen, log,
                    liveCrawl::checkpoint, platform.clock(), secrets).run();
            CrawlersState state = states.get(scope);
            synchronized (state) {
                if (state.crawlers.containsKey(plan.crawler().name())) {
                    state.seenFolders.put(plan.crawler().name(), seen.plus(outcome.foldersRead()));
                }
            }
            log.benchmark("Finished writing to Catalog");
            end(liveCrawl, LastCrawlStatus.SUCCEEDED, null, outcome.summary());
        } catch (CrawlCancelled | InterruptedException e) {
            log.info("The crawl was stopped (StopCrawler)");
            end(liveCrawl, LastCrawlStatus.CANCELLED, null, CrawlSummary.NONE);
        } catch (CrawlFailure | AwsServiceException e) {
            log.error(e.getMessage());
            end(liveCrawl, LastCrawlStatus.FAILED, e.getMessage(), CrawlSummary.NONE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Glue crawl " + plan.crawlId() + " of " + plan.crawler().name() + " failed", e);
            String message = "Internal Service Exception: " + e;
            log.error(message);
            end(liveCrawl, LastCrawlStatus.FAILED, message, CrawlSummary.NONE);
        }
    }

    // ---- stopping ------------------------------------------------------------------------------

    /** StopCrawler: RUNNING → STOPPING; the crawl ends CANCELLED at its next checkpoint. */
    void stop(Scope scope, String crawlerName) {
        CrawlersState state = states.get(scope);
        synchronized (state) {
            Crawler crawler = state.requireCrawler(crawlerName);
            if (crawler.state() == CrawlerState.STOPPING) {
                throw GlueErrors.crawlerStopping(crawlerName);
            }
            if (crawler.state() != CrawlerState.RUNNING) {
                throw GlueErrors.crawlerNotRunning(crawlerName);
            }
            state.crawlers.put(crawlerName, crawler.toBuilder().state(CrawlerState.STOPPING).build());
        }
        LiveCrawl liveCrawl = live.get(key(scope, crawlerName));
        if (liveCrawl != null) {
            liveCrawl.stopRequested.countDown();
        }
    }

    // ---- the end of a crawl --------------------------------------------------------------------

    private void end(LiveCrawl liveCrawl, LastCrawlStatus status, String errorMessage, CrawlSummary summary) {
        Scope scope = liveCrawl.scope;
        String name = liveCrawl.plan.crawler().name();
        if (closed) {
            // Lab Cloud is stopping: the crawl is left RUNNING in the journal and ends FAILED at the next start.
            liveCrawl.activity.close();
            return;
        }
        if (status != LastCrawlStatus.CANCELLED) {
            windDown(scope, name);
        }
        try {
            Optional<CrawlRecord> ended = endCrawl(scope, name, liveCrawl.plan.crawlId(), status, errorMessage, summary, now());
            ended.ifPresent(crawl -> {
                CrawlLogs.Crawl log = logs.of(scope, name, crawl.crawlId());
                if (status == LastCrawlStatus.SUCCEEDED) {
                    log.info("Crawl summary: " + summary.json());
                    events.succeeded(scope, crawl);
                } else if (status == LastCrawlStatus.FAILED) {
                    events.failed(scope, crawl);
                }
                log.benchmark("Crawler has finished running and is in state READY");
            });
        } finally {
            live.remove(key(scope, name), liveCrawl);
            liveCrawl.activity.close();
        }
    }

    /** RUNNING → STOPPING for {@link #WINDING_DOWN}, so that every crawl shows AWS's RUNNING → STOPPING → READY. */
    private void windDown(Scope scope, String name) {
        CrawlersState state = states.get(scope);
        synchronized (state) {
            Crawler crawler = state.crawlers.get(name);
            if (crawler == null || crawler.state() != CrawlerState.RUNNING) {
                return;
            }
            state.crawlers.put(name, crawler.toBuilder().state(CrawlerState.STOPPING).build());
        }
        try {
            Thread.sleep(WINDING_DOWN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Journals the end of a crawl, then tells the listeners (conditional triggers, workflows). */
    private Optional<CrawlRecord> endCrawl(Scope scope, String name, String crawlId, LastCrawlStatus status,
                                           String errorMessage, CrawlSummary summary, Instant at) {
        Optional<CrawlRecord> ended = journalEnd(scope, name, crawlId, status, errorMessage, summary, at);
        ended.ifPresent(crawl -> {
            try {
                for (CrawlLauncher.CompletionListener listener : listeners) {
                    try {
                        listener.completed(scope, crawl.crawlerName(), crawl.crawl(), crawl.startedIn());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "A listener failed on the end of crawl " + crawl.crawlId(), e);
                    }
                }
            } finally {
                ending.heard(crawl.crawlId());
            }
        });
        return ended;
    }

    /**
     * Whether the crawl may still start work: it is running, or it has ended and the listeners of its end (a
     * conditional trigger that starts the next job) have not all run yet.
     */
    boolean stillActive(CrawlRecord crawl) {
        return crawl.running() || ending.beingHeard(crawl.crawlId());
    }

    void addCompletionListener(CrawlLauncher.CompletionListener listener) {
        listeners.add(listener);
    }

    /** Journals the end of a crawl: the crawl's record, and the crawler READY with its LastCrawl. */
    private Optional<CrawlRecord> journalEnd(Scope scope, String name, String crawlId, LastCrawlStatus status,
                                             String errorMessage, CrawlSummary summary, Instant at) {
        CrawlersState state = states.get(scope);
        synchronized (state) {
            CrawlRecord running = state.crawls.get(crawlId);
            if (running == null || !running.running()) {
                return Optional.empty();
            }
            CrawlerHistoryState historyState = switch (status) {
                case SUCCEEDED -> CrawlerHistoryState.COMPLETED;
                case CANCELLED -> CrawlerHistoryState.STOPPED;
                default -> CrawlerHistoryState.FAILED;
            };
            CrawlRecord ended = running.ended(historyState.toString(), at, errorMessage, summary);
            ending.ended(crawlId);
            state.crawls.put(crawlId, ended);
            Crawler crawler = state.crawlers.get(name);
            if (crawler != null) {
                state.crawlers.put(name, crawler.toBuilder()
                        .state(CrawlerState.READY)
                        .lastCrawl(LastCrawlInfo.builder()
                                .status(status)
                                .errorMessage(errorMessage)
                                .logGroup(CrawlLogs.LOG_GROUP)
                                .logStream(name)
                                .messagePrefix(crawlId)
                                .startTime(running.startTime())
                                .build())
                        .build());
            }
            return Optional.of(ended);
        }
    }

    // ---- what GetCrawler shows while a crawl runs ----------------------------------------------

    /** The crawler as GetCrawler shows it: with CrawlElapsedTime (milliseconds) while it crawls. */
    Crawler withElapsedTime(CrawlersState state, Crawler crawler) {
        if (crawler.state() == CrawlerState.READY) {
            return crawler;
        }
        return runningCrawl(state, crawler.name())
                .map(crawl -> crawler.toBuilder()
                        .crawlElapsedTime(Math.max(0, Duration.between(crawl.startTime(), now()).toMillis())).build())
                .orElse(crawler);
    }

    Optional<CrawlRecord> runningCrawl(CrawlersState state, String crawlerName) {
        return state.crawls.values().stream()
                .filter(c -> c.crawlerName().equals(crawlerName) && c.running())
                .findFirst();
    }

    // ---- restarts, deletes and resets ----------------------------------------------------------

    /** After a restart: crawls that were in flight when Lab Cloud stopped can never finish; they end now. */
    public void endCrawlsInterruptedByRestart() {
        for (Map.Entry<Scope, CrawlersState> entry : states.all().entrySet()) {
            List<CrawlRecord> interrupted = entry.getValue().crawls.values().stream().filter(CrawlRecord::running).toList();
            for (CrawlRecord crawl : interrupted) {
                Crawler crawler = entry.getValue().crawlers.get(crawl.crawlerName());
                boolean stopping = crawler != null && crawler.state() == CrawlerState.STOPPING;
                endCrawl(entry.getKey(), crawl.crawlerName(), crawl.crawlId(),
                        stopping ? LastCrawlStatus.CANCELLED : LastCrawlStatus.FAILED,
                        stopping ? null : "Lab Cloud stopped while this crawl was RUNNING; the crawl was lost.",
                        CrawlSummary.NONE, now());
            }
            for (Crawler crawler : List.copyOf(entry.getValue().crawlers.values())) {
                if (crawler.state() != CrawlerState.READY) {
                    entry.getValue().crawlers.put(crawler.name(), crawler.toBuilder().state(CrawlerState.READY).build());
                }
            }
        }
    }

    /** Forgets a crawler's crawls (DeleteCrawler, a reset); a crawl in flight is told to stop and let go. */
    void discard(Scope scope, String crawlerName) {
        CrawlersState state = states.get(scope);
        synchronized (state) {
            List<String> ids = new ArrayList<>();
            state.crawls.values().stream().filter(c -> c.crawlerName().equals(crawlerName))
                    .forEach(c -> ids.add(c.crawlId()));
            ids.forEach(state.crawls::remove);
        }
        LiveCrawl liveCrawl = live.remove(key(scope, crawlerName));
        if (liveCrawl != null) {
            liveCrawl.stopRequested.countDown();
            liveCrawl.activity.close();
        }
    }

    private static String key(Scope scope, String crawlerName) {
        return scope.account() + "/" + scope.region() + "/" + crawlerName;
    }

    @Override
    public void close() {
        closed = true;
        crawlers.shutdownNow();
    }
}
