package gluelab.cloud.services.glue;

import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.glue.catalog.CatalogState;
import gluelab.cloud.services.glue.catalog.DatabaseOperations;
import gluelab.cloud.services.glue.catalog.PartitionIndexOperations;
import gluelab.cloud.services.glue.catalog.PartitionOperations;
import gluelab.cloud.services.glue.catalog.TableOperations;
import gluelab.cloud.services.glue.connections.ConnectionOperations;
import gluelab.cloud.services.glue.connections.ConnectionsState;
import gluelab.cloud.services.glue.connections.SecretsManagerSecrets;
import gluelab.cloud.services.glue.crawlers.CrawlLauncher;
import gluelab.cloud.services.glue.crawlers.CrawlOperations;
import gluelab.cloud.services.glue.crawlers.CrawlStateMachine;
import gluelab.cloud.services.glue.crawlers.CrawlerOperations;
import gluelab.cloud.services.glue.crawlers.CrawlerScheduleOperations;
import gluelab.cloud.services.glue.crawlers.CrawlerSchedules;
import gluelab.cloud.services.glue.crawlers.CrawlersState;
import gluelab.cloud.services.glue.dataquality.DataQualityEvaluationRuns;
import gluelab.cloud.services.glue.dataquality.DataQualityResultOperations;
import gluelab.cloud.services.glue.dataquality.DataQualityRulesetEvaluationRunOperations;
import gluelab.cloud.services.glue.dataquality.DataQualityRulesetOperations;
import gluelab.cloud.services.glue.dataquality.DataQualityState;
import gluelab.cloud.services.glue.jobs.JobBookmarkOperations;
import gluelab.cloud.services.glue.jobs.JobLauncher;
import gluelab.cloud.services.glue.jobs.JobOperations;
import gluelab.cloud.services.glue.jobs.JobRunOperations;
import gluelab.cloud.services.glue.jobs.JobRunStateMachine;
import gluelab.cloud.services.glue.jobs.JobsState;
import gluelab.cloud.services.glue.tags.TagOperations;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import gluelab.cloud.services.glue.tags.TagsState;
import gluelab.cloud.services.glue.triggers.ConditionalTriggers;
import gluelab.cloud.services.glue.triggers.TriggerActions;
import gluelab.cloud.services.glue.triggers.TriggerOperations;
import gluelab.cloud.services.glue.triggers.TriggerSchedules;
import gluelab.cloud.services.glue.triggers.TriggersState;
import gluelab.cloud.services.glue.worker.DisabledExecutor;
import gluelab.cloud.services.glue.worker.GlueWorkerClient;
import gluelab.cloud.services.glue.worker.JobRunExecutor;
import gluelab.cloud.services.glue.worker.WorkerClasspath;
import gluelab.cloud.services.glue.worker.WorkerCommandLine;
import gluelab.cloud.services.glue.worker.WorkerEventRoutes;
import gluelab.cloud.services.glue.worker.WorkerEvents;
import gluelab.cloud.services.glue.workflows.WorkflowEventBatches;
import gluelab.cloud.services.glue.workflows.WorkflowOperations;
import gluelab.cloud.services.glue.workflows.WorkflowRunOperations;
import gluelab.cloud.services.glue.workflows.WorkflowRunStateMachine;
import gluelab.cloud.services.glue.workflows.WorkflowsState;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * AWS Glue: the Data Catalog, jobs that really run on Spark, triggers that start them, and crawlers that infer
 * tables from S3. This class names the service and wires its parts together; the operations live in one
 * {@code <Resource>Operations} class per resource. The parts' packages depend one way: workflows use triggers, and
 * triggers use jobs and crawlers (through {@link JobLauncher} and {@link CrawlLauncher}); jobs and crawlers hear
 * nothing of triggers but that a run or crawl ended; crawlers write the catalog through its own operations, as the
 * crawler's role; every part keeps its tags with {@link Tagging}.
 */
public final class GlueProvider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(
            "glue", "glue", Protocol.JSON_1_1, "AWSGlue", "2017-03-31",
            "software.amazon.awssdk.services.glue.model", "Message");
    private static final AccessRules ACCESS_RULES = new GlueAccessRules();

    private static final String SERVICE = "glue";

    private final TagOperations tags;
    private final DatabaseOperations databases;
    private final TableOperations tables;
    private final PartitionOperations partitions;
    private final PartitionIndexOperations partitionIndexes;
    private final JobRunStateMachine runs;
    private final JobOperations jobs;
    private final JobRunOperations jobRuns;
    private final JobBookmarkOperations jobBookmarks;
    private final TriggerSchedules triggerSchedules;
    private final TriggerOperations triggers;
    private final CrawlStateMachine crawls;
    private final CrawlerSchedules crawlerSchedules;
    private final CrawlerOperations crawlers;
    private final CrawlerScheduleOperations crawlerScheduleOperations;
    private final CrawlOperations crawlOperations;
    private final ConnectionOperations connections;
    private final WorkflowRunStateMachine workflowRuns;
    private final WorkflowEventBatches workflowEventBatches;
    private final WorkflowOperations workflows;
    private final WorkflowRunOperations workflowRunOperations;
    private final DataQualityEvaluationRuns dataQualityRuns;
    private final DataQualityRulesetOperations dataQualityRulesets;
    private final DataQualityRulesetEvaluationRunOperations dataQualityEvaluationRuns;
    private final DataQualityResultOperations dataQualityResults;

    private final GlueConsoleView console;

    public GlueProvider(Platform platform) {
        this.console = new GlueConsoleView(new ConsoleReads(platform.internal()));
        Tagging tagging = new Tagging(new AccountRegionStore<>(SERVICE, platform.state(), TagsState::new));

        AccountRegionStore<CatalogState> catalogs = new AccountRegionStore<>(SERVICE, platform.state(), CatalogState::new);
        this.databases = new DatabaseOperations(catalogs, tagging);
        this.tables = new TableOperations(catalogs);
        this.partitions = new PartitionOperations(catalogs);
        this.partitionIndexes = new PartitionIndexOperations(catalogs);

        // Job runs execute on the Glue worker (a warm Spark JVM) as LabCloudConfig.glueWorker() says.
        AccountRegionStore<JobsState> jobStates = new AccountRegionStore<>(SERVICE, platform.state(), JobsState::new);
        AccountRegionStore<ConnectionsState> connectionStates = new AccountRegionStore<>(SERVICE, platform.state(),
                ConnectionsState::new);
        // One worker runs job runs and Data Quality evaluation runs; each hears of its own runs.
        WorkerEventRoutes workerEvents = new WorkerEventRoutes();
        JobRunExecutor executor = executor(platform, workerEvents);
        this.runs = new JobRunStateMachine(platform, jobStates, events -> {
            workerEvents.jobRunsTo(events);
            return executor;
        }, (scope, name) -> connectionStates.get(scope).hasConnection(name));
        this.jobs = new JobOperations(jobStates, runs, tagging);
        this.jobRuns = new JobRunOperations(jobStates, runs);
        this.jobBookmarks = new JobBookmarkOperations(jobStates);

        AccountRegionStore<CrawlersState> crawlerStates = new AccountRegionStore<>(SERVICE, platform.state(), CrawlersState::new);
        this.crawls = new CrawlStateMachine(platform, crawlerStates);
        this.crawlerSchedules = new CrawlerSchedules(platform, crawlerStates, crawls);
        this.crawlers = new CrawlerOperations(crawlerStates, crawls, crawlerSchedules, tagging);
        this.crawlerScheduleOperations = new CrawlerScheduleOperations(crawlerStates, crawls, crawlerSchedules);
        this.crawlOperations = new CrawlOperations(crawlerStates, crawls);

        AccountRegionStore<TriggersState> triggerStates = new AccountRegionStore<>(SERVICE, platform.state(), TriggersState::new);
        JobLauncher launcher = new JobLauncher(jobStates, runs);
        CrawlLauncher crawlLauncher = new CrawlLauncher(crawlerStates, crawls);
        TriggerActions actions = new TriggerActions(launcher, crawlLauncher);
        this.triggerSchedules = new TriggerSchedules(platform, triggerStates, actions);
        ConditionalTriggers conditionalTriggers = new ConditionalTriggers(triggerStates, actions);
        launcher.whenRunsEnd(conditionalTriggers);
        crawlLauncher.whenCrawlsEnd(conditionalTriggers);
        this.triggers = new TriggerOperations(triggerStates, launcher, crawlLauncher, triggerSchedules, actions, tagging);

        // Workflows hear of a run's end after the conditional triggers, which may start its successors first.
        AccountRegionStore<WorkflowsState> workflowStates = new AccountRegionStore<>(SERVICE, platform.state(), WorkflowsState::new);
        this.workflowRuns = new WorkflowRunStateMachine(platform, workflowStates, triggerStates, actions, launcher,
                crawlLauncher);
        actions.startWorkflowsWith(workflowRuns);
        launcher.whenRunsEnd(workflowRuns);
        crawlLauncher.whenCrawlsEnd(workflowRuns);
        this.workflowEventBatches = new WorkflowEventBatches(platform, workflowStates, workflowRuns);
        this.workflows = new WorkflowOperations(workflowStates, workflowRuns, workflowEventBatches, triggers, tagging,
                platform.clock()::instant);
        this.workflowRunOperations = new WorkflowRunOperations(workflowStates, workflowRuns, workflowEventBatches);

        AccountRegionStore<DataQualityState> dataQualityStates = new AccountRegionStore<>(SERVICE, platform.state(),
                DataQualityState::new);
        this.dataQualityRuns = new DataQualityEvaluationRuns(platform, dataQualityStates, executor, workerEvents, runs::scopeOf);
        this.dataQualityRulesets = new DataQualityRulesetOperations(dataQualityStates, platform.clock()::instant);
        this.dataQualityEvaluationRuns = new DataQualityRulesetEvaluationRunOperations(dataQualityStates, dataQualityRuns);
        this.dataQualityResults = new DataQualityResultOperations(dataQualityStates);

        this.connections = new ConnectionOperations(connectionStates, tagging, new SecretsManagerSecrets(platform.internal()));

        tagging.register(TaggedType.DATABASE, (scope, name) -> catalogs.get(scope).databaseNamed(name),
                GlueErrors::databaseNotFound);
        tagging.register(TaggedType.JOB, Tagging.Resources.named((scope, name) -> jobStates.get(scope).hasJob(name)),
                GlueErrors::jobNotFound);
        tagging.register(TaggedType.TRIGGER, Tagging.Resources.named(
                (scope, name) -> triggerStates.get(scope).hasTrigger(name)), GlueErrors::triggerNotFound);
        tagging.register(TaggedType.CRAWLER, Tagging.Resources.named(
                (scope, name) -> crawlerStates.get(scope).hasCrawler(name)), GlueErrors::crawlerNotFound);
        tagging.register(TaggedType.CONNECTION, Tagging.Resources.named(
                (scope, name) -> connectionStates.get(scope).hasConnection(name)), GlueErrors::connectionNotFound);
        tagging.register(TaggedType.WORKFLOW, Tagging.Resources.named(
                (scope, name) -> workflowStates.get(scope).hasWorkflow(name)), GlueErrors::workflowNotFound);
        this.tags = new TagOperations(tagging);

        runs.endRunsInterruptedByRestart();
        crawls.endCrawlsInterruptedByRestart();
        workflowRuns.endRunsInterruptedByRestart();
        dataQualityRuns.endRunsInterruptedByRestart();
        workflowEventBatches.restoreAll();
        triggerSchedules.restoreAll();
        crawlerSchedules.restoreAll();
    }

    /** Started at start-up (EAGER), on the first run (LAZY), or never (OFF: runs fail saying so). */
    private static JobRunExecutor executor(Platform platform, WorkerEvents events) {
        LabCloudConfig.GlueWorkerMode mode = platform.config().glueWorker();
        if (mode == LabCloudConfig.GlueWorkerMode.OFF) {
            return new DisabledExecutor(events);
        }
        GlueWorkerClient worker = new GlueWorkerClient(
                () -> WorkerCommandLine.launch(WorkerClasspath.find(), platform.config().sparkMaster(),
                        WorkerClasspath.archiveDirectory()),
                platform.state().payloadDir("glue").resolve("worker"), events);
        if (mode == LabCloudConfig.GlueWorkerMode.EAGER) {
            worker.keepWarm();
        }
        return worker;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return ACCESS_RULES;
    }

    @Override
    public List<Object> operationHandlers() {
        return List.of(databases, tables, partitions, partitionIndexes, jobs, jobRuns, jobBookmarks, triggers, crawlers,
                crawlerScheduleOperations, crawlOperations, connections, workflows, workflowRunOperations, dataQualityRulesets,
                dataQualityEvaluationRuns, dataQualityResults, tags);
    }

    /**
     * Workflows go before their triggers, triggers before the jobs they start; databases keep the tables crawlers
     * made, as on AWS.
     */
    @Override
    public int reset(String prefix) {
        return workflows.reset(prefix) + triggers.reset(prefix) + jobs.reset(prefix) + crawlers.reset(prefix) + databases.reset(prefix)
                + connections.reset(prefix) + dataQualityRulesets.reset(prefix) + dataQualityResults.reset(prefix);
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public Map<String, Supplier<String>> healthDetails() {
        return Map.of("glueWorker", runs::executorStatus);
    }

    @Override
    public void close() {
        crawlerSchedules.close();
        crawls.close();
        workflowEventBatches.close();
        triggerSchedules.close();
        runs.close();
    }
}
